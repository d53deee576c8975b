// The directory feed's pages: exactly `limit` rows cut across the five tables by version, in the
// wire shapes the desks validate, whatever the number of digits the versions have.

import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { CatalogItem } from '../../shared/domain/catalog';
import type { ConfigurationItem, Directory, Group, User } from '../../shared/domain/directory';
import type { WalkUpLocation } from '../../shared/domain/walk-up-location';
import { DirectoryPage } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { lockVersion, saveVersion } from '../sync/versions';
import { describeOnDatabases } from '../testing/test-databases';
import { directoryFeedPage } from './directory-feed';
import { insertDirectory, upsertCatalogItems } from './directory-store';

const user = (i: number): User => ({
  id: `u${String(i).padStart(3, '0')}`,
  userName: `user.${i}`,
  firstName: 'User',
  lastName: String(i),
  name: `User ${i}`,
  email: `user.${i}@deskpad.example`,
  phone: '',
  employeeId: `E${i}`,
  department: 'Finance',
  location: 'HQ',
  vip: i % 7 === 0,
  active: true,
  mobile: '',
  phoneE164: '',
  mobileE164: '',
  roles: i % 5 === 0 ? ['agent'] : [],
});

const item = (i: number): ConfigurationItem => ({
  id: `ci${String(i).padStart(3, '0')}`,
  name: `Item ${i}`,
  className: 'Printer',
  parentId: i > 1 ? 'ci001' : null,
  location: 'HQ',
});

const form = (i: number): CatalogItem => ({
  id: `cat${String(i).padStart(2, '0')}`,
  name: `Form ${i}`,
  category: i % 2 === 0 ? 'Hardware' : 'Access',
  description: '',
  keywords: [`k${i}`],
  fields: [
    {
      name: 'reason',
      label: 'Reason',
      type: 'multi-line-text',
      required: i % 3 === 0,
      maxLength: 500,
    },
    {
      name: 'model',
      label: 'Model',
      type: 'choice',
      required: true,
      options: [{ value: 'a', label: 'A' }],
    },
  ],
  fulfillmentGroup: i % 2 === 0 ? 'g2' : null,
  active: i !== 4,
});

function directory(): Directory {
  const users = Array.from({ length: 40 }, (_, i) => user(i + 1));
  const groups: Group[] = [
    { id: 'g1', name: 'Desk', description: 'First line', memberIds: ['u005', 'u010', 'u015'] },
    { id: 'g2', name: 'Network', description: '', memberIds: [] },
  ];
  return { users, groups, configurationItems: Array.from({ length: 15 }, (_, i) => item(i + 1)) };
}

type Row =
  | { kind: 'user'; value: User }
  | { kind: 'group'; value: Group }
  | { kind: 'item'; value: ConfigurationItem }
  | { kind: 'form'; value: CatalogItem }
  | { kind: 'location'; value: WalkUpLocation };

const hq: WalkUpLocation = {
  id: 'loc_hq',
  name: 'Service Desk — HQ',
  description: 'Ground floor',
  active: true,
  reasons: ['Printer', 'Password or account'],
  vipFirst: true,
  graceMinutes: 3,
  lobbyNames: 'first-name-last-initial',
  waitTargetMinutes: 10,
  wrapUpCodes: ['Password reset', 'Advice given'],
};
const techBar: WalkUpLocation = {
  ...hq,
  id: 'loc_tech_bar',
  name: 'Tech Bar — Building 2',
  description: '',
  active: false,
  reasons: [],
  vipFirst: false,
  graceMinutes: 0,
  lobbyNames: 'ticket',
  waitTargetMinutes: 20,
  wrapUpCodes: [],
};

async function insertLocation(
  db: Kysely<Database>,
  location: WalkUpLocation,
  version: number,
): Promise<void> {
  await db
    .insertInto('locations')
    .values({
      id: location.id,
      name: location.name,
      description: location.description,
      active: location.active,
      version,
      reasons: JSON.stringify(location.reasons),
      vip_first: location.vipFirst,
      grace_minutes: location.graceMinutes,
      lobby_names: location.lobbyNames,
      wait_target_minutes: location.waitTargetMinutes,
      wrap_up_codes: JSON.stringify(location.wrapUpCodes),
    })
    .execute();
}

