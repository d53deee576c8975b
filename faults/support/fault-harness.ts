// Per-file plumbing for the fault cases: one real desk server process on a temp data directory, the fault
// proxy in front of it, the read API, and every desk closed after each test. Everything it starts it stops.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { startDeskServer, type DeskServerProcess } from '../../e2e/support/desk-server';
import { openReadApi, type ReadApi } from '../../e2e/support/read-api';
import { Ledger } from './desk-work';
import { DEMO_USERS, FaultDesk, type FaultDeskOptions } from './fault-desk';
import { passEverything, startFaultProxy, type FaultProxy } from './fault-proxy';

export interface FaultWorld {
  server: DeskServerProcess;
  /** What the desks use as their desk server. */
  proxy: FaultProxy;
  /** What every desk of this file saved: the server must hold exactly this. */
  ledger: Ledger;
  /** The read API, straight to the server (never through the proxy). */
  reader: () => Promise<ReadApi>;
  /** A desk whose desk server is the proxy; closed after the test. */
  openDesk: (name: string, options?: Partial<FaultDeskOptions>) => Promise<FaultDesk>;
}

/**
 * One desk server for the file, started empty: each case counts everything on it against the ledger
 * of everything the file's desks saved. The proxy passes everything again after each test.
 */
export function useFaultWorld(seed: number): () => FaultWorld {
  let root = '';
  let world: FaultWorld | undefined;
  const desks: FaultDesk[] = [];
  const names = new Set<string>();

  beforeAll(async () => {
    const problem = inject('deskServerBuildProblem');
    if (problem) throw new Error(`No current desk server build: ${problem}`);
    root = mkdtempSync(path.join(os.tmpdir(), 'deskpad-faults-'));
    // The web root is an empty folder: these cases are about the API only.
    const server = await startDeskServer({
      dataDir: path.join(root, 'data'),
      demoUsers: DEMO_USERS,
      webRoot: root,
    });
    const proxy = await startFaultProxy(server.url);
    let reading: Promise<ReadApi> | null = null;
    world = {
      server,
      proxy,
      ledger: new Ledger(seed),
      reader: () => (reading ??= openReadApi(server.url)),
      async openDesk(name, options = {}) {
        // The ledger knows a desk's own records by its name.
        if (names.has(name) && !options.factory)
          throw new Error(`a desk named ${name} was opened before`);
        names.add(name);
        const desk = await FaultDesk.open({ name, serverUrl: proxy.url, ...options });
        desks.push(desk);
        return desk;
      },
    };
  });
  beforeEach((test) => {
    test.onTestFailed(() => {
      if (!world) return;
      console.error(`Desk server output:\n${world.server.output()}`);
      const tail = world.proxy.log
        .slice(-40)
        .map((e) => `${e.method} ${e.path} ${e.action} → ${String(e.serverStatus)}`);
      console.error(`Last requests through the fault proxy:\n  ${tail.join('\n  ')}`);
    });
  });
  afterEach(async () => {
    for (const desk of desks.splice(0).reverse()) await desk.close().catch(() => undefined);
    world?.proxy.setPlan(passEverything);
    await world?.proxy.acceptConnections();
  });
  afterAll(async () => {
    await world?.proxy.close();
    await world?.server.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  return () => {
    if (!world) throw new Error('the fault world starts in beforeAll');
    return world;
  };
}

/** Resolves after `ms` of real time. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
