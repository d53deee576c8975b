// Contact templates on a real server: Administration's location templates (create, edit, retire and
// back; audited; names unique per location; refusals change nothing; admins only) and the desks'
// exchange (an agent's own templates sent from a desk, the later change winning, another agent's
// untouched; the answer only when the digest moved).

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TemplateAdminView } from '../../shared/admin/templates';
import type { TemplatesSyncResponse } from '../../shared/sync/templates-api';
import { seedDirectory, signIn, testServer, type ApiClient } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { auditRows, callAdmin, snapshot } from '../admin/org-fixtures';

const PASSWORD_RESET = {
  name: 'Password reset',
  type: 'Phone',
  component: 'ci-prn',
  assignmentGroup: 'grp-desk',
  shortDescription: 'Password reset',
  description: 'Identity checked; password reset.',
  closesAtOnce: true,
} as const;

describeOnDatabases('contact templates', (suite) => {
  let app: FastifyInstance;
  let admin: ApiClient;
  let location: string;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    admin = await signIn(app, 'adam.admin');
    const created = await callAdmin<{ location: { id: string } }>(admin, 'locations.create', {
      name: 'Service Desk — HQ',
    });
    location = created.body.location.id;
  });
  afterEach(() => app.close());

  const call = <T>(name: string, input: unknown) => callAdmin<T>(admin, name, input);
  type One = { template: TemplateAdminView };
  const exchange = (client: ApiClient, body: unknown) =>
    client.post<TemplatesSyncResponse>('/api/v1/templates/sync', body);

  it('creates, edits, retires and brings back a location template, each audited', async () => {
    const created = await call<One>('templates.create', { ...PASSWORD_RESET, location });
    expect(created.status).toBe(200);
    const { id } = created.body.template;
    expect(created.body.template).toMatchObject({
      ...PASSWORD_RESET,
      scope: 'location',
      location,
      owner: null,
      active: true,
      locationName: 'Service Desk — HQ',
      componentName: 'HQ-F1-PRN01',
      assignmentGroupName: 'Service Desk',
    });
    const edited = await call<One>('templates.update', { id, name: 'Reset a password' });
    expect(edited.body.template.name).toBe('Reset a password');
    await call<One>('templates.update', { id, name: 'Reset a password' });
    const retired = await call<One>('templates.set-active', { id, active: false });
    expect(retired.body.template.active).toBe(false);
    const listed = await call<{ templates: TemplateAdminView[] }>('templates.list', { location });
    expect(listed.body.templates).toEqual([]);
    const all = await call<{ templates: TemplateAdminView[] }>('templates.list', {
      includeRetired: true,
    });
    expect(all.body.templates.map((t) => t.name)).toEqual(['Reset a password']);
    await call<One>('templates.set-active', { id, active: true });

    const audit = (await auditRows(suite.database())).filter((a) => a.target_id === id);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      [
        'template.create',
        null,
        {
          name: 'Password reset',
          type: 'Phone',
          component: 'ci-prn',
          assignmentGroup: 'grp-desk',
          shortDescription: 'Password reset',
          description: 'Identity checked; password reset.',
          closesAtOnce: true,
        },
      ],
      ['template.update', { name: 'Password reset' }, { name: 'Reset a password' }],
      ['template.retire', { active: true }, { active: false }],
      ['template.restore', { active: false }, { active: true }],
    ]);
    expect(audit[0]).toMatchObject({
      actor_id: 'admin-1',
      target_kind: 'template',
      target_name: 'Password reset (Service Desk — HQ)',
    });
  });

  it('refuses a nameless, empty, duplicate or dangling template and an agent, changing nothing', async () => {
    await call<One>('templates.create', { ...PASSWORD_RESET, location });
    const was = await snapshot(suite.database());
    const nameless = await call('templates.create', { ...PASSWORD_RESET, name: ' ', location });
    expect(nameless.status).toBe(400);
    expect(nameless.body.error?.fieldErrors?.name).toBe('Name the template.');
    const empty = await call('templates.create', {
      name: 'Nothing',
      type: null,
      component: null,
      assignmentGroup: null,
      shortDescription: '',
      description: '',
      closesAtOnce: false,
      location,
    });
    expect(empty.body.error?.fieldErrors?.shortDescription).toMatch(/at least one field/);
    const taken = await call('templates.create', {
      ...PASSWORD_RESET,
      name: 'PASSWORD RESET',
      location,
    });
    expect(taken.status).toBe(409);
    const noGroup = await call('templates.create', {
      ...PASSWORD_RESET,
      name: 'Other',
      assignmentGroup: 'grp-gone',
      location,
    });
    expect(noGroup.body.error?.fieldErrors?.assignmentGroup).toBe(
      'There is no group with id grp-gone.',
    );
    const noLocation = await call('templates.create', { ...PASSWORD_RESET, location: 'loc-gone' });
    expect(noLocation.status).toBe(409);
    const agent = await signIn(app, 'ana.agent');
    const byAgent = await callAdmin(agent, 'templates.create', { ...PASSWORD_RESET, location });
    expect(byAgent.status).toBe(403);
    expect(await snapshot(suite.database())).toBe(was);
  });

  it('exchanges an agent’s own templates with its desks: the later change wins, others untouched', async () => {
    await call<One>('templates.create', { ...PASSWORD_RESET, location });
    const ana = await signIn(app, 'ana.agent');
    const bo = await signIn(app, 'bo.agent');

    const first = await exchange(ana, { changes: [], digest: null });
    expect(first.status).toBe(200);
    expect(first.body.templates?.map((t) => [t.scope, t.name])).toEqual([
      ['location', 'Password reset'],
    ]);
    // Nothing changed since: the desk's list is current and no list is sent.
    const again = await exchange(ana, { changes: [], digest: first.body.digest });
    expect(again.body).toEqual({ digest: first.body.digest, templates: null, refused: [] });

    const own = {
      change: 'save',
      id: 'own-1',
      at: '2026-12-04T10:00:00.000Z',
      ...PASSWORD_RESET,
      name: 'My VPN',
      shortDescription: 'VPN does not connect',
      closesAtOnce: false,
    };
    const saved = await exchange(ana, { changes: [own], digest: first.body.digest });
    expect(saved.body.templates?.map((t) => [t.scope, t.name, t.owner])).toEqual([
      ['agent', 'My VPN', 'agent-1'],
      ['location', 'Password reset', null],
    ]);
    // The same exchange again (its answer lost) changes nothing.
    const retried = await exchange(ana, { changes: [own], digest: saved.body.digest });
    expect(retried.body.templates).toBeNull();
    // An older rename from another desk loses to the later one the server holds.
    const older = { ...own, name: 'Old name', at: '2026-12-04T09:00:00.000Z' };
    expect(
      (await exchange(ana, { changes: [older], digest: null })).body.templates?.[0]?.name,
    ).toBe('My VPN');
    // Another agent sees only the location's, and cannot touch Ana's.
    const boList = await exchange(bo, {
      changes: [{ change: 'delete', id: 'own-1', at: '2026-12-04T11:00:00.000Z' }],
      digest: null,
    });
    expect(boList.body.templates?.map((t) => t.name)).toEqual(['Password reset']);
    expect(boList.body.refused).toEqual([
      { id: 'own-1', message: 'That template is not yours to change.' },
    ]);

    const deleted = await exchange(ana, {
      changes: [{ change: 'delete', id: 'own-1', at: '2026-12-04T11:00:00.000Z' }],
      digest: saved.body.digest,
    });
    expect(deleted.body.templates?.map((t) => t.name)).toEqual(['Password reset']);

    const kiosk = await exchange(new (ana.constructor as typeof ApiClient)(app), {
      changes: [],
      digest: null,
    });
    expect(kiosk.status).toBe(401);
  });
});