describeOnDatabases('the directory feed', (suite) => {
  async function seed(): Promise<Row[]> {
    const { db } = suite.database();
    const dir = directory();
    const forms = Array.from({ length: 6 }, (_, i) => form(i + 1));
    await db.transaction().execute(async (trx) => {
      const last = await insertDirectory(trx, dir, await lockVersion(trx));
      await saveVersion(trx, await upsertCatalogItems(trx, forms, last));
    });
    // Later changes interleave the tables: a renamed user and a moved item come last.
    await sql`UPDATE users SET name = 'User 3 renamed', version = 1000 WHERE id = 'u003'`.execute(
      db,
    );
    await insertLocation(db, hq, 999);
    await sql`UPDATE configuration_items SET name = 'Item 2 moved', version = 1001 WHERE id = 'ci002'`.execute(
      db,
    );
    await sql`UPDATE users SET version = 1002, roles = '{agent,superhero}' WHERE id = 'u012'`.execute(
      db,
    );
    // A retired form: written again by the store, as an admin's change would be.
    const retired = { ...form(3), active: false };
    await db.transaction().execute(async (trx) => {
      await lockVersion(trx);
      await saveVersion(trx, await upsertCatalogItems(trx, [retired], 1002));
    });
    await insertLocation(db, techBar, 1004);
    const renamed = { ...user(3), name: 'User 3 renamed' };
    const moved = { ...item(2), name: 'Item 2 moved' };
    return [
      ...dir.users
        .filter((u) => !['u003', 'u012'].includes(u.id))
        .map((value): Row => ({ kind: 'user', value })),
      ...dir.groups.map((value): Row => ({ kind: 'group', value })),
      ...dir.configurationItems
        .filter((c) => c.id !== 'ci002')
        .map((value): Row => ({ kind: 'item', value })),
      ...forms.filter((f) => f.id !== 'cat03').map((value): Row => ({ kind: 'form', value })),
      { kind: 'location', value: hq },
      { kind: 'user', value: renamed },
      { kind: 'item', value: moved },
      // A role the contract does not know is left out.
      { kind: 'user', value: { ...user(12), roles: ['agent'] } },
      { kind: 'form', value: retired },
      { kind: 'location', value: techBar },
    ];
  }

  async function page(after: number, limit: number): Promise<DirectoryPage & { last: number }> {
    const feed = await directoryFeedPage(suite.database().db, after, limit);
    const parsed = DirectoryPage.parse({
      users: JSON.parse(feed.users) as unknown,
      groups: JSON.parse(feed.groups) as unknown,
      configurationItems: JSON.parse(feed.configurationItems) as unknown,
      catalogItems: JSON.parse(feed.catalogItems) as unknown,
      locations: JSON.parse(feed.locations) as unknown,
      cursor: 'c',
      more: feed.more,
      reset: false,
    });
    return { ...parsed, last: feed.lastVersion };
  }

  it.each([7, 12, 25, 100])('pages everything in version order, %i rows a page', async (limit) => {
    const expected = await seed();
    const rows: Row[] = [];
    let after = 0;
    for (let pages = 0; pages < 50; pages++) {
      const next = await page(after, limit);
      const size =
        next.users.length +
        next.groups.length +
        next.configurationItems.length +
        next.catalogItems.length +
        next.locations.length;
      if (next.more) expect(size).toBe(limit);
      else expect(size).toBeLessThanOrEqual(limit);
      // Within a page the tables come apart; the page's rows are the next `size` changes.
      const slice = expected.slice(rows.length, rows.length + size);
      expect(next.users).toEqual(slice.flatMap((r) => (r.kind === 'user' ? [r.value] : [])));
      expect(next.groups).toEqual(slice.flatMap((r) => (r.kind === 'group' ? [r.value] : [])));
      expect(next.configurationItems).toEqual(
        slice.flatMap((r) => (r.kind === 'item' ? [{ ...r.value, active: true }] : [])),
      );
      expect(next.catalogItems).toEqual(slice.flatMap((r) => (r.kind === 'form' ? [r.value] : [])));
      expect(next.locations).toEqual(
        slice.flatMap((r) => (r.kind === 'location' ? [r.value] : [])),
      );
      rows.push(...slice);
      after = next.last;
      if (!next.more) break;
    }
    expect(rows).toHaveLength(expected.length);
    expect(after).toBe(1004);
  });

  it('answers an empty page after the last change', async () => {
    await seed();
    const feed = await directoryFeedPage(suite.database().db, 1004, 10);
    expect(feed).toEqual({
      users: '[]',
      groups: '[]',
      configurationItems: '[]',
      catalogItems: '[]',
      knowledgeArticles: '[]',
      locations: '[]',
      lastVersion: 1004,
      more: false,
    });
  });
});
