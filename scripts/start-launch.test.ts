// Issue 10, hole 4: what `npm start` does against the desk server as the README starts it — the
// app gets a launch code that works once, the launcher's own session ends, and no token is printed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureServerBuild,
  startServerProcess,
  type ServerProcess,
} from '../server/security/server-process';
import { electronEnv } from './start-electron.mjs';
import { demoLaunchCode } from './start-server.mjs';
import { appUrl, runningLine } from './start.mjs';

const PROCESS_TIMEOUT_MS = 120_000;

describe('npm start hands the app a launch code, never a token', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    ensureServerBuild();
    server = await startServerProcess(['--demo', '--demo-users', '20']);
  }, PROCESS_TIMEOUT_MS);
  afterAll(() => server.stop());

  const exchange = (code: string) =>
    fetch(`${server.url}/api/v1/sessions/launch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });

  it('prints a link whose code signs in once and holds no token', async () => {
    // What fetch sends and answers, to see the launcher's own token and what became of it.
    const seen: { auth: string | null; status: number; body: string }[] = [];
    const watching = async (input: string, init?: RequestInit): Promise<Response> => {
      const response = await fetch(input, init);
      seen.push({
        auth: new Headers(init?.headers).get('authorization'),
        status: response.status,
        body: await response.clone().text(),
      });
      return response;
    };
    const code = await demoLaunchCode({ fetch: watching, baseUrl: server.url });
    const launcherToken = (JSON.parse(seen[0]?.body ?? '{}') as { token?: string }).token ?? '';
    expect(launcherToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const printed = `${runningLine(appUrl(server.port, code))}\n${JSON.stringify(electronEnv({}, server.url, code))}`;
    expect(printed).toContain(`/#launch=${code}`);
    expect(printed).not.toContain(launcherToken);
    expect(printed).not.toContain('session=');

    // The launcher signed itself out: its token is worth nothing now.
    const launcher = await fetch(`${server.url}/api/v1/sessions/current`, {
      headers: { authorization: `Bearer ${launcherToken}` },
    });
    expect(launcher.status).toBe(401);

    const first = await exchange(code);
    expect(first.status).toBe(201);
    const { token } = (await first.json()) as { token: string };
    expect(printed).not.toContain(token);
    expect((await exchange(code)).status).toBe(401);
  });
});
