// The second seed's printer example as the demo ships it: a desk synced from the demo desk server
// finds the open incident on the printer's parent network segment and has the catalog; when another
// desk resolves the incident, the next pull updates Find existing incidents in place.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, it, vi } from 'vitest';
import { DEMO_PRINTER_EXAMPLE } from '../../../shared/demo/incident-generator';
import { DEMO_PASSWORD } from '../../../server/demo/seed';
import { startDemoServer } from '../../../server/testing/demo-server';
import { openStoreHost } from '../store-host';
import { IncidentComponentCache } from '../task-store';

it('a desk synced from the demo server finds the printer example', async () => {
  const server = await startDemoServer({ users: 300 });
  const { serverUrl } = server;
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    demoUsers: 300,
    now: () => new Date(),
    newId: () => 'client-probe',
    onLine: () => true,
    connectivityEvents: new EventTarget(),
    sync: {
      serverUrl,
      fetch,
      timers: { set: () => () => {} },
      random: () => 0,
      locks: null,
      directoryPageSize: 1000,
      pokeIdleMs: 61_000,
      requestTimeoutMs: 62_000,
      onlineCheckMs: 5_500,
      broadcastChannel: null,
    },
  });
  try {
    await host.directoryReady();
    expect(
      (await host.act('session.signIn', { userName: 'demo.agent', password: DEMO_PASSWORD })).ok,
    ).toBe(true);
    await host.sync?.syncNow();
    const status = await host.query('sync.status', {});
    expect(status.ok && status.value.lastError).toBeNull();
    const found = await host.query('incident.searchByComponent', {
      componentId: DEMO_PRINTER_EXAMPLE.printer.id,
      callerId: DEMO_PRINTER_EXAMPLE.caller.id,
      limit: 10,
    });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.hits[0]).toMatchObject({
      incident: { number: DEMO_PRINTER_EXAMPLE.incident.number },
      distance: 1,
      sameCaller: false,
    });
    const catalog = await host.query('catalog.search', { query: 'laptop', limit: 5 });
    expect(catalog.ok && catalog.value.length).toBeGreaterThan(0);

    // The technician resolves it from another desk; this desk's next pull takes the change into
    // Find existing incidents in place, without reading every open incident again.
    const load = vi.spyOn(IncidentComponentCache.prototype, 'load');
    const signIn = await fetch(`${serverUrl}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userName: 'demo.technician', password: DEMO_PASSWORD }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const pushed = await fetch(`${serverUrl}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        clientId: 'technician-desk',
        mutations: [
          {
            mutationId: 1,
            name: 'incident.resolve',
            args: {
              id: DEMO_PRINTER_EXAMPLE.incident.id,
              resolutionCode: 'Solution provided',
              resolutionNotes: 'Replaced the switch port on the floor network.',
            },
            at: new Date().toISOString(),
            actorId: 'usr_demo_technician',
          },
        ],
      }),
    });
    expect(((await pushed.json()) as { refused: unknown[] }).refused).toEqual([]);
    await host.sync?.syncNow();
    const after = await host.query('incident.searchByComponent', {
      componentId: DEMO_PRINTER_EXAMPLE.printer.id,
      limit: 10,
    });
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.hits.map((h) => h.incident.number)).not.toContain(
      DEMO_PRINTER_EXAMPLE.incident.number,
    );
    expect(after.value.total).toBe(found.value.total - 1);
    expect(load).not.toHaveBeenCalled();
  } finally {
    await host.close();
    await server.close();
  }
}, 120_000);
