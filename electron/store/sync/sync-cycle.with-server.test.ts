// One sync cycle against the real desk server: the directory is asked for beside the pull, not
// after it (a desk back after days away is not kept waiting for it), and a directory that fails
// fails the cycle without losing what the pull stored.

import { expect, it } from 'vitest';
import { startDemoServer } from '../../../server/testing/demo-server';
import type { FetchLike } from './desk-server-client';
import { interactionArgs } from './sync-test-support';
import { openSyncingDesk } from './with-server-support';

const sleep = (ms: number) => new Promise<string>((resolve) => setTimeout(() => resolve(''), ms));

it('asks for the directory while the pull is on its way, and a failed directory keeps the pull', async () => {
  const server = await startDemoServer({ users: 100 });
  /** What the network saw, in order, once `watching` is set. */
  const seen: string[] = [];
  let watching = false;
  let failDirectory = false;
  let directoryAsked = (): void => {};
  let asked = new Promise<void>((resolve) => (directoryAsked = resolve));
  const network: FetchLike = async (input, init) => {
    const path = new URL(input).pathname;
    if (!watching) return fetch(input, init);
    if (path.includes('/directory')) {
      seen.push('directory asked');
      directoryAsked();
      if (failDirectory) return new Response('{"error":"down"}', { status: 503 });
    }
    if (path.endsWith('/sync/pull')) {
      // The pull's answer waits for the directory's question (at most 5 s): a cycle that asked
      // for the directory only after its pull would show the wait running out.
      const first = await Promise.race([asked.then(() => 'the directory'), sleep(5_000)]);
      seen.push(`pull answered after ${first || 'waiting 5 s'}`);
    }
    return fetch(input, init);
  };
  const { host } = await openSyncingDesk(server, { newId: () => 'client-cycle', fetch: network });
  try {
    await host.sync?.syncNow();
    watching = true;
    await host.sync?.syncNow();
    expect(seen).toEqual(['directory asked', 'pull answered after the directory']);

    // The directory fails while a saved interaction goes up and comes back down.
    seen.length = 0;
    failDirectory = true;
    asked = new Promise<void>((resolve) => (directoryAsked = resolve));
    const saved = await host.command(
      'interaction.create',
      interactionArgs('int-cycle-1', {
        openedFor: null,
        component: null,
        assignmentGroup: null,
        assignedTo: null,
      }),
    );
    expect(saved.ok).toBe(true);
    await host.sync?.syncNow();
    const status = await host.query('sync.status', {});
    if (!status.ok) throw new Error(status.error.message);
    expect(status.value.lastError).toMatch(/Sync did not finish/);
    expect(status.value.pendingChanges).toBe(0);
    const details = await host.query('sync.details', {});
    if (!details.ok) throw new Error(details.error.message);
    const kinds = details.value.attempts.slice(0, 3).map((a) => `${a.kind} ${a.outcome}`);
    expect(kinds).toEqual(expect.arrayContaining(['push ok', 'pull ok', 'directory failed']));
    const stored = await host.query('interaction.get', { id: 'int-cycle-1' });
    expect(stored.ok && stored.value?.numberProvisional).toBe(false);
  } finally {
    await host.close();
    await server.close();
  }
}, 120_000);
