// A desk's scope growing, against the real desk server (ADR 0020): Ana's desk holds her groups'
// open work only; an administrator adds her to Network, and Network's open work arrives at her desk
// on its next sync, as a snapshot of her grown scope, while the interaction she saved meanwhile
// (unsynced) reaches the server intact.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, it } from 'vitest';
import type { PushResponse } from '../../../shared/sync/protocol';
import { buildServer } from '../../../server/app';
import { callAdmin } from '../../../server/admin/org-fixtures';
import { migrateToLatest } from '../../../server/db/migrate';
import { openDatabase } from '../../../server/db/open-database';
import { silentLogger } from '../../../server/logger';
import { writeScopeSettings } from '../../../server/sync/scope-settings';
import {
  createArgs,
  DeskOutbox,
  FIXTURE_NOW,
  seedDirectory,
  signIn,
  TEST_PASSWORD,
} from '../../../server/testing/fixtures';
import { openStoreHost } from '../store-host';

const DAY_MS = 86_400_000;

it('brings a group’s open work to an agent added to it, and loses nothing unsynced', async () => {
  const database = await openDatabase({ logger: silentLogger() });
  await migrateToLatest(database.db);
  await seedDirectory(database);
  await database.db
    .transaction()
    .execute((trx) => writeScopeSettings(trx, { recentDays: 1, ceilingMb: 200 }));
  let offset = 0;
  const started = Date.now();
  const clock = () => new Date(Date.parse(FIXTURE_NOW) + (Date.now() - started) + offset);
  const app = await buildServer({
    database,
    now: clock,
    signInRateLimit: false,
    sseHeartbeatMs: 60_000,
  });
  // What the desk asked the server for: a snapshot first, and another when its scope grew.
  const asked: string[] = [];
  app.addHook('onResponse', (request, _reply, done) => {
    asked.push(request.url);
    done();
  });
  const serverUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const snapshots = () => asked.filter((url) => url.endsWith('/sync/snapshot')).length;
  // Bo logs Network's work, and the clock moves on three days: it is no longer recent.
  const bo = await signIn(app, 'bo.agent');
  const boDesk = new DeskOutbox('desk-b', 'agent-2');
  const at = clock().toISOString();
  const logged = await bo.post<PushResponse>(
    '/api/v1/sync/push',
    boDesk.push([
      boDesk.mutation(
        'interaction.create',
        createArgs('i-net', { assignmentGroup: 'grp-net' }),
        at,
      ),
      boDesk.mutation('interaction.create', createArgs('i-desk'), at),
    ]),
  );
  expect(logged.body.refused).toEqual([]);
  offset = 3 * DAY_MS;
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    now: clock,
    newId: () => 'client-ana',
    onLine: () => true,
    connectivityEvents: new EventTarget(),
    sync: {
      serverUrl,
      timers: { set: () => () => {} },
      random: () => 0,
      locks: null,
      broadcastChannel: null,
    },
  });
  const held = async (id: string) => {
    const found = await host.query('interaction.get', { id });
    if (!found.ok) throw new Error(found.error.message);
    return found.value;
  };
  try {
    await host.directoryReady();
    expect(
      (await host.act('session.signIn', { userName: 'ana.agent', password: TEST_PASSWORD })).ok,
    ).toBe(true);
    await host.sync?.syncNow();
    expect(await held('i-desk')).not.toBeNull();
    expect(await held('i-net')).toBeNull();
    expect(snapshots()).toBe(1);

    const admin = await signIn(app, 'adam.admin');
    const added = await callAdmin(admin, 'groups.add-member', {
      groupId: 'grp-net',
      userId: 'agent-1',
    });
    expect(added.status).toBe(200);
    // Saved at the desk before it syncs again.
    const saved = await host.command('interaction.create', {
      ...createArgs('i-ana'),
      shortDescription: 'Badge reader at the door',
    });
    expect(saved.ok).toBe(true);
    await host.sync?.syncNow();
    // The grown scope came as a snapshot, not as pulls from the beginning.
    expect(snapshots()).toBe(2);
    expect(await held('i-net')).toMatchObject({ assignmentGroup: 'grp-net', state: 'New' });
    expect(await held('i-desk')).not.toBeNull();
    const mine = await held('i-ana');
    expect(mine?.shortDescription).toBe('Badge reader at the door');
    // Its real number: the server's, no longer the desk's provisional one.
    expect(mine?.number).toMatch(/^IMS\d+$/);
    const onServer = await database.db
      .selectFrom('interactions')
      .select('id')
      .where('id', '=', 'i-ana')
      .executeTakeFirst();
    expect(onServer).toEqual({ id: 'i-ana' });
  } finally {
    await host.close();
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
    await database.close();
  }
}, 120_000);
