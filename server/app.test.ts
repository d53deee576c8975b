import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app';
import type { Database } from './db/schema';
import { memoryPokeBus } from './sync/poke-bus';

/** These tests never reach the database: a pool that would connect to nowhere is enough. */
const unusedDatabase = () => ({
  db: new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: 'postgres://127.0.0.1:1/none' }),
    }),
  }),
  pokes: memoryPokeBus(),
});

describe('the desk server as a web server', () => {
  let webRoot: string;
  let app: FastifyInstance;

  beforeAll(() => {
    webRoot = mkdtempSync(path.join(tmpdir(), 'deskpad-web-'));
    mkdirSync(path.join(webRoot, 'assets'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Deskpad</title>');
    writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log("deskpad")');
  });
  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));
  afterEach(() => app.close());

  it('serves the browser build at / and its files, from the same origin as the API', async () => {
    app = await buildServer({ database: unusedDatabase(), webRoot });
    const index = await app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.body).toContain('<title>Deskpad</title>');
    expect(
      (await app.inject({ method: 'GET', url: '/assets/app.js' })).headers['content-type'],
    ).toMatch(/javascript/);
    // The API answers from the same origin; /health reads the database, which these tests lack.
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).json()).toEqual({
      ok: false,
      database: 'unreachable',
    });
  });

  it('answers the app for a client-side route but a JSON 404 for an unknown API path', async () => {
    app = await buildServer({ database: unusedDatabase(), webRoot });
    const page = await app.inject({ method: 'GET', url: '/interactions/IMS0001001' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Deskpad');
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not-found' } });
    expect((await app.inject({ method: 'GET', url: '/../../etc/passwd' })).body).not.toContain(
      'root:',
    );
  });

  it('routes every read API, and the app never shadows one', async () => {
    app = await buildServer({ database: unusedDatabase(), webRoot });
    for (const url of [
      '/api/v1/interactions',
      '/api/v1/incidents',
      '/api/v1/incidents/INC0001001',
      '/api/v1/requests',
      '/api/v1/requests/REQ0001001',
      '/api/v1/search?q=printer',
    ]) {
      const reply = await app.inject({ method: 'GET', url });
      // Known routes refuse an anonymous caller before touching the database.
      expect(reply.statusCode, url).toBe(401);
      expect(reply.json(), url).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('serves only the API when there is no browser build', async () => {
    app = await buildServer({ database: unusedDatabase(), webRoot: path.join(webRoot, 'missing') });
    const index = await app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(404);
    expect(index.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('lets the desktop app’s origin call the API, and no other origin', async () => {
    app = await buildServer({ database: unusedDatabase() });
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/sync/push',
      headers: { origin: 'app://deskpad', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('app://deskpad');
    expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
    const get = await app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { origin: 'app://deskpad' },
    });
    expect(get.headers['access-control-allow-origin']).toBe('app://deskpad');
    const stranger = await app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('caps sign-in requests per address', async () => {
    app = await buildServer({
      database: unusedDatabase(),
      signInRateLimit: { max: 2, timeWindowMs: 60_000 },
    });
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { userName: '', password: '' },
      });
    expect((await attempt()).statusCode).toBe(400);
    expect((await attempt()).statusCode).toBe(400);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'too-many-requests' } });
  });

  it('answers 500 in the same shape, without details, when something unexpected fails', async () => {
    app = await buildServer({ database: unusedDatabase() });
    const reply = await app.inject({
      method: 'POST',
      url: '/api/v1/sync/pull',
      headers: { authorization: `Bearer ${'a'.repeat(43)}` },
      payload: {},
    });
    expect(reply.statusCode).toBe(500);
    expect(reply.json()).toEqual({
      error: {
        code: 'internal',
        message: 'Something went wrong on the desk server. Try again in a moment.',
      },
    });
  });
});
