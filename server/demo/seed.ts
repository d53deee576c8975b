// Seeds the deterministic demo directory, demo accounts, the demo catalog, demo incidents (the
// printer example first), the demo walk-up desk (seed-walk-up.ts) and the desk's past weeks
// (seed-history.ts) into an empty database, once. It never touches a database that already
// holds a directory it did not seed.
//
// The printer example (DEMO_PRINTER_EXAMPLE in shared/demo/incident-generator.ts): incident
// INC0001001 is open on LON-RH-F1 network (ci_000002), the floor network of printer LON-RH-F1-PRN01
// (ci_000004); a caller at that site, joaquin.hoang (usr_000035), cannot print. Find existing
// incidents from an interaction on the printer offers INC0001001, one parent up.

import type { Kysely, Transaction } from 'kysely';
import { generateCatalog } from '../../shared/demo/catalog-generator';
import {
  DEMO_AGENT_USER_NAME,
  DEMO_EMAIL_DOMAIN,
  generateDirectory,
} from '../../shared/demo/directory-generator';
import { generateIncidents } from '../../shared/demo/incident-generator';
import type { CatalogItem } from '../../shared/domain/catalog';
import type { Directory, User } from '../../shared/domain/directory';
import { hashPassword } from '../auth/passwords';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';
import { insertDirectory, upsertCatalogItems } from '../directory/directory-store';
import { lockVersion, saveVersion } from '../sync/versions';
import { upsertIncidents } from '../tasks/task-store';
import { insertDemoHistory } from './seed-history';
import { insertDemoPhone, insertDemoWalkUp } from './seed-walk-up';
import { insertDemoTemplates } from './seed-templates';

/** Written in the README: every demo account signs in with it. */
export const DEMO_PASSWORD = 'deskpad-demo';

export interface DemoOptions {
  users?: number;
  seed?: number;
  /** Demo incidents, the printer example first; 200 by default, as a local demo desk has. */
  incidents?: number;
  /** The newest demo incident is opened just before this; the printer example 20 minutes before. */
  now?: () => Date;
  /** Days of history before today (seed-history.ts); 28 by default, 0 for today's only. */
  historyDays?: number;
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
  active: true,
  mobile: '',
  phoneE164: '',
  mobileE164: '',
  roles,
});

/** The generated directory plus a technician, a desk manager and an administrator to sign in as. */
export function demoDirectory(options: DemoOptions = {}): Directory {
  const directory = generateDirectory({ users: options.users ?? 5000, seed: options.seed ?? 1 });
  const technician = demoUser('usr_demo_technician', 'demo.technician', 'Demo', 'Technician', [
    'technician',
  ]);
  const manager = demoUser('usr_demo_manager', 'demo.manager', 'Demo', 'Manager', ['manager']);
  const admin = demoUser('usr_demo_admin', 'demo.admin', 'Demo', 'Admin', ['admin']);
  return {
    users: [...directory.users, technician, manager, admin],
    groups: directory.groups.map((g) =>
      g.id === 'grp_network' ? { ...g, memberIds: [...g.memberIds, technician.id] } : g,
    ),
    configurationItems: directory.configurationItems,
  };
}

const EXTRA_ACCOUNTS: readonly string[] = ['demo.technician', 'demo.manager', 'demo.admin'];

/** Who may sign in with DEMO_PASSWORD: the desk agents (demo.agent first) and the three extra accounts. */
export function demoAccounts(directory: Directory): User[] {
  return directory.users.filter(
    (u) => u.roles.includes('agent') || EXTRA_ACCOUNTS.includes(u.userName),
  );
}

/**
 * The demo catalog, checked against the directory it is seeded with: a request for an item must
 * land in an assignment group that exists.
 */
export function demoCatalog(directory: Directory): CatalogItem[] {
  const groups = new Set(directory.groups.map((g) => g.id));
  const catalog = generateCatalog();
  for (const item of catalog) {
    if (item.fulfillmentGroup !== null && !groups.has(item.fulfillmentGroup))
      throw new Error(
        `demo catalog item ${item.id} goes to a missing group ${item.fulfillmentGroup}`,
      );
  }
  return catalog;
}

/**
 * `tasks-added`: a demo seeded before incidents existed (issue 3) got its catalog and incidents;
 * `walk-up-added`: a demo seeded before the walk-up desk (issue 12) got its locations and visits.
 */
export type SeedOutcome =
  | 'seeded'
  | 'already-seeded'
  | 'tasks-added'
  | 'walk-up-added'
  | 'phone-added'
  | 'history-added'
  | 'directory-exists';

