// The Find existing incidents figure's worker: seeds a desk database as a synced desk holds it,
// opens the real store host on it, and times the search there beside the naive scan. Measures only.

import * as Comlink from 'comlink';
import { generateDirectory, mulberry32 } from '../../shared/demo/directory-generator';
import { generateIncidents } from '../../shared/demo/incident-generator';
import { ComponentIncidentIndex } from '../../shared/domain/component-search';
import type { Directory } from '../../shared/domain/directory';
import { OPEN_INCIDENT_STATES, isOpenIncident, type Incident } from '../../shared/domain/incident';
import {
  CALLER_FIELDS,
  CALLER_INDEX_FORMAT,
  buildCallerOrders,
} from '../../electron/store/caller-search';
import { openDeskDb, writeMeta, type DeskDb, type DirectoryMeta } from '../../electron/store/db';
import { CHUNK_SIZE, ItemTable, UserTable } from '../../electron/store/directory-table';
import { serveStoreHost } from '../../electron/store/serve';
import { openStoreHost, type StoreHost } from '../../electron/store/store-host';
import { bumpIncidentsRevision } from '../../electron/store/task-store';
import type {
  ComponentSearchQuery,
  IncidentBenchWorkerApi,
  IncidentSeedOptions,
  IncidentSeedResult,
  InHostSearchSamples,
} from '../bench-types';
import { buildComponentTree, depthsOf, leavesOf } from './component-tree';
import { naiveComponentSearch } from './naive-component-search';

/** The demo's "now", so the seeded incidents are the same on every run. */
const SEEDED_AT = '2026-11-23T09:00:00.000Z';
const WARM_UP = 100;

interface Seeded {
  dbName: string;
  directory: Directory;
  open: Incident[];
  parentOf: Map<string, string | null>;
}

let seeded: Seeded | null = null;
let host: StoreHost | null = null;

function requireSeeded(): Seeded {
  if (!seeded) throw new Error('Seed the desk first.');
  return seeded;
}

function requireHost(): StoreHost {
  if (!host) throw new Error('Open the store host first.');
  return host;
}

/** As a directory download leaves it (docs/decisions/0001): chunks, groups, index, meta. */
async function storeDirectory(db: DeskDb, directory: Directory, seed: number): Promise<void> {
  const users = UserTable.fromUsers(directory.users);
  const items = ItemTable.fromItems(directory.configurationItems);
  const orders = buildCallerOrders(users.columns);
  const meta: DirectoryMeta = {
    // Kept whatever the demo settings say, as a downloaded directory is.
    source: 'server',
    seed,
    loadedAt: SEEDED_AT,
    users: users.count,
    groups: directory.groups.length,
    configurationItems: items.count,
    chunkSize: CHUNK_SIZE,
    chunkBase: 0,
    callerIndexFormat: CALLER_INDEX_FORMAT,
  };
  await db.transaction('rw', [db.directoryChunks, db.groups, db.callerIndex, db.meta], async () => {
    await Promise.all([db.directoryChunks.clear(), db.groups.clear(), db.callerIndex.clear()]);
    await db.directoryChunks.bulkPut([...users.toChunks(), ...items.toChunks()]);
    await db.groups.bulkPut(directory.groups);
    await db.callerIndex.bulkPut(CALLER_FIELDS.map((field) => ({ field, order: orders[field] })));
    await writeMeta(db, 'directory', meta);
  });
}

