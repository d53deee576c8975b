// Tests `npm start`'s decisions: the options it accepts, the desk server it starts and waits for,
// the demo sign-in, what Electron is told, the lines it prints when Electron cannot start, and the
// probe that never lets a failed download hang or crash it.

import type { spawnSync } from 'node:child_process';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../server/node-flags.mjs';
import {
  electronEnv,
  fallbackLine,
  missingDisplay,
  probeElectron,
  summarizeFailure,
} from './start-electron.mjs';
import {
  demoLaunchCode,
  portIsFree,
  serverArgs,
  signInDemo,
  waitForHealth,
} from './start-server.mjs';
import { appUrl, readOptions, runningLine } from './start.mjs';

const fakeSpawn = (result: object) => (() => result) as unknown as typeof spawnSync;

describe('npm start', () => {
  it('reads --port (8787 by default, like the desk server) and refuses nonsense', () => {
    expect(readOptions([], {})).toEqual({ port: 8787 });
    expect(readOptions([], { PORT: '9100' })).toEqual({ port: 9100 });
    expect(readOptions(['--port', '6000'], {})).toEqual({ port: 6000 });
    expect(readOptions(['--port=7000'], {})).toEqual({ port: 7000 });
    expect(() => readOptions(['--port', 'abc'], {})).toThrow(/--port/);
    expect(() => readOptions(['--port', '0'], {})).toThrow(/--port/);
    expect(() => readOptions(['--colour'], {})).toThrow();
  });

  it('starts the built desk server on the port, on embedded PGlite, with the demo', () => {
    expect(serverArgs(8787)).toEqual([
      ...SERVER_NODE_FLAGS,
      'dist/server/main.js',
      '--port',
      '8787',
      '--data',
      '.deskpad-data',
      '--demo',
    ]);
  });

  it('prints where Deskpad runs, with a launch code (never a token) in the fragment', () => {
    const url = appUrl(8787, 'code_-1');
    expect(url).toBe('http://127.0.0.1:8787/#launch=code_-1');
    expect(runningLine(url)).toBe(
      'Deskpad is running at http://127.0.0.1:8787/#launch=code_-1 — the link signs in as demo.agent once, within a minute (after that, password deskpad-demo)',
    );
    expect(runningLine(url)).not.toContain('\n');
    expect(runningLine(url)).not.toContain('session=');
  });

  it('tells Electron the desk server and a launch code, never a token, keeping the rest of the environment', () => {
    expect(
      electronEnv({ PATH: '/bin', DESKPAD_SESSION_TOKEN: 'old' }, 'http://127.0.0.1:8787', 'code'),
    ).toEqual({
      PATH: '/bin',
      DESKPAD_SERVER_URL: 'http://127.0.0.1:8787',
      DESKPAD_LAUNCH_CODE: 'code',
    });
  });

  it('says in one line why Electron is not used and what happens instead', () => {
    const line = fallbackLine('its binary could not be downloaded');
    expect(line).toBe(
      'Deskpad: the Electron runtime is not available on this machine (its binary could not be downloaded); serving the browser build instead.',
    );
    expect(line).not.toContain('\n');
  });

  it('turns a failed download into a short reason, without the stack', () => {
    const stderr = [
      'Downloading Electron binary...',
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:14976:13',
      'Error: Electron failed to install correctly.',
    ].join('\n');
    expect(summarizeFailure(stderr)).toBe('its binary could not be downloaded');
    expect(
      summarizeFailure('error while loading shared libraries: libnss3.so: cannot open'),
    ).toContain('libnss3');
    expect(summarizeFailure('')).toBe('it exited without saying why');
    expect(summarizeFailure(`Error: ${'x'.repeat(400)}`).length).toBeLessThanOrEqual(160);
  });

  it('probes the electron package in a child process and reports each way it can fail', () => {
    const exists = (file: string) => file === '/opt/electron/electron';
    expect(
      probeElectron({
        spawnSync: fakeSpawn({ status: 0, stdout: '/opt/electron/electron', stderr: '' }),
        exists,
      }),
    ).toEqual({ ok: true, binary: '/opt/electron/electron' });
    expect(
      probeElectron({
        spawnSync: fakeSpawn({ status: 1, stdout: '', stderr: 'TypeError: fetch failed' }),
        exists,
      }),
    ).toEqual({ ok: false, reason: 'its binary could not be downloaded' });
    const timeout = Object.assign(new Error('spawnSync node ETIMEDOUT'), { code: 'ETIMEDOUT' });
    expect(
      probeElectron({ spawnSync: fakeSpawn({ error: timeout, status: null }), exists }),
    ).toEqual({
      ok: false,
      reason: 'finding its binary timed out',
    });
    expect(
      probeElectron({
        spawnSync: fakeSpawn({ status: 0, stdout: '/gone/electron', stderr: '' }),
        exists,
      }),
    ).toEqual({ ok: false, reason: 'its binary is missing' });
  });

  it('knows Linux needs a display before launching', () => {
    expect(missingDisplay('linux', {})).toMatch(/no display/);
    expect(missingDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
    expect(missingDisplay('darwin', {})).toBeNull();
  });

  it('waits for the health check, asking again until the server answers', async () => {
    const answers: (Response | Error)[] = [
      new TypeError('fetch failed'),
      new Response('<html>', { status: 200 }),
      new Response(JSON.stringify({ ok: true }), { status: 200 }),
    ];
    const asked: string[] = [];
    const ready = await waitForHealth({
      fetch: (input) => {
        asked.push(input);
        const next = answers.shift();
        return next instanceof Response
          ? Promise.resolve(next)
          : Promise.reject(next ?? new Error());
      },
      baseUrl: 'http://127.0.0.1:8787',
      exited: () => null,
      sleep: () => Promise.resolve(),
    });
    expect(ready).toEqual({ ok: true });
    expect(asked).toEqual(Array(3).fill('http://127.0.0.1:8787/api/v1/health'));
  });

  it('stops waiting when the server exits, or when time is up', async () => {
    expect(
      await waitForHealth({
        fetch: () => Promise.reject(new TypeError('fetch failed')),
        baseUrl: 'http://127.0.0.1:8787',
        exited: () => 'it exited with code 1',
        sleep: () => Promise.resolve(),
      }),
    ).toEqual({ ok: false, reason: 'it exited with code 1' });

    let clock = 0;
    expect(
      await waitForHealth({
        fetch: () => Promise.reject(new TypeError('fetch failed')),
        baseUrl: 'http://127.0.0.1:8787',
        exited: () => null,
        timeoutMs: 1000,
        now: () => clock,
        sleep: (ms) => Promise.resolve((clock += ms)),
      }),
    ).toEqual({ ok: false, reason: 'it did not answer its health check in time' });
  });

  it('does not take another process on the port for its own server', async () => {
    let calls = 0;
    expect(
      await waitForHealth({
        fetch: () => Promise.resolve(new Response(JSON.stringify({ ok: true }))),
        baseUrl: 'http://127.0.0.1:8787',
        // Alive when asked first; gone (EADDRINUSE) by the time the answer came from the other one.
        exited: () => (++calls > 1 ? 'it exited with code 1' : null),
        sleep: () => Promise.resolve(),
      }),
    ).toEqual({ ok: false, reason: 'it exited with code 1' });
  });

  it('signs the demo agent in and answers the token, or says why not', async () => {
    const sent: { url: string; init: RequestInit | undefined }[] = [];
    const token = await signInDemo({
      fetch: (url, init) => {
        sent.push({ url, init });
        return Promise.resolve(
          new Response(JSON.stringify({ token: 'tok-123', expiresAt: 'x', agent: {} })),
        );
      },
      baseUrl: 'http://127.0.0.1:8787',
    });
    expect(token).toBe('tok-123');
    expect(sent[0]?.url).toBe('http://127.0.0.1:8787/api/v1/sessions');
    expect(sent[0]?.init?.method).toBe('POST');
    const body = sent[0]?.init?.body;
    expect(typeof body === 'string' ? JSON.parse(body) : body).toEqual({
      userName: 'demo.agent',
      password: 'deskpad-demo',
    });

    await expect(
      signInDemo({
        fetch: () =>
          Promise.resolve(
            new Response(
              JSON.stringify({
                error: { code: 'unauthorized', message: 'Wrong user name or password.' },
              }),
              { status: 401 },
            ),
          ),
        baseUrl: 'http://127.0.0.1:8787',
      }),
    ).rejects.toThrow('signing demo.agent in did not work: Wrong user name or password.');
    await expect(
      signInDemo({
        fetch: () => Promise.resolve(new Response('<html>', { status: 404 })),
        baseUrl: 'http://127.0.0.1:8787',
      }),
    ).rejects.toThrow('the server answered 404');
  });

  it('turns the demo sign-in into a launch code and signs the launcher itself out', async () => {
    const sent: string[] = [];
    const code = await demoLaunchCode({
      fetch: (url, init) => {
        const auth = new Headers(init?.headers).get('authorization');
        sent.push(
          `${init?.method ?? 'GET'} ${url.replace('http://127.0.0.1:8787', '')} ${auth ?? '-'}`,
        );
        if (url.endsWith('/sessions'))
          return Promise.resolve(
            new Response(JSON.stringify({ token: 'tok-123' }), { status: 201 }),
          );
        if (url.endsWith('/launch-codes'))
          return Promise.resolve(new Response(JSON.stringify({ code: 'code-1' }), { status: 201 }));
        return Promise.resolve(new Response(null, { status: 204 }));
      },
      baseUrl: 'http://127.0.0.1:8787',
    });
    expect(code).toBe('code-1');
    expect(sent).toEqual([
      'POST /api/v1/sessions -',
      'POST /api/v1/sessions/launch-codes Bearer tok-123',
      'DELETE /api/v1/sessions/current Bearer tok-123',
    ]);
  });

  it('finds out whether the port is taken before starting the desk server', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    expect(await portIsFree(port)).toBe(false);
    await new Promise<void>((resolve) => taken.close(() => resolve()));
    expect(await portIsFree(port)).toBe(true);
  });
});