interface DemoMarker {
  users: number;
  seed: number;
  /** Set once the catalog and incidents are in; absent on a demo seeded before issue 4. */
  tasks?: { incidents: number };
  /** Set once the walk-up locations, badges and visits are in; absent before issue 12. */
  walkUp?: true;
  /** Set once the phone queue and wrap-up codes are in; absent before issue 13. */
  phone?: true;
  /** Set once the desk's past weeks are in; absent before issue 14. */
  history?: true;
}

async function readMarker(
  db: Kysely<Database> | Transaction<Database>,
): Promise<DemoMarker | null> {
  const row = await db
    .selectFrom('server_meta')
    .select('value')
    .where('key', '=', 'demo_seed')
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as DemoMarker) : null;
}

/** The demo catalog after `afterVersion`; answers the last version used. */
const insertDemoCatalog = (
  trx: Transaction<Database>,
  directory: Directory,
  afterVersion: number,
): Promise<number> => upsertCatalogItems(trx, demoCatalog(directory), afterVersion);

/**
 * Demo incidents numbered from the `incident` counter (INC0001001 on a fresh database), which
 * then stands after them, as if the server had numbered each one; each at a new change position
 * (ADR 0007), in number order. Inside the caller's transaction.
 */
async function insertDemoIncidents(
  trx: Transaction<Database>,
  directory: Directory,
  options: { seed: number; count: number; now: Date },
): Promise<void> {
  const counter = await trx
    .selectFrom('numbering')
    .select('last_value')
    .where('kind', '=', 'incident')
    .executeTakeFirstOrThrow();
  const firstNumber = toNumber(counter.last_value) + 1;
  const incidents = generateIncidents(directory, {
    count: options.count,
    seed: options.seed,
    now: options.now.toISOString(),
    firstNumber,
  });
  if (incidents.length === 0) return;
  await upsertIncidents(
    trx,
    incidents.map((record, i) => ({ record, seq: firstNumber + i })),
  );
  await trx
    .updateTable('numbering')
    .set({ last_value: firstNumber + incidents.length - 1 })
    .where('kind', '=', 'incident')
    .execute();
}

export async function seedDemo(
  db: Kysely<Database>,
  options: DemoOptions = {},
): Promise<SeedOutcome> {
  const marker = await readMarker(db);
  if (marker?.tasks && marker.walkUp && marker.phone)
    return marker.history ? 'already-seeded' : addDemoHistory(db, options);
  if (marker?.tasks && marker.walkUp) return addDemoPhone(db, options);
  if (marker?.tasks) return addDemoWalkUp(db, options);
  if (marker) return addDemoTasks(db, marker, options);
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return 'directory-exists';

  const seed = options.seed ?? 1;
  const directory = demoDirectory(options);
  const accounts = demoAccounts(directory);
  if (!accounts.some((u) => u.userName === DEMO_AGENT_USER_NAME))
    throw new Error('the demo directory lost demo.agent');
  const hashes = new Map(
    await Promise.all(
      accounts.map(async (u) => [u.id, await hashPassword(DEMO_PASSWORD)] as const),
    ),
  );
  const count = options.incidents ?? 200;
  const now = (options.now ?? (() => new Date()))();

  return db.transaction().execute(async (trx) => {
    let version = await lockVersion(trx);
    // Checked again under the lock: two instances started with --demo seed only once.
    if (await readMarker(trx)) return 'already-seeded';
    version = await insertDirectory(trx, directory, version, hashes);
    version = await insertDemoCatalog(trx, directory, version);
    await insertDemoIncidents(trx, directory, { seed, count, now });
    version = await insertDemoWalkUp(trx, directory, version, { seed, now });
    version = await insertDemoPhone(trx, version);
    await insertDemoHistory(trx, directory, historyOptions(seed, now, options));
    // A demo seeded before contact templates (issue 16) has none: Administration adds them.
    await insertDemoTemplates(trx, directory, now);
    await saveVersion(trx, version);
    const written: DemoMarker = {
      users: directory.users.length,
      seed,
      tasks: { incidents: count },
      walkUp: true,
      phone: true,
      history: true,
    };
    await trx
      .insertInto('server_meta')
      .values({ key: 'demo_seed', value: JSON.stringify(written) })
      .execute();
    return 'seeded';
  });
}

/**
 * A demo seeded before incidents existed gets the catalog and incidents of the same directory;
 * whichever of the two the database holds already is left as it is (an agent's incidents are
 * never touched, nor numbered around).
 */
