// The store host's administrative calls: an unknown operation or a bad input never reaches the
// server, the session's token is sent, and every way the server says no becomes a clear StoreError.

import { describe, expect, it } from 'vitest';
import { runAdminCall, type AdminCallDeps } from './admin-calls';
import { DeskServerError, type DeskServerClient } from './sync/desk-server-client';

const OVERVIEW = {
  users: { active: 1, deactivated: 0 },
  agents: { active: 1, disabled: 0 },
  groups: 0,
  configurationItems: { active: 0, retired: 0 },
  catalogItems: { draft: 0, published: 0, retired: 0 },
  locations: 0,
  lastChangeAt: null,
};

function deps(answer: () => Promise<unknown>, token: string | null = 'tok-1') {
  const sent: { token: string; name: string; input: unknown }[] = [];
  const refused: string[] = [];
  const d: AdminCallDeps = {
    client: {
      admin: (t: string, name: string, input: unknown) => {
        sent.push({ token: t, name, input });
        return answer();
      },
    } as Pick<DeskServerClient, 'admin'> as DeskServerClient,
    sessionToken: () => token,
    sessionRefused: (t) => refused.push(t),
  };
  return { d, sent, refused };
}

describe('administrative calls through the store host', () => {
  it('sends a known operation with the session token and checks the answer', async () => {
    const { d, sent } = deps(() => Promise.resolve(OVERVIEW));
    expect(await runAdminCall(d, 'overview.get', {})).toEqual({ ok: true, value: OVERVIEW });
    expect(sent).toEqual([{ token: 'tok-1', name: 'overview.get', input: {} }]);
  });

  it('refuses an unknown operation or a bad input without calling the server', async () => {
    const { d, sent } = deps(() => Promise.resolve(OVERVIEW));
    const unknown = await runAdminCall(d, 'users.drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-operation' } });
    const bad = await runAdminCall(d, 'overview.get', { extra: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(sent).toEqual([]);
  });

  it('says plainly when nobody is signed in, when offline, and when the answer is not understood', async () => {
    expect(
      await runAdminCall(deps(() => Promise.resolve(OVERVIEW), null).d, 'overview.get', {}),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-ready', message: 'Sign in to the desk server to use Administration.' },
    });
    const offline = deps(() => Promise.reject(new DeskServerError('network', 'no route')));
    expect(await runAdminCall(offline.d, 'overview.get', {})).toMatchObject({
      ok: false,
      error: { code: 'not-ready', message: expect.stringContaining('cannot be reached') as string },
    });
    const odd = deps(() => Promise.resolve({ users: 'many' }));
    expect(await runAdminCall(odd.d, 'overview.get', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('maps the server’s refusals: 401 ends the session, 403, 400 with its fields', async () => {
    const ended = deps(() => Promise.reject(new DeskServerError('http', 'ended', { status: 401 })));
    expect(await runAdminCall(ended.d, 'overview.get', {})).toMatchObject({
      ok: false,
      error: { code: 'not-ready' },
    });
    expect(ended.refused).toEqual(['tok-1']);
    const forbidden = deps(() =>
      Promise.reject(
        new DeskServerError('http', 'This needs one of these roles: admin.', { status: 403 }),
      ),
    );
    expect(await runAdminCall(forbidden.d, 'overview.get', {})).toEqual({
      ok: false,
      error: { code: 'not-permitted', message: 'This needs one of these roles: admin.' },
    });
    const invalid = deps(() =>
      Promise.reject(
        new DeskServerError('http', 'name: Too long.', {
          status: 400,
          fieldErrors: { name: 'Too long.' },
        }),
      ),
    );
    expect(await runAdminCall(invalid.d, 'overview.get', {})).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'name: Too long.',
        fieldErrors: { name: 'Too long.' },
      },
    });
  });
});
