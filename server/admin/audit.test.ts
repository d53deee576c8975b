// The audit.list operation against a real server on PGlite: newest first, filtered by actor,
// action, target kind, target and date range, paged by keyset without gaps or repeats; admins only.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AuditEntryView } from '../../shared/admin/audit';
import { seedDirectory, signIn, testServer, type ApiClient } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { COMMAND_LINE_ACTOR, recordAudit } from './audit-log';
import { callAdmin } from './org-fixtures';

describeOnDatabases('the Audit log', (suite) => {
  let app: FastifyInstance;
  let admin: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    admin = await signIn(app, 'adam.admin');
    await recordAudit(suite.database().db, {
      at: new Date('2026-01-15T10:00:00.000Z'),
      actor: COMMAND_LINE_ACTOR,
      action: 'agent.create',
      targetKind: 'agent',
      targetId: 'agent-1',
      targetName: 'Ana Agent',
      after: { userName: 'ana.agent', roles: ['agent'] },
    });
    await callAdmin(admin, 'groups.create', { name: 'Field Service' });
    await callAdmin(admin, 'locations.create', { name: 'Annex' });
    await callAdmin(admin, 'groups.update', { id: 'grp-net', name: 'Networks' });
    await callAdmin(admin, 'configuration-items.retire', { id: 'ci-prn' });
  });
  afterEach(() => app.close());

  type Page = { entries: AuditEntryView[]; next: string | null };
  const list = async (input: object) => (await callAdmin<Page>(admin, 'audit.list', input)).body;
  const actions = (page: Page) => page.entries.map((e) => e.action);

  it('lists every change newest first, with who, when, target and before → after', async () => {
    const page = await list({});
    expect(actions(page)).toEqual([
      'configuration-item.retire',
      'group.update',
      'location.create',
      'group.create',
      'agent.create',
    ]);
    const rename = page.entries.find((e) => e.action === 'group.update');
    expect(rename).toMatchObject({
      actorId: 'admin-1',
      actorName: 'Adam Admin',
      targetKind: 'group',
      targetId: 'grp-net',
      targetName: 'Networks',
      before: { name: 'Network' },
      after: { name: 'Networks' },
    });
    expect(Date.parse(rename?.at ?? '')).toBeGreaterThan(Date.parse('2026-11-01'));
    expect(page.next).toBeNull();
  });

  it('filters by actor, action, target kind, target and date range', async () => {
    expect(actions(await list({ actor: 'command' }))).toEqual(['agent.create']);
    expect(actions(await list({ actor: 'admin-1' }))).toHaveLength(4);
    expect(actions(await list({ action: 'group' })).sort()).toEqual([
      'group.create',
      'group.update',
    ]);
    expect(actions(await list({ action: 'group.update' }))).toEqual(['group.update']);
    expect(actions(await list({ targetKind: 'location' }))).toEqual(['location.create']);
    expect(actions(await list({ target: 'annex' }))).toEqual(['location.create']);
    expect(actions(await list({ target: 'ci-prn' }))).toEqual(['configuration-item.retire']);
    expect(
      actions(await list({ from: '2026-01-01T00:00:00Z', to: '2026-01-31T23:59:59Z' })),
    ).toEqual(['agent.create']);
    expect(actions(await list({ from: '2026-02-01T00:00:00+01:00' }))).not.toContain(
      'agent.create',
    );
  });

  it('pages newest first without repeating or skipping an entry', async () => {
    const seen: string[] = [];
    let before: string | null = null;
    for (let round = 0; round < 10; round++) {
      const page = await list({ limit: 2, ...(before ? { before } : {}) });
      seen.push(...page.entries.map((e) => e.id));
      before = page.next;
      if (before === null) break;
    }
    const all = (await list({})).entries.map((e) => e.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(5);
  });

  it('refuses a bad cursor or range with a clear message, and anyone but an admin', async () => {
    const cursor = await callAdmin(admin, 'audit.list', { before: 'yesterday' });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error?.message).toBe('The page cursor is not one this server gave.');
    const range = await callAdmin(admin, 'audit.list', {
      from: '2026-02-01T00:00:00Z',
      to: '2026-01-01T00:00:00Z',
    });
    expect(range.status).toBe(400);
    expect(range.body.error?.message).toBe('from: The start of the date range is after its end.');
    const day = await callAdmin(admin, 'audit.list', { from: '2026-02-01' });
    expect(day.body.error?.fieldErrors?.from).toBe(
      'Give a date and time, such as 2026-12-01T09:00:00Z.',
    );
    const agent = await signIn(app, 'ana.agent');
    expect((await callAdmin(agent, 'audit.list', {})).status).toBe(403);
  });
});
