// Small pieces the organization's administration stores share: the database type, the version
// counter a write is handed, search patterns and "not found" answers. Never writes anything.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import type { AuditActor } from './audit-log';

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
export const containing = (text: string): string =>
  `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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
