// What account changes need from Administration's foundation, as one parameter: a directory write
// (one transaction under the version lock, desks poked after) with its audit rows. No rules here.

import type { Transaction } from 'kysely';
import { recordAudit, type AuditActor } from '../admin/audit-log';
import { writeDirectory } from '../admin/directory-write';
import type { ServerDatabase } from '../db/open-database';
import type { Database } from '../db/schema';

export type { AuditActor };

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

/** The writer over a database: writeDirectory, with each audit row in the same transaction. */
export function directoryWriterFor(
  database: Pick<ServerDatabase, 'db' | 'pokes'>,
  now: () => Date,
): DirectoryWriter {
  return (work) =>
    writeDirectory(database, (trx, nextVersion) =>
      work(trx, nextVersion, (entry) =>
        recordAudit(trx, {
          at: now(),
          actor: entry.actor,
          action: entry.action,
          targetKind: entry.target.kind,
          targetId: entry.target.id,
          targetName: entry.target.name,
          before: entry.before,
          after: entry.after,
        }),
      ),
    );
}
