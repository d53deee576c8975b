// Answers the escalation queries (incidents, requests, User's Tasks, Callbacks due, the catalog)
// from IndexedDB and the in-memory component index. Awaits nothing but Dexie (runs in liveQuery).

import type { Table } from 'dexie';
import { catalogCategories, searchCatalog } from '../../shared/domain/catalog';
import { callbacksDue } from '../../shared/domain/escalation';
import { incidentListItem, OPEN_INCIDENT_STATES } from '../../shared/domain/incident';
import type { Interaction } from '../../shared/domain/interaction';
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

const ESCALATION_QUERIES: ReadonlySet<string> = new Set<EscalationQueryName>([
  'incident.get',
  'incident.list',
  'incident.searchByComponent',
  'incident.callbacksDue',
  'request.get',
  'request.list',
  'task.listForUser',
  'catalog.search',
  'catalog.categories',
  'catalog.getItem',
]);

export const isTaskQuery = (query: { name: string }): query is TaskQuery =>
  ESCALATION_QUERIES.has(query.name);

export async function runTaskQuery(state: TaskQueryState, query: TaskQuery): Promise<Answer> {
  const { db, directory } = state;
  switch (query.name) {
    case 'incident.get': {
      const record = await db.incidents.get(query.args.id);
      return ok(record ? toIncidentView(record, directory) : null);
    }
    case 'incident.list': {
      const { queue, state: wanted, limit } = query.args;
      const rows = await tasksIn(db.incidents, wanted, queue, OPEN_INCIDENT_STATES);
      return ok(queued(rows.map(incidentListItem), queue, state, limit));
    }
    case 'incident.searchByComponent': {
      const index = await state.components.current(db);
      const result = index.search(query.args.componentId, {
        callerId: query.args.callerId ?? null,
        limit: query.args.limit,
      });
      return ok(toComponentSearchView(result, directory));
    }
    case 'incident.callbacksDue': {
      const resolved = await db.incidents.where('state').equals('Resolved').toArray();
      const ids = [...new Set(resolved.flatMap((i) => i.relatedInteractions.map((r) => r.id)))];
      const interactions = await db.interactions.bulkGet(ids);
      const byId = new Map<string, Interaction>();
      for (const interaction of interactions)
        if (interaction) byId.set(interaction.id, interaction);
      return ok(
        callbacksDue(resolved, (id) => byId.get(id))
          .slice(0, query.args.limit)
          .map((due) => toCallbackView(due, directory)),
      );
    }
    case 'request.get': {
      const record = await db.requests.get(query.args.id);
      if (!record) return ok(null);
      const item = (await db.catalogItems.get(record.catalogItem)) ?? null;
      return ok(toRequestView(record, item, directory));
    }
    case 'request.list': {
      const { queue, state: wanted, limit } = query.args;
      const rows = await tasksIn(db.requests, wanted, queue, OPEN_REQUEST_STATES);
      return ok(queued(rows.map(requestListItem), queue, state, limit));
    }
    case 'task.listForUser': {
      const { userId, limit } = query.args;
      const [incidents, requests] = await Promise.all([
        db.incidents.where('caller').equals(userId).toArray(),
        db.requests.where('requestedFor').equals(userId).toArray(),
      ]);
      const rows = [...incidents.map(incidentListItem), ...requests.map(requestListItem)];
      return ok(
        rows
          .sort(compareTasks)
          .slice(0, limit)
          .map((row) => toTaskItemView(row, directory)),
      );
    }
    case 'catalog.search': {
      const items = await db.catalogItems.toArray();
      const found = searchCatalog(items, query.args.query, {
        ...(query.args.category === undefined ? {} : { category: query.args.category }),
        limit: query.args.limit,
      });
      return ok(found.map(toCatalogSummary));
    }
    case 'catalog.categories':
      return ok(catalogCategories(await db.catalogItems.toArray()));
    case 'catalog.getItem':
      return ok((await db.catalogItems.get(query.args.id)) ?? null);
  }
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
