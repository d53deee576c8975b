// A poke bus that publishes a topic at most once per interval while a long run commits many
// small changes (an import's batches), and once more when the run ends. Never drops the last poke.

import type { PokeBus, PokeNotice } from './poke-bus';

export interface ThrottledPokes extends PokeBus {
  /** Publishes what the interval held back; call when the run ends (done, failed or cancelled). */
  flush(): Promise<void>;
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
    async flush() {
      const poke = held;
      held = null;
      if (poke === null) return;
      lastMs = nowMs();
      await bus.publish(poke);
    },
  };
}
