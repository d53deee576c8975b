// Older records on demand against the real desk server (issue 15): an interaction this desk no longer
// holds (dropped from its database, as bounded storage will) is found by the server's history
// search, opened — fetched with its work notes and kept on the desk — and offline the desk says
// plainly that older records are not on this desk.

import { expect, it } from 'vitest';
import { startDemoServer } from '../../../server/testing/demo-server';
import { NOT_ON_THIS_DESK } from '../../../shared/domain/history-search';
import { readMeta } from '../db';
import type { FetchLike } from './desk-server-client';
import { openSyncingDesk } from './with-server-support';

const OLD = 'int-history-1';
const WORDS = 'Badge reader at door 7 rejects everyone';

it('finds an interaction the desk does not hold on the server, opens and keeps it, and says so offline', async () => {
  const server = await startDemoServer({ users: 100 });
  let online = true;
  const network: FetchLike = (input, init) =>
    online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));
  const opened = await openSyncingDesk(server, { newId: () => 'client-history', fetch: network });
  const { host } = opened;
  const desk = await opened.openDb();
  try {
    const saved = await host.command('interaction.create', {
      id: OLD,
      openedFor: null,
      contactEmail: '',
      contactPhone: '',
      type: 'Phone',
      component: null,
      assignmentGroup: null,
      assignedTo: null,
      shortDescription: WORDS,
      description: '',
    });
    expect(saved.ok).toBe(true);
    expect(
      (
        await host.command('interaction.addWorkNote', {
          id: OLD,
          noteId: 'n-1',
          text: 'Vendor called',
        })
      ).ok,
    ).toBe(true);
    await host.sync?.syncNow();
    const synced = await host.query('interaction.get', { id: OLD });
    const number = synced.ok ? synced.value?.number : undefined;
    expect(number).toMatch(/^IMS\d{7}$/);
    if (!number) return;

    // The desk no longer holds it (its copy and the server's copy it rebases on, words and all).
    await desk.transaction('rw', [desk.interactions, desk.serverInteractions], async () => {
      await desk.interactions.delete(OLD);
      await desk.serverInteractions.delete(OLD);
    });
    const onDesk = await host.query('goTo.search', { query: 'badge reader' });
    expect(onDesk.ok && onDesk.value).toEqual([]);

    const found = await host.act('history.search', { query: 'badge reader' });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.hits).toEqual([
      expect.objectContaining({
        kind: 'interaction',
        id: OLD,
        number,
        shortDescription: WORDS,
        match: 'words',
        source: 'server',
        onDesk: false,
      }),
    ]);

    const opened = await host.act('history.open', { kind: 'interaction', number });
    expect(opened).toEqual({
      ok: true,
      value: { kind: 'interaction', id: OLD, number, from: 'server' },
    });
    const kept = await host.query('interaction.get', { id: OLD });
    expect(kept.ok && kept.value).toMatchObject({ number, shortDescription: WORDS });
    expect(kept.ok && kept.value?.workNotes.map((n) => n.text)).toContain('Vendor called');
    const againOnDesk = await host.query('goTo.search', { query: 'badge reader' });
    expect(againOnDesk.ok && againOnDesk.value.map((h) => h.number)).toEqual([number]);
    expect((await readMeta(desk, 'historyOpened'))?.map((o) => o.id)).toEqual([OLD]);
    // Kept as a synced record: nothing to send, and a second open needs no server.
    expect(await desk.outbox.count()).toBe(0);
    const second = await host.act('history.open', { kind: 'interaction', number });
    expect(second.ok && second.value.from).toBe('desk');
    const marked = await host.act('history.search', { query: 'badge reader' });
    expect(marked.ok && marked.value.hits[0]?.onDesk).toBe(true);

    const missing = await host.act('history.open', { kind: 'interaction', number: 'IMS0099999' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'There is no interaction IMS0099999 on the server.' },
    });

    online = false;
    const offlineSearch = await host.act('history.search', { query: 'badge reader' });
    expect(offlineSearch).toMatchObject({
      ok: false,
      error: { code: 'not-ready', message: NOT_ON_THIS_DESK },
    });
    const offlineOpen = await host.act('history.open', {
      kind: 'incident',
      number: 'INC0099999',
    });
    expect(offlineOpen).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: `INC0099999 is not on this desk. ${NOT_ON_THIS_DESK}` },
    });
    // What the desk holds still opens offline.
    const heldOffline = await host.act('history.open', { kind: 'interaction', number });
    expect(heldOffline.ok && heldOffline.value.from).toBe('desk');

    const wrongKind = await host.act('history.open', { kind: 'incident', number });
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  } finally {
    desk.close();
    await host.close();
    await server.close();
  }
}, 120_000);
