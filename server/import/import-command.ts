// PLACEHOLDER written by ACCOUNTS so `npm run admin -- import` compiles: IMPORT-SERVER replaces this
// file with the real CSV import command. It must never write anything.

import type { AdminCliDeps } from '../admin-cli/cli-deps';

/** `npm run admin -- import FILE --kind users [--dry-run]`; answers the process exit code. */
export function runImportCommand(args: readonly string[], deps: AdminCliDeps): Promise<number> {
  deps.err(`The import command is not built yet (asked: import ${args.join(' ')}).`);
  return Promise.resolve(1);
}
