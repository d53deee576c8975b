// A poke bus that publishes a topic at most once per interval while a long run commits many
// small changes (an import's batches), and once more when the run ends. Never drops the last poke.

import type { PokeBus, PokeNotice } from './poke-bus';

export interface ThrottledPokes extends PokeBus {
  /** Publishes what the interval held back; call when the run ends (done, failed or cancelled). */
  flush(): Promise<void>;
  /** Whether a poke is held back, waiting for `flush()`. */
  holding(): boolean;
  /** How long until the interval since the last poke published has passed (0: it has). */
  waitMs(): number;
}

/**
 * Wraps `bus`: the first poke goes out at once, later ones only `intervalMs` after the last one
 * published; anything held back goes out at `flush()`. Each desk pulls every change since its
 * cursor, so one poke stands for all the commits before it.
 */
export function throttlePokes(
  bus: PokeBus,
  intervalMs: number,
  nowMs: () => number,
): ThrottledPokes {
  let lastMs = -Infinity;
  let held: PokeNotice | null = null;
  return {
    async publish(poke) {
      if (nowMs() - lastMs < intervalMs) {
        held = poke;
        return;
      }
      held = null;
      lastMs = nowMs();
      await bus.publish(poke);
    },
    subscribe: (listener) => bus.subscribe(listener),
    // The wrapped bus belongs to the server, not to this run.
    close: async () => {},
    holding: () => held !== null,
    waitMs: () => Math.max(0, lastMs + intervalMs - nowMs()),
    async flush() {
      const poke = held;
      held = null;
      if (poke === null) return;
      lastMs = nowMs();
      await bus.publish(poke);
    },
  };
}

/**
 * For a stream of small commits with no end (a phone system's events): the first poke goes out at
 * once, and pokes that come within `windowMs` of the last one go out together once the window
 * ends. A burst of 300 events a second pokes the desks about 1000 / windowMs times a second, not
 * 300; a lone event is never delayed. `close()` sends what is held and stops the timer. The window
 * is measured on the monotonic clock: a wall clock set back or forward (NTP) must not let two pokes
 * through less than a window apart, nor hold one back for long.
 */
export function coalescePokes(
  bus: PokeBus,
  windowMs: number,
  nowMs = () => performance.now(),
): PokeBus {
  const throttled = throttlePokes(bus, windowMs, nowMs);
  let timer: ReturnType<typeof setTimeout> | null = null;
  // At the window's end, which a poke published meanwhile moves on: a held poke then waits for
  // the new window's end, so two pokes are never less than a window apart.
  const atWindowEnd = () => {
    timer = setTimeout(() => {
      timer = null;
      if (!throttled.holding()) return;
      if (throttled.waitMs() > 0) atWindowEnd();
      else throttled.flush().catch(() => undefined);
    }, throttled.waitMs());
    // A held poke never keeps the process alive; the next pull catches up regardless.
    timer.unref?.();
  };
  const flushLater = () => {
    if (timer === null && throttled.holding()) atWindowEnd();
  };
  return {
    async publish(poke) {
      await throttled.publish(poke);
      flushLater();
    },
    subscribe: (listener) => bus.subscribe(listener),
    async close() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await throttled.flush();
    },
  };
}
