// The Groups operations against a real server on PGlite: list with member counts and search,
// create, rename, members added and removed, deactivate; audited, versioned for the desks' feed.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroupDetail, GroupSummary, MemberView } from '../../shared/admin/groups';
import { seedDirectory, signIn, testServer, type ApiClient } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { auditRows, callAdmin, directoryVersion, feedAfter, snapshot } from './org-fixtures';

describeOnDatabases('the Groups operations', (suite) => {
  let app: FastifyInstance;
  let admin: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    admin = await signIn(app, 'adam.admin');
  });
  afterEach(() => app.close());

  const call = <T>(name: string, input: unknown) => callAdmin<T>(admin, name, input);

  it('lists groups with their member counts, and searches them', async () => {
    const all = await call<{ groups: GroupSummary[] }>('groups.list', {});
    expect(all.status).toBe(200);
    expect(all.body.groups.map((g) => [g.name, g.memberCount])).toEqual([
      ['Network', 1],
      ['Service Desk', 2],
    ]);
    const found = await call<{ groups: GroupSummary[] }>('groups.list', { q: 'wi-fi' });
    expect(found.body.groups.map((g) => g.id)).toEqual(['grp-net']);
  });

  it('creates a group, renames it and adds and removes members: audited, and in the desks’ feed', async () => {
    const database = suite.database();
    const before = await directoryVersion(database);
    const created = await call<{ group: GroupDetail }>('groups.create', {
      name: '  Field Services ',
      description: 'On site',
    });
    expect(created.status).toBe(200);
    const id = created.body.group.id;
    expect(created.body.group).toMatchObject({
      name: 'Field Services',
      memberCount: 0,
      active: true,
    });

    const renamed = await call<{ group: GroupDetail }>('groups.update', {
      id,
      name: 'Field Service',
    });
    expect(renamed.body.group.name).toBe('Field Service');
    const added = await call<{ group: GroupDetail }>('groups.add-member', {
      groupId: id,
      userId: 'tech-1',
    });
    expect(added.body.group.members.map((m) => m.id)).toEqual(['tech-1']);
    await call('groups.add-member', { groupId: id, userId: 'agent-1' });
    const removed = await call<{ group: GroupDetail }>('groups.remove-member', {
      groupId: id,
      userId: 'tech-1',
    });
    expect(removed.body.group.members.map((m) => m.id)).toEqual(['agent-1']);

    const feed = await feedAfter(database, before);
    expect(feed.groups).toMatchObject([
      { id, name: 'Field Service', description: 'On site', memberIds: ['agent-1'] },
    ]);
    expect(await directoryVersion(database)).toBe(before + 5);

    const audit = await auditRows(database);
    expect(audit.map((a) => a.action)).toEqual([
      'group.create',
      'group.update',
      'group.add-member',
      'group.add-member',
      'group.remove-member',
    ]);
    expect(audit[1]).toMatchObject({
      actor_id: 'admin-1',
      actor_name: 'Adam Admin',
      target_kind: 'group',
      target_id: id,
      before: { name: 'Field Services' },
      after: { name: 'Field Service' },
    });
    expect(audit[4]).toMatchObject({ before: { member: 'Tess Tech (tech-1)' }, after: null });
  });

  it('a membership change moves the group in the feed, so desks learn who may resolve', async () => {
    const database = suite.database();
    const before = await directoryVersion(database);
    await call('groups.add-member', { groupId: 'grp-desk', userId: 'tech-1' });
    const feed = await feedAfter(database, before);
    expect(feed.groups).toEqual([
      expect.objectContaining({ id: 'grp-desk', memberIds: ['agent-1', 'agent-2', 'tech-1'] }),
    ]);
  });

  it('deactivates a group: out of the list unless asked for, and back again', async () => {
    const off = await call<{ group: GroupDetail }>('groups.set-active', {
      id: 'grp-net',
      active: false,
    });
    expect(off.body.group.active).toBe(false);
    const list = await call<{ groups: GroupSummary[] }>('groups.list', {});
    expect(list.body.groups.map((g) => g.id)).toEqual(['grp-desk']);
    const all = await call<{ groups: GroupSummary[] }>('groups.list', { includeInactive: true });
    expect(all.body.groups.map((g) => g.id)).toEqual(['grp-net', 'grp-desk']);
    await call('groups.set-active', { id: 'grp-net', active: true });
    expect((await auditRows(suite.database())).map((a) => a.action)).toEqual([
      'group.deactivate',
      'group.reactivate',
    ]);
  });

  it('finds people to add by name, user name or email', async () => {
    const byName = await call<{ users: MemberView[] }>('groups.find-users', { q: 'caller' });
    expect(byName.body.users.map((u) => u.id)).toEqual(['caller-1', 'caller-2']);
    const byMail = await call<{ users: MemberView[] }>('groups.find-users', { q: 'tess.tech@' });
    expect(byMail.body.users.map((u) => u.userName)).toEqual(['tess.tech']);
  });

  describe('refusals change nothing', () => {
    it('bad input is a 400 that names the field', async () => {
      const database = suite.database();
      const was = await snapshot(database);
      const blank = await call('groups.create', { name: '   ' });
      expect(blank.status).toBe(400);
      expect(blank.body.error?.fieldErrors?.name).toBe('Enter a name.');
      expect((await call('groups.create', { name: 'x'.repeat(201) })).status).toBe(400);
      expect((await call('groups.update', { id: 'grp-net' })).body.error?.message).toBe(
        'Change the name or the description.',
      );
      expect((await call('groups.add-member', { groupId: 'grp-net' })).status).toBe(400);
      expect((await call('groups.list', { q: 5 })).status).toBe(400);
      expect(await snapshot(database)).toBe(was);
    });

    it('a taken name, an unknown user or group, a member twice', async () => {
      const database = suite.database();
      const was = await snapshot(database);
      const taken = await call('groups.create', { name: 'service desk' });
      expect(taken.status).toBe(409);
      expect(taken.body.error?.message).toBe('There is already a group named service desk.');
      expect(
        (await call('groups.add-member', { groupId: 'grp-net', userId: 'nobody' })).status,
      ).toBe(404);
      expect((await call('groups.get', { id: 'grp-none' })).status).toBe(404);
      const twice = await call('groups.add-member', { groupId: 'grp-desk', userId: 'agent-1' });
      expect(twice.status).toBe(409);
      expect(twice.body.error?.message).toBe('Ana Agent is already a member of Service Desk.');
      expect(await snapshot(database)).toBe(was);
    });

    it('an agent who is not an admin gets 403, and nobody signed in 401', async () => {
      const database = suite.database();
      const was = await snapshot(database);
      const agent = await signIn(app, 'ana.agent');
      expect((await callAdmin(agent, 'groups.list', {})).status).toBe(403);
      expect((await callAdmin(agent, 'groups.create', { name: 'Mine' })).status).toBe(403);
      admin.token = null;
      expect((await call('groups.create', { name: 'Mine' })).status).toBe(401);
      expect(await snapshot(database)).toBe(was);
    });
  });
});
