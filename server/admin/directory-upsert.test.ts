// directory-upsert on a real database: a re-import changes nothing (versions untouched), a change
// gets a new version, missing users are deactivated (never deleted), groups resolve members by key
// or user name, configuration items refuse a parent cycle, and each batch is one audit entry.

import { expect, it } from 'vitest';
import { toNumber } from '../db/values';
import type { ServerDatabase } from '../db/open-database';
import { seedDirectory } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { writeDirectory } from './directory-write';
import {
  countMissingUsers,
  deactivateMissingUsers,
  upsertConfigurationItems,
  upsertGroups,
  upsertUsers,
  type DirectoryConfigurationItem,
  type DirectoryUser,
  type UpsertContext,
  type UpsertResult,
} from './directory-upsert';

const person = (key: string, over: Partial<DirectoryUser> = {}): DirectoryUser => ({
  externalKey: key,
  userName: `user.${key.toLowerCase()}`,
  firstName: 'First',
  lastName: key,
  email: `${key}@example.org`,
  phone: '020 7946 0958',
  phoneE164: '+442079460958',
  mobile: '',
  mobileE164: '',
  employeeId: key,
  department: 'Finance',
  location: 'London',
  vip: false,
  active: true,
  ...over,
});

const NOW = new Date('2026-12-01T12:00:00Z');

function write<T>(
  database: ServerDatabase,
  work: (context: UpsertContext) => Promise<T>,
): Promise<T> {
  return writeDirectory(database, (trx, nextVersion) =>
    work({ trx, nextVersion, source: 'csv', actor: { id: null, name: 'Test' }, now: () => NOW }),
  );
}

async function versions(database: ServerDatabase): Promise<Map<string, number>> {
  const rows = await database.db
    .selectFrom('users')
    .select(['external_key', 'version'])
    .where('external_key', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.external_key as string, toNumber(r.version)]));
}

