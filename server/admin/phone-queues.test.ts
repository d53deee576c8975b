// The Phone queues operations against a real server on PGlite: a queue name mapped to a group,
// renamed, moved to another group, removed; names unique without regard to case; only active
// groups; every change audited; refusals change nothing; admins only.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PhoneQueueView } from '../../shared/admin/phone-queues';
import { seedDirectory, signIn, testServer, type ApiClient } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { auditRows, callAdmin } from './org-fixtures';

describeOnDatabases('the Phone queues operations', (suite) => {
  let app: FastifyInstance;
  let admin: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    admin = await signIn(app, 'adam.admin');
  });
  afterEach(() => app.close());

  const call = <T>(name: string, input: unknown) => callAdmin<T>(admin, name, input);
  type One = { queue: PhoneQueueView };
  const state = async () =>
    JSON.stringify([
      await suite.database().db.selectFrom('phone_queues').selectAll().orderBy('id').execute(),
      await auditRows(suite.database()),
    ]);

  it('maps a queue to a group, renames it, moves it and removes it, each audited', async () => {
    const created = await call<One>('phone-queues.create', {
      name: ' Service Desk ',
      groupId: 'grp-desk',
    });
    expect(created.status).toBe(200);
    const id = created.body.queue.id;
    expect(created.body.queue).toEqual({
      id,
      name: 'Service Desk',
      groupId: 'grp-desk',
      groupName: 'Service Desk',
      groupActive: true,
    });
    await call('phone-queues.create', { name: 'network-line', groupId: 'grp-net' });
    const list = await call<{ queues: PhoneQueueView[] }>('phone-queues.list', {});
    expect(list.body.queues.map((q) => [q.name, q.groupName])).toEqual([
      ['network-line', 'Network'],
      ['Service Desk', 'Service Desk'],
    ]);

    const renamed = await call<One>('phone-queues.update', { id, name: 'Helpdesk' });
    expect(renamed.body.queue.name).toBe('Helpdesk');
    const moved = await call<One>('phone-queues.update', { id, groupId: 'grp-net' });
    expect(moved.body.queue).toMatchObject({ groupId: 'grp-net', groupName: 'Network' });
    // Saving what it has changes nothing, and is not audited.
    await call<One>('phone-queues.update', { id, name: 'Helpdesk', groupId: 'grp-net' });
    const removed = await call<{ removed: string }>('phone-queues.remove', { id });
    expect(removed.body.removed).toBe(id);
    const after = await call<{ queues: PhoneQueueView[] }>('phone-queues.list', {});
    expect(after.body.queues.map((q) => q.name)).toEqual(['network-line']);

    const audit = (await auditRows(suite.database())).filter((a) => a.target_id === id);
    expect(audit.map((a) => [a.action, a.target_name, a.before, a.after])).toEqual([
      ['phone-queue.create', 'Service Desk', null, { name: 'Service Desk', group: 'Service Desk' }],
      ['phone-queue.update', 'Helpdesk', { name: 'Service Desk' }, { name: 'Helpdesk' }],
      ['phone-queue.update', 'Helpdesk', { group: 'Service Desk' }, { group: 'Network' }],
      ['phone-queue.remove', 'Helpdesk', { name: 'Helpdesk', group: 'Network' }, null],
    ]);
    expect(audit[0]).toMatchObject({ actor_id: 'admin-1', target_kind: 'phone-queue' });
  });

  it('refuses a blank or taken name, a missing or deactivated group and an unknown queue, changing nothing', async () => {
    const desk = await call<One>('phone-queues.create', { name: 'Desk', groupId: 'grp-desk' });
    await call('groups.set-active', { id: 'grp-net', active: false });
    const was = await state();
    const blank = await call('phone-queues.create', { name: '', groupId: 'grp-desk' });
    expect(blank.status).toBe(400);
    expect(blank.body.error?.fieldErrors?.name).toBe(
      'Enter the queue name the phone system sends.',
    );
    const noGroup = await call('phone-queues.create', { name: 'Other', groupId: '' });
    expect(noGroup.body.error?.fieldErrors?.groupId).toBe(
      'Choose the group whose agents take its calls.',
    );
    const taken = await call('phone-queues.create', { name: 'DESK', groupId: 'grp-desk' });
    expect(taken.status).toBe(409);
    expect(taken.body.error?.fieldErrors?.name).toBe('The queue DESK is mapped already.');
    const missing = await call('phone-queues.create', { name: 'Other', groupId: 'grp-gone' });
    expect(missing.body.error?.fieldErrors?.groupId).toBe('There is no group with id grp-gone.');
    const inactive = await call('phone-queues.update', {
      id: desk.body.queue.id,
      groupId: 'grp-net',
    });
    expect(inactive.status).toBe(409);
    expect(inactive.body.error?.fieldErrors?.groupId).toBe(
      'Network is deactivated: choose an active group.',
    );
    expect((await call('phone-queues.update', { id: desk.body.queue.id })).status).toBe(400);
    expect((await call('phone-queues.update', { id: 'nope', name: 'X' })).status).toBe(404);
    expect((await call('phone-queues.remove', { id: 'nope' })).status).toBe(404);
    expect(await state()).toBe(was);
  });

  it('is for admins only', async () => {
    const was = await state();
    const agent = await signIn(app, 'ana.agent');
    const reply = await callAdmin(agent, 'phone-queues.create', { name: 'Q', groupId: 'grp-desk' });
    expect(reply.status).toBe(403);
    expect((await callAdmin(agent, 'phone-queues.list', {})).status).toBe(403);
    expect(await state()).toBe(was);
  });
});
