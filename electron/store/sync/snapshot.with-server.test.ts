// A first sync by snapshot against the real desk server (ADR 0020, issue 15 item 3): a fresh desk
// whose snapshot is cut off keeps what it stored and asks again; a change the agent makes while the
// pages arrive is never overwritten by them; the desk then holds exactly what a desk syncing by
// pulls holds, and later changes come by pulls.

import { expect, it } from 'vitest';
import { startDemoServer } from '../../../server/testing/demo-server';
import { readMeta, type DeskDb } from '../db';
import type { StoreHost } from '../store-host';
import type { FetchLike } from './desk-server-client';
import { allViews, serverTables, viewCount, viewTables } from './synced-records';
import { RECORD_KINDS } from '../../../shared/commands/record-set';
import { openSyncingDesk } from './with-server-support';

/** Passes the answer through up to its `lines`-th line, then breaks off as a dropped connection. */
function cutAfter(response: Response, lines: number): Response {
  const body = response.body;
  if (!body) return response;
  const reader = body.getReader();
  let seen = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await reader.read();
      if (done) return controller.close();
      const cut = value.findIndex((byte) => byte === 10 && ++seen === lines);
      if (cut < 0) return controller.enqueue(value);
      controller.enqueue(value.subarray(0, cut + 1));
      controller.error(new TypeError('terminated'));
      await reader.cancel();
    },
  });
  return new Response(stream, { status: response.status, headers: response.headers });
}

/** What a desk holds (its views, with nothing waiting its server's state): `kind:id` → updatedAt. */
async function held(db: DeskDb): Promise<string[]> {
  const keys: string[] = [];
  // Rows and packs alike (record-packs.ts): which of the two holds a record is the desk's own affair.
  for (const kind of RECORD_KINDS)
    for (const record of await allViews(db, kind))
      keys.push(`${kind}:${record.id}@${record.updatedAt}`);
  return keys.sort();
}

/** How many server copy rows the desk keeps, all kinds. */
async function copies(db: DeskDb): Promise<number> {
  let count = 0;
  for (const table of Object.values(serverTables(db))) count += await table.count();
  return count;
}

