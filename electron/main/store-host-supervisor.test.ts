// Tests the store host supervision: ports brokered to every window when the host is ready,
// restart with backoff after a crash or a hang, re-brokering, and giving up. Fakes only.

import { describe, expect, it, vi } from 'vitest';
import {
  createStoreHostSupervisor,
  type StoreHostHandle,
  type StoreHostSignals,
  type SupervisorPolicy,
} from './store-host-supervisor';
import { ManualTime, silentLog } from './test-support/fakes';

interface FakePort {
  readonly channel: number;
  readonly end: 1 | 2;
}

interface FakeHost extends StoreHostHandle<FakePort> {
  readonly signals: StoreHostSignals;
  readonly connected: { windowId: number; port: FakePort }[];
  readonly disconnected: number[];
  destroyed: boolean;
}

const policy: SupervisorPolicy = {
  maxQuickFailures: 3,
  failureWindowMs: 60_000,
  baseRestartDelayMs: 100,
  maxRestartDelayMs: 1_000,
  unresponsiveGraceMs: 5_000,
};

const setup = (overrides: Partial<SupervisorPolicy> = {}) => {
  const time = new ManualTime();
  const log = silentLog();
  const hosts: FakeHost[] = [];
  let channels = 0;
  const gaveUp = vi.fn();
  const supervisor = createStoreHostSupervisor<FakePort>({
    createStoreHost: (signals) => {
      const host: FakeHost = {
        webContentsId: 100 + hosts.length,
        signals,
        connected: [],
        disconnected: [],
        destroyed: false,
        connect: (windowId, port) => host.connected.push({ windowId, port }),
        disconnect: (windowId) => host.disconnected.push(windowId),
        destroy: () => (host.destroyed = true),
      };
      hosts.push(host);
      return host;
    },
    createChannel: () => {
      channels += 1;
      return { port1: { channel: channels, end: 1 }, port2: { channel: channels, end: 2 } };
    },
    clock: time,
    timers: time,
    log,
    onGaveUp: gaveUp,
    policy: { ...policy, ...overrides },
  });
  const windows = new Map<number, FakePort[]>();
  const openWindow = (windowId: number) => {
    windows.set(windowId, []);
    supervisor.addAppWindow({
      windowId,
      sendStorePort: (port) => windows.get(windowId)?.push(port),
    });
    supervisor.requestPort(windowId);
  };
  const latest = (): FakeHost => {
    const host = hosts.at(-1);
    if (host === undefined) throw new Error('no store host yet');
    return host;
  };
  return { time, log, hosts, supervisor, windows, openWindow, latest, gaveUp };
};

