// Answers the escalation queries (incidents, requests, User's Tasks, Callbacks due, the catalog)
// from IndexedDB, the in-memory component index and the record index's lists of incidents (a
// closed one may be packed: record-packs.ts). Runs in liveQuery; the record index's change to
// incidents refreshes the lists it read there (followInteractionLists).

import type { Table } from 'dexie';
import { catalogCategories, searchCatalog, suggestCatalog } from '../../shared/domain/catalog';
import { callbacksDue } from '../../shared/domain/escalation';
import { incidentListItem, OPEN_INCIDENT_STATES } from '../../shared/domain/incident';
import type { Incident } from '../../shared/domain/incident-record';
import { OPEN_STATES, type Interaction } from '../../shared/domain/interaction';
import { ok, type StoreResult } from '../../shared/domain/result';
import { OPEN_REQUEST_STATES, requestListItem } from '../../shared/domain/request';
import {
  compareTasks,
  inTaskQueue,
  type QueueAgent,
  type TaskListItem,
  type TaskQueue,
} from '../../shared/domain/task';
import type { QueryArgs } from '../../shared/store-api/contract';
import type {
  EscalationQueryName,
  EscalationQueryOutputs,
} from '../../shared/store-api/escalation-contract';
import type { DeskDb } from './db';
import type { LoadedDirectory } from './loaded-directory';
import type { IncidentComponentCache } from './task-store';
import {
  toCallbackView,
  toCatalogSummary,
  toComponentSearchView,
  toIncidentView,
  toRequestView,
  toTaskItemView,
} from './task-views';
import { getOpenInteractions } from './interaction-packs';
import { listedRecords } from './interaction-lists';
import { recordIndexOf } from './record-index-upkeep';
import { allViews, readViews } from './sync/synced-records';

export type TaskQuery = {
  [N in EscalationQueryName]: { name: N; args: QueryArgs<N> };
}[EscalationQueryName];

export interface TaskQueryState {
  db: DeskDb;
  agentId: string;
  directory: LoadedDirectory;
  components: IncidentComponentCache;
}

type Answer = StoreResult<EscalationQueryOutputs[EscalationQueryName]>;

type Handlers = {
  [N in EscalationQueryName]: (
    state: TaskQueryState,
    args: QueryArgs<N>,
  ) => Promise<StoreResult<EscalationQueryOutputs[N]>>;
};

