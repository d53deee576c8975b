// What every route module receives: the database, the session service, the poke bus and the
// clock. Passed in, never imported, so a test can hand its own.

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Sessions } from '../auth/sessions';
import type { PokeBus } from '../sync/poke-bus';

export interface RouteDeps {
  db: Kysely<Database>;
  sessions: Sessions;
  pokes: PokeBus;
  now: () => Date;
}

/** Every role may sync; reading the API for integrations needs agent or admin. */
export const ANY_ROLE = ['agent', 'technician', 'admin'] as const;
export const READ_API_ROLES = ['agent', 'admin'] as const;
