// Keeps the lobby board connected: opens the event stream, reopens it with a growing delay when it
// drops or goes quiet, and says what the board may show (live, stale, signed out). One loop, no UI;
// the transport and the timers come in as parameters.

import type { LobbyBoard } from '../../shared/sync/walk-up-api';
import { LobbyError, type LobbyTransport } from './lobby-transport';

export type LobbyLink =
  | { state: 'connecting' }
  | { state: 'live' }
  /** No board for a while: what is shown may be out of date since `since`. */
  | { state: 'stale'; since: Date; reason: string }
  /** No board yet and the server does not answer. */
  | { state: 'unreachable'; reason: string }
  | { state: 'signed-out'; reason: string }
  | { state: 'refused'; reason: string };

export interface LobbyTimers {
  now: () => Date;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface LobbyConnectionOptions {
  transport: LobbyTransport;
  token: string;
  location: string;
  onBoard: (board: LobbyBoard) => void;
  onLink: (link: LobbyLink) => void;
  timers: LobbyTimers;
  /** The server sends a board at least every 15 s; none for this long counts as stale (40 s). */
  quietMs?: number;
  /** First retry delay (1 s), doubling up to `maxDelayMs` (30 s). */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export const browserTimers: LobbyTimers = {
  now: () => new Date(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Starts the loop; the answer stops it. */
export function connectLobby(options: LobbyConnectionOptions): () => void {
  const { transport, token, location, timers } = options;
  const quietMs = options.quietMs ?? 40_000;
  const firstDelay = options.firstDelayMs ?? 1_000;
  const maxDelay = options.maxDelayMs ?? 30_000;
  let delay = firstDelay;
  let stopped = false;
  let controller: AbortController | null = null;
  let retry: unknown = null;
  let watchdog: unknown = null;
  /** When the last board came; null before the first. */
  let lastBoard: Date | null = null;

  const stale = (reason: string): void => {
    options.onLink(
      lastBoard === null
        ? { state: 'unreachable', reason }
        : { state: 'stale', since: lastBoard, reason },
    );
  };

  const watch = (): void => {
    if (watchdog !== null) timers.clearTimeout(watchdog);
    watchdog = timers.setTimeout(() => {
      // A stream the network cut without a word: only the silence tells.
      stale('No news from the desk server.');
      controller?.abort();
    }, quietMs);
  };

  const received = (board: LobbyBoard): void => {
    if (stopped) return;
    lastBoard = timers.now();
    delay = firstDelay;
    options.onLink({ state: 'live' });
    options.onBoard(board);
    watch();
  };

  const open = (): void => {
    if (stopped) return;
    retry = null;
    controller = new AbortController();
    const mine = controller;
    watch();
    transport.events(token, location, received, mine.signal).then(
      () => ended(mine, 'The desk server closed the connection.'),
      (error: unknown) => {
        if (error instanceof LobbyError && error.kind === 'signed-out') {
          stop();
          options.onLink({ state: 'signed-out', reason: error.message });
        } else if (error instanceof LobbyError && error.kind === 'refused') {
          ended(mine, error.message, true);
        } else {
          ended(mine, error instanceof Error ? error.message : 'The connection was lost.');
        }
      },
    );
  };

  const ended = (which: AbortController, reason: string, refused = false): void => {
    if (stopped || which !== controller) return;
    if (refused && lastBoard === null) options.onLink({ state: 'refused', reason });
    else stale(reason);
    retry = timers.setTimeout(open, delay);
    delay = Math.min(delay * 2, maxDelay);
  };

  const stop = (): void => {
    stopped = true;
    controller?.abort();
    if (retry !== null) timers.clearTimeout(retry);
    if (watchdog !== null) timers.clearTimeout(watchdog);
  };

  options.onLink({ state: 'connecting' });
  open();
  return stop;
}
