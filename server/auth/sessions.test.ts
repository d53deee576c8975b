import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  CurrentSessionResponse,
  type ApiErrorBody,
  type SignInResponse,
} from '../../shared/sync/server-api';
import { ApiClient, seedDirectory, signIn, TEST_PASSWORD, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

describeOnDatabases('signing in and out', (suite) => {
  let app: FastifyInstance;
  let clock: Date;
  const anonymous = () => new ApiClient(app);

  beforeEach(async () => {
    clock = new Date('2026-11-23T09:00:00.000Z');
    await seedDirectory(suite.database());
    app = await testServer(suite.database(), {
      now: () => clock,
      auth: { sessionIdleMs: 60 * 60 * 1000, maxAttempts: 3, attemptWindowMs: 10 * 60 * 1000 },
    });
  });
  afterEach(() => app.close());

  const tryPassword = (password: string, userName = 'ana.agent') =>
    anonymous().post<SignInResponse & ApiErrorBody>('/api/v1/sessions', { userName, password });

  it('answers a token, its expiry and the agent for the right password', async () => {
    const reply = await tryPassword(TEST_PASSWORD);
    expect(reply.status).toBe(201);
    expect(reply.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(reply.body.expiresAt).toBe('2026-11-23T10:00:00.000Z');
    expect(reply.body.agent).toMatchObject({
      id: 'agent-1',
      userName: 'ana.agent',
      roles: ['agent'],
    });
    expect(JSON.stringify(reply.body)).not.toMatch(/argon2|password/i);
    // What a desk adopting this token checks: whose it is and until when.
    const me = await new ApiClient(app, reply.body.token).get<CurrentSessionResponse>(
      '/api/v1/sessions/current',
    );
    expect(me.status).toBe(200);
    expect(CurrentSessionResponse.parse(me.body)).toMatchObject({
      agent: { id: 'agent-1' },
      expiresAt: '2026-11-23T10:00:00.000Z',
    });
  });

  it('takes the user name in any case', async () => {
    expect((await tryPassword(TEST_PASSWORD, 'ANA.Agent')).status).toBe(201);
  });

  it('stores only a hash of the token', async () => {
    const { body } = await tryPassword(TEST_PASSWORD);
    const rows = await suite.database().db.selectFrom('sessions').select('token_hash').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.token_hash).not.toContain(body.token);
  });

  it('answers 401 with the same words for a wrong password, an unknown user and a caller', async () => {
    const wrong = await tryPassword('not it');
    const unknown = await tryPassword(TEST_PASSWORD, 'nobody');
    const caller = await tryPassword(TEST_PASSWORD, 'carla.caller');
    for (const reply of [wrong, unknown, caller]) {
      expect(reply.status).toBe(401);
      expect(reply.body.error).toEqual({
        code: 'unauthorized',
        message: 'The user name or password is not right.',
      });
    }
  });

  it('answers 401 to a missing, malformed, unknown or expired token', async () => {
    const { body } = await tryPassword(TEST_PASSWORD);
    for (const token of [null, 'short', 'x'.repeat(43)]) {
      const reply = await new ApiClient(app, token).get<ApiErrorBody>('/api/v1/users');
      expect(reply.status).toBe(401);
    }
    const raw = await app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { authorization: `Basic ${body.token}` },
    });
    expect(raw.statusCode).toBe(401);
    const signedIn = new ApiClient(app, body.token);
    expect((await signedIn.get('/api/v1/users')).status).toBe(200);
    clock = new Date('2026-11-23T10:00:00.000Z');
    const expired = await signedIn.get<ApiErrorBody>('/api/v1/users');
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toBe('The session has ended. Sign in again.');
  });

  it('answers 429 after too many tries for one user name from one address, then opens again', async () => {
    for (let i = 0; i < 3; i++) expect((await tryPassword(`guess ${i}`)).status).toBe(401);
    const locked = await tryPassword(TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('too-many-requests');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Another user name is not locked out by these guesses.
    expect((await tryPassword(TEST_PASSWORD, 'bo.agent')).status).toBe(201);
    clock = new Date('2026-11-23T09:10:01.000Z');
    expect((await tryPassword(TEST_PASSWORD)).status).toBe(201);
  });

  it('forgets earlier failures after a good sign-in', async () => {
    for (let i = 0; i < 2; i++) await tryPassword('wrong');
    expect((await tryPassword(TEST_PASSWORD)).status).toBe(201);
    for (let i = 0; i < 2; i++) await tryPassword('wrong');
    expect((await tryPassword(TEST_PASSWORD)).status).toBe(201);
  });

  it('signs out: the token stops working, other sessions go on', async () => {
    const one = await signIn(app);
    const two = await signIn(app);
    const out = await one.request('DELETE', '/api/v1/sessions/current');
    expect(out.status).toBe(204);
    expect((await one.get('/api/v1/sessions/current')).status).toBe(401);
    expect((await two.get('/api/v1/sessions/current')).status).toBe(200);
  });

  it('lets every role sync but only agents and admins read the API', async () => {
    const technician = await signIn(app, 'tess.tech');
    const admin = await signIn(app, 'adam.admin');
    expect(
      (await technician.post('/api/v1/sync/pull', { clientId: 'd', cursor: null })).status,
    ).toBe(200);
    expect((await technician.get('/api/v1/directory')).status).toBe(200);
    const refused = await technician.get<ApiErrorBody>('/api/v1/interactions');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await admin.get('/api/v1/interactions')).status).toBe(200);
  });
});
