// Turns off zod's eval-based fast path before any schema runs. Imported first by the desktop
// pages: their CSP forbids eval, and zod's probe for it would otherwise log a violation.

import { z } from 'zod';

z.config({ jitless: true });