it('brings a fresh desk its scope by snapshot, survives a cut-off, keeps local work, then pulls', async () => {
  const server = await startDemoServer({ users: 100, incidents: 60 });
  const calls: string[] = [];
  let cut = true;
  let meanwhile: (() => Promise<void>) | null = null;
  const network: FetchLike = async (input, init) => {
    const path = new URL(input).pathname;
    calls.push(path);
    const response = await fetch(input, init);
    if (!path.endsWith('/sync/snapshot')) return response;
    // The agent works while the snapshot arrives.
    await meanwhile?.();
    return cut ? cutAfter(response, 2) : response;
  };
  // A desk syncing by pulls only, as against a server before snapshots.
  const pullsOnly: FetchLike = (input, init) =>
    new URL(input).pathname.endsWith('/sync/snapshot')
      ? Promise.resolve(
          new Response('{"error":{"code":"not-found","message":"No"}}', { status: 404 }),
        )
      : fetch(input, init);
  const open = async (name: string, fetchFn: FetchLike) => {
    const { host, openDb } = await openSyncingDesk(server, {
      newId: () => `client-${name}-${Math.random().toString(36).slice(2)}`,
      fetch: fetchFn,
    });
    return { host, db: await openDb() };
  };
  const status = async (host: StoreHost) => {
    const answer = await host.query('sync.status', {});
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  const fresh = await open('snapshot', network);
  const byPulls = await open('pulls', pullsOnly);
  try {
    // Cut off after its first page: the pages stored stay, the cursor does not move.
    await fresh.host.sync?.syncNow();
    expect((await status(fresh.host)).lastError).toMatch(/cannot be reached; changes wait/);
    expect((await readMeta(fresh.db, 'sync'))?.interactionsCursor ?? null).toBeNull();
    const partial = await fresh.db.interactions.toArray();
    expect(partial.length).toBeGreaterThan(0);
    expect(await fresh.db.incidents.count()).toBe(0);
    // Nothing waited: the pages were stored as views alone, no server copy (server-copies.ts).
    expect(await copies(fresh.db)).toBe(0);

    // Asked again, whole: meanwhile the agent adds a note to a record the pages bring again.
    const [noted] = partial.filter((i) => !i.state.startsWith('Closed'));
    if (!noted) throw new Error('the seed has an open interaction');
    cut = false;
    meanwhile = async () => {
      meanwhile = null;
      const note = { id: noted.id, noteId: 'n-meanwhile', text: 'Called back meanwhile' };
      expect((await fresh.host.command('interaction.addWorkNote', note)).ok).toBe(true);
    };
    const before = calls.length;
    // The status says how far the pages have come while they are stored.
    const seen: { done: number; total: number }[] = [];
    const stopWatching = await fresh.host.subscribe('sync.status', {}, (answer) => {
      if (answer.ok && answer.value.snapshot) seen.push(answer.value.snapshot);
    });
    await fresh.host.sync?.syncNow();
    stopWatching();
    expect(seen.length).toBeGreaterThan(0);
    for (const { done, total } of seen) expect(done).toBeLessThanOrEqual(total);
    expect(seen.at(-1)?.total).toBeGreaterThan(partial.length);
    expect((await status(fresh.host)).lastError).toBeNull();
    expect((await status(fresh.host)).snapshot).toBeUndefined();
    const shown = await viewTables(fresh.db).interaction.get(noted.id);
    expect(shown?.workNotes?.map((n) => n.text)).toContain('Called back meanwhile');
    // The note waited while these pages came: each was stored as server copies, then rebased.
    expect(await fresh.db.serverInteractions.count()).toBe(
      await viewCount(fresh.db, 'interaction'),
    );
    expect(await fresh.db.serverIncidents.count()).toBe(await fresh.db.incidents.count());
    // One snapshot and one pull from its cursor, not page after page.
    const asked = calls.slice(before).filter((p) => p.includes('/sync/'));
    expect(asked.filter((p) => p.endsWith('/sync/snapshot'))).toHaveLength(1);
    expect(asked.filter((p) => p.endsWith('/sync/pull')).length).toBeLessThanOrEqual(2);

    // The note goes up; then both desks hold the same records, as the server has them.
    await fresh.host.sync?.syncNow();
    await byPulls.host.sync?.syncNow();
    expect(await held(fresh.db)).toEqual(await held(byPulls.db));
    expect((await viewTables(fresh.db).incident.count()) > 0).toBe(true);

    // A change made at the other desk comes to this one by a pull, not another snapshot.
    const note = { id: noted.id, noteId: 'n-other', text: 'Seen from the other desk' };
    expect((await byPulls.host.command('interaction.addWorkNote', note)).ok).toBe(true);
    await byPulls.host.sync?.syncNow();
    const later = calls.length;
    await fresh.host.sync?.syncNow();
    expect(calls.slice(later).some((p) => p.endsWith('/sync/snapshot'))).toBe(false);
    const copy = await viewTables(fresh.db).interaction.get(noted.id);
    expect(copy?.workNotes?.map((n) => n.text)).toEqual(
      expect.arrayContaining(['Called back meanwhile', 'Seen from the other desk']),
    );
    expect(await held(fresh.db)).toEqual(await held(byPulls.db));
    // Nothing waits on either desk any more: the pull that came with nothing waiting dropped
    // the copies the note needed.
    expect(await copies(fresh.db)).toBe(0);
  } finally {
    await fresh.host.close();
    await byPulls.host.close();
    await server.close();
  }
}, 120_000);

it('lets the lists held during a snapshot go only once the status says the desk caught up', async () => {
  const server = await startDemoServer({ users: 100, incidents: 60 });
  const { host } = await openSyncingDesk(server, { newId: () => 'client-held' });
  try {
    const sync = host.sync;
    if (!sync) throw new Error('the desk has no sync engine');
    const told: { on: boolean; connection: string; synced: boolean }[] = [];
    sync.events.on('catching-up', (on) => {
      const { connection, lastSyncedAt } = sync.status(0, 0);
      told.push({ on, connection, synced: lastSyncedAt !== null });
    });
    await sync.syncNow();
    // Held as the snapshot began; let go with the status already saying the desk caught up, so
    // the status asked for just then comes before the lists' whole-desk reads.
    expect(told).toEqual([
      { on: true, connection: 'syncing', synced: false },
      { on: false, connection: 'online', synced: true },
    ]);
  } finally {
    await host.close();
    await server.close();
  }
}, 60_000);
