// The desk's own side failing: the store host closed and reopened while a push or pull is in flight, and two
// windows on one database (no SharedWorker) with one sync runner. Every saved record reaches the server once.

import { describe, expect, it } from 'vitest';
import { expectServerHoldsExactlyWhatDesksSaved } from './support/counting';
import type { FaultDesk } from './support/fault-desk';
import { PULL, PUSH, type FaultProxy } from './support/fault-proxy';
import { sleep, useFaultWorld } from './support/fault-harness';
import { memoryLocks } from './support/memory-locks';
import { DEMO_SECOND_AGENT } from '../e2e/support/demo-directory';

const world = useFaultWorld(23);
const CASE_MS = 60_000;
const DIRECTORY = 'GET /api/v1/directory';

/** Resolves when `what` has reached the server; fails (bounded) if the desk never sends it. */
async function forwarded(proxy: FaultProxy, what: string, withinMs = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    proxy.nextForwarded(what),
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} within ${withinMs} ms`)), withinMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

describe('the store host closed in the middle of a sync', () => {
  it('closes and reopens the store host while pushes and pulls are in flight', async () => {
    const { proxy, ledger, reader, openDesk } = world();
    const started = Date.now();
    const desk = await openDesk('reopened');
    await desk.signIn();
    await desk.waitUntilDrained(10_000);

    const interrupted = [PUSH, PULL, PUSH, DIRECTORY, PUSH, PULL];
    for (const [round, what] of interrupted.entries()) {
      desk.setOnline(false);
      for (let i = 0; i < 30; i += 1) await ledger.step(desk);
      // The answer is held back, so the close lands after the server has the request (and, for a
      // push, has committed it) but before the desk hears back.
      proxy.setPlan((request) =>
        `${request.method} ${request.path}` === what
          ? { kind: 'delay', ms: 400 }
          : { kind: 'pass' },
      );
      const reached = forwarded(proxy, what);
      desk.setOnline(true);
      await reached;
      await sleep((round * 70) % 350);
      await desk.reopen();
    }
    proxy.setPlan(() => ({ kind: 'pass' }));
    await desk.waitUntilDrained(20_000);
    const count = await expectServerHoldsExactlyWhatDesksSaved(await reader(), ledger, [desk]);
    console.info(
      `store host reopened ${interrupted.length}× mid-sync: ${count.onServer} records, ${Date.now() - started} ms`,
    );
    expect(Date.now() - started).toBeLessThan(CASE_MS);
  });
});

describe('two windows of one desk on the same database (no SharedWorker)', () => {
  it('both save; one runs sync; a change saved in the other window reaches the server', async () => {
    const { proxy, ledger, reader, openDesk } = world();
    const started = Date.now();
    const locks = memoryLocks();
    const first = await openDesk('window-1', { locks });
    await first.signIn();
    const second = await openDesk('window-2', { locks, factory: first.factory });
    second.agentId = first.agentId;
    await expect.poll(() => first.host.sync?.isLeader()).toBe(true);
    expect(second.host.sync?.isLeader()).toBe(false);

    const until = Date.now() + 3_000;
    const work = async (desk: FaultDesk): Promise<void> => {
      while (Date.now() < until) {
        await ledger.step(desk);
        await sleep(10);
      }
    };
    await Promise.all([work(first), work(second)]);
    await first.waitUntilDrained(20_000);
    await sleep(1_000);

    // All quiet. The agent saves once more in the window that does not run sync, and waits for it.
    const late = await ledger.create(second);
    await expect
      .poll(async () => (await (await reader()).interactions()).some((r) => r.id === late.id), {
        timeout: 5_000,
        message: 'a change saved in the second window never reached the server',
      })
      .toBe(true);
    await expectServerHoldsExactlyWhatDesksSaved(await reader(), ledger, [first, second]);
    expect(proxy.count(PUSH)).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(CASE_MS);
  });

  it('the window that runs sync closes mid-sync: the other takes over and drains', async () => {
    const { proxy, ledger, reader, openDesk } = world();
    const started = Date.now();
    const locks = memoryLocks();
    const first = await openDesk('window-3', { locks });
    await first.signIn();
    const second = await openDesk('window-4', { locks, factory: first.factory });
    second.agentId = first.agentId;
    await expect.poll(() => first.host.sync?.isLeader()).toBe(true);

    first.setOnline(false);
    second.setOnline(false);
    for (let i = 0; i < 40; i += 1) await ledger.step(i % 2 === 0 ? first : second);
    proxy.setPlan((request) =>
      `${request.method} ${request.path}` === PUSH ? { kind: 'delay', ms: 400 } : { kind: 'pass' },
    );
    const reached = forwarded(proxy, PUSH);
    first.setOnline(true);
    second.setOnline(true);
    await reached;
    await first.close();
    proxy.setPlan(() => ({ kind: 'pass' }));
    await expect.poll(() => second.host.sync?.isLeader()).toBe(true);
    for (let i = 0; i < 10; i += 1) await ledger.step(second);

    await second.waitUntilDrained(20_000);
    await expectServerHoldsExactlyWhatDesksSaved(await reader(), ledger, [first, second]);
    expect(Date.now() - started).toBeLessThan(CASE_MS);
  });

  it('the window that signed in closes: a window opened before the sign-in syncs on', async () => {
    const { ledger, reader, openDesk } = world();
    const started = Date.now();
    const locks = memoryLocks();
    const first = await openDesk('window-5', { locks });
    const second = await openDesk('window-6', { locks, factory: first.factory });
    // Not the demo agent the windows start with: the second window must act as who signed in.
    await first.signIn(DEMO_SECOND_AGENT.userName);
    second.agentId = first.agentId;
    for (let i = 0; i < 10; i += 1) await ledger.step(i % 2 === 0 ? first : second);
    await first.waitUntilDrained(20_000);
    await first.close();

    await expect.poll(() => second.host.sync?.isLeader()).toBe(true);
    for (let i = 0; i < 10; i += 1) await ledger.step(second);
    await second.waitUntilDrained(20_000);
    await expectServerHoldsExactlyWhatDesksSaved(await reader(), ledger, [first, second]);
    expect(Date.now() - started).toBeLessThan(CASE_MS);
  });
});
