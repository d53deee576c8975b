// The security suite against the desk server as the README starts it (`node dist/server/main.js`):
// CORS for the desktop app, timeouts, authentication before the body, headers, source maps and
// --trust-proxy. Each test here failed on the server before issue 10.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSend, openRaw, trickle, within, type Answer } from './raw-http';
import { ensureServerBuild, startServerProcess, type ServerProcess } from './server-process';

const send = (url: string, method: string, headers?: Record<string, string>, body?: string) =>
  httpSend(url, method, headers, body);

const json = { 'content-type': 'application/json' };
const PROCESS_TIMEOUT_MS = 120_000;

const policyDirectives = (policy: string | string[] | undefined): string[] =>
  String(policy ?? '')
    .split(';')
    .map((d) => d.trim());

describe('the desk server started from the command line, flags as the README gives them', () => {
  let server: ServerProcess;
  let webRoot: string;

  beforeAll(async () => {
    ensureServerBuild();
    webRoot = mkdtempSync(path.join(os.tmpdir(), 'deskpad-web-security-'));
    mkdirSync(path.join(webRoot, 'assets'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Deskpad</title>');
    writeFileSync(
      path.join(webRoot, 'sw.js'),
      'self.skipWaiting()\n//# sourceMappingURL=sw.js.map',
    );
    writeFileSync(path.join(webRoot, 'sw.js.map'), '{"version":3,"sources":["sw-secret.ts"]}');
    writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(webRoot, 'assets', 'app.js.map'), '{"version":3,"sources":["a.ts"]}');
    server = await startServerProcess(['--demo', '--demo-users', '20', '--web', webRoot]);
  }, PROCESS_TIMEOUT_MS);
  afterAll(async () => {
    await server.stop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it(
    'lets the desktop app (Origin app://deskpad) preflight, sign in and pull with no --allow-origin',
    async () => {
      const origin = { origin: 'app://deskpad' };
      const preflight = await send(`${server.url}/api/v1/sessions`, 'OPTIONS', {
        ...origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('app://deskpad');
      expect(preflight.headers['access-control-allow-headers']).toContain('authorization');

      const signedIn = await send(
        `${server.url}/api/v1/sessions`,
        'POST',
        { ...origin, ...json },
        JSON.stringify({ userName: 'demo.agent', password: 'deskpad-demo' }),
      );
      expect(signedIn.status).toBe(201);
      expect(signedIn.headers['access-control-allow-origin']).toBe('app://deskpad');
      const { token } = JSON.parse(signedIn.body) as { token: string };

      const pull = await send(
        `${server.url}/api/v1/sync/pull`,
        'POST',
        { ...origin, ...json, authorization: `Bearer ${token}` },
        JSON.stringify({ clientId: 'desk-cors', cursor: null }),
      );
      expect(pull.status).toBe(200);
      expect(pull.headers['access-control-allow-origin']).toBe('app://deskpad');

      const stranger = await send(`${server.url}/api/v1/sessions`, 'OPTIONS', {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
      });
      expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'serves no source map, the service worker’s included',
    async () => {
      for (const url of ['/sw.js.map', '/assets/app.js.map', '/assets/missing.js.map']) {
        const reply = await send(`${server.url}${url}`, 'GET');
        expect(reply.status, url).toBe(404);
        expect(reply.body, url).not.toMatch(/"version":3|<title>/);
      }
      expect((await send(`${server.url}/sw.js`, 'GET')).status).toBe(200);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'sends the same security headers as scripts/web-server.mjs on every page, file and answer',
    async () => {
      const webServerPolicy = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "const m = await import('./scripts/web-server.mjs'); process.stdout.write(m.CONTENT_SECURITY_POLICY)",
        ],
        { cwd: path.resolve(import.meta.dirname, '..', '..'), encoding: 'utf8' },
      );
      for (const url of [
        '/',
        '/interactions/IMS0001001',
        '/sw.js',
        '/assets/app.js',
        '/api/v1/health',
        '/api/v1/nothing',
      ]) {
        const { headers } = await send(`${server.url}${url}`, 'GET');
        expect(policyDirectives(headers['content-security-policy']), url).toEqual(
          policyDirectives(webServerPolicy),
        );
        expect(headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
        expect(headers['referrer-policy'], url).toBe('no-referrer');
        expect(headers['x-content-type-options'], url).toBe('nosniff');
        expect(headers['x-frame-options'], url).toBe('DENY');
        expect(headers['cross-origin-opener-policy'], url).toBe('same-origin');
      }
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'with the default limits, three slow-body connections are closed within about 30 s',
    async () => {
      const slowBodies = [1, 2, 3].map(() => {
        const raw = openRaw(
          server.port,
          'POST /api/v1/sessions HTTP/1.1\r\nHost: desk\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
        );
        trickle(raw.socket, 1_000);
        return raw;
      });
      for (const raw of slowBodies) {
        const closedAfter = await within(raw.closed, 40_000);
        raw.socket.destroy();
        expect(closedAfter).not.toBe('timeout');
        expect(closedAfter).toBeLessThan(34_000);
      }
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'answers an unauthenticated 8 MiB push 401 from its headers, and an oversized one 413, before the body',
    async () => {
      const head = (length: number, authorization = '') =>
        `POST /api/v1/sync/push HTTP/1.1\r\nHost: desk\r\nContent-Type: application/json\r\n${authorization}Content-Length: ${length}\r\n\r\n`;
      // Only the headers and 64 KiB of the 8 MiB are ever sent.
      const anonymous = [1, 2, 3, 4].map(() => {
        const raw = openRaw(server.port, head(8 * 1024 * 1024));
        raw.socket.write(`{"clientId":"x","mutations":[${' '.repeat(64 * 1024)}`);
        return raw;
      });
      for (const raw of anonymous) {
        expect(await within(raw.status, 3_000)).toMatch(/^HTTP\/1\.1 401/);
        raw.socket.destroy();
      }
      const signedIn = await send(
        `${server.url}/api/v1/sessions`,
        'POST',
        json,
        JSON.stringify({ userName: 'demo.agent', password: 'deskpad-demo' }),
      );
      const { token } = JSON.parse(signedIn.body) as { token: string };
      const tooLarge = openRaw(
        server.port,
        head(9 * 1024 * 1024, `Authorization: Bearer ${token}\r\n`),
      );
      expect(await within(tooLarge.status, 3_000)).toMatch(/^HTTP\/1\.1 413/);
      tooLarge.socket.destroy();
    },
    PROCESS_TIMEOUT_MS,
  );
});

describe('the desk server started with --trust-proxy and short timeouts', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    ensureServerBuild();
    server = await startServerProcess([
      '--trust-proxy',
      '127.0.0.1',
      '--request-timeout',
      '2',
      '--headers-timeout',
      '1',
      '--idle-timeout',
      '1',
    ]);
  }, PROCESS_TIMEOUT_MS);
  afterAll(() => server.stop());

  it(
    'cuts off slow bodies, slow headers and idle connections (--request-timeout, --headers-timeout, --idle-timeout)',
    async () => {
      const slowBodies = [1, 2, 3].map(() => {
        const raw = openRaw(
          server.port,
          'POST /api/v1/sessions HTTP/1.1\r\nHost: desk\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
        );
        trickle(raw.socket, 200);
        return raw;
      });
      const slowHeaders = openRaw(server.port, 'GET /api/v1/health HTTP/1.1\r\nHost: desk\r\n');
      trickle(slowHeaders.socket, 200);
      const idle = openRaw(server.port, 'GET /api/v1/health HTTP/1.1\r\nHost: desk\r\n\r\n');
      for (const raw of [...slowBodies, slowHeaders, idle]) {
        const closedAfter = await within(raw.closed, 8_000);
        raw.socket.destroy();
        expect(closedAfter).not.toBe('timeout');
        expect(closedAfter).toBeLessThan(6_000);
      }
      expect(idle.received()).toMatch(/^HTTP\/1\.1 200/);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    '--trust-proxy counts sign-in tries per client address behind the proxy',
    async () => {
      const attempt = (client: string) =>
        send(
          `${server.url}/api/v1/sessions`,
          'POST',
          { ...json, 'x-forwarded-for': client },
          JSON.stringify({ userName: '', password: '' }),
        );
      // The per-address ceiling (300 a minute) holds for one client…
      let last: Answer | null = null;
      for (let i = 0; i < 301; i++) last = await attempt('203.0.113.7');
      expect(last?.status).toBe(429);
      // …and another client behind the same proxy is not caught by it.
      expect((await attempt('203.0.113.8')).status).toBe(400);
    },
    PROCESS_TIMEOUT_MS,
  );
});
