// Who someone at the kiosk is, from what they typed or scanned: their employee id, email or badge
// number, active users only. Answers one person or nothing; never lists or suggests anyone.

import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface IdentifiedPerson {
  id: string;
  name: string;
  vip: boolean;
}

/** What the kiosk says when it cannot tell who someone is (the same whatever the reason). */
export const NOT_RECOGNIZED =
  'We could not find you with that. Check it and try again, or check in as a guest.';

/**
 * The one active person whose employee id, badge number (exactly, spaces around ignored) or email
 * (any case) is `identifier`. Two different people matching (an email that is someone else's
 * badge) is no answer either: the kiosk never guesses. Restricted accounts are nobody to serve.
 */
export async function identifyPerson(
  db: Kysely<Database>,
  identifier: string,
): Promise<IdentifiedPerson | undefined> {
  const value = identifier.trim();
  if (value === '') return undefined;
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'first_name', 'last_name', 'vip', 'roles'])
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb('employee_id', '=', value),
        eb('badge_number', '=', value),
        eb(sql<string>`lower(email)`, '=', value.toLowerCase()),
      ]),
    )
    .limit(2)
    .execute();
  const [row, other] = rows;
  if (!row || other) return undefined;
  if (row.roles.some((role) => role === 'kiosk' || role === 'lobby')) return undefined;
  const name = row.name.trim() || `${row.first_name} ${row.last_name}`.trim();
  return { id: row.id, name, vip: row.vip };
}