describeOnDatabases('directory upsert', (suite) => {
  it('inserts new users, changes nothing on the same batch again, and versions only changed rows', async () => {
    const db = suite.database();
    await seedDirectory(db);
    const batch = [person('E1'), person('E2'), person('E3')];
    const first: UpsertResult = await write(db, (c) => upsertUsers(c, batch));
    expect(first.counts).toEqual({ created: 3, updated: 0, unchanged: 0, deactivated: 0 });
    const before = await versions(db);
    const auditBefore = await db.db.selectFrom('audit_log').select('id').execute();
    const again = await write(db, (c) => upsertUsers(c, batch));
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3, deactivated: 0 });
    expect(await versions(db)).toEqual(before);
    expect(await db.db.selectFrom('audit_log').select('id').execute()).toHaveLength(
      auditBefore.length,
    );

    const changed = await write(db, (c) =>
      upsertUsers(c, [person('E1'), person('E2', { department: 'Legal' }), person('E3')]),
    );
    expect(changed.counts).toMatchObject({ updated: 1, unchanged: 2 });
    const after = await versions(db);
    expect(after.get('E1')).toBe(before.get('E1'));
    expect(after.get('E2')).toBeGreaterThan(Math.max(...before.values()));
  });

  it('records one audit entry per batch, with counts and no rows', async () => {
    const db = suite.database();
    await write(db, (c) =>
      upsertUsers(
        c,
        Array.from({ length: 50 }, (_, i) => person(`K${i}`)),
      ),
    );
    const entries = await db.db.selectFrom('audit_log').selectAll().execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'users.import',
      target_kind: 'users',
      target_id: 'csv',
      actor_name: 'Test',
      after: { created: 50, updated: 0, unchanged: 0, deactivated: 0, refused: 0 },
    });
  });

  it('refuses a user name another user already has', async () => {
    const db = suite.database();
    await seedDirectory(db);
    const result = await write(db, (c) =>
      upsertUsers(c, [person('E9', { userName: 'Adam.Admin' })]),
    );
    expect(result.refused).toEqual([
      { index: 0, field: 'userName', message: 'The user name Adam.Admin belongs to another user.' },
    ]);
    expect(result.counts.created).toBe(0);
  });

  it('writes badge numbers, keeps them when the source does not say, and refuses one another user has', async () => {
    const db = suite.database();
    await seedDirectory(db);
    const badges = async () =>
      new Map(
        (
          await db.db
            .selectFrom('users')
            .select(['external_key', 'badge_number'])
            .where('external_key', 'in', ['E1', 'E2', 'E3'])
            .execute()
        ).map((r) => [r.external_key, r.badge_number]),
      );
    await write(db, (c) =>
      upsertUsers(c, [
        person('E1', { badgeNumber: '0042' }),
        person('E2'),
        person('E3', { badgeNumber: '0043' }),
      ]),
    );
    expect(await badges()).toEqual(
      new Map([
        ['E1', '0042'],
        ['E2', ''],
        ['E3', '0043'],
      ]),
    );
    const before = await versions(db);
    // No badge column: nothing changes, not even a version.
    const same = await write(db, (c) => upsertUsers(c, [person('E1'), person('E3')]));
    expect(same.counts).toMatchObject({ updated: 0, unchanged: 2 });
    expect(await versions(db)).toEqual(before);

    const moved = await write(db, (c) =>
      upsertUsers(c, [
        person('E2', { badgeNumber: '0042' }),
        person('E3', { badgeNumber: '' }),
        person('E1', { badgeNumber: '0044' }),
      ]),
    );
    expect(moved.refused).toEqual([
      { index: 0, field: 'badgeNumber', message: 'The badge number 0042 belongs to another user.' },
    ]);
    expect(moved.counts).toMatchObject({ updated: 2 });
    expect(await badges()).toEqual(
      new Map([
        ['E1', '0044'],
        ['E2', ''],
        ['E3', ''],
      ]),
    );
  });

  it('counts, then deactivates (never deletes) the users of the source a full run left out', async () => {
    const db = suite.database();
    await seedDirectory(db);
    await write(db, (c) => upsertUsers(c, [person('E1'), person('E2'), person('E3')]));
    const seen = new Set(['E1', 'E3']);
    expect(await countMissingUsers(db.db, 'csv', seen)).toBe(1);
    expect(await write(db, (c) => deactivateMissingUsers(c, seen))).toBe(1);
    const rows = await db.db
      .selectFrom('users')
      .select(['external_key', 'active', 'name'])
      .execute();
    expect(rows.find((r) => r.external_key === 'E2')).toMatchObject({
      active: false,
      name: 'First E2',
    });
    // Users of other sources (the seeded local ones) are never touched.
    expect(rows.filter((r) => !r.active)).toHaveLength(1);
    expect(await countMissingUsers(db.db, 'csv', seen)).toBe(0);
  });

  it('writes groups with members by user key or user name, and reports unknown members', async () => {
    const db = suite.database();
    await seedDirectory(db);
    await write(db, (c) => upsertUsers(c, [person('E1'), person('E2')]));
    const group = {
      externalKey: 'G1',
      name: 'Payroll',
      description: '',
      members: ['E1', 'USER.E2', 'ana.agent', 'ghost'],
    };
    const first = await write(db, (c) => upsertGroups(c, [group]));
    expect(first.counts.created).toBe(1);
    expect(first.refused).toEqual([
      { index: 0, field: 'members', message: 'No user has the key or user name ghost.' },
    ]);
    const id = (
      await db.db
        .selectFrom('groups')
        .select('id')
        .where('external_key', '=', 'G1')
        .executeTakeFirstOrThrow()
    ).id;
    const members = await db.db
      .selectFrom('group_members')
      .select('user_id')
      .where('group_id', '=', id)
      .execute();
    expect(members).toHaveLength(3);
    const again = await write(db, (c) => upsertGroups(c, [group]));
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const fewer = await write(db, (c) => upsertGroups(c, [{ ...group, members: ['E1'] }]));
    expect(fewer.counts.updated).toBe(1);
  });

  it('writes configuration items with parents by key and refuses a cycle', async () => {
    const db = suite.database();
    const item = (key: string, parentKey: string | null): DirectoryConfigurationItem => ({
      externalKey: key,
      name: key,
      className: 'Building',
      parentKey,
      location: '',
    });
    const first = await write(db, (c) =>
      upsertConfigurationItems(c, [
        item('SITE', null),
        item('B1', 'SITE'),
        item('F1', 'B1'),
        item('X', 'NOPE'),
      ]),
    );
    expect(first.counts.created).toBe(3);
    expect(first.refused).toEqual([
      { index: 3, field: 'parentKey', message: 'No configuration item has the key NOPE.' },
    ]);
    const cycle = await write(db, (c) => upsertConfigurationItems(c, [item('SITE', 'F1')]));
    expect(cycle.refused[0]?.message).toMatch(/cycle/);
    const site = await db.db
      .selectFrom('configuration_items')
      .select('parent_id')
      .where('external_key', '=', 'SITE')
      .executeTakeFirstOrThrow();
    expect(site.parent_id).toBeNull();
    const again = await write(db, (c) =>
      upsertConfigurationItems(c, [item('SITE', null), item('B1', 'SITE')]),
    );
    expect(again.counts).toMatchObject({ unchanged: 2, created: 0, updated: 0 });
  });
});
