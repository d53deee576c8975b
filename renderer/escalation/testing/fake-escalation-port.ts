// A test double of the store host: a small in-memory desk that runs the real domain mutators for
// interactions, incidents and requests, so a component test — of one escalation screen or of the
// whole wired window — sees the rules the store host applies. For tests only; never in the app.

import type { z } from 'zod';
import {
  answerLines,
  catalogCategories,
  searchCatalog,
  type CatalogItem,
} from '../../../shared/domain/catalog';
import { ComponentIncidentIndex } from '../../../shared/domain/component-search';
import type { ConfigurationItem, Group, User } from '../../../shared/domain/directory';
import { directoryRules } from '../../../shared/domain/assignment';
import {
  associateInteraction,
  callbacksDue,
  createIncidentFromInteraction,
  createRequestFromInteraction,
} from '../../../shared/domain/escalation';
import {
  addIncidentWorkNote,
  affectedCallers,
  cancelIncident,
  closeIncident,
  incidentListItem,
  reopenIncident,
  resolveIncident,
  setIncidentState,
  updateIncident,
  type Incident,
} from '../../../shared/domain/incident';
import {
  addWorkNote,
  closeInteraction,
  createInteraction,
  isClosed,
  updateInteraction,
  type Interaction,
  type MutationContext,
} from '../../../shared/domain/interaction';
import {
  addRequestWorkNote,
  requestListItem,
  setRequestState,
  updateRequest,
  type Request,
  type RequestContext,
} from '../../../shared/domain/request';
import { fail, ok, type StoreResult } from '../../../shared/domain/result';
import {
  compareTasks,
  inTaskQueue,
  type TaskListItem,
  type TaskQueue,
} from '../../../shared/domain/task';
import { interactionSave } from '../../../shared/commands/interaction/save';
import { RecordMap } from '../../../shared/commands/record-set';
import {
  actionInputs,
  commandInputs,
  type CommandArgs,
  queryInputs,
  type InteractionListItem,
  type InteractionView,
  type NeedsAttentionItem,
  type StoreHostApi,
} from '../../../shared/store-api/contract';
import type {
  IncidentView,
  RequestView,
  TaskListItemView,
} from '../../../shared/store-api/escalation-contract';

export interface FakeDesk {
  agent: User;
  users: User[];
  groups: Group[];
  items: ConfigurationItem[];
  catalog: CatalogItem[];
  interactions: Map<string, Interaction>;
  incidents: Map<string, Incident>;
  requests: Map<string, Request>;
  /** Changes "the server refused", as Needs attention lists them. */
  needsAttention: NeedsAttentionItem[];
  /** Every command the screens sent, in order. */
  sent: { name: string; input: unknown }[];
}

/** The store host the window talks to; `refresh` re-runs live queries after a test changed the desk. */
export type FakeStoreHost = StoreHostApi & { refresh(): void };

const allInputs: Record<string, z.ZodType> = { ...commandInputs, ...queryInputs, ...actionInputs };

function validate(name: string, input: unknown): StoreResult<never> | { ok: true; value: unknown } {
  const schema = allInputs[name];
  if (!schema) return fail('unknown-operation', `No operation called ${name}.`);
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.filter((p) => typeof p === 'string' && p !== 'changes').join('.') || '_';
    fieldErrors[key] ??= issue.message;
  }
  return fail('invalid-input', 'Check the fields.', fieldErrors);
}

type Handler = (input: never) => StoreResult<unknown>;

