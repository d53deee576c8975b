// The clock and timers main's modules are given, so tests can drive time by hand.
// Never read Date.now or setTimeout directly in a module that takes these.

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Clock {
  now(): number;
}

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const systemClock: Clock = { now: () => Date.now() };
