// Disabled and deactivated accounts cannot sign in (the same words as a wrong password); a
// temporary password must be changed before anything else; a sign-in records when it happened.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ApiErrorBody, SignInResponse } from '../../shared/sync/server-api';
import { ApiClient, seedDirectory, TEST_PASSWORD, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { PASSWORD_CHANGE_REQUIRED } from './sessions';

describeOnDatabases('account checks at sign-in', (suite) => {
  let app: FastifyInstance;
  const anonymous = () => new ApiClient(app);
  const db = () => suite.database().db;
  const signIn = (userName: string, password = TEST_PASSWORD) =>
    anonymous().post<SignInResponse & ApiErrorBody>('/api/v1/sessions', { userName, password });

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database(), { sessionHoldMs: 0 });
  });
  afterEach(() => app.close());

  it('refuses disabled and deactivated accounts with the words of a wrong password, and ends their sessions', async () => {
    const ana = await signIn('ana.agent');
    expect(ana.status).toBe(201);
    const row = await db()
      .selectFrom('users')
      .select('last_sign_in_at')
      .where('id', '=', 'agent-1')
      .executeTakeFirstOrThrow();
    expect(row.last_sign_in_at).not.toBeNull();

    await db()
      .updateTable('users')
      .set({ sign_in_disabled: true })
      .where('id', '=', 'agent-1')
      .execute();
    await db().updateTable('users').set({ active: false }).where('id', '=', 'agent-2').execute();
    for (const userName of ['ana.agent', 'bo.agent']) {
      const refused = await signIn(userName);
      expect(refused.status).toBe(401);
      expect(refused.body.error.message).toBe('The user name or password is not right.');
    }
    const stale = await new ApiClient(app, ana.body.token).get<ApiErrorBody>('/api/v1/users');
    expect(stale.status).toBe(401);
  });

  it('lets a temporary password do nothing but be changed, then the desk works', async () => {
    await db()
      .updateTable('users')
      .set({ must_change_password: true })
      .where('id', '=', 'agent-1')
      .execute();
    const reply = await signIn('ana.agent');
    expect(reply.status).toBe(201);
    expect(reply.body.mustChangePassword).toBe(true);
    const agent = new ApiClient(app, reply.body.token);

    const refused = await agent.post<ApiErrorBody>('/api/v1/sync/pull', {
      clientId: 'd',
      cursor: null,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({
      code: 'password-change-required',
      message: PASSWORD_CHANGE_REQUIRED,
    });
    const me = await agent.get<{ mustChangePassword?: boolean }>('/api/v1/sessions/current');
    expect(me.status).toBe(200);
    expect(me.body.mustChangePassword).toBe(true);

    const wrong = await agent.post<ApiErrorBody>('/api/v1/sessions/password', {
      currentPassword: 'not it',
      newPassword: 'my very own password',
    });
    expect(wrong.status).toBe(401);
    const weak = await agent.post<ApiErrorBody>('/api/v1/sessions/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);

    const changed = await agent.post('/api/v1/sessions/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'my very own password',
    });
    expect(changed.status).toBe(204);
    expect((await agent.post('/api/v1/sync/pull', { clientId: 'd', cursor: null })).status).toBe(
      200,
    );
    expect((await signIn('ana.agent')).status).toBe(401);
    const fresh = await signIn('ana.agent', 'my very own password');
    expect(fresh.status).toBe(201);
    expect(fresh.body.mustChangePassword).toBeUndefined();
  });
});
