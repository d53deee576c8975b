// The sync engine put together, on manual time and a scripted network (the real server is in
// sync-engine.with-server.test.ts): backoff while no server answers, an immediate retry when the
// network returns, waiting offline, leader hand-over when the leader's host closes, Sync details.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreResult } from '../../../shared/domain/result';
import { openStoreHost, type StoreHost } from '../store-host';
import { keepSession } from './kept-session';
import type { FetchLike } from './desk-server-client';
import type { LockManagerLike } from './leader-election';
import { openTestDesk, TEST_AGENT } from './sync-test-support';
import { ManualTimers, memoryLocks } from './timing-test-support';

const ONLINE_CHECK_MS = 5_500;
const TOKEN = 'dpt_0123456789abcdef0123456789abcdef';

const opened: StoreHost[] = [];
afterEach(async () => {
  for (const host of opened.splice(0).reverse()) await host.close();
});

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A desk that was signed in when it closed: its session kept, as a sign-in leaves it. */
async function signedInBefore(factory: IDBFactory): Promise<void> {
  const db = await openTestDesk(factory);
  const now = Date.now();
  await keepSession(
    db,
    {
      serverUrl: 'http://desk.test',
      token: TOKEN,
      expiresAt: new Date(now + 86_400_000).toISOString(),
      agent: TEST_AGENT,
      signedInAt: new Date(now).toISOString(),
    },
    undefined,
  );
  db.close();
}

/** A desk whose desk server never answers (a dead network), on manual timers. */
async function openDesk(
  options: {
    factory?: IDBFactory;
    locks?: LockManagerLike | null;
    fetch?: FetchLike;
    firstSyncWaitMs?: number;
  } = {},
) {
  const timers = new ManualTimers();
  const connectivity = new EventTarget();
  const calls: string[] = [];
  let online = true;
  const deadNetwork: FetchLike = (input) => {
    calls.push(new URL(input).pathname);
    return Promise.reject(new TypeError('fetch failed'));
  };
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB: options.factory ?? new IDBFactory(),
    IDBKeyRange,
    demoUsers: 50,
    onLine: () => online,
    connectivityEvents: connectivity,
    sync: {
      serverUrl: 'http://desk.test',
      fetch: options.fetch ?? deadNetwork,
      timers,
      random: () => 0,
      locks: options.locks ?? null,
      broadcastChannel: null,
      onlineCheckMs: ONLINE_CHECK_MS,
      ...(options.firstSyncWaitMs === undefined
        ? {}
        : { firstSyncWaitMs: options.firstSyncWaitMs }),
    },
  });
  opened.push(host);
  await host.directoryReady();
  /** Fires what is due and waits for the cycle it started. */
  const step = async (): Promise<void> => {
    timers.fire();
    await host.sync?.whenIdle();
  };
  /** The waits the runner has set since `from` (request timeouts left out). */
  const waitsSince = (from: number): number[] =>
    timers.waits
      .slice(from)
      .filter((w) => !w.cancelled && w.ms !== 30_000)
      .map((w) => w.ms);
  return {
    host,
    timers,
    calls,
    step,
    waitsSince,
    setOnline(to: boolean) {
      online = to;
      connectivity.dispatchEvent(new Event(to ? 'online' : 'offline'));
    },
  };
}

