// The poke stream (SSE): kept open while signed in and online; a poke means "pull now". Reopens
// through its own ConnectionLoop with its own backoff. Never pushes, pulls or ends a session itself.

import { ConnectionLoop, type AttemptOutcome, type Cancel, type Timers } from './connection-loop';
import type { BackoffPolicy } from './backoff';
import { DeskServerError, type DeskServerClient } from './desk-server-client';
import type { Logger } from '../logger';
import type { SyncAttempts } from './sync-attempts';

export const DEFAULT_POKE_IDLE_MS = 60_000;
/** A poke stream open this long (or past its first heartbeat) has proved itself: backoff resets. */
export const STREAM_STABLE_MS = 30_000;

export interface PokeStreamDeps {
  client: DeskServerClient;
  timers: Timers;
  random: () => number;
  backoff?: BackoffPolicy;
  /** The host's clock, in ms: how long a stream stayed open. */
  now: () => number;
  /** A clock only for comparing when reconnects are due (never the host's). */
  monotonic: () => number;
  pokeIdleMs?: number;
  onLine: () => boolean;
  /** The token of the session now; a stream of another token is not this desk's. */
  currentToken: () => string | null;
  /** A poke about interactions or the directory arrived: pull now. */
  onPoke: () => void;
  /** The server refused the stream's token: a sync cycle finds out whether the session ended. */
  onRefused: () => void;
  log: Logger;
  attempts: SyncAttempts;
}

export class PokeStream {
  private readonly deps: PokeStreamDeps;
  private readonly loop: ConnectionLoop;
  private token: string | null = null;
  private controller: AbortController | null = null;
  /** The open stream's id (from its first poke), sent with pushes; null while none is open. */
  private id: string | null = null;
  /** Why the last stream ended, while its reconnect waits; null after a listen(). */
  private lastFailure: { error: unknown } | null = null;
  private stopped = false;

  constructor(deps: PokeStreamDeps) {
    this.deps = deps;
    this.loop = new ConnectionLoop(
      { attempt: () => this.attempt() },
      {
        timers: deps.timers,
        random: deps.random,
        ...(deps.backoff ? { backoff: deps.backoff } : {}),
        now: deps.monotonic,
        onBackoff: (ms, step) => deps.log.info(`poke stream reopens in ${ms} ms (try ${step})`),
      },
    );
  }

  /** The open stream's id, for pushes; null while none is open. */
  streamId(): string | null {
    return this.controller ? this.id : null;
  }

  /**
   * Keeps a stream open for `token`. A stream already open, or a reconnect waiting out its
   * backoff, is left as it is: a sync cycle that happens to end now does not hurry it.
   */
  listen(token: string): void {
    if (this.stopped || this.loop.isRunning() || this.loop.isScheduled()) return;
    if (this.deps.currentToken() !== token) return;
    this.token = token;
    this.lastFailure = null;
    void this.loop.runNow();
  }

  /** Ends the stream, if one is open, and any reconnect; the next listen() starts the backoff over. */
  close(): void {
    this.controller?.abort();
    this.controller = null;
    this.id = null;
    this.lastFailure = null;
    this.loop.reset();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.close();
    await this.loop.stop();
  }

  private async attempt(): Promise<AttemptOutcome> {
    const token = this.token;
    if (this.stopped || token === null || this.deps.currentToken() !== token)
      return { next: 'stop' };
    const failure = this.lastFailure;
    if (failure) {
      this.lastFailure = null;
      // A refused token: a cycle finds out, ends the session, or listens again if it was not that.
      if (failure.error instanceof DeskServerError && failure.error.status === 401) {
        this.deps.onRefused();
        return { next: 'stop' };
      }
      // Offline: the cycle that runs when the network returns listens again.
      if (!this.deps.onLine()) return { next: 'stop' };
    }
    return this.open(token);
  }

  /** One stream, from open to end. */
  private async open(token: string): Promise<AttemptOutcome> {
    const { deps } = this;
    const controller = new AbortController();
    this.controller = controller;
    const openedAt = deps.now();
    const ended = deps.attempts.begin('poke');
    let connected = false;
    let error: unknown = null;
    // A connection can die without a word (a sleeping laptop, a NAT that forgot it): the server
    // sends a heartbeat every 25 s, so a long silence means the stream is gone.
    let silent = false;
    let watchdog: Cancel | null = null;
    const arm = (): void => {
      watchdog?.();
      watchdog = deps.timers.set(() => {
        silent = true;
        controller.abort();
      }, deps.pokeIdleMs ?? DEFAULT_POKE_IDLE_MS);
    };
    const disarm = (): void => watchdog?.();
    arm();
    deps.log.debug('poke stream opening');
    try {
      await deps.client.events(
        token,
        (poke) => {
          if (poke.stream !== undefined && this.controller === controller) {
            this.id = poke.stream;
            connected = true;
          }
          if (poke.topic === 'interactions' || poke.topic === 'directory') deps.onPoke();
        },
        controller.signal,
        () => {
          arm();
          // Bytes after the connect poke (a heartbeat, a poke): this stream stays open.
          if (connected && this.controller === controller) this.loop.resetBackoff();
        },
      );
    } catch (caught) {
      error = caught;
    } finally {
      disarm();
    }
    if (this.controller !== controller) return { next: 'stop' };
    this.controller = null;
    this.id = null;
    if ((!silent && controller.signal.aborted) || this.stopped) return { next: 'stop' };
    if (silent) ended(new Error('The poke stream went silent.'));
    else if (error !== null || !connected) ended(error ?? new Error('The poke stream ended.'));
    else ended(null);
    if (deps.now() - openedAt >= STREAM_STABLE_MS) this.loop.resetBackoff();
    // The stream ended, failed or went silent: open it again after a step of its own backoff.
    // Its connect poke makes the desk pull, so nothing missed meanwhile is lost.
    this.lastFailure = { error };
    const retryAfter = error instanceof DeskServerError ? error.retryAfterSeconds : null;
    return { next: 'retry', ...(retryAfter !== null ? { atLeastMs: retryAfter * 1000 } : {}) };
  }
}
