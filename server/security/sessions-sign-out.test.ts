// Issue 10, hole 4 (sign out everywhere, admin revocation): an agent ends all of their sessions at
// once; an admin — and only an admin — ends all of another agent's. Ended tokens answer 401.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ApiErrorBody, LaunchCodeResponse } from '../../shared/sync/server-api';
import { ApiClient, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

describeOnDatabases('ending sessions', (suite) => {
  let app: FastifyInstance;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
  });
  afterEach(() => app.close());

  const alive = async (desk: ApiClient) => (await desk.get('/api/v1/sessions/current')).status;
  const launchCode = async (desk: ApiClient) =>
    (await desk.post<LaunchCodeResponse>('/api/v1/sessions/launch-codes', {})).body.code;
  const exchange = (code: string) => new ApiClient(app).post('/api/v1/sessions/launch', { code });

  it('signs out everywhere: every session and launch code of the agent, no one else', async () => {
    const laptop = await signIn(app);
    const counter = await signIn(app);
    const code = await launchCode(counter);
    const colleague = await signIn(app, 'bo.agent');

    const out = await laptop.request('DELETE', '/api/v1/sessions');
    expect(out.status).toBe(204);
    expect(await alive(laptop)).toBe(401);
    expect(await alive(counter)).toBe(401);
    expect((await exchange(code)).status).toBe(401);
    expect(await alive(colleague)).toBe(200);
    expect((await new ApiClient(app).request('DELETE', '/api/v1/sessions')).status).toBe(401);
  });

  it("lets an admin end an agent's sessions, and refuses everyone else", async () => {
    const ana = await signIn(app);
    const anaAgain = await signIn(app);
    const code = await launchCode(ana);
    const bo = await signIn(app, 'bo.agent');
    const tess = await signIn(app, 'tess.tech');
    const admin = await signIn(app, 'adam.admin');
    const revoke = (by: ApiClient, userId = 'agent-1') =>
      by.request<ApiErrorBody>('DELETE', `/api/v1/agents/${userId}/sessions`);

    for (const refused of [bo, ana, tess]) {
      const reply = await revoke(refused);
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    }
    expect((await revoke(new ApiClient(app))).status).toBe(401);
    expect(await alive(ana)).toBe(200);

    expect((await revoke(admin)).status).toBe(204);
    expect(await alive(ana)).toBe(401);
    expect(await alive(anaAgain)).toBe(401);
    expect((await exchange(code)).status).toBe(401);
    expect(await alive(bo)).toBe(200);
    expect(await alive(admin)).toBe(200);
    // Ana may sign in again: revocation ends sessions, it does not lock the account.
    expect(await alive(await signIn(app))).toBe(200);

    const unknown = await revoke(admin, 'nobody-9');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('There is no user with the id nobody-9.');
  });
});