async function seed(options: IncidentSeedOptions): Promise<IncidentSeedResult> {
  await host?.close();
  host = null;
  let started = performance.now();
  const demo = generateDirectory({ users: options.users, seed: options.seed });
  const tree = buildComponentTree(options.components, mulberry32(options.seed));
  const directory: Directory = { ...demo, configurationItems: tree };
  const incidents = generateIncidents(directory, {
    count: options.incidents,
    seed: options.seed,
    now: SEEDED_AT,
  });
  const generateMs = performance.now() - started;

  started = performance.now();
  const db = await openDeskDb({ name: options.dbName });
  try {
    await storeDirectory(db, directory, options.seed);
    await db.transaction('rw', [db.incidents, db.meta], async () => {
      await db.incidents.clear();
      await db.incidents.bulkPut(incidents);
      await bumpIncidentsRevision(db);
      // The store host's local demo seed then leaves these incidents alone.
      await writeMeta(db, 'demoTasks', {
        seed: options.seed,
        incidents: incidents.length,
        seededAt: SEEDED_AT,
      });
    });
  } finally {
    db.close();
  }
  const writeMs = performance.now() - started;

  const open = incidents.filter(isOpenIncident);
  seeded = {
    dbName: options.dbName,
    directory,
    open,
    parentOf: new Map(tree.map((item) => [item.id, item.parentId])),
  };
  return {
    users: directory.users.length,
    components: tree.length,
    incidents: incidents.length,
    openIncidents: open.length,
    leaves: leavesOf(tree).length,
    depths: Object.fromEntries(depthsOf(tree)),
    generateMs,
    writeMs,
    crossOriginIsolated: globalThis.crossOriginIsolated,
  };
}

/** Every REPEAT_CALLER-th search comes from someone who already reported one of its matches. */
const REPEAT_CALLER = 4;

/**
 * Random leaves (what an interaction's component usually is), each with a random caller, or now
 * and then a caller who already reported an open incident on its chain (the "same caller" mark).
 */
function plan(count: number, seedValue: number): ComponentSearchQuery[] {
  const { directory, open: openIncidents, parentOf } = requireSeeded();
  const random = mulberry32(seedValue);
  const leaves = leavesOf(directory.configurationItems);
  const callers = directory.users.filter((u) => u.roles.length === 0);
  const reporters = new Map<string, string[]>();
  for (const incident of openIncidents) {
    if (incident.component === null) continue;
    const list = reporters.get(incident.component) ?? [];
    list.push(incident.caller);
    reporters.set(incident.component, list);
  }
  const reporterOnChain = (componentId: string): string | undefined => {
    const found: string[] = [];
    for (let at: string | null = componentId; at !== null; at = parentOf.get(at) ?? null)
      found.push(...(reporters.get(at) ?? []));
    return found[Math.floor(random() * found.length)];
  };
  const queries: ComponentSearchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const leaf = leaves[Math.floor(random() * leaves.length)];
    const caller = callers[Math.floor(random() * callers.length)];
    if (!leaf || !caller) continue;
    const repeat = i % REPEAT_CALLER === 0 ? reporterOnChain(leaf.id) : undefined;
    queries.push({ componentId: leaf.id, callerId: repeat ?? caller.id });
  }
  return queries;
}

const hitKey = (hit: { incident: { id: string }; distance: number; sameCaller: boolean }): string =>
  `${hit.incident.id}@${hit.distance}${hit.sameCaller ? '*' : ''}`;

const answerKey = (total: number, hitKeys: readonly string[]): string =>
  `${total}:${hitKeys.join(',')}`;