async function addDemoTasks(
  db: Kysely<Database>,
  marker: DemoMarker,
  options: DemoOptions,
): Promise<SeedOutcome> {
  // The marker counts the two accounts demoDirectory adds to the generated users.
  const directory = demoDirectory({ users: marker.users - 2, seed: marker.seed });
  const now = (options.now ?? (() => new Date()))();
  return db.transaction().execute(async (trx) => {
    let version = await lockVersion(trx);
    const current = await readMarker(trx);
    if (!current || current.tasks) return 'already-seeded';
    const item = await trx.selectFrom('catalog_items').select('id').limit(1).executeTakeFirst();
    if (!item) version = await insertDemoCatalog(trx, directory, version);
    const incident = await trx.selectFrom('incidents').select('id').limit(1).executeTakeFirst();
    const count = incident ? 0 : (options.incidents ?? 200);
    await insertDemoIncidents(trx, directory, { seed: current.seed, count, now });
    version = await insertDemoWalkUp(trx, directory, version, { seed: current.seed, now });
    version = await insertDemoPhone(trx, version);
    await insertDemoHistory(trx, directory, historyOptions(current.seed, now, options));
    await saveVersion(trx, version);
    const written: DemoMarker = {
      ...current,
      tasks: { incidents: count },
      walkUp: true,
      phone: true,
      history: true,
    };
    await trx
      .updateTable('server_meta')
      .set({ value: JSON.stringify(written) })
      .where('key', '=', 'demo_seed')
      .execute();
    return 'tasks-added';
  });
}

/** A demo seeded before the walk-up desk gets its locations, badges and visits, once. */
async function addDemoWalkUp(db: Kysely<Database>, options: DemoOptions): Promise<SeedOutcome> {
  const now = (options.now ?? (() => new Date()))();
  return db.transaction().execute(async (trx) => {
    let version = await lockVersion(trx);
    const current = await readMarker(trx);
    if (!current?.tasks || current.walkUp) return 'already-seeded';
    // The marker counts the two accounts demoDirectory adds to the generated users.
    const directory = demoDirectory({ users: current.users - 2, seed: current.seed });
    version = await insertDemoWalkUp(trx, directory, version, { seed: current.seed, now });
    version = await insertDemoPhone(trx, version);
    await insertDemoHistory(trx, directory, historyOptions(current.seed, now, options));
    await saveVersion(trx, version);
    const written: DemoMarker = { ...current, walkUp: true, phone: true, history: true };
    await trx
      .updateTable('server_meta')
      .set({ value: JSON.stringify(written) })
      .where('key', '=', 'demo_seed')
      .execute();
    return 'walk-up-added';
  });
}

/** A demo seeded before the phone desk gets its Service Desk queue and wrap-up codes, once. */
async function addDemoPhone(db: Kysely<Database>, options: DemoOptions): Promise<SeedOutcome> {
  const now = (options.now ?? (() => new Date()))();
  return db.transaction().execute(async (trx) => {
    let version = await lockVersion(trx);
    const current = await readMarker(trx);
    if (!current?.walkUp || current.phone) return 'already-seeded';
    version = await insertDemoPhone(trx, version);
    // The marker counts the two accounts demoDirectory adds to the generated users.
    const directory = demoDirectory({ users: current.users - 2, seed: current.seed });
    await insertDemoHistory(trx, directory, historyOptions(current.seed, now, options));
    await saveVersion(trx, version);
    const written: DemoMarker = { ...current, phone: true, history: true };
    await trx
      .updateTable('server_meta')
      .set({ value: JSON.stringify(written) })
      .where('key', '=', 'demo_seed')
      .execute();
    return 'phone-added';
  });
}

/** A demo seeded before the history (issue 14) gets the desk's past weeks, once. */
async function addDemoHistory(db: Kysely<Database>, options: DemoOptions): Promise<SeedOutcome> {
  const now = (options.now ?? (() => new Date()))();
  return db.transaction().execute(async (trx) => {
    // Under the version lock, as every seed step: two instances started with --demo add it once.
    await lockVersion(trx);
    const current = await readMarker(trx);
    if (!current?.phone || current.history) return 'already-seeded';
    // The marker counts the two accounts demoDirectory adds to the generated users.
    const directory = demoDirectory({ users: current.users - 2, seed: current.seed });
    await insertDemoHistory(trx, directory, historyOptions(current.seed, now, options));
    const written: DemoMarker = { ...current, history: true };
    await trx
      .updateTable('server_meta')
      .set({ value: JSON.stringify(written) })
      .where('key', '=', 'demo_seed')
      .execute();
    return 'history-added';
  });
}

const historyOptions = (seed: number, now: Date, options: DemoOptions) => ({
  seed,
  now,
  ...(options.historyDays === undefined ? {} : { days: options.historyDays }),
});
