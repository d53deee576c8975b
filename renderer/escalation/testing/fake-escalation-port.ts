// A test double of the escalation port: a small in-memory desk that runs the real domain mutators,
// so a component test sees the rules the store host will apply. For tests only; never in the app.

import type { z } from 'zod';
import {
  searchCatalog,
  catalogCategories,
  answerLines,
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
  closeInteraction,
  updateInteraction,
  type Interaction,
  type MutationContext,
} from '../../../shared/domain/interaction';
import type { RelatedRecord } from '../../../shared/domain/related-records';
import { requestListItem, type Request, type RequestContext } from '../../../shared/domain/request';
import { fail, ok, type StoreResult } from '../../../shared/domain/result';
import { compareTasks } from '../../../shared/domain/task';
import {
  commandInputs,
  queryInputs,
  type InteractionView,
} from '../../../shared/store-api/contract';
import {
  escalationCommandInputs,
  escalationQueryInputs,
  type IncidentView,
  type RequestView,
  type TaskListItemView,
} from '../../../shared/store-api/escalation-contract';
import type {
  EscalationPort,
  PortCommandName,
  PortCommandOutput,
  PortQueryName,
  PortQueryOutput,
} from '../escalation-port';

type StoredInteraction = Interaction & { relatedRecords: RelatedRecord[] };

export interface FakeDesk {
  agent: User;
  users: User[];
  groups: Group[];
  items: ConfigurationItem[];
  catalog: CatalogItem[];
  interactions: Map<string, StoredInteraction>;
  incidents: Map<string, Incident>;
  requests: Map<string, Request>;
  /** Every command the screens sent, in order. */
  sent: { name: string; input: unknown }[];
}

const allInputs: Record<string, z.ZodType> = {
  ...commandInputs,
  ...escalationCommandInputs,
  ...queryInputs,
  ...escalationQueryInputs,
};

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

export function createFakeEscalationPort(desk: FakeDesk, clock: () => Date = () => new Date()) {
  const listeners = new Set<() => void>();
  let numbers = 0;
  const rules = () => directoryRules(desk);
  const ctx = (): RequestContext & MutationContext => ({
    now: clock().toISOString(),
    actorId: desk.agent.id,
    directory: rules(),
    catalog: { catalogItem: (id) => desk.catalog.find((i) => i.id === id) ?? null },
  });
  const userName = (id: string | null) =>
    id ? (desk.users.find((u) => u.id === id)?.name ?? null) : null;
  const groupName = (id: string | null) =>
    id ? (desk.groups.find((g) => g.id === id)?.name ?? null) : null;
  const itemOf = (id: string | null) => (id ? desk.items.find((i) => i.id === id) : undefined);

  const interactionView = (
    r: StoredInteraction,
  ): InteractionView & { relatedRecords: RelatedRecord[] } => ({
    ...r,
    openedForName: userName(r.openedFor),
    componentName: itemOf(r.component)?.name ?? null,
    assignmentGroupName: groupName(r.assignmentGroup),
    assignedToName: userName(r.assignedTo),
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
  const taskView = (t: ReturnType<typeof incidentListItem>): TaskListItemView => ({
    ...t,
    callerName: userName(t.callerId),
    assignmentGroupName: groupName(t.assignmentGroup),
    assignedToName: userName(t.assignedTo),
  });
  const nextNumber = (prefix: string) => `${prefix}-P${String((numbers += 1)).padStart(4, '0')}`;
  const find = <T>(map: Map<string, T>, id: string): StoredOr<T> => {
    const found = map.get(id);
    return found ? ok(found) : fail('not-found', `${id} is not on this desk.`);
  };
  type StoredOr<T> = StoreResult<T>;

  const onIncident = (
    id: string,
    change: (i: Incident) => StoreResult<Incident>,
  ): StoreResult<IncidentView> => {
    const current = find(desk.incidents, id);
    if (!current.ok) return current;
    const next = change(current.value);
    if (!next.ok) return next;
    desk.incidents.set(id, next.value);
    return ok(incidentView(next.value));
  };

  // Each handler gets the validated input; the casts stop at this table's edge.
  const commands: Record<string, (input: never) => StoreResult<unknown>> = {
    'interaction.update': (a: { id: string; changes: Parameters<typeof updateInteraction>[1] }) => {
      const current = find(desk.interactions, a.id);
      if (!current.ok) return current;
      const next = updateInteraction(current.value, a.changes, ctx());
      if (!next.ok) return next;
      const stored = { ...next.value, relatedRecords: current.value.relatedRecords };
      desk.interactions.set(a.id, stored);
      return ok(interactionView(stored));
    },
    'interaction.close': (a: Parameters<typeof closeInteraction>[1]) => {
      const current = find(desk.interactions, a.id);
      if (!current.ok) return current;
      const next = closeInteraction(current.value, a, ctx());
      if (!next.ok) return next;
      const stored = { ...next.value, relatedRecords: current.value.relatedRecords };
      desk.interactions.set(a.id, stored);
      return ok(interactionView(stored));
    },
    'incident.createFromInteraction': (a: Parameters<typeof createIncidentFromInteraction>[1]) => {
      const interaction = find(desk.interactions, a.interactionId);
      if (!interaction.ok) return interaction;
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
  };

  const openIndex = () => ComponentIncidentIndex.fromItems(desk.items, desk.incidents.values());
  const queries: Record<string, (input: never) => StoreResult<unknown>> = {
    'session.current': () => ok({ agent: desk.agent, clientId: 'fake-desk' }),
    'interaction.get': (a: { id: string }) => {
      const r = desk.interactions.get(a.id);
      return ok(r ? interactionView(r) : null);
    },
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
    'incident.callbacksDue': () =>
      ok(
        callbacksDue(desk.incidents.values(), (id) => desk.interactions.get(id)).map((due) => ({
          ...due,
          callerName: userName(due.callerId),
        })),
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

  const ask = (
    table: Record<string, (input: never) => StoreResult<unknown>>,
    name: string,
    input: unknown,
  ) => {
    const checked = validate(name, input);
    if (!checked.ok) return checked;
    const handler = table[name];
    if (!handler) return fail('unknown-operation', `The fake desk does not answer ${name}.`);
    return handler(checked.value as never);
  };

  const port: EscalationPort = {
    command<N extends PortCommandName>(name: N, input: unknown) {
      desk.sent.push({ name, input });
      const answer = ask(commands, name, input);
      // A refused command changes nothing, so nobody needs telling.
      if (answer.ok) for (const listener of listeners) listener();
      return Promise.resolve(answer as StoreResult<PortCommandOutput<N>>);
    },
    query<N extends PortQueryName>(name: N, input: unknown) {
      return Promise.resolve(ask(queries, name, input) as StoreResult<PortQueryOutput<N>>);
    },
    subscribe<N extends PortQueryName>(
      name: N,
      input: unknown,
      listener: (result: StoreResult<PortQueryOutput<N>>) => void,
    ) {
      const push = () => listener(ask(queries, name, input) as StoreResult<PortQueryOutput<N>>);
      listeners.add(push);
      queueMicrotask(push);
      return Promise.resolve(() => {
        listeners.delete(push);
      });
    },
  };
  return port;
}
