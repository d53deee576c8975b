// Issue 10, hole 4 (launch): the app is handed a launch code, never a token: single use, a minute
// long, kept hashed, exchanged on any instance. (`npm start`'s own output: scripts/start-launch.test.ts.)

import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  LaunchCodeResponse,
  SignInResponse,
  type ApiErrorBody,
} from '../../shared/sync/server-api';
import { ApiClient, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { ensureServerBuild, startServerProcess, type ServerProcess } from './server-process';

const PROCESS_TIMEOUT_MS = 120_000;
const SPENT =
  'This launch code is spent, unknown or expired (a code works once, within a minute). Sign in instead.';

const exchange = (url: string, code: string) =>
  fetch(`${url}/api/v1/sessions/launch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });

describe('npm start against the desk server as the README starts it', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    ensureServerBuild();
    server = await startServerProcess(['--demo', '--demo-users', '20']);
  }, PROCESS_TIMEOUT_MS);
  afterAll(() => server.stop());

  it('exchanges a code once for a session of its agent; the code itself opens nothing', async () => {
    const signedIn = SignInResponse.parse(
      await (
        await fetch(`${server.url}/api/v1/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userName: 'demo.agent', password: 'deskpad-demo' }),
        })
      ).json(),
    );
    const made = await fetch(`${server.url}/api/v1/sessions/launch-codes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${signedIn.token}` },
    });
    expect(made.status).toBe(201);
    const { code } = LaunchCodeResponse.parse(await made.json());

    const asToken = await fetch(`${server.url}/api/v1/sessions/current`, {
      headers: { authorization: `Bearer ${code}` },
    });
    expect(asToken.status).toBe(401);

    const first = await exchange(server.url, code);
    expect(first.status).toBe(201);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const session = SignInResponse.parse(await first.json());
    expect(session.agent.userName).toBe('demo.agent');
    expect(session.token).not.toBe(signedIn.token);
    expect(server.output()).not.toContain(session.token);
    expect(server.output()).not.toContain(code);
    const me = await fetch(`${server.url}/api/v1/sessions/current`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(me.status).toBe(200);

    // Spent: a second exchange (a reload, the browser's history) opens nothing.
    const again = await exchange(server.url, code);
    expect(again.status).toBe(401);
    expect(((await again.json()) as ApiErrorBody).error).toEqual({
      code: 'unauthorized',
      message: SPENT,
    });
  });

  it('refuses an unknown or malformed code with a clear message', async () => {
    const unknown = await exchange(server.url, 'x'.repeat(43));
    expect(unknown.status).toBe(401);
    const malformed = await exchange(server.url, 'short');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ApiErrorBody).error.code).toBe('invalid-input');
  });
});

describeOnDatabases('launch codes', (suite) => {
  let app: FastifyInstance;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date('2026-11-23T09:00:00.000Z');
    await seedDirectory(suite.database());
    app = await testServer(suite.database(), { now: () => clock });
  });
  afterEach(() => app.close());

  const newCode = async (desk: ApiClient) => {
    const reply = await desk.post<LaunchCodeResponse>('/api/v1/sessions/launch-codes', {});
    expect(reply.status).toBe(201);
    return LaunchCodeResponse.parse(reply.body);
  };
  const exchangeIn = (code: string) =>
    new ApiClient(app).post<SignInResponse & ApiErrorBody>('/api/v1/sessions/launch', { code });

  it('expires a minute after it was made, and keeps only its hash', async () => {
    const desk = await signIn(app);
    const late = await newCode(desk);
    expect(late.expiresAt).toBe('2026-11-23T09:01:00.000Z');
    const rows = await suite.database().db.selectFrom('launch_codes').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(late.code);

    const inTime = await newCode(desk);
    clock = new Date('2026-11-23T09:00:59.000Z');
    expect((await exchangeIn(inTime.code)).status).toBe(201);
    clock = new Date('2026-11-23T09:01:00.000Z');
    const expired = await exchangeIn(late.code);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('unauthorized');
  });

  it('opens a new session of the same agent, which lives on when the first signs out', async () => {
    const desk = await signIn(app, 'bo.agent');
    const { code } = await newCode(desk);
    const opened = await exchangeIn(code);
    expect(opened.status).toBe(201);
    expect(opened.body.agent.userName).toBe('bo.agent');
    expect(opened.body.token).not.toBe(desk.token);
    expect((await desk.request('DELETE', '/api/v1/sessions/current')).status).toBe(204);
    const window = new ApiClient(app, opened.body.token);
    expect((await window.get('/api/v1/sessions/current')).status).toBe(200);
  });

  it('is exchanged once even when two exchanges race', async () => {
    const { code } = await newCode(await signIn(app));
    const answers = await Promise.all([exchangeIn(code), exchangeIn(code), exchangeIn(code)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 401, 401]);
  });

  it('lets an agent have at most 5 codes waiting', async () => {
    const desk = await signIn(app);
    for (let i = 0; i < 5; i++) await newCode(desk);
    const refused = await desk.post<ApiErrorBody>('/api/v1/sessions/launch-codes', {});
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toBe(
      '5 launch codes of this agent are waiting to be used. Use one, or try again in a minute.',
    );
    expect(await suite.database().db.selectFrom('launch_codes').selectAll().execute()).toHaveLength(
      5,
    );
    clock = new Date('2026-11-23T09:01:00.000Z');
    await newCode(desk);
  });

  it('needs a session to make one', async () => {
    const reply = await new ApiClient(app).post('/api/v1/sessions/launch-codes', {});
    expect(reply.status).toBe(401);
  });
});
