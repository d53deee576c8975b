// The session on a scripted desk server: what a sign-in refusal tells the agent, a session kept
// and read back, a refused token ending only its own session, signing out offline.

import { describe, expect, it } from 'vitest';
import { readMeta } from '../db';
import { createLogger } from '../logger';
import { DeskServerError, type DeskServerClient } from './desk-server-client';
import { SyncSession } from './sync-session';
import { openTestDesk, TEST_AGENT } from './sync-test-support';

const agent = TEST_AGENT;

async function sessionWith(client: Partial<DeskServerClient>, online = true) {
  const db = await openTestDesk();
  const log = createLogger();
  const session = new SyncSession({
    db,
    client: { baseUrl: 'http://desk.test', ...client } as DeskServerClient,
    vault: undefined,
    now: () => new Date('2026-11-24T10:00:00.000Z'),
    onLine: () => online,
    log,
  });
  await session.load(false);
  return { db, session, log };
}

const refusal = (status: number, message = 'Wrong user name or password.') =>
  Promise.reject(new DeskServerError('http', message, { status }));

describe('the sync session', () => {
  it('tells the agent why a sign-in did not work, in the words the desk shows', async () => {
    const cases: [() => Promise<never>, string][] = [
      [() => refusal(401), 'invalid-input'],
      [() => refusal(429, 'Slow down.'), 'rule'],
      [() => Promise.reject(new DeskServerError('network', 'No answer.')), 'not-ready'],
      [() => Promise.reject(new Error('disk full')), 'internal'],
    ];
    for (const [answer, code] of cases) {
      const { session } = await sessionWith({ signIn: answer });
      const result = await session.signIn({ userName: 'demo.agent', password: 'x' });
      expect(result.ok ? null : result.error.code).toBe(code);
      expect(session.state(null, true).status).toBe('signed-out');
    }
  });

  it('keeps a signed-in session, and a new one reads it back', async () => {
    const { db, session, log } = await sessionWith({
      signIn: () =>
        Promise.resolve({ token: 'dpt_kept-token-1234', expiresAt: '2026-12-01', agent }),
    });
    expect((await session.signIn({ userName: 'demo.agent', password: 'x' })).ok).toBe(true);
    expect(session.state(null, true)).toMatchObject({ status: 'signed-in', agent: agent });
    const again = new SyncSession({
      db,
      client: { baseUrl: 'http://desk.test' } as DeskServerClient,
      vault: undefined,
      now: () => new Date(),
      onLine: () => true,
      log,
    });
    await again.load(false);
    expect(again.current()?.token).toBe('dpt_kept-token-1234');
    expect(JSON.stringify(log.recent())).not.toContain('dpt_kept-token-1234');
  });

  it('ends only the session whose token the server refused', async () => {
    const { db, session } = await sessionWith({
      signIn: () =>
        Promise.resolve({ token: 'dpt_second-token-99', expiresAt: '2026-12-01', agent }),
    });
    await session.signIn({ userName: 'demo.agent', password: 'x' });
    expect(await session.expire('dpt_first-token-000')).toBe(false);
    expect(session.current()?.token).toBe('dpt_second-token-99');
    expect(await session.expire('dpt_second-token-99')).toBe(true);
    expect(session.state(null, null)).toMatchObject({ status: 'signed-out', endedBy: 'expired' });
    expect(await readMeta(db, 'session')).toBeUndefined();
  });

  it('signs out even when the desk server does not hear it', async () => {
    const { session, log } = await sessionWith({
      signIn: () =>
        Promise.resolve({ token: 'dpt_offline-token-1', expiresAt: '2026-12-01', agent }),
      signOut: () => Promise.reject(new DeskServerError('network', 'No answer.')),
    });
    await session.signIn({ userName: 'demo.agent', password: 'x' });
    expect((await session.signOut())?.agent).toEqual(agent);
    expect(session.state(null, false)).toMatchObject({ status: 'signed-out', endedBy: 'sign-out' });
    expect(log.recent().map((l) => l.message)).toContain(
      'the server did not hear the sign-out: No answer.',
    );
  });

  it('exchanges a launch code, keeping nothing until told, and says when the link was used or expired', async () => {
    const { session, db } = await sessionWith({
      launch: (code) =>
        code === 'good-code'
          ? Promise.resolve({
              token: 'dpt_launched-token-123',
              expiresAt: '2026-11-25T10:00:00.000Z',
              agent,
            })
          : refusal(401, 'This launch code was already used or has expired.'),
    });
    const offered = await session.exchange('good-code');
    expect(offered.ok && offered.value.agent).toEqual(agent);
    expect(await readMeta(db, 'session')).toBeUndefined();
    if (offered.ok) await session.keepOffered(offered.value);
    expect(session.state(null, true)).toMatchObject({ status: 'signed-in', agent });

    const used = await session.exchange('used-code');
    expect(used.ok ? null : used.error).toEqual({
      code: 'invalid-input',
      message: 'This launch link was already used or has expired. Sign in.',
    });
  });

  it('is starting, not local, until a desk server first answers or does not', async () => {
    const { session } = await sessionWith({});
    expect(session.state(null, null).status).toBe('starting');
    expect(session.state(null, false).status).toBe('local');
    expect(session.state(null, true).status).toBe('signed-out');
    // Offline at the start, there is nothing to wait for: the desk works on its own.
    const offline = await sessionWith({}, false);
    expect(offline.session.state(null, null).status).toBe('local');
  });

  it('takes no token to adopt while offline', async () => {
    const { session } = await sessionWith({}, false);
    const answer = await session.adopt('dpt_adopted-token-123');
    expect(answer.ok ? null : answer.error.code).toBe('not-ready');
  });

  it('keeps a temporary password’s session marked until the password is changed', async () => {
    const changes: unknown[] = [];
    const { db, session, log } = await sessionWith({
      setup: () =>
        Promise.resolve({
          token: 'dpt_setup-token-1234',
          expiresAt: '2026-12-01',
          agent,
          mustChangePassword: true,
        }),
      changePassword: (_token, input) => {
        changes.push(input);
        if (input.currentPassword === 'temporary pw') return Promise.resolve();
        return Promise.reject(
          new DeskServerError('http', 'The current password is not right.', {
            status: 401,
            code: 'unauthorized',
          }),
        );
      },
    });
    const setUp = await session.setup({
      code: 'c'.repeat(43),
      userName: 'demo.agent',
      firstName: 'Dana',
      lastName: 'Agent',
      email: '',
      password: 'temporary pw',
    });
    expect(setUp.ok).toBe(true);
    expect(session.state(null, true)).toMatchObject({
      status: 'signed-in',
      mustChangePassword: true,
    });
    expect(JSON.stringify(log.recent())).not.toContain('c'.repeat(43));

    const wrong = await session.changePassword({
      currentPassword: 'nope',
      newPassword: 'own password',
    });
    expect(wrong.ok ? null : wrong.error.fieldErrors).toEqual({
      currentPassword: 'This is not your current password.',
    });
    const changed = await session.changePassword({
      currentPassword: 'temporary pw',
      newPassword: 'own password',
    });
    expect(changed.ok).toBe(true);
    expect(session.state(null, true).mustChangePassword).toBeUndefined();
    expect(changes).toHaveLength(2);
    expect((await readMeta(db, 'session'))?.mustChangePassword).toBeUndefined();
  });
});
