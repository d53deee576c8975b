// Runs a transaction again when PostgreSQL gave it up for a reason that another try can pass:
// a deadlock, a serialization failure, or a row another transaction inserted first. Nothing else.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** deadlock_detected, serialization_failure, unique_violation. */
const RETRIED = new Set(['40P01', '40001', '23505']);
const ATTEMPTS = 5;

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/**
 * `work` must be safe to run again from the start: everything it did was rolled back. A unique
 * violation is retried because the next try reads the row that caused it (a create of an id
 * another desk created meanwhile is then the same record); after `ATTEMPTS` the error stands.
 */
export async function retriedTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      const code = codeOf(error);
      if (attempt >= ATTEMPTS || code === undefined || !RETRIED.has(code)) throw error;
      // Jittered, so two pushes that collided do not collide again at once.
      await pause(Math.random() * 5 * attempt);
    }
  }
}
