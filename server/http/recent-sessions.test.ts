import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/domain/directory';
import type { SignedIn, Sessions } from '../auth/sessions';
import { ApiError } from './api-error';
import { recentSessions } from './recent-sessions';

const AGENT = { id: 'agent-1', roles: ['agent'] } as unknown as User;
const ROLES = ['agent'] as const;
const HEADER = 'Bearer abcdefghijklmnopqrstuvwxyz';

/** A session service whose database is a set of living token hashes, counting its reads. */
function fakeSessions(now: () => Date) {
  const living = new Set(['hash-1']);
  let reads = 0;
  const inner: Sessions = {
    signIn: () => Promise.reject(new Error('not used')),
    authenticate: async () => {
      reads += 1;
      await Promise.resolve();
      if (!living.has('hash-1')) throw new ApiError(401, 'unauthorized', 'The session has ended.');
      return { agent: AGENT, tokenHash: 'hash-1', expiresAt: new Date(now().getTime() + 60_000) };
    },
    signOut: async (signedIn: SignedIn) => {
      await Promise.resolve();
      living.delete(signedIn.tokenHash);
    },
    endAllOf: async () => {
      await Promise.resolve();
      const ended = living.size;
      living.clear();
      return ended;
    },
    createLaunchCode: () => Promise.reject(new Error('not used')),
    exchangeLaunchCode: () => Promise.reject(new Error('not used')),
    living: (hashes) => Promise.resolve(new Set(hashes.filter((hash) => living.has(hash)))),
    openFor: () => Promise.reject(new Error('not used')),
    changePassword: () => Promise.reject(new Error('not used')),
  };
  return { inner, living, reads: () => reads };
}

describe('who a token is, held for a moment', () => {
  const now = () => new Date('2026-12-03T10:00:00Z');

  it('asks the database once for requests with the same token within the hold', async () => {
    const fake = fakeSessions(now);
    let elapsed = 0;
    const sessions = recentSessions(fake.inner, now, { holdMs: 1000, elapsed: () => elapsed });
    await Promise.all([sessions.authenticate(HEADER, ROLES), sessions.authenticate(HEADER, ROLES)]);
    await sessions.authenticate(HEADER, ROLES);
    expect(fake.reads()).toBe(1);
    elapsed = 1001;
    await sessions.authenticate(HEADER, ROLES);
    expect(fake.reads()).toBe(2);
  });

  it('refuses a session ended elsewhere at the latest when the hold is over', async () => {
    const fake = fakeSessions(now);
    let elapsed = 0;
    const sessions = recentSessions(fake.inner, now, { holdMs: 1000, elapsed: () => elapsed });
    await sessions.authenticate(HEADER, ROLES);
    fake.living.clear();
    elapsed = 1001;
    await expect(sessions.authenticate(HEADER, ROLES)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses at once a session signed out through this instance', async () => {
    const fake = fakeSessions(now);
    const sessions = recentSessions(fake.inner, now, { holdMs: 60_000, elapsed: () => 0 });
    const signedIn = await sessions.authenticate(HEADER, ROLES);
    await sessions.signOut(signedIn);
    await expect(sessions.authenticate(HEADER, ROLES)).rejects.toMatchObject({ status: 401 });
  });

  it('never holds a refusal', async () => {
    const fake = fakeSessions(now);
    fake.living.clear();
    const sessions = recentSessions(fake.inner, now, { holdMs: 60_000, elapsed: () => 0 });
    await expect(sessions.authenticate(HEADER, ROLES)).rejects.toMatchObject({ status: 401 });
    fake.living.add('hash-1');
    await expect(sessions.authenticate(HEADER, ROLES)).resolves.toMatchObject({ agent: AGENT });
  });

  it('asks again when the server’s clock moves on by the hold, though little time elapsed', async () => {
    let at = new Date('2026-12-03T10:00:00Z').getTime();
    const clock = () => new Date(at);
    const fake = fakeSessions(clock);
    const sessions = recentSessions(fake.inner, clock, { holdMs: 1000, elapsed: () => 0 });
    await sessions.authenticate(HEADER, ROLES);
    at += 24 * 60 * 60 * 1000;
    await sessions.authenticate(HEADER, ROLES);
    expect(fake.reads()).toBe(2);
  });
});
