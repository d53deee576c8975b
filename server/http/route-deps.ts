// What every route module receives: the database, the session service, the poke bus and the
// clock. Passed in, never imported, so a test can hand its own.

import type { Kysely } from 'kysely';
import { READ_ALL_ROLES, ROLES, SYNC_ROLES } from '../../shared/commands/permission';
import type { Database } from '../db/schema';
import type { Sessions } from '../auth/sessions';
import type { PhoneRegion } from '../directory/phone-e164';
import type { PokeBus } from '../sync/poke-bus';

export interface RouteDeps {
  db: Kysely<Database>;
  sessions: Sessions;
  pokes: PokeBus;
  now: () => Date;
  /** The region phone numbers without a country code are read in (`--phone-region`; US). */
  phoneRegion?: PhoneRegion;
  /** Where uploaded import files wait (`<data>/imports`; a temp directory when unset). */
  importDir?: string;
}

/**
 * From the permission matrix (decision 0008): every signed-in account has its session; the desk
 * roles sync and read the directory (a technician pulls only what it works; kiosk and lobby
 * accounts never do); the read API answers every record, so it is the roles' that see everything.
 */
export const ANY_ROLE = ROLES;
export { SYNC_ROLES };
export const READ_API_ROLES = READ_ALL_ROLES;