export function createFakeEscalationPort(
  desk: FakeDesk,
  clock: () => Date = () => new Date(),
): FakeStoreHost {
  const listeners = new Set<() => void>();
  const numbers = { IMS: 0, INC: 0, REQ: 0 };
  const ctx = (): RequestContext & MutationContext => ({
    now: clock().toISOString(),
    actorId: desk.agent.id,
    directory: directoryRules(desk),
    catalog: { catalogItem: (id) => desk.catalog.find((i) => i.id === id) ?? null },
  });
  const userName = (id: string | null) =>
    id ? (desk.users.find((u) => u.id === id)?.name ?? null) : null;
  const groupName = (id: string | null) =>
    id ? (desk.groups.find((g) => g.id === id)?.name ?? null) : null;
  const itemOf = (id: string | null) => (id ? desk.items.find((i) => i.id === id) : undefined);
  const agentGroups = () =>
    new Set(desk.groups.filter((g) => g.memberIds.includes(desk.agent.id)).map((g) => g.id));

  const interactionView = (r: Interaction): InteractionView => ({
    ...r,
    relatedRecords: r.relatedRecords ?? [],
    openedForName: userName(r.openedFor),
    componentName: itemOf(r.component)?.name ?? null,
    assignmentGroupName: groupName(r.assignmentGroup),
    assignedToName: userName(r.assignedTo),
  });
  const listItem = (r: Interaction): InteractionListItem => ({
    id: r.id,
    number: r.number,
    numberProvisional: r.numberProvisional,
    shortDescription: r.shortDescription,
    type: r.type,
    state: r.state,
    openedFor: r.openedFor,
    openedForName: userName(r.openedFor),
    assignedToName: userName(r.assignedTo),
    openedAt: r.openedAt,
    updatedAt: r.updatedAt,
    closedAt: r.closedAt,
  });
  const incidentView = (r: Incident): IncidentView => ({
    ...r,
    callerName: userName(r.caller),
    componentName: itemOf(r.component)?.name ?? null,
    assignmentGroupName: groupName(r.assignmentGroup),
    assignedToName: userName(r.assignedTo),
    affectedCallers: affectedCallers(r),
  });
  const requestView = (r: Request): RequestView => {
    const item = desk.catalog.find((i) => i.id === r.catalogItem);
    return {
      ...r,
      requestedForName: userName(r.requestedFor),
      catalogItemName: item?.name ?? null,
      assignmentGroupName: groupName(r.assignmentGroup),
      assignedToName: userName(r.assignedTo),
      answerLines: item ? answerLines(item, r.answers, (id) => userName(id) ?? id) : [],
    };
  };
  const taskView = (t: TaskListItem): TaskListItemView => ({
    ...t,
    callerName: userName(t.callerId),
    assignmentGroupName: groupName(t.assignmentGroup),
    assignedToName: userName(t.assignedTo),
  });
  const nextNumber = (prefix: keyof typeof numbers) =>
    `${prefix}-P${String((numbers[prefix] += 1)).padStart(4, '0')}`;
  const find = <T>(map: Map<string, T>, id: string): StoreResult<T> => {
    const found = map.get(id);
    return found ? ok(found) : fail('not-found', `${id} is not on this desk.`);
  };
  /** Runs a mutator on one stored record and answers its view. */
  const change =
    <T, V>(map: Map<string, T>, view: (r: T) => V) =>
    (id: string, mutate: (r: T) => StoreResult<T>): StoreResult<V> => {
      const current = find(map, id);
      if (!current.ok) return current;
      const next = mutate(current.value);
      if (!next.ok) return next;
      map.set(id, next.value);
      return ok(view(next.value));
    };
  const onInteraction = change(desk.interactions, interactionView);
  const onIncident = change(desk.incidents, incidentView);
  const onRequest = change(desk.requests, requestView);
  const queued = (rows: TaskListItem[], a: { queue?: TaskQueue; state?: string; limit: number }) =>
    rows
      .filter((row) => a.state !== undefined || a.queue === undefined || row.open)
      .filter((row) => a.state === undefined || row.state === a.state)
      .filter(
        (row) =>
          a.queue === undefined ||
          inTaskQueue(a.queue, row, { id: desk.agent.id, groupIds: agentGroups() }),
      )
      .sort(compareTasks)
      .slice(0, a.limit)
      .map(taskView);

  // Each handler gets the validated input; the casts stop at this table's edge.
  const commands: Record<string, Handler> = {
    'interaction.create': (a: Parameters<typeof createInteraction>[0]) => {
      const known = desk.interactions.get(a.id);
      if (known) return ok(interactionView(known));
      const made = createInteraction(a, nextNumber('IMS'), true, ctx());
      if (!made.ok) return made;
      desk.interactions.set(a.id, made.value);
      return ok(interactionView(made.value));
    },
    // Save runs its real module over this desk's interactions (the fake goes with issue 9).
    'interaction.save': (a: CommandArgs<'interaction.save'>) => {
      const records = new RecordMap(
        [...desk.interactions.values()].map((record) => ({ kind: 'interaction' as const, record })),
      );
      const saved = interactionSave.apply(records, a, {
        ...ctx(),
        numberFor: () => ({ number: nextNumber('IMS'), provisional: true }),
      });
      if (!saved.ok) return saved;
      for (const c of saved.value.changed)
        if (c.kind === 'interaction') desk.interactions.set(c.record.id, c.record);
      const view = find(desk.interactions, a.id);
      return view.ok ? ok(interactionView(view.value)) : view;
    },
    'interaction.update': (a: { id: string; changes: Parameters<typeof updateInteraction>[1] }) =>
      onInteraction(a.id, (r) => updateInteraction(r, a.changes, ctx())),
    'interaction.addWorkNote': (a: Parameters<typeof addWorkNote>[1]) =>
      onInteraction(a.id, (r) => addWorkNote(r, a, ctx())),
    'interaction.close': (a: Parameters<typeof closeInteraction>[1]) =>
      onInteraction(a.id, (r) => closeInteraction(r, a, ctx())),
    'incident.createFromInteraction': (a: Parameters<typeof createIncidentFromInteraction>[1]) => {
      const interaction = find(desk.interactions, a.interactionId);
      if (!interaction.ok) return interaction;
      const known = desk.incidents.get(a.id);
      if (known)
        return ok({
          incident: incidentView(known),
          interaction: interactionView(interaction.value),
        });
      const made = createIncidentFromInteraction(
        interaction.value,
        a,
        nextNumber('INC'),
        true,
        ctx(),
      );
      if (!made.ok) return made;
      desk.incidents.set(made.value.record.id, made.value.record);
      desk.interactions.set(interaction.value.id, made.value.interaction);
      return ok({
        incident: incidentView(made.value.record),
        interaction: interactionView(made.value.interaction),
      });
    },
    'request.createFromInteraction': (a: Parameters<typeof createRequestFromInteraction>[1]) => {
      const interaction = find(desk.interactions, a.interactionId);
      if (!interaction.ok) return interaction;
      const made = createRequestFromInteraction(
        interaction.value,
        a,
        nextNumber('REQ'),
        true,
        ctx(),
      );
      if (!made.ok) return made;
      desk.requests.set(made.value.record.id, made.value.record);
      desk.interactions.set(interaction.value.id, made.value.interaction);
      return ok({
        request: requestView(made.value.record),
        interaction: interactionView(made.value.interaction),
      });
    },
    'interaction.associateIncident': (a: { id: string; incidentId: string }) => {
      const interaction = find(desk.interactions, a.id);
      if (!interaction.ok) return interaction;
      const incident = find(desk.incidents, a.incidentId);
      if (!incident.ok) return incident;
      const done = associateInteraction(incident.value, interaction.value, ctx());
      if (!done.ok) return done;
      desk.incidents.set(a.incidentId, done.value.incident);
      desk.interactions.set(a.id, done.value.interaction);
      return ok({
        incident: incidentView(done.value.incident),
        interaction: interactionView(done.value.interaction),
      });
    },
    'incident.update': (a: { id: string; changes: Parameters<typeof updateIncident>[1] }) =>
      onIncident(a.id, (i) => updateIncident(i, a.changes, ctx())),
    'incident.addWorkNote': (a: { id: string; noteId: string; text: string }) =>
      onIncident(a.id, (i) => addIncidentWorkNote(i, a, ctx())),
    'incident.setState': (a: Parameters<typeof setIncidentState>[1]) =>
      onIncident(a.id, (i) => setIncidentState(i, a, ctx())),
    'incident.resolve': (a: Parameters<typeof resolveIncident>[1]) =>
      onIncident(a.id, (i) => resolveIncident(i, a, ctx())),
    'incident.close': (a: { id: string }) => onIncident(a.id, (i) => closeIncident(i, a, ctx())),
    'incident.cancel': (a: { id: string }) => onIncident(a.id, (i) => cancelIncident(i, a, ctx())),
    'incident.reopen': (a: Parameters<typeof reopenIncident>[1]) =>
      onIncident(a.id, (i) => reopenIncident(i, a, ctx())),
    'request.update': (a: { id: string; changes: Parameters<typeof updateRequest>[1] }) =>
      onRequest(a.id, (r) => updateRequest(r, a.changes, ctx())),
    'request.addWorkNote': (a: { id: string; noteId: string; text: string }) =>
      onRequest(a.id, (r) => addRequestWorkNote(r, a, ctx())),
    'request.setState': (a: Parameters<typeof setRequestState>[1]) =>
      onRequest(a.id, (r) => setRequestState(r, a, ctx())),
  };

  const openIndex = () => ComponentIncidentIndex.fromItems(desk.items, desk.incidents.values());
  const syncStatus = () => ({
    connection: 'online' as const,
    pendingChanges: 0,
    lastSyncedAt: null,
    lastError: null,
    serverReachable: false,
    needsAttention: desk.needsAttention.length,
  });
  const queries: Record<string, Handler> = {
    'session.current': () => ok({ agent: desk.agent, clientId: 'fake-desk' }),
    'session.state': () =>
      ok({ status: 'local', agent: desk.agent, serverUrl: null, expiresAt: null }),
    'sync.status': () => ok(syncStatus()),
    'sync.needsAttention': () => ok(desk.needsAttention),
    'directory.status': () =>
      ok({
        ready: true,
        users: desk.users.length,
        groups: desk.groups.length,
        configurationItems: desk.items.length,
        loadedAt: '2026-11-24T08:00:00.000Z',
      }),
    'directory.getUser': (a: { id: string }) => ok(desk.users.find((u) => u.id === a.id) ?? null),
    'interaction.get': (a: { id: string }) => {
      const r = desk.interactions.get(a.id);
      return ok(r ? interactionView(r) : null);
    },
    'interaction.list': (a: { view: string; type?: string; state?: string; limit: number }) =>
      ok(
        [...desk.interactions.values()]
          .filter((r) => (a.view === 'recently-closed' ? isClosed(r.state) : !isClosed(r.state)))
          .filter(
            (r) =>
              a.view !== 'my-open' ||
              r.openedBy === desk.agent.id ||
              r.assignedTo === desk.agent.id,
          )
          .filter((r) => a.type === undefined || r.type === a.type)
          .filter((r) => a.state === undefined || r.state === a.state)
          .sort((x, y) => (x.openedAt < y.openedAt ? 1 : x.openedAt > y.openedAt ? -1 : 0))
          .slice(0, a.limit)
          .map(listItem),
      ),
    'interaction.listForUser': (a: { userId: string; limit: number }) =>
      ok(
        [...desk.interactions.values()]
          .filter((r) => r.openedFor === a.userId)
          .slice(0, a.limit)
          .map(listItem),
      ),
    'directory.searchUsers': (a: { query: string; limit: number }) =>
      ok(
        desk.users
          .filter(
            (u) =>
              a.query.trim() !== '' && u.name.toLowerCase().includes(a.query.trim().toLowerCase()),
          )
          .slice(0, a.limit),
      ),
    'directory.listGroups': () => ok(desk.groups),
    'directory.groupMembers': (a: { groupId: string }) => {
      const group = desk.groups.find((g) => g.id === a.groupId);
      return ok(desk.users.filter((u) => group?.memberIds.includes(u.id)));
    },
    'directory.searchConfigurationItems': (a: { query: string; limit: number }) =>
      ok(
        desk.items
          .filter((i) => i.name.toLowerCase().includes(a.query.trim().toLowerCase()))
          .slice(0, a.limit)
          .map((i) => ({ ...i, parents: [] })),
      ),
    'directory.getConfigurationItem': (a: { id: string }) => {
      const item = itemOf(a.id);
      return ok(item ? { ...item, parents: [] } : null);
    },
    'incident.get': (a: { id: string }) => {
      const r = desk.incidents.get(a.id);
      return ok(r ? incidentView(r) : null);
    },
    'incident.list': (a: { queue?: TaskQueue; state?: string; limit: number }) =>
      ok(queued([...desk.incidents.values()].map(incidentListItem), a)),
    'request.get': (a: { id: string }) => {
      const r = desk.requests.get(a.id);
      return ok(r ? requestView(r) : null);
    },
    'request.list': (a: { queue?: TaskQueue; state?: string; limit: number }) =>
      ok(queued([...desk.requests.values()].map(requestListItem), a)),
    'incident.searchByComponent': (a: {
      componentId: string;
      callerId?: string | null;
      limit: number;
    }) => {
      const found = openIndex().search(a.componentId, {
        callerId: a.callerId ?? null,
        limit: a.limit,
      });
      return ok({
        total: found.total,
        path: found.path.map((id) => ({
          id,
          name: itemOf(id)?.name ?? id,
          className: itemOf(id)?.className ?? '',
        })),
        hits: found.hits.map((hit) => {
          const full = desk.incidents.get(hit.incident.id);
          return {
            ...hit,
            incident: {
              ...hit.incident,
              callerName: userName(hit.incident.caller),
              assignmentGroupName: groupName(hit.incident.assignmentGroup),
              assignedToName: userName(hit.incident.assignedTo),
            },
            componentName: itemOf(hit.incident.component)?.name ?? null,
            affectedCallers: full ? affectedCallers(full) : 1,
          };
        }),
      });
    },
    'incident.callbacksDue': (a: { limit: number }) =>
      ok(
        callbacksDue(desk.incidents.values(), (id) => desk.interactions.get(id))
          .slice(0, a.limit)
          .map((due) => ({ ...due, callerName: userName(due.callerId) })),
      ),
    'task.listForUser': (a: { userId: string; limit: number }) =>
      ok(
        [
          ...[...desk.incidents.values()]
            .filter((i) => i.caller === a.userId)
            .map(incidentListItem),
          ...[...desk.requests.values()]
            .filter((r) => r.requestedFor === a.userId)
            .map(requestListItem),
        ]
          .sort(compareTasks)
          .slice(0, a.limit)
          .map(taskView),
      ),
    'catalog.search': (a: { query: string; category?: string; limit: number }) =>
      ok(
        searchCatalog(desk.catalog, a.query, {
          limit: a.limit,
          ...(a.category === undefined ? {} : { category: a.category }),
        }).map(({ id, name, category, description, keywords }) => ({
          id,
          name,
          category,
          description,
          keywords,
        })),
      ),
    'catalog.categories': () => ok(catalogCategories(desk.catalog)),
    'catalog.getItem': (a: { id: string }) => ok(desk.catalog.find((i) => i.id === a.id) ?? null),
  };

  const actions: Record<string, Handler> = {
    'sync.now': () => ok(syncStatus()),
    'sync.retry': (a: { id: number }) => ok({ mutationId: a.id }),
    'sync.discard': (a: { id: number }) => {
      desk.needsAttention = desk.needsAttention.filter((item) => item.id !== a.id);
      return ok({ id: a.id });
    },
  };

  const ask = (table: Record<string, Handler>, name: string, input: unknown) => {
    const checked = validate(name, input);
    if (!checked.ok) return checked;
    const handler = table[name];
    if (!handler) return fail('unknown-operation', `The fake desk does not answer ${name}.`);
    return handler(checked.value as never);
  };
  const refresh = () => {
    for (const listener of [...listeners]) listener();
  };
  // Typed by the contract at the edge: each table answers its operation's output.
  const answer = <T>(result: StoreResult<unknown>) => Promise.resolve(result as StoreResult<T>);

  const host: FakeStoreHost = {
    command(name, input) {
      desk.sent.push({ name, input });
      const result = ask(commands, name, input);
      // A refused command changes nothing, so nobody needs telling.
      if (result.ok) refresh();
      return answer(result);
    },
    query(name, input) {
      return answer(ask(queries, name, input));
    },
    act(name, input) {
      const result = ask(actions, name, input);
      if (result.ok) refresh();
      return answer(result);
    },
    subscribe(name, input, listener) {
      const push = () => listener(ask(queries, name, input) as never);
      listeners.add(push);
      queueMicrotask(push);
      return Promise.resolve(() => {
        listeners.delete(push);
      });
    },
    onEvent() {
      return Promise.resolve(() => undefined);
    },
    refresh,
  };
  return host;
}
