// Micro-benchmarks of the store host, for bench/ to run inside Chromium (page or worker): index
// ready after start, caller search, save to durable. Measures only; never asserts or prints.

import type { CreateInteractionArgs } from '../../shared/domain/interaction';
import { openStoreHost, type StoreHost, type StoreHostOptions } from './store-host';

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

/** Typical lookups: name starts, full names, last-first, user names, ids, phone digits. */
export const BENCH_QUERIES: readonly string[] = [
  'j',
  'jo',
  'joh',
  'john',
  'john s',
  'mar',
  'maria g',
  'garc',
  'müll',
  'nguy',
  'pat',
  'smith j',
  'e0501',
  'e01234',
  '555 12',
  '5551',
  'demo.a',
  'sofia',
  'kow',
  'o',
  'li',
  'chen w',
  'ahmed',
  'zz',
];

export interface StartTiming {
  /** From calling openStoreHost until search answers (directory and index in memory). */
  indexReadyMs: number;
  /** Until the directory is on disk too (first start only differs). */
  storedMs: number;
  host: StoreHost;
}

/** Opens a store host and times it; a fresh dbName measures a first start, a used one a restart. */
export async function timeStart(options: StoreHostOptions): Promise<StartTiming> {
  const started = performance.now();
  const host = await openStoreHost(options);
  await host.directoryReady();
  const indexReadyMs = performance.now() - started;
  const probe = await host.query('directory.searchUsers', { query: 'demo' });
  if (!probe.ok) throw new Error(probe.error.message);
  // Waiting for the first start's background write: a second connection sees the directory.
  await waitForStoredDirectory(host);
  return { indexReadyMs, storedMs: performance.now() - started, host };
}

async function waitForStoredDirectory(host: StoreHost): Promise<void> {
  await new Promise<void>((resolve) => {
    void host.onEvent((event) => {
      if (
        event.type === 'store-error' ||
        (event.type === 'directory-progress' && event.phase === 'ready')
      )
        resolve();
    });
  });
}

/** Caller search through the host's query API (validation included), `rounds` over the queries. */
export async function timeSearch(
  host: StoreHost,
  rounds = 20,
  queries = BENCH_QUERIES,
): Promise<Percentiles> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const t = performance.now();
      const result = await host.query('directory.searchUsers', { query, limit: 10 });
      samples.push(performance.now() - t);
      if (!result.ok) throw new Error(result.error.message);
    }
  }
  return percentiles(samples);
}

/** `interaction.create` until its strict-durability transaction has committed, one at a time. */
export async function timeSaves(
  host: StoreHost,
  count = 100,
  newId = () => crypto.randomUUID(),
): Promise<Percentiles> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const args: CreateInteractionArgs = {
      id: newId(),
      openedFor: 'usr_000100',
      contactEmail: 'caller@deskpad.example',
      contactPhone: '+1 555 123 4567',
      type: 'Phone',
      component: null,
      assignmentGroup: null,
      assignedTo: null,
      shortDescription: `Benchmark save ${i}`,
      description: 'Measured by bench-support.',
    };
    const t = performance.now();
    const result = await host.command('interaction.create', args);
    samples.push(performance.now() - t);
    if (!result.ok) throw new Error(result.error.message);
  }
  return percentiles(samples);
}
