// Tests for the live queries' clock: a clock-bound query (the walk-up queue's estimate) is re-run on
// its interval while it has subscribers, and its timer stops with the last of them; and for the
// hold while a sync catches up: the whole-desk queries answer on a timer, the others stay live.

import { Dexie, type Table } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/domain/result';
import { HELD_SHARE, HOLD_EVERY_MS, LiveQueries } from './live-queries';
import { createLogger } from './logger';
import type { ParsedQuery } from './store-queries';

const queue: ParsedQuery = { name: 'walkUp.queue', args: { location: 'loc-hq' } };
const locations: ParsedQuery = { name: 'walkUp.locations', args: {} };

afterEach(() => {
  vi.useRealTimers();
});

describe('LiveQueries with a clock-bound query', () => {
  it('re-runs it every interval while subscribed, and stops after the last unsubscribes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const live = new LiveQueries(createLogger(), [{ name: 'walkUp.queue', everyMs: 30_000 }]);
    let runs = 0;
    const run = () => Promise.resolve(ok(++runs));
    const seen: unknown[] = [];
    const first = live.subscribe(queue, run, (r) => seen.push(r));
    const second = live.subscribe(queue, run, (r) => seen.push(r));
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(vi.getTimerCount()).toBe(1);

    vi.advanceTimersByTime(30_000);
    await vi.waitFor(() => expect(seen).toHaveLength(4));
    first();
    expect(vi.getTimerCount()).toBe(1);
    second();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(runs).toBe(4);
  });

  it('keeps no timer for a query that does not move with the clock', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const live = new LiveQueries(createLogger(), [{ name: 'walkUp.queue', everyMs: 30_000 }]);
    const seen: unknown[] = [];
    live.subscribe(
      locations,
      () => Promise.resolve(ok([])),
      (r) => seen.push(r),
    );
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(vi.getTimerCount()).toBe(0);
    live.close();
  });
});

