// Contact templates between a desk and the demo desk server: the desk holds the HQ location's
// templates after a sync; an own template saved offline is offered at once and sent with the next
// sync; a template Administration retires leaves the desk at its next sync.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, it } from 'vitest';
import { DEMO_HQ_LOCATION_ID } from '../../../shared/demo/walk-up-generator';
import type { TemplatesSyncResponse } from '../../../shared/sync/templates-api';
import { DEMO_PASSWORD } from '../../../server/demo/seed';
import { startDemoServer } from '../../../server/testing/demo-server';
import { openStoreHost } from '../store-host';

it('keeps templates on the desk and sends an own template saved offline', async () => {
  const server = await startDemoServer({ users: 300, historyDays: 0 });
  const { serverUrl } = server;
  let online = true;
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    demoUsers: 300,
    now: () => new Date(),
    newId: () => 'client-templates',
    onLine: () => online,
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
  const signIn = async (userName: string): Promise<string> => {
    const reply = await fetch(`${serverUrl}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userName, password: DEMO_PASSWORD }),
    });
    return ((await reply.json()) as { token: string }).token;
  };
  const post = async <T>(token: string, path: string, body: unknown): Promise<T> => {
    const reply = await fetch(`${serverUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return (await reply.json()) as T;
  };
  const listed = async () => {
    const answer = await host.query('template.list', { location: DEMO_HQ_LOCATION_ID });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value.map((t) => [t.scope, t.name, t.pending]);
  };
  try {
    await host.directoryReady();
    expect(
      (await host.act('session.signIn', { userName: 'demo.agent', password: DEMO_PASSWORD })).ok,
    ).toBe(true);
    await host.sync?.syncNow();
    expect(await listed()).toEqual([
      ['location', 'Outlook asks for the password', false],
      ['location', 'Password reset', false],
      ['location', 'VPN will not connect', false],
    ]);
    const reset = await host.query('template.list', { location: null });
    expect(reset.ok && reset.value.find((t) => t.name === 'Password reset')).toMatchObject({
      assignmentGroupName: 'Service Desk',
      componentName: 'Password reset portal',
      locationName: 'Service Desk — HQ',
      closesAtOnce: true,
    });

    // Offline: saved on the desk and offered at once, first as the agent's own.
    online = false;
    const saved = await host.act('template.save', {
      id: 'own-printer',
      name: 'Printer jam on 3F',
      type: 'Walk-in',
      component: null,
      assignmentGroup: null,
      shortDescription: 'Printer jam',
      description: '',
      closesAtOnce: true,
    });
    expect(saved.ok).toBe(true);
    expect((await listed())[0]).toEqual(['agent', 'Printer jam on 3F', true]);

    online = true;
    await host.sync?.syncNow();
    expect((await listed())[0]).toEqual(['agent', 'Printer jam on 3F', false]);
    const agentToken = await signIn('demo.agent');
    const onServer = await post<TemplatesSyncResponse>(agentToken, '/templates/sync', {
      changes: [],
      digest: null,
    });
    expect(onServer.templates?.find((t) => t.id === 'own-printer')).toMatchObject({
      scope: 'agent',
      shortDescription: 'Printer jam',
    });

    // Administration retires one; the desk stops offering it at its next sync.
    const adminToken = await signIn('demo.admin');
    await post(adminToken, '/admin/templates.set-active', {
      id: 'tpl_demo_vpn',
      active: false,
    });
    const renamed = await host.act('template.rename', { id: 'own-printer', name: 'Printer jam' });
    expect(renamed.ok).toBe(true);
    await host.sync?.syncNow();
    expect(await listed()).toEqual([
      ['agent', 'Printer jam', false],
      ['location', 'Outlook asks for the password', false],
      ['location', 'Password reset', false],
    ]);
    expect((await host.act('template.delete', { id: 'tpl_demo_password_reset' })).ok).toBe(false);
    expect((await host.act('template.delete', { id: 'own-printer' })).ok).toBe(true);
    expect((await listed()).map(([scope]) => scope)).toEqual(['location', 'location']);
  } finally {
    await host.close();
    await server.close();
  }
}, 120_000);
