// Small pieces the organization's administration stores share: the database type, the write a
// change is handed (adminWrite), search patterns and refusals. Never writes a row itself.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import type { RouteDeps } from '../http/route-deps';
import type { AdminContext } from './admin-operations';
import type { AuditActor } from './audit-log';
import { writeDirectory } from './directory-write';

export type Db = Kysely<Database> | Transaction<Database>;

/** The next directory change version (writeDirectory hands it to a write). */
export type NextVersion = () => number;

/** Who writes, when, and the version counter: what every change is handed. */
export interface AdminWrite {
  trx: Transaction<Database>;
  nextVersion: NextVersion;
  actor: AuditActor;
  now: Date;
}

/** `%` and `_` typed by a person are letters, not wildcards. */
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const startingWith = (text: string): string =>
  `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function notFound(what: string, id: string): ApiError {
  return new ApiError(404, 'not-found', `There is no ${what} with id ${id}.`);
}

/** A change the rules refuse (a cycle, a duplicate name): 409 with the field it is about. */
export function refused(message: string, field?: string): ApiError {
  return new ApiError(
    409,
    'conflict',
    message,
    field === undefined ? {} : { fieldErrors: { [field]: message } },
  );
}

/** An administrative change the desks never receive (integrations, phone queues): no version. */
export type AuditedWrite = Omit<AdminWrite, 'nextVersion'>;

/**
 * Runs an administrative change to the server's own settings in one transaction, as the asking
 * agent: audited like every change, but outside the directory (no version taken, no desk poked).
 */
export function auditedWrite<T>(
  deps: Pick<RouteDeps, 'db' | 'now'>,
  actor: AuditActor,
  work: (w: AuditedWrite) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute((trx) => work({ trx, actor, now: deps.now() }));
}

/** Runs an administrative change in writeDirectory's transaction, as the asking agent. */
export function adminWrite<T>(
  deps: RouteDeps,
  context: AdminContext,
  work: (w: AdminWrite) => Promise<T>,
): Promise<T> {
  return writeDirectory(deps, (trx, nextVersion) =>
    work({ trx, nextVersion, actor: context.actor, now: deps.now() }),
  );
}
