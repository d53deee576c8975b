// The Agents operations as an administrator calls them: create with a temporary password, set
// roles, reset a password, disable (sessions end at once), unlock, sign out everywhere; each audited.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AgentRow } from '../../shared/admin/agents';
import type { ApiErrorBody, SignInResponse } from '../../shared/sync/server-api';
import { ApiClient, seedDirectory, signIn, TEST_PASSWORD, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

const TEMPORARY = 'temporary pw 1234';

describeOnDatabases('Agents in Administration', (suite) => {
  let app: FastifyInstance;
  let admin: ApiClient;
  const db = () => suite.database().db;
  const call = <T>(name: string, input: unknown) =>
    admin.post<T & ApiErrorBody>(`/api/v1/admin/${name}`, input);
  const signInAs = (userName: string, password: string) =>
    new ApiClient(app).post<SignInResponse & ApiErrorBody>('/api/v1/sessions', {
      userName,
      password,
    });
  const auditRows = () => db().selectFrom('audit_log').selectAll().orderBy('id').execute();

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database(), { sessionHoldMs: 0 });
    admin = await signIn(app, 'adam.admin');
  });
  afterEach(() => app.close());

  it('creates an agent with a temporary password they must change, and audits it without the password', async () => {
    const created = await call<{ agent: AgentRow }>('agents.create', {
      userName: 'grace',
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@example.org',
      roles: ['agent'],
      temporaryPassword: TEMPORARY,
    });
    expect(created.status).toBe(200);
    expect(created.body.agent).toMatchObject({
      userName: 'grace',
      name: 'Grace Hopper',
      roles: ['agent'],
      mustChangePassword: true,
      lastSignInAt: null,
      disabled: false,
      locked: false,
    });
    const [audit] = await auditRows();
    expect(audit).toMatchObject({
      actor_id: 'admin-1',
      actor_name: 'Adam Admin',
      action: 'agent.create',
      target_name: 'grace',
      before: null,
      after: { userName: 'grace', roles: ['agent'], changeAtNextSignIn: true },
    });
    expect(JSON.stringify(audit)).not.toContain(TEMPORARY);

    const first = await signInAs('grace', TEMPORARY);
    expect(first.body.mustChangePassword).toBe(true);
    const listed = await call<{ agents: AgentRow[] }>('agents.list', {});
    const grace = listed.body.agents.find((a) => a.userName === 'grace');
    expect(grace?.lastSignInAt).not.toBeNull();
    expect(listed.body.agents.map((a) => a.userName)).not.toContain('carla.caller');
    // Any user can be found to make them an agent.
    const found = await call<{ agents: AgentRow[] }>('agents.list', { query: 'carla' });
    expect(found.body.agents.map((a) => a.userName)).toEqual(['carla.caller']);

    const taken = await call('agents.create', {
      userName: 'GRACE',
      firstName: 'G',
      lastName: 'H',
      email: '',
      roles: ['agent'],
      temporaryPassword: TEMPORARY,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fieldErrors?.userName).toBe('This user name is already taken.');
  });

  it('sets roles with before → after, and never removes the last administrator', async () => {
    const changed = await call<{ agent: AgentRow }>('agents.set-roles', {
      userId: 'caller-1',
      roles: ['agent', 'technician'],
    });
    expect(changed.body.agent.roles).toEqual(['agent', 'technician']);
    const [audit] = await auditRows();
    expect(audit).toMatchObject({
      action: 'agent.setRoles',
      before: { roles: [] },
      after: { roles: ['agent', 'technician'] },
    });
    // The desks' directory feed carries the change: the row has a new version.
    const version = await db().selectFrom('sync_state').select('version').executeTakeFirstOrThrow();
    const row = await db()
      .selectFrom('users')
      .select('version')
      .where('id', '=', 'caller-1')
      .executeTakeFirstOrThrow();
    expect(Number(row.version)).toBe(Number(version.version));

    const lastAdmin = await call('agents.set-roles', { userId: 'admin-1', roles: ['agent'] });
    expect(lastAdmin.status).toBe(409);
    expect(lastAdmin.body.error.message).toContain('the only administrator');
    const selfDisable = await call('agents.set-disabled', { userId: 'admin-1', disabled: true });
    expect(selfDisable.status).toBe(409);
  });

  it('disables an agent: their sessions end at once and sign-in is refused with the usual words; enable lets them in', async () => {
    const ana = await signIn(app, 'ana.agent');
    const disabled = await call<{ agent: AgentRow }>('agents.set-disabled', {
      userId: 'agent-1',
      disabled: true,
    });
    expect(disabled.body.agent.disabled).toBe(true);
    expect((await ana.get('/api/v1/sessions/current')).status).toBe(401);
    const refused = await signInAs('ana.agent', TEST_PASSWORD);
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toBe('The user name or password is not right.');
    await call('agents.set-disabled', { userId: 'agent-1', disabled: false });
    expect((await signInAs('ana.agent', TEST_PASSWORD)).status).toBe(201);
    const actions = (await auditRows()).map((r) => [r.action, r.before, r.after]);
    expect(actions).toEqual([
      ['agent.disable', { disabled: false }, { disabled: true }],
      ['agent.enable', { disabled: true }, { disabled: false }],
    ]);
  });

  it('resets a password (sessions end, the agent must change it), unlocks, signs out everywhere', async () => {
    const bo = await signIn(app, 'bo.agent');
    const reset = await call<{ agent: AgentRow }>('agents.reset-password', {
      userId: 'agent-2',
      temporaryPassword: TEMPORARY,
    });
    expect(reset.body.agent.mustChangePassword).toBe(true);
    expect((await bo.get('/api/v1/sessions/current')).status).toBe(401);
    expect((await signInAs('bo.agent', TEST_PASSWORD)).status).toBe(401);
    expect((await signInAs('bo.agent', TEMPORARY)).body.mustChangePassword).toBe(true);

    for (let i = 0; i < 6; i++) await signInAs('tess.tech', 'wrong').catch(() => undefined);
    const locked = await call<{ agents: AgentRow[] }>('agents.list', { query: 'tess' });
    expect(locked.body.agents[0]?.locked).toBe(true);
    const unlocked = await call<{ agent: AgentRow }>('agents.unlock', { userId: 'tech-1' });
    expect(unlocked.body.agent.locked).toBe(false);
    expect((await signInAs('tess.tech', TEST_PASSWORD)).status).toBe(201);

    const tess = await signIn(app, 'tess.tech');
    const out = await call<{ sessionsEnded: number }>('agents.sign-out-everywhere', {
      userId: 'tech-1',
    });
    expect(out.body.sessionsEnded).toBe(2);
    expect((await tess.get('/api/v1/sessions/current')).status).toBe(401);
    const rows = await auditRows();
    expect(rows.map((r) => r.action)).toEqual([
      'agent.resetPassword',
      'agent.unlock',
      'agent.signOutEverywhere',
    ]);
    expect(rows[0]).toMatchObject({
      before: { changeAtNextSignIn: false },
      after: { changeAtNextSignIn: true },
    });
    expect(JSON.stringify(await auditRows())).not.toContain(TEMPORARY);
  });

  it('is for administrators only', async () => {
    const agent = await signIn(app, 'ana.agent');
    const refused = await agent.post<ApiErrorBody>('/api/v1/admin/agents.list', {});
    expect(refused.status).toBe(403);
    const missing = await call('agents.unlock', { userId: 'nobody' });
    expect(missing.status).toBe(404);
  });
});
