// The Find existing incidents figure: seeds a desk, opens the store host in a Worker, times
// `incident.searchByComponent` there and through a port from this page. Measures; never judges.

import * as Comlink from 'comlink';
import { percentiles } from '../../electron/store/bench-support';
import type { StoreResult } from '../../shared/domain/result';
import type { StoreHostApi } from '../../shared/store-api/contract';
import type { ComponentSearchView } from '../../shared/store-api/escalation-contract';
import type {
  ComponentSearchFigure,
  ComponentSearchOptions,
  ComponentSearchQuery,
  IncidentBenchApi,
  IncidentBenchWorkerApi,
} from '../bench-types';

const PLAN_SEED = 4;

/** Each query's round trip through a port to the store worker, as a window's call makes it. */
async function timePort(
  remote: Comlink.Remote<StoreHostApi>,
  queries: readonly ComponentSearchQuery[],
  limit: number,
): Promise<number[]> {
  const search = (q: ComponentSearchQuery) =>
    remote.query('incident.searchByComponent', { ...q, limit }) as Promise<
      StoreResult<ComponentSearchView>
    >;
  for (const q of queries.slice(0, 100)) await search(q);
  const samples: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const answer = await search(q);
    samples.push(performance.now() - t);
    if (!answer.ok) throw new Error(answer.error.message);
  }
  return samples;
}

async function run(options: ComponentSearchOptions): Promise<ComponentSearchFigure> {
  const worker = new Worker(new URL('./incident-bench-worker.ts', import.meta.url), {
    type: 'module',
  });
  const bench = Comlink.wrap<IncidentBenchWorkerApi>(worker);
  try {
    const seed = await bench.seed({
      dbName: options.dbName,
      users: options.users,
      components: options.components,
      incidents: options.incidents,
      seed: 1,
    });
    const opened = await bench.open();
    const queries = await bench.plan(options.searches, PLAN_SEED);
    const inHost = await bench.searches(queries, options.limit);

    const channel = new MessageChannel();
    await bench.connect(Comlink.transfer(channel.port2, [channel.port2]));
    const remote = Comlink.wrap<StoreHostApi>(channel.port1);
    const port = await timePort(remote, queries, options.limit);
    channel.port1.close();

    const rebuild = await bench.rebuilds(queries.slice(0, options.rebuilds), options.limit);
    const fromDb = await bench.naiveFromDb(
      queries.slice(0, options.naiveFromDbSearches),
      options.limit,
    );
    return {
      seed,
      searches: queries.length,
      limit: options.limit,
      hostQuery: percentiles(inHost.hostQuery),
      portRoundTrip: percentiles(port),
      index: percentiles(inHost.index),
      naive: percentiles(inHost.naive),
      naiveFromDb: percentiles(fromDb),
      indexBuildMs: inHost.indexBuildMs,
      directoryReadyMs: opened.directoryReadyMs,
      firstSearchMs: opened.firstSearchMs,
      rebuild: percentiles(rebuild),
      meanHits: inHost.meanHits,
      meanTotal: inHost.meanTotal,
      sameCallerHits: inHost.sameCallerHits,
      mismatches: inHost.mismatches,
    };
  } finally {
    await bench.close();
    bench[Comlink.releaseProxy]();
    worker.terminate();
  }
}

const api: IncidentBenchApi = { run };
window.deskpadIncidents = api;
document.title = 'Deskpad bench: ready';
