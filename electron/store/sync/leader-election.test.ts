// Leader election: one holder of the sync lock per installation; when its host closes, the next
// waiting host takes over. Without Web Locks, a host leads at once.

import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger';
import { LeaderElection } from './leader-election';
import { memoryLocks } from './timing-test-support';

describe('leader election', () => {
  it('elects the first host; the second waits, and takes over when the first resigns', async () => {
    const locks = memoryLocks();
    const log = createLogger();
    const first = new LeaderElection(locks, log);
    const second = new LeaderElection(locks, log);
    const elected: string[] = [];
    first.start(() => elected.push('first'));
    second.start(() => elected.push('second'));
    await vi.waitFor(() => expect(elected).toEqual(['first']));
    expect([first.isLeader(), second.isLeader()]).toEqual([true, false]);

    first.resign();
    await vi.waitFor(() => expect(elected).toEqual(['first', 'second']));
    expect(second.isLeader()).toBe(true);
    expect(log.recent().map((l) => l.message)).toContain(
      'this host runs sync for the installation',
    );
  });

  it('a host that resigned before its turn never leads, and passes the lock on', async () => {
    const locks = memoryLocks();
    const log = createLogger();
    const [a, b, c] = [1, 2, 3].map(() => new LeaderElection(locks, log));
    const elected: number[] = [];
    a!.start(() => elected.push(1));
    b!.start(() => elected.push(2));
    c!.start(() => elected.push(3));
    b!.resign();
    a!.resign();
    await vi.waitFor(() => expect(elected).toEqual([1, 3]));
    expect(b!.isLeader()).toBe(false);
  });

  it('leads at once where there are no Web Locks', () => {
    const election = new LeaderElection(null, createLogger());
    let elected = false;
    election.start(() => (elected = true));
    expect(elected).toBe(true);
    expect(election.isLeader()).toBe(true);
  });
});