describe('the sync engine on manual time', () => {
  it('backs off while no desk server answers, and tries at once when the network returns', async () => {
    const desk = await openDesk();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const from = desk.timers.waits.length;
      await desk.step();
      delays.push(...desk.waitsSince(from));
    }
    expect(delays).toEqual([500, 1000, 2000, 4000]);
    expect(value(await desk.host.query('sync.status', {})).lastError).toBe(
      'No desk server is reachable: this desk works on its own.',
    );

    // The 4 s wait is not waited out: the `online` event runs a cycle now, from the first step.
    desk.setOnline(true);
    expect(desk.timers.live(0)).toHaveLength(1);
    const from = desk.timers.waits.length;
    desk.timers.fire(0);
    await desk.host.sync?.whenIdle();
    expect(desk.waitsSince(from)).toEqual([500]);
  });

  it('offline, looks again every few seconds without asking the network or growing the backoff', async () => {
    const desk = await openDesk();
    await desk.step();
    desk.setOnline(false);
    const asked = desk.calls.length;
    for (let i = 0; i < 3; i++) {
      await desk.step();
      expect(desk.timers.live().map((w) => w.ms)).toEqual([ONLINE_CHECK_MS]);
    }
    expect(desk.calls).toHaveLength(asked);
    expect(value(await desk.host.query('sync.status', {})).connection).toBe('offline');
  });

  it('hands sync over to the next host when the leader’s host closes', async () => {
    const locks = memoryLocks();
    const factory = new IDBFactory();
    const first = await openDesk({ factory, locks });
    const second = await openDesk({ factory, locks });
    await vi.waitFor(() => expect(first.host.sync?.isLeader()).toBe(true));
    expect(second.host.sync?.isLeader()).toBe(false);
    await second.step();
    expect(second.calls).toEqual([]);

    await first.host.close();
    opened.splice(opened.indexOf(first.host), 1);
    await vi.waitFor(() => expect(second.host.sync?.isLeader()).toBe(true));
    // The new leader runs a cycle at once: it asks for the desk server.
    await second.step();
    expect(second.calls).toEqual(['/api/v1/health']);
  });

  it('signed in, waits for the window’s first screen before the first sync, and no longer', async () => {
    const factory = new IDBFactory();
    await signedInBefore(factory);
    const desk = await openDesk({ factory, firstSyncWaitMs: 3000 });
    // Opened: the first cycle waits (what is left of the 3 s), and nothing has asked the network.
    const [wait, ...more] = desk.timers.live();
    expect(more).toEqual([]);
    expect(wait?.ms).toBeGreaterThan(2000);
    expect(wait?.ms).toBeLessThanOrEqual(3000);
    expect(desk.calls).toEqual([]);

    // The window has drawn: the cycle is due at once, and runs.
    expect(value(await desk.host.act('sync.windowShown', {}))).toBeNull();
    expect(desk.timers.live(0)).toHaveLength(1);
    desk.timers.fire(0);
    await desk.host.sync?.whenIdle();
    expect(desk.calls.length).toBeGreaterThan(0);

    // Said again (another window, a reload of the page): no cycle more.
    const waits = desk.timers.waits.length;
    expect(value(await desk.host.act('sync.windowShown', {}))).toBeNull();
    expect(desk.timers.waits.slice(waits).filter((w) => w.ms === 0)).toEqual([]);
  });

  it('signed in, runs the first sync when its wait is over, without a window', async () => {
    const factory = new IDBFactory();
    await signedInBefore(factory);
    const desk = await openDesk({ factory, firstSyncWaitMs: 3000 });
    expect(desk.calls).toEqual([]);
    await desk.step();
    expect(desk.calls.length).toBeGreaterThan(0);
  });

  it.each([
    ['signed out, with a wait', 3000],
    ['without a wait', undefined],
  ])('%s, syncs at once and takes the window’s word as nothing', async (_, firstSyncWaitMs) => {
    const desk = await openDesk(firstSyncWaitMs === undefined ? {} : { firstSyncWaitMs });
    expect(desk.timers.live().map((w) => w.ms)).toEqual([0]);
    await desk.step();
    const waits = desk.timers.waits.length;
    expect(value(await desk.host.act('sync.windowShown', {}))).toBeNull();
    expect(desk.timers.waits.slice(waits).filter((w) => w.ms === 0)).toEqual([]);
  });

  it('shows the recent log in Sync details, and never the token', async () => {
    const desk = await openDesk({
      fetch: (input, init) => {
        const auth = new Headers(init?.headers).get('authorization') ?? '';
        return Promise.reject(new TypeError(`connect ECONNREFUSED (${auth}) ${input}`));
      },
    });
    const adopted = await desk.host.act('session.adopt', { token: TOKEN });
    expect(adopted.ok).toBe(false);
    await desk.step();
    const details = value(await desk.host.query('sync.details', {}));
    expect(details.log.map((l) => `${l.module}: ${l.message}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^session: adopting a session refused or failed: .*\[redacted\]/),
        'sync: no desk server answers at http://desk.test',
      ]),
    );
    expect(JSON.stringify(details)).not.toContain(TOKEN);
  });
});
