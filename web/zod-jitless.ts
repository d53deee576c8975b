// The browser build's `zod`: every `import … from 'zod'` of a page, the store host or the renderer
// resolves here (tooling/zod-jitless-alias.ts). Zod itself, with its eval-based fast path turned
// off before any schema is built: the pages' CSP forbids eval, and zod's probe for it would
// otherwise log a violation. As the module `zod` names, it runs before the first schema of
// whichever script loads zod first, so no page has to import it first and a page whose first
// screen builds no schema does not load zod at all (decision 0016).

import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z, z as default };
