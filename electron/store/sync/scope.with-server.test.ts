// The sync scope against the real desk server (ADR 0020): after a sync, a desk whose clock is
// months past the seeded history keeps the open incidents and evicts the closed ones, but not one a
// window has open until it closes. (A pulled change bringing one back: scope-eviction.test.ts.)

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, it } from 'vitest';
import { buildServer } from '../../../server/app';
import { migrateToLatest } from '../../../server/db/migrate';
import { openDatabase } from '../../../server/db/open-database';
import { DEMO_PASSWORD, seedDemo } from '../../../server/demo/seed';
import { silentLogger } from '../../../server/logger';
import { fixtureClock } from '../../../server/testing/fixtures';
import { openStoreHost } from '../store-host';

const FINAL = ['Closed', 'Canceled'];

it('evicts what left the scope after a sync, and never a record open in a form', async () => {
  const database = await openDatabase({ logger: silentLogger() });
  await migrateToLatest(database.db);
  await seedDemo(database.db, { users: 100, incidents: 60, now: fixtureClock });
  const app = await buildServer({
    database,
    now: fixtureClock,
    signInRateLimit: false,
    sseHeartbeatMs: 60_000,
  });
  const serverUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const incidents = await database.db.selectFrom('incidents').select(['id', 'state']).execute();
  const open = incidents.filter((i) => !FINAL.includes(i.state));
  const closed = incidents.filter((i) => FINAL.includes(i.state));
  expect(closed.length).toBeGreaterThan(1);
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    demoUsers: 100,
    // Three months after the server's history: nothing closed is recent any more.
    now: () => new Date(fixtureClock().getTime() + 90 * 86_400_000),
    newId: () => 'client-scope',
    // Every sync evicts here (a desk does it at most every 10 minutes).
    scope: { evictEveryMs: 0 },
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
    const found = await host.query('incident.get', { id });
    if (!found.ok) throw new Error(found.error.message);
    return found.value;
  };
  try {
    await host.directoryReady();
    expect(
      (await host.act('session.signIn', { userName: 'demo.agent', password: DEMO_PASSWORD })).ok,
    ).toBe(true);
    const [inForm, gone] = closed;
    if (!inForm || !gone) throw new Error('the seed has closed incidents');
    // A window shows one closed incident in its form the whole time.
    let shown: unknown = null;
    const stop = await host.subscribe('incident.get', { id: inForm.id }, (r) => {
      if (r.ok) shown = r.value;
    });
    await host.sync?.syncNow();

    for (const incident of open) expect(await held(incident.id)).not.toBeNull();
    expect(await held(gone.id)).toBeNull();
    expect(await held(inForm.id)).not.toBeNull();
    expect(shown).not.toBeNull();
    const details = await host.query('sync.details', {});
    if (!details.ok) throw new Error(details.error.message);
    expect(details.value.storage?.records).toBeLessThan(incidents.length);
    expect(details.value.log.map((l) => l.message).join('\n')).toMatch(
      /records left this desk's scope and were evicted/,
    );

    // The form closes: the next sync evicts that one too.
    stop();
    await host.sync?.syncNow();
    expect(await held(inForm.id)).toBeNull();
  } finally {
    await host.close();
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
    await database.close();
  }
}, 120_000);