describe('store host supervisor', () => {
  it('waits for the store host to be ready, then connects each window with its own channel', () => {
    const { supervisor, openWindow, windows, latest } = setup();
    supervisor.start();
    openWindow(1);
    openWindow(2);
    expect(windows.get(1)).toEqual([]);

    supervisor.storeHostReady(latest().webContentsId);

    expect(supervisor.status()).toBe('ready');
    const host = latest();
    expect(host.connected.map((c) => c.windowId).sort()).toEqual([1, 2]);
    for (const { windowId, port } of host.connected) {
      const [appEnd] = windows.get(windowId) ?? [];
      expect(appEnd).toEqual({ channel: port.channel, end: 2 });
      expect(port.end).toBe(1);
    }
  });

  it('connects a window that opens, or reloads, after the host is ready', () => {
    const { supervisor, openWindow, windows, latest } = setup();
    supervisor.start();
    supervisor.storeHostReady(latest().webContentsId);
    openWindow(5);
    expect(windows.get(5)).toHaveLength(1);
    supervisor.requestPort(5);
    expect(windows.get(5)).toHaveLength(2);
    expect(latest().connected).toHaveLength(2);
  });

  it('ignores ready and failure signals from anything but the current host', () => {
    const { supervisor, openWindow, windows, gaveUp } = setup();
    supervisor.start();
    openWindow(1);
    supervisor.storeHostReady(999);
    supervisor.storeHostFailed(999, 'spoofed');
    expect(windows.get(1)).toEqual([]);
    expect(gaveUp).not.toHaveBeenCalled();
    expect(supervisor.status()).toBe('starting');
  });

  it('restarts a crashed host after a backoff and re-brokers ports to every open window', () => {
    const { supervisor, openWindow, windows, hosts, latest, time } = setup();
    supervisor.start();
    openWindow(1);
    openWindow(2);
    supervisor.storeHostReady(latest().webContentsId);
    const first = latest();

    first.signals.gone('crashed');

    expect(first.destroyed).toBe(true);
    expect(supervisor.status()).toBe('restarting');
    time.advance(99);
    expect(hosts).toHaveLength(1);
    time.advance(1);
    expect(hosts).toHaveLength(2);

    const second = latest();
    expect(supervisor.isStoreHost(second.webContentsId)).toBe(true);
    expect(supervisor.isStoreHost(first.webContentsId)).toBe(false);
    supervisor.storeHostReady(second.webContentsId);

    expect(second.connected.map((c) => c.windowId).sort()).toEqual([1, 2]);
    expect(windows.get(1)).toHaveLength(2);
    expect(windows.get(2)).toHaveLength(2);
    expect(windows.get(1)?.[1]).not.toEqual(windows.get(1)?.[0]);
  });

  it('doubles the delay with each quick failure and gives up after too many, saying why', () => {
    const { supervisor, hosts, latest, time, log, gaveUp } = setup();
    supervisor.start();
    latest().signals.gone('crashed');
    time.advance(100);
    expect(hosts).toHaveLength(2);
    latest().signals.gone('oom');
    time.advance(199);
    expect(hosts).toHaveLength(2);
    time.advance(1);
    expect(hosts).toHaveLength(3);

    latest().signals.gone('crashed');

    expect(supervisor.status()).toBe('failed');
    expect(gaveUp).toHaveBeenCalledTimes(1);
    expect(gaveUp.mock.calls[0]?.[0]).toContain('crashed');
    time.advance(60_000);
    expect(hosts).toHaveLength(3);
    expect(log.lines.some((line) => line.startsWith('error') && line.includes('3 times'))).toBe(
      true,
    );
  });

  it('forgives failures that are far apart', () => {
    const { supervisor, hosts, latest, time } = setup();
    supervisor.start();
    for (let i = 0; i < 6; i += 1) {
      supervisor.storeHostReady(latest().webContentsId);
      time.advance(61_000);
      latest().signals.gone('crashed');
      time.advance(100);
    }
    expect(supervisor.status()).toBe('starting');
    expect(hosts).toHaveLength(7);
  });

  it('does not count the dying window’s late events as new failures', () => {
    const { supervisor, hosts, latest, time } = setup();
    supervisor.start();
    const first = latest();
    first.signals.gone('crashed');
    first.signals.gone('killed');
    first.signals.unresponsive();
    time.advance(100);
    expect(hosts).toHaveLength(2);
    time.advance(10_000);
    expect(hosts).toHaveLength(2);
    expect(supervisor.status()).toBe('starting');
  });

  it('waits out a short hang, restarts after a long one', () => {
    const { supervisor, hosts, latest, time } = setup();
    supervisor.start();
    supervisor.storeHostReady(latest().webContentsId);
    latest().signals.unresponsive();
    time.advance(4_000);
    latest().signals.responsive();
    time.advance(10_000);
    expect(hosts).toHaveLength(1);

    latest().signals.unresponsive();
    time.advance(5_000);
    expect(hosts[0]?.destroyed).toBe(true);
    time.advance(100);
    expect(hosts).toHaveLength(2);
  });

  it('restarts when the store host page fails to load', () => {
    const { supervisor, hosts, latest, time } = setup();
    supervisor.start();
    latest().signals.loadFailed('-6 ERR_FILE_NOT_FOUND');
    time.advance(100);
    expect(hosts).toHaveLength(2);
  });

  it('keeps a host that cannot open the database: no restart, windows still get its answer', () => {
    const { supervisor, hosts, latest, time, gaveUp, openWindow, windows, log } = setup();
    supervisor.start();
    openWindow(1);
    supervisor.storeHostFailed(latest().webContentsId, 'The database is from a newer Deskpad.');
    time.advance(60_000);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.destroyed).toBe(false);
    expect(supervisor.status()).toBe('open-failed');
    expect(gaveUp).not.toHaveBeenCalled();
    expect(windows.get(1)).toHaveLength(1);
    expect(log.lines.some((line) => line.includes('newer Deskpad'))).toBe(true);
  });

  it('tells the store host when a window closes, and never sends to it again', () => {
    const { supervisor, openWindow, windows, latest } = setup();
    supervisor.start();
    openWindow(1);
    supervisor.storeHostReady(latest().webContentsId);
    supervisor.removeAppWindow(1);
    expect(latest().disconnected).toEqual([1]);
    supervisor.requestPort(1);
    expect(windows.get(1)).toHaveLength(1);
  });

  it('stops for good on quit: no restart after the host goes away', () => {
    const { supervisor, hosts, latest, time } = setup();
    supervisor.start();
    const host = latest();
    supervisor.stop();
    host.signals.gone('killed');
    time.advance(10_000);
    expect(host.destroyed).toBe(true);
    expect(hosts).toHaveLength(1);
    expect(supervisor.status()).toBe('stopped');
  });

  it('treats a window it cannot create as a failure, not a crash of main', () => {
    const time = new ManualTime();
    const gaveUp = vi.fn();
    const supervisor = createStoreHostSupervisor<FakePort>({
      createStoreHost: () => {
        throw new Error('no display');
      },
      createChannel: () => ({ port1: { channel: 0, end: 1 }, port2: { channel: 0, end: 2 } }),
      clock: time,
      timers: time,
      log: silentLog(),
      onGaveUp: gaveUp,
      policy,
    });
    expect(() => supervisor.start()).not.toThrow();
    time.advance(10_000);
    expect(gaveUp).toHaveBeenCalledTimes(1);
    expect(supervisor.status()).toBe('failed');
  });
});
