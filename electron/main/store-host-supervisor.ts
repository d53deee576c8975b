// Supervises the store host window: restarts it with backoff when it dies or hangs, and brokers a
// MessagePort pair per app window whenever it is ready. Never restarts forever; never touches data.

import type { Clock, Timers } from './timers';

/** What main can do with one incarnation of the store host window. */
export interface StoreHostHandle<Port> {
  readonly webContentsId: number;
  /** Hands the store host its end of app window `windowId`'s channel. */
  connect(windowId: number, port: Port): void;
  /** Tells the store host that app window `windowId` closed. */
  disconnect(windowId: number): void;
  destroy(): void;
}

/** The window events a store host incarnation reports; wired by the factory. */
export interface StoreHostSignals {
  gone(reason: string): void;
  loadFailed(reason: string): void;
  unresponsive(): void;
  responsive(): void;
}

export interface AppWindowLink<Port> {
  readonly windowId: number;
  sendStorePort(port: Port): void;
}

export interface PortPair<Port> {
  readonly port1: Port;
  readonly port2: Port;
}

export interface SupervisorPolicy {
  /** This many failures within failureWindowMs and the supervisor stops restarting. */
  readonly maxQuickFailures: number;
  readonly failureWindowMs: number;
  readonly baseRestartDelayMs: number;
  readonly maxRestartDelayMs: number;
  /** A hang shorter than this is waited out (a big directory import can block a while). */
  readonly unresponsiveGraceMs: number;
}

export const DEFAULT_SUPERVISOR_POLICY: SupervisorPolicy = {
  maxQuickFailures: 5,
  failureWindowMs: 60_000,
  baseRestartDelayMs: 250,
  maxRestartDelayMs: 8_000,
  unresponsiveGraceMs: 15_000,
};

export interface SupervisorLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface SupervisorDeps<Port> {
  createStoreHost(signals: StoreHostSignals): StoreHostHandle<Port>;
  createChannel(): PortPair<Port>;
  clock: Clock;
  timers: Timers;
  log: SupervisorLog;
  /** Called once when the supervisor stops trying; main tells the agent. */
  onGaveUp(reason: string): void;
  policy?: Partial<SupervisorPolicy>;
}

/**
 * `open-failed`: the host runs but could not open the database (e.g. one written by a newer
 * Deskpad); it answers every call with that reason, so windows still get ports and show it.
 * `failed`: the host kept dying and the supervisor stopped restarting it.
 */
export type SupervisorStatus =
  'idle' | 'starting' | 'ready' | 'open-failed' | 'restarting' | 'failed' | 'stopped';

export interface StoreHostSupervisor<Port> {
  start(): void;
  stop(): void;
  status(): SupervisorStatus;
  isStoreHost(webContentsId: number): boolean;
  storeHostReady(webContentsId: number): void;
  storeHostFailed(webContentsId: number, message: string): void;
  addAppWindow(link: AppWindowLink<Port>): void;
  removeAppWindow(windowId: number): void;
  /** The window's page is live and needs a port (first load, reload, or its own request). */
  requestPort(windowId: number): void;
}

interface AppWindowEntry<Port> {
  readonly link: AppWindowLink<Port>;
  live: boolean;
}

