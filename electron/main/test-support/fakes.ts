// Test doubles for the slices of Electron that main's modules take as parameters: an event
// emitter that records listeners, and manual timers. Used by tests only; never by the app.

import { EventEmitter } from 'node:events';
import type { Clock, Timers } from '../timers';

/** Tests build fakes that implement only what a module uses, then view them as the real type. */
export const asFake = <T>(fake: object): T => fake as T;

export class FakeEmitter extends EventEmitter {
  /** Emits and returns the event object so tests can see whether it was prevented. */
  emitPreventable(name: string, fields: Record<string, unknown> = {}): { prevented: boolean } {
    const state = { prevented: false };
    const event = {
      ...fields,
      preventDefault: () => {
        state.prevented = true;
      },
    };
    this.emit(name, event);
    return state;
  }
}

interface PendingTimer {
  readonly at: number;
  readonly callback: () => void;
}

/** Timers and a clock that move only when the test calls advance(). */
export class ManualTime implements Timers, Clock {
  private current = 0;
  private nextHandle = 1;
  private readonly pending = new Map<number, PendingTimer>();

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.pending.set(handle, { at: this.current + ms, callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.pending.delete(handle);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  advance(ms: number): void {
    const until = this.current + ms;
    for (;;) {
      const due = [...this.pending.entries()]
        .filter(([, timer]) => timer.at <= until)
        .sort(([, a], [, b]) => a.at - b.at)[0];
      if (due === undefined) break;
      const [handle, timer] = due;
      this.pending.delete(handle);
      this.current = timer.at;
      timer.callback();
    }
    this.current = until;
  }
}

export const silentLog = (): {
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
  lines: string[];
} => {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
};
