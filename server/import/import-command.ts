// PLACEHOLDER written by ACCOUNTS so `npm run admin -- import` compiles: IMPORT-SERVER's real file
// (branch wip-imp, same exports) replaces it at the merge. It never writes anything.

import type { Kysely } from 'kysely';
import type { DirectoryWriteDeps } from '../admin/directory-write';
import type { Database } from '../db/schema';

export interface ImportCommandDeps {
  db: Kysely<Database>;
  pokes?: DirectoryWriteDeps['pokes'];
  out: (line: string) => void;
  now: () => Date;
}

/** `npm run admin -- import FILE --kind users [--dry-run]`; answers the process exit code. */
export function runImportCommand(args: string[], deps: ImportCommandDeps): Promise<number> {
  deps.out(`The import command is not built yet (asked: import ${args.join(' ')}).`);
  return Promise.resolve(1);
}
