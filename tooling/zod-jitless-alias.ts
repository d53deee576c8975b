// Points the browser builds' `zod` at web/zod-jitless.ts: zod with its eval probe off before any
// schema exists, whichever script loads it first. Exactly `zod`; the module itself imports
// `zod/v4`, which this leaves alone.

import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';

export const zodJitlessAlias: Alias = {
  find: /^zod$/,
  replacement: fileURLToPath(new URL('../web/zod-jitless.ts', import.meta.url)),
};
