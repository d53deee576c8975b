// Every administrative write to the directory (users, groups, configuration items, catalog items,
// locations) runs here: one transaction under the version lock, then a poke. Never writes outside it.

import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { RouteDeps } from '../http/route-deps';
import { lockVersion, saveVersion } from '../sync/versions';

export type DirectoryWriteDeps = Pick<RouteDeps, 'db' | 'pokes'> & {
  /** Where a failed poke is reported (the change is committed; desks catch up on their next sync). */
  warn?: (message: string, error: unknown) => void;
};

/**
 * Runs `work` in one transaction holding the directory's version lock (versions.ts): each row it
 * changes takes `nextVersion()`, so the desks' directory feed carries exactly the changed rows,
 * in order. After the commit, when any version was taken, the desks are poked to sync.
 */
export async function writeDirectory<T>(
  deps: DirectoryWriteDeps,
  work: (trx: Transaction<Database>, nextVersion: () => number) => Promise<T>,
): Promise<T> {
  let changed = false;
  const result = await deps.db.transaction().execute(async (trx) => {
    const start = await lockVersion(trx);
    let version = start;
    const answer = await work(trx, () => ++version);
    if (version !== start) await saveVersion(trx, version);
    changed = version !== start;
    return answer;
  });
  if (changed)
    await deps.pokes.publish({ topic: 'directory' }).catch((error: unknown) => {
      deps.warn?.('could not poke the desks after a directory change', error);
    });
  return result;
}