/** One handler per query, by name: the only place that knows them. */
const HANDLERS: Handlers = {
  'incident.get': async ({ db, directory }, args) => {
    const [record] = await readViews(db, 'incident', [args.id]);
    return ok(record ? toIncidentView(record, directory) : null);
  },
  'incident.list': async (state, { queue, state: wanted, limit }) => {
    const rows =
      queue === undefined
        ? wanted === undefined
          ? await allViews(state.db, 'incident')
          : await listedRecords(state.db, 'incident', (index) => index.incidentsIn(wanted))
        : await tasksIn(state.db.incidents, wanted, queue, OPEN_INCIDENT_STATES);
    return ok(queued(rows.map(incidentListItem), queue, state, limit));
  },
  'incident.searchByComponent': async ({ db, directory, components }, args) => {
    const index = await components.current(db);
    const result = index.search(args.componentId, {
      callerId: args.callerId ?? null,
      limit: args.limit,
    });
    return ok(toComponentSearchView(result, directory));
  },
  'incident.callbacksDue': async ({ db, directory }, args) => {
    // Which interactions each Resolved incident is linked to, from the record index: most of a
    // busy desk's thousands of Resolved incidents have no open interaction left, and reading
    // them all was the longest list a catch-up waited for (ADR 0020).
    const index = recordIndexOf(db);
    await index.ready();
    const links = index.index.resolvedIncidentLinks();
    // Only open interactions are due a callback: those the index lists open, read from their rows.
    const open = new Set(OPEN_STATES.flatMap((s) => index.index.openInState(s)));
    const ids = [...new Set([...links.values()].flat())].filter((id) => open.has(id));
    const interactions = await getOpenInteractions(db, ids);
    const byId = new Map<string, Interaction>();
    for (const interaction of interactions) if (interaction) byId.set(interaction.id, interaction);
    const wanted = [...links].flatMap(([incident, linked]) =>
      linked.some((id) => byId.has(id)) ? [incident] : [],
    );
    // Read now: the index may be a moment behind a write; the record itself says its state.
    const resolved = (await readViews(db, 'incident', wanted)).filter(
      (i): i is Incident => i?.state === 'Resolved',
    );
    return ok(
      callbacksDue(resolved, (id) => byId.get(id))
        .slice(0, args.limit)
        .map((due) => toCallbackView(due, directory)),
    );
  },
  'request.get': async ({ db, directory }, args) => {
    const record = await db.requests.get(args.id);
    if (!record) return ok(null);
    const item = (await db.catalogItems.get(record.catalogItem)) ?? null;
    return ok(toRequestView(record, item, directory));
  },
  'request.list': async (state, { queue, state: wanted, limit }) => {
    const rows = await tasksIn(state.db.requests, wanted, queue, OPEN_REQUEST_STATES);
    return ok(queued(rows.map(requestListItem), queue, state, limit));
  },
  'task.listForUser': async ({ db, directory }, { userId, limit }) => {
    const [incidents, requests] = await Promise.all([
      listedRecords(db, 'incident', (index) => index.callerIncidents(userId)),
      db.requests.where('requestedFor').equals(userId).toArray(),
    ]);
    const rows = [...incidents.map(incidentListItem), ...requests.map(requestListItem)];
    return ok(
      rows
        .sort(compareTasks)
        .slice(0, limit)
        .map((row) => toTaskItemView(row, directory)),
    );
  },
  'catalog.search': async ({ db }, args) => {
    const items = await db.catalogItems.toArray();
    const found = searchCatalog(items, args.query, {
      ...(args.category === undefined ? {} : { category: args.category }),
      limit: args.limit,
    });
    return ok(found.map(toCatalogSummary));
  },
  'catalog.suggest': async ({ db }, args) =>
    ok(
      suggestCatalog(await db.catalogItems.toArray(), args.shortDescription, args.limit).map(
        toCatalogSummary,
      ),
    ),
  'catalog.categories': async ({ db }) => ok(catalogCategories(await db.catalogItems.toArray())),
  'catalog.getItem': async ({ db }, args) => ok((await db.catalogItems.get(args.id)) ?? null),
};

export const isTaskQuery = (query: { name: string }): query is TaskQuery =>
  Object.hasOwn(HANDLERS, query.name);

export function runTaskQuery(state: TaskQueryState, query: TaskQuery): Promise<Answer> {
  // The handler is the one for this name: its args are this query's.
  const handler = HANDLERS[query.name] as (s: TaskQueryState, args: unknown) => Promise<Answer>;
  return handler(state, query.args);
}

/** The rows a list can show: one state by its index, a queue's open states, or all of them. */
function tasksIn<T, K, I>(
  table: Table<T, K, I>,
  wanted: string | undefined,
  queue: TaskQueue | undefined,
  openStates: readonly string[],
): Promise<T[]> {
  if (wanted !== undefined) return table.where('state').equals(wanted).toArray();
  if (queue === undefined) return table.toArray();
  // One equals range per state: anyOf walks a cursor, far slower over a whole table.
  return Promise.all(openStates.map((state) => table.where('state').equals(state).toArray())).then(
    (perState) => perState.flat(),
  );
}

function queued(
  rows: TaskListItem[],
  queue: TaskQueue | undefined,
  state: TaskQueryState,
  limit: number,
) {
  const agent: QueueAgent = {
    id: state.agentId,
    groupIds: new Set(
      state.directory.groups.filter((g) => g.memberIds.includes(state.agentId)).map((g) => g.id),
    ),
  };
  return rows
    .filter((row) => queue === undefined || inTaskQueue(queue, row, agent))
    .sort(compareTasks)
    .slice(0, limit)
    .map((row) => toTaskItemView(row, state.directory));
}