describe('LiveQueries while a sync catches up (hold)', () => {
  const list: ParsedQuery = { name: 'interaction.list', args: { view: 'all-open', limit: 50 } };
  const form: ParsedQuery = { name: 'interaction.get', args: { id: 'i1' } };

  async function openRows() {
    const db = new Dexie(`live-${crypto.randomUUID()}`, {
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    db.version(1).stores({ rows: '&id' });
    await db.open();
    return db as Dexie & { rows: Table<{ id: string }, string> };
  }

  it('answers a held query on its timer, not after every write; the others stay live; release makes it live again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const db = await openRows();
    const live = new LiveQueries(createLogger(), [], ['interaction.list']);
    const runs = { list: 0, form: 0 };
    const seen = { list: [] as unknown[], form: [] as unknown[] };
    const counted = (which: 'list' | 'form') => async () => {
      runs[which] += 1;
      return ok(await db.rows.count());
    };
    live.subscribe(list, counted('list'), (r) => seen.list.push(r));
    live.subscribe(form, counted('form'), (r) => seen.form.push(r));
    await vi.waitFor(() => expect(seen.list).toHaveLength(1));

    // The hold runs nothing itself: the list's answer is the desk's state as the catch-up begins.
    const listRunsAtHold = runs.list;
    live.hold();
    for (let i = 0; i < 10; i++) await db.rows.put({ id: `r${i}` });
    // The form's query answered each write (live); the held list did not run again.
    await vi.waitFor(() => expect(seen.form.at(-1)).toEqual(ok(10)));
    expect(runs.list).toBe(listRunsAtHold);
    expect(seen.list).toEqual([ok(0)]);

    // Told that state outside IndexedDB moved (the record index, after a page): the same.
    const formRuns = runs.form;
    live.refresh('interaction.list', 'interaction.get');
    await vi.waitFor(() => expect(runs.form).toBe(formRuns + 1));
    expect(runs.list).toBe(listRunsAtHold);

    vi.advanceTimersByTime(HOLD_EVERY_MS);
    await vi.waitFor(() => expect(seen.list.at(-1)).toEqual(ok(10)));
    expect(runs.list).toBe(listRunsAtHold + 1);

    // The agent's own change shows at once, without waiting for the timer.
    await db.rows.put({ id: 'mine' });
    live.answerHeld();
    await vi.waitFor(() => expect(seen.list.at(-1)).toEqual(ok(11)));

    live.release();
    expect(vi.getTimerCount()).toBe(0);
    await db.rows.put({ id: 'after' });
    await vi.waitFor(() => expect(seen.list.at(-1)).toEqual(ok(12)));
    live.close();
    db.close();
  });

  it('answers a costly held query less often: a round that read for R ms waits R × (1 / HELD_SHARE − 1) before the next', async () => {
    // No vi.waitFor here: with fake timers it moves the clock itself.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
    const live = new LiveQueries(createLogger(), [], ['interaction.list']);
    // What a run takes, on the clock: it reads while a catch-up's pages are written.
    let readsFor = 0;
    let runs = 0;
    const seen: unknown[] = [];
    live.subscribe(
      list,
      () => {
        vi.setSystemTime(Date.now() + readsFor);
        return Promise.resolve(ok(++runs));
      },
      (r) => seen.push(r),
    );
    await settle();
    expect(seen).toEqual([ok(1)]);

    readsFor = 1_000;
    live.hold();
    await settle();
    expect(seen).toEqual([ok(1)]);
    vi.advanceTimersByTime(HOLD_EVERY_MS);
    await settle();
    expect(seen.at(-1)).toEqual(ok(2));
    // 1 s of reading buys 1 s × (1 / HELD_SHARE − 1) = 9 s without a round: the timer's ticks at
    // 2, 4, 6 and 8 s pass it by.
    expect(1_000 * (1 / HELD_SHARE - 1)).toBeGreaterThan(4 * HOLD_EVERY_MS);
    for (let tick = 1; tick <= 4; tick++) {
      vi.advanceTimersByTime(HOLD_EVERY_MS);
      await settle();
    }
    expect(runs).toBe(2);
    // Past 9 s: the next tick answers, and this round is cheap.
    readsFor = 10;
    vi.advanceTimersByTime(HOLD_EVERY_MS);
    await settle();
    expect(seen.at(-1)).toEqual(ok(3));
    // A cheap round waits only for the timer's next tick.
    vi.advanceTimersByTime(HOLD_EVERY_MS);
    await settle();
    expect(seen.at(-1)).toEqual(ok(4));

    // The agent's own change shows at once, whatever the last round cost.
    readsFor = 5_000;
    vi.advanceTimersByTime(HOLD_EVERY_MS);
    await settle();
    expect(seen.at(-1)).toEqual(ok(5));
    live.answerHeld();
    await settle();
    expect(seen.at(-1)).toEqual(ok(6));
    live.close();
  });

  it('never runs a held query twice at once: a start while it reads gets one more answer after it, however slow', async () => {
    const live = new LiveQueries(createLogger(), [], ['interaction.list']);
    const slow: Array<() => void> = [];
    let calls = 0;
    let reading = 0;
    let mostAtOnce = 0;
    let released = false;
    const seen: unknown[] = [];
    live.subscribe(
      list,
      () => {
        calls += 1;
        // The first answer (before the hold) at once; the held runs wait to be let go.
        if (calls === 1 || released) return Promise.resolve(ok(calls));
        const n = calls;
        reading += 1;
        mostAtOnce = Math.max(mostAtOnce, reading);
        return new Promise((resolve) =>
          slow.push(() => {
            reading -= 1;
            resolve(ok(n));
          }),
        );
      },
      (r) => seen.push(r),
    );
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    live.hold();
    // The timer and the agent's commands ask again while the first held run still reads.
    live.answerHeld();
    live.answerHeld();
    expect(slow).toHaveLength(1);
    slow[0]?.();
    // Its answer is shown, then exactly one more run answers what changed meanwhile.
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok(2)));
    await vi.waitFor(() => expect(slow).toHaveLength(2));
    slow[1]?.();
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok(3)));
    expect(mostAtOnce).toBe(1);
    expect(calls).toBe(3);

    // Released while a held run reads: the live answer stands, the late one is dropped.
    live.answerHeld();
    expect(slow).toHaveLength(3);
    released = true;
    live.release();
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok(5)));
    slow[2]?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.at(-1)).toEqual(ok(5));
    live.close();
  });

  it('after a catch-up, answers the held queries one after another: the status asked meanwhile waits for none of them', async () => {
    const callLog: ParsedQuery = {
      name: 'call.log',
      args: { filter: 'all', queue: null, agent: null, unseenOnly: false, limit: 50 },
    };
    const status: ParsedQuery = { name: 'sync.status', args: {} };
    const live = new LiveQueries(createLogger(), [], ['interaction.list', 'call.log']);
    const gates: Array<() => void> = [];
    let holding = false;
    let reading = 0;
    let mostAtOnce = 0;
    const order: string[] = [];
    // Each held list reads until let go once the hold is over; the status answers at once.
    const gated = (name: string) => () => {
      order.push(name);
      if (!holding || name === 'status') return Promise.resolve(ok(name));
      reading += 1;
      mostAtOnce = Math.max(mostAtOnce, reading);
      return new Promise<ReturnType<typeof ok>>((resolve) =>
        gates.push(() => {
          reading -= 1;
          resolve(ok(name));
        }),
      );
    };
    const seen: unknown[] = [];
    live.subscribe(list, gated('list'), (r) => seen.push(r));
    live.subscribe(callLog, gated('calls'), (r) => seen.push(r));
    live.subscribe(status, gated('status'), (r) => seen.push(r));
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    live.hold();
    holding = true;
    order.length = 0;
    live.release();
    // The first held list reads; the second waits for its answer, even when asked again.
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    live.refresh('sync.status', 'call.log');
    await vi.waitFor(() => expect(order).toEqual(['list', 'status']));
    expect(seen.at(-1)).toEqual(ok('status'));
    gates[0]?.();
    await vi.waitFor(() => expect(gates).toHaveLength(2));
    expect(order).toEqual(['list', 'status', 'calls']);
    gates[1]?.();
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok('calls')));
    expect(mostAtOnce).toBe(1);
    live.close();
  });
});
