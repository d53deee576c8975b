// The security suite on buildServer listening on 127.0.0.1, where a test needs its clock or its
// database: per-account sign-in waits, bounded refusals, /health, /ready (each failed before issue 10).

import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate';
import { REFUSED_ARGS_KEPT_BYTES } from '../sync/recorded-args';
import { seedDirectory, signIn, TEST_PASSWORD, testServer } from '../testing/fixtures';
import { DATABASE_HOOK_TIMEOUT_MS, describeOnDatabases } from '../testing/test-databases';
import { httpSend, openRaw, within } from './raw-http';

describeOnDatabases('hardened HTTP on a listening server', (suite) => {
  let app: FastifyInstance | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  const listen = async (server: FastifyInstance): Promise<string> => {
    app = server;
    return server.listen({ port: 0, host: '127.0.0.1' });
  };

  it('throttles sign-in per account whatever the address, with growing waits, never a lockout', async () => {
    await seedDirectory(suite.database());
    let clock = new Date('2026-11-23T09:00:00.000Z');
    const url = await listen(await testServer(suite.database(), { now: () => clock }));
    const tryFrom = async (address: string, password: string) => {
      const reply = await httpSend(
        `${url}/api/v1/sessions`,
        'POST',
        { 'content-type': 'application/json' },
        JSON.stringify({ userName: 'ana.agent', password }),
        address,
      );
      return { status: reply.status, retryAfter: Number(reply.headers['retry-after'] ?? 0) };
    };
    const advance = (seconds: number) => {
      clock = new Date(clock.getTime() + seconds * 1000);
    };

    for (let i = 0; i < 5; i++) expect((await tryFrom('127.0.0.1', `guess ${i}`)).status).toBe(401);
    // A new address buys no more guesses: the account waits.
    expect(await tryFrom('127.0.0.2', 'guess 5')).toEqual({ status: 429, retryAfter: 1 });
    // Each failure past the free ones doubles the wait, up to a minute.
    const waits: number[] = [];
    let wait = 1;
    for (let i = 0; i < 8; i++) {
      advance(wait);
      expect((await tryFrom(i % 2 ? '127.0.0.3' : '127.0.0.2', `guess ${6 + i}`)).status).toBe(401);
      const refused = await tryFrom('127.0.0.2', 'again at once');
      expect(refused.status).toBe(429);
      wait = refused.retryAfter;
      waits.push(wait);
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
    // Tries during the wait are not counted: the agent who waits its end gets in.
    for (let i = 0; i < 10; i++) expect((await tryFrom('127.0.0.1', 'x')).status).toBe(429);
    advance(60);
    expect((await tryFrom('127.0.0.1', TEST_PASSWORD)).status).toBe(201);
    // A success clears the count.
    expect((await tryFrom('127.0.0.2', 'wrong')).status).toBe(401);
  });

  it('lets twelve desks sign in with one account at once: tries in flight are not failures', async () => {
    await seedDirectory(suite.database());
    const url = await listen(await testServer(suite.database()));
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        httpSend(
          `${url}/api/v1/sessions`,
          'POST',
          { 'content-type': 'application/json' },
          JSON.stringify({ userName: 'ana.agent', password: TEST_PASSWORD }),
          `127.0.0.${i + 1}`,
        ),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array.from({ length: 12 }, () => 201));
  });

  it('keeps a digest and a preview, not megabytes, of a refused mutation, and a retry still matches', async () => {
    await seedDirectory(suite.database());
    const url = await listen(await testServer(suite.database()));
    const desk = await signIn(app as FastifyInstance);
    const huge = { blob: 'x'.repeat(4 * 1024 * 1024) };
    const push = JSON.stringify({
      clientId: 'desk-filler',
      mutations: [
        {
          mutationId: 1,
          name: 'no.such.command',
          args: huge,
          at: '2026-11-23T10:00:00.000Z',
          actorId: 'agent-1',
        },
        {
          mutationId: 2,
          name: 'no.such.command',
          args: { small: true },
          at: '2026-11-23T10:00:00.000Z',
          actorId: 'agent-1',
        },
      ],
    });
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${desk.token ?? ''}`,
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      const reply = await httpSend(`${url}/api/v1/sync/push`, 'POST', headers, push);
      expect(reply.status).toBe(200);
      const body = JSON.parse(reply.body) as { refused: { mutationId: number }[] };
      expect(body.refused.map((r) => r.mutationId)).toEqual([1, 2]);
    }
    const rows = await sql<{ id: string; bytes: number; args: Record<string, unknown> }>`
      SELECT mutation_id::text AS id, octet_length(args::text) AS bytes, args
      FROM mutations ORDER BY mutation_id`.execute(suite.database().db);
    const [big, small] = rows.rows;
    expect(Number(big?.bytes)).toBeLessThan(REFUSED_ARGS_KEPT_BYTES);
    expect(big?.args).toMatchObject({ truncated: true, bytes: expect.any(Number) as number });
    expect(big?.args.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(small?.args).toEqual({ small: true });
  });

  it(
    'answers /health from the database (503 when it is gone) and /ready once it is migrated',
    async () => {
      const database = await suite.source().fresh();
      const url = await listen(await testServer(database));
      const get = async (path: string) => {
        const reply = await httpSend(`${url}${path}`, 'GET');
        return { status: reply.status, body: JSON.parse(reply.body) as unknown };
      };
      expect(await get('/api/v1/health')).toEqual({
        status: 200,
        body: { ok: true, database: 'ok' },
      });
      expect(await get('/api/v1/ready')).toEqual({
        status: 503,
        body: { ready: false, reason: 'database-not-migrated' },
      });
      await migrateToLatest(database.db);
      expect(await get('/api/v1/ready')).toEqual({ status: 200, body: { ready: true } });
      await database.close();
      expect(await get('/api/v1/health')).toEqual({
        status: 503,
        body: { ok: false, database: 'unreachable' },
      });
      expect((await get('/api/v1/ready')).status).toBe(503);
    },
    DATABASE_HOOK_TIMEOUT_MS,
  );

  it('keeps an event stream open past the request timeout: only receiving a request is timed', async () => {
    await seedDirectory(suite.database());
    const server = await testServer(suite.database(), {
      httpLimits: { headersTimeoutMs: 500, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 500 },
      sseHeartbeatMs: 200,
    });
    const url = await listen(server);
    const desk = await signIn(server);
    const stream = openRaw(
      Number(new URL(url).port),
      `GET /api/v1/sync/events HTTP/1.1\r\nHost: desk\r\nAuthorization: Bearer ${desk.token ?? ''}\r\n\r\n`,
    );
    expect(await within(stream.closed, 3_000)).toBe('timeout');
    expect(stream.received()).toMatch(/^HTTP\/1\.1 200/);
    expect(stream.received()).toContain('event: poke');
    stream.socket.destroy();
  });
});
