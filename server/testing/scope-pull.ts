// Pulls a desk's scope page after page straight from the pull function, as the scope tests read
// it: the key (`kind:id`) of every record sent, in order, and the cursor the last page left. With
// `worked`, as a technician's desk pulls.

import { RECORD_KINDS, recordKey } from '../../shared/commands/record-set';
import type { ServerDatabase } from '../db/open-database';
import type { DeskScope } from '../sync/desk-scope';
import { pull } from '../sync/pull';
import type { WorkedBy } from '../db/record-tables';

/** More pages than any test's organization needs: a cursor that never ends fails the test. */
const MAX_PAGES = 100;

export async function pullScopeKeys(
  database: ServerDatabase,
  desk: DeskScope,
  limit: number,
  from: string | null,
  worked?: WorkedBy,
): Promise<{ keys: string[]; cursor: string | null }> {
  const keys: string[] = [];
  let cursor = from;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await pull(
      database.db,
      { clientId: 'desk-p', cursor },
      limit,
      worked ? { kind: 'worked', ...worked, desk } : { kind: 'everything', desk },
    );
    for (const kind of RECORD_KINDS)
      for (const record of answer[`${kind}s`]) keys.push(recordKey({ kind, id: record.id }));
    cursor = answer.cursor;
    if (!answer.more) return { keys, cursor };
  }
  throw new Error(`the scope did not end within ${MAX_PAGES} pages`);
}