/** The port type only matters to the factories; the supervisor just passes ports along. */
export const createStoreHostSupervisor = <P>(deps: SupervisorDeps<P>): StoreHostSupervisor<P> => {
  const policy: SupervisorPolicy = { ...DEFAULT_SUPERVISOR_POLICY, ...deps.policy };
  const { clock, timers, log } = deps;
  const appWindows = new Map<number, AppWindowEntry<P>>();
  let status: SupervisorStatus = 'idle';
  let current: StoreHostHandle<P> | null = null;
  let generation = 0;
  let failures: number[] = [];
  let restartTimer: unknown = null;
  let hangTimer: unknown = null;

  const serving = (): boolean => status === 'ready' || status === 'open-failed';

  const clearTimer = (handle: unknown): null => {
    if (handle !== null) timers.clearTimeout(handle);
    return null;
  };

  const broker = (entry: AppWindowEntry<P>): void => {
    if (current === null || !serving()) return;
    const { port1, port2 } = deps.createChannel();
    try {
      current.connect(entry.link.windowId, port1);
      entry.link.sendStorePort(port2);
    } catch (error) {
      log.warn(`Could not hand window ${entry.link.windowId} a store port: ${String(error)}`);
    }
  };

  const destroyCurrent = (): void => {
    // Retire the incarnation first: its dying window may still report events.
    generation += 1;
    hangTimer = clearTimer(hangTimer);
    const handle = current;
    current = null;
    if (handle === null) return;
    try {
      handle.destroy();
    } catch (error) {
      log.warn(`Could not destroy the old store host window: ${String(error)}`);
    }
  };

  const giveUp = (reason: string): void => {
    status = 'failed';
    destroyCurrent();
    deps.onGaveUp(reason);
  };

  const fail = (reason: string): void => {
    if (status === 'stopped' || status === 'failed') return;
    destroyCurrent();
    const now = clock.now();
    failures = [...failures.filter((at) => now - at < policy.failureWindowMs), now];
    if (failures.length >= policy.maxQuickFailures) {
      log.error(
        `The store host failed ${failures.length} times within ${policy.failureWindowMs / 1000} s ` +
          `(last: ${reason}); Deskpad stops restarting it. Saved interactions are safe on disk; ` +
          'restart Deskpad, and if this repeats, report it with this log.',
      );
      giveUp(reason);
      return;
    }
    const delay = Math.min(
      policy.baseRestartDelayMs * 2 ** (failures.length - 1),
      policy.maxRestartDelayMs,
    );
    log.warn(
      `The store host stopped (${reason}); restarting in ${delay} ms ` +
        `(failure ${failures.length} of ${policy.maxQuickFailures} allowed within ` +
        `${policy.failureWindowMs / 1000} s).`,
    );
    status = 'restarting';
    restartTimer = timers.setTimeout(() => {
      restartTimer = null;
      launch();
    }, delay);
  };

  const launch = (): void => {
    generation += 1;
    const mine = generation;
    // Events from an incarnation that was already replaced must not touch the new one.
    const whenCurrent =
      <A extends unknown[]>(handler: (...args: A) => void) =>
      (...args: A): void => {
        if (mine === generation && status !== 'stopped') handler(...args);
      };
    status = 'starting';
    try {
      current = deps.createStoreHost({
        gone: whenCurrent((reason: string) => fail(`renderer gone: ${reason}`)),
        loadFailed: whenCurrent((reason: string) => fail(`page failed to load: ${reason}`)),
        unresponsive: whenCurrent(() => {
          if (hangTimer !== null) return;
          log.warn('The store host is unresponsive; waiting before restarting it.');
          hangTimer = timers.setTimeout(() => {
            hangTimer = null;
            fail(`unresponsive for ${policy.unresponsiveGraceMs / 1000} s`);
          }, policy.unresponsiveGraceMs);
        }),
        responsive: whenCurrent(() => {
          hangTimer = clearTimer(hangTimer);
        }),
      });
    } catch (error) {
      current = null;
      fail(`could not create its window: ${String(error)}`);
    }
  };

  const isCurrent = (webContentsId: number): boolean =>
    current !== null && current.webContentsId === webContentsId;

  return {
    start() {
      if (status !== 'idle') return;
      launch();
    },
    stop() {
      status = 'stopped';
      restartTimer = clearTimer(restartTimer);
      destroyCurrent();
    },
    status: () => status,
    isStoreHost: isCurrent,
    storeHostReady(webContentsId) {
      if (!isCurrent(webContentsId) || status !== 'starting') return;
      status = 'ready';
      log.info('The store host is ready; connecting the open windows.');
      for (const entry of appWindows.values()) {
        if (entry.live) broker(entry);
      }
    },
    storeHostFailed(webContentsId, message) {
      if (!isCurrent(webContentsId) || status !== 'starting') return;
      // A restart cannot fix this (e.g. a database from a newer Deskpad). The host stays up and
      // answers every call with the reason, so each window tells the agent what happened.
      log.error(`The store host could not open the database: ${message}`);
      status = 'open-failed';
      for (const entry of appWindows.values()) {
        if (entry.live) broker(entry);
      }
    },
    addAppWindow(link) {
      appWindows.set(link.windowId, { link, live: false });
    },
    removeAppWindow(windowId) {
      if (!appWindows.delete(windowId)) return;
      if (current !== null && serving()) {
        try {
          current.disconnect(windowId);
        } catch (error) {
          log.warn(`Could not tell the store host window ${windowId} closed: ${String(error)}`);
        }
      }
    },
    requestPort(windowId) {
      const entry = appWindows.get(windowId);
      if (entry === undefined) return;
      entry.live = true;
      broker(entry);
    },
  };
};