async function searchHost(query: ComponentSearchQuery, limit: number) {
  const answer = await requireHost().query('incident.searchByComponent', { ...query, limit });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

/** Opens the store host on the seeded database: the clock runs until a search answers. */
async function open(): Promise<{ firstSearchMs: number; directoryReadyMs: number }> {
  const { dbName } = requireSeeded();
  await host?.close();
  const [first] = plan(1, 1);
  if (!first) throw new Error('No component to search.');
  const started = performance.now();
  host = await openStoreHost({ dbName });
  await host.directoryReady();
  const directoryReadyMs = performance.now() - started;
  await searchHost(first, 50);
  return { firstSearchMs: performance.now() - started, directoryReadyMs };
}

async function searches(queries: ComponentSearchQuery[], limit: number) {
  const { directory, open: openIncidents, parentOf } = requireSeeded();
  const samples: InHostSearchSamples = {
    hostQuery: [],
    index: [],
    naive: [],
    indexBuildMs: 0,
    meanHits: 0,
    meanTotal: 0,
    sameCallerHits: 0,
    mismatches: 0,
  };
  // The index alone, built in memory from the same records (no IndexedDB read).
  let t = performance.now();
  const index = ComponentIncidentIndex.fromItems(directory.configurationItems, openIncidents);
  samples.indexBuildMs = performance.now() - t;

  const warmUp = queries.slice(0, WARM_UP);
  for (const q of warmUp) {
    await searchHost(q, limit);
    index.search(q.componentId, { callerId: q.callerId, limit });
    naiveComponentSearch(openIncidents, parentOf, q.componentId, q.callerId, limit);
  }

  let hits = 0;
  let total = 0;
  /** Each answer in one comparable line: total, then every hit's id, distance and mark. */
  const hostAnswers: string[] = [];
  for (const q of queries) {
    t = performance.now();
    const view = await searchHost(q, limit);
    samples.hostQuery.push(performance.now() - t);
    hits += view.hits.length;
    total += view.total;
    hostAnswers.push(answerKey(view.total, view.hits.map(hitKey)));
    samples.sameCallerHits += view.hits.filter((h) => h.sameCaller).length;
  }
  for (const q of queries) {
    t = performance.now();
    index.search(q.componentId, { callerId: q.callerId, limit });
    samples.index.push(performance.now() - t);
  }
  for (const [i, q] of queries.entries()) {
    t = performance.now();
    const naive = naiveComponentSearch(openIncidents, parentOf, q.componentId, q.callerId, limit);
    samples.naive.push(performance.now() - t);
    // The baseline must do the same job: the same incidents, in the same order, marked the same.
    const naiveHits = naive.hits.map((h) => hitKey({ incident: h, ...h }));
    if (answerKey(naive.total, naiveHits) !== hostAnswers[i]) samples.mismatches += 1;
  }
  samples.meanHits = hits / queries.length;
  samples.meanTotal = total / queries.length;
  return samples;
}

/**
 * The first search after a write to `incidents` (as a sync pull or another window makes it): the
 * store host sees the revision move and builds its component index again from IndexedDB.
 */
async function rebuilds(queries: ComponentSearchQuery[], limit: number): Promise<number[]> {
  const { dbName, open: openIncidents } = requireSeeded();
  const db = await openDeskDb({ name: dbName });
  const samples: number[] = [];
  try {
    for (const [i, q] of queries.entries()) {
      const touched = openIncidents[i % openIncidents.length];
      if (!touched) break;
      await db.transaction('rw', [db.incidents, db.meta], async () => {
        await db.incidents.put({ ...touched, updatedAt: new Date().toISOString() });
        await bumpIncidentsRevision(db);
      });
      const t = performance.now();
      await searchHost(q, limit);
      samples.push(performance.now() - t);
    }
  } finally {
    db.close();
  }
  return samples;
}

/** A second baseline: no cache at all, every search reads the open incidents from IndexedDB. */
async function naiveFromDb(queries: ComponentSearchQuery[], limit: number): Promise<number[]> {
  const { dbName, parentOf } = requireSeeded();
  const db = await openDeskDb({ name: dbName });
  const samples: number[] = [];
  try {
    for (const q of queries) {
      const t = performance.now();
      // One equals range per state, as the store host reads them (anyOf walks a cursor).
      const open = await Promise.all(
        OPEN_INCIDENT_STATES.map((state) => db.incidents.where('state').equals(state).toArray()),
      );
      naiveComponentSearch(open.flat(), parentOf, q.componentId, q.callerId, limit);
      samples.push(performance.now() - t);
    }
  } finally {
    db.close();
  }
  return samples;
}

const api: IncidentBenchWorkerApi = {
  seed,
  plan: (count, seedValue) => plan(count, seedValue),
  open,
  searches,
  rebuilds,
  naiveFromDb,
  connect: (port) => {
    serveStoreHost(requireHost(), port);
  },
  close: async () => {
    await host?.close();
    host = null;
  },
};

Comlink.expose(api, globalThis as unknown as Comlink.Endpoint);
