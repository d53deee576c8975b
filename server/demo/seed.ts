// Seeds the deterministic demo directory and demo accounts into an empty database, once.
// It never touches a database that already holds a directory it did not seed.

import type { Kysely } from 'kysely';
import type { Directory, User } from '../../shared/domain/directory';
import {
  DEMO_AGENT_USER_NAME,
  DEMO_EMAIL_DOMAIN,
  generateDirectory,
} from '../../shared/demo/directory-generator';
import { hashPassword } from '../auth/passwords';
import type { Database } from '../db/schema';
import { insertDirectory } from '../directory/directory-store';
import { lockVersion, saveVersion } from '../sync/versions';

/** Written in the README: every demo account signs in with it. */
export const DEMO_PASSWORD = 'deskpad-demo';

export interface DemoOptions {
  users?: number;
  seed?: number;
}

const demoUser = (
  id: string,
  userName: string,
  firstName: string,
  lastName: string,
  roles: User['roles'],
): User => ({
  id,
  userName,
  firstName,
  lastName,
  name: `${firstName} ${lastName}`,
  email: `${userName}@${DEMO_EMAIL_DOMAIN}`,
  phone: '',
  employeeId: '',
  department: 'Information Technology',
  location: '',
  vip: false,
  roles,
});

/** The generated directory plus a technician and an administrator to sign in as. */
export function demoDirectory(options: DemoOptions = {}): Directory {
  const directory = generateDirectory({ users: options.users ?? 5000, seed: options.seed ?? 1 });
  const technician = demoUser('usr_demo_technician', 'demo.technician', 'Demo', 'Technician', [
    'technician',
  ]);
  const admin = demoUser('usr_demo_admin', 'demo.admin', 'Demo', 'Admin', ['admin']);
  return {
    users: [...directory.users, technician, admin],
    groups: directory.groups.map((g) =>
      g.id === 'grp_network' ? { ...g, memberIds: [...g.memberIds, technician.id] } : g,
    ),
    configurationItems: directory.configurationItems,
  };
}

/** Who may sign in with DEMO_PASSWORD: the desk agents (demo.agent first) and the two extra accounts. */
export function demoAccounts(directory: Directory): User[] {
  return directory.users.filter(
    (u) =>
      u.roles.includes('agent') || u.userName === 'demo.technician' || u.userName === 'demo.admin',
  );
}

export type SeedOutcome = 'seeded' | 'already-seeded' | 'directory-exists';

export async function seedDemo(
  db: Kysely<Database>,
  options: DemoOptions = {},
): Promise<SeedOutcome> {
  const marker = await db
    .selectFrom('server_meta')
    .select('value')
    .where('key', '=', 'demo_seed')
    .executeTakeFirst();
  if (marker) return 'already-seeded';
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return 'directory-exists';

  const directory = demoDirectory(options);
  const accounts = demoAccounts(directory);
  if (!accounts.some((u) => u.userName === DEMO_AGENT_USER_NAME))
    throw new Error('the demo directory lost demo.agent');
  const hashes = new Map(
    await Promise.all(
      accounts.map(async (u) => [u.id, await hashPassword(DEMO_PASSWORD)] as const),
    ),
  );

  return db.transaction().execute(async (trx) => {
    const version = await lockVersion(trx);
    // Checked again under the lock: two instances started with --demo seed only once.
    const raced = await trx
      .selectFrom('server_meta')
      .select('value')
      .where('key', '=', 'demo_seed')
      .executeTakeFirst();
    if (raced) return 'already-seeded';
    await saveVersion(trx, await insertDirectory(trx, directory, version, hashes));
    await trx
      .insertInto('server_meta')
      .values({
        key: 'demo_seed',
        value: JSON.stringify({ users: directory.users.length, seed: options.seed ?? 1 }),
      })
      .execute();
    return 'seeded';
  });
}
