// Sync details against the real desk server: after a sign-in and a sync, the store host lists the
// push, pull and directory attempts with their timing, and neither they nor the log hold the token.

import { expect, it } from 'vitest';
import { startDemoServer } from '../../../server/testing/demo-server';
import type { FetchLike } from './desk-server-client';
import { openSyncingDesk } from './with-server-support';

it('lists the sync attempts of a real sync, and never the token', async () => {
  const server = await startDemoServer({ users: 100 });
  const tokens = new Set<string>();
  const watching: FetchLike = (input, init) => {
    const auth = new Headers(init?.headers).get('authorization');
    if (auth) tokens.add(auth.replace(/^Bearer /, ''));
    return fetch(input, init);
  };
  const { host } = await openSyncingDesk(server, {
    newId: () => 'client-details',
    fetch: watching,
  });
  try {
    const saved = await host.command('interaction.create', {
      id: 'int-details-1',
      openedFor: null,
      contactEmail: '',
      contactPhone: '',
      type: 'Phone',
      component: null,
      assignmentGroup: null,
      assignedTo: null,
      shortDescription: 'Cannot print',
      description: '',
    });
    expect(saved.ok).toBe(true);
    await host.sync?.syncNow();

    const details = await host.query('sync.details', {});
    if (!details.ok) throw new Error(details.error.message);
    const kinds = details.value.attempts.map((a) => `${a.kind} ${a.outcome}`);
    expect(kinds).toEqual(expect.arrayContaining(['push ok', 'pull ok', 'directory ok']));
    for (const attempt of details.value.attempts) {
      expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(attempt.startedAt)).not.toBeNaN();
    }
    expect(details.value.log.map((l) => l.message)).toContain('signed in as demo.agent');
    expect(tokens.size).toBeGreaterThan(0);
    // The storage line: measured after the sync's eviction; the saved interaction is held.
    expect(details.value.storage).toMatchObject({ ceilingBytes: 200 * 1024 * 1024 });
    expect(details.value.storage?.records).toBeGreaterThanOrEqual(1);
    const shown = JSON.stringify(details.value);
    for (const token of tokens) expect(shown).not.toContain(token);
  } finally {
    await host.close();
    await server.close();
  }
}, 120_000);
