// The store API additions for issue 4 (docs/decisions/0006): the incident, request, task and catalog
// queries and the views they answer, shaped to be spread into contract.ts's maps. Never handles them.

import { z } from 'zod';
import type { CatalogItem } from '../domain/catalog';
import type { ComponentSearchHit, IncidentSummary } from '../domain/component-search';
import { Id } from '../domain/directory';
import { SHORT_DESCRIPTION_MAX } from '../domain/interaction';
import type { CallbackDue } from '../domain/escalation';
import { INCIDENT_STATES, type Incident } from '../domain/incident';
import type { RelatedRecord } from '../domain/related-records';
import { REQUEST_STATES, type Request } from '../domain/request';
import { TASK_QUEUES, type TaskListItem } from '../domain/task';
// Types only: contract.ts will import this file's maps, so a value import back would be a cycle.
import type { InteractionView } from './contract';

/** The interaction after an escalation: it carries the records made from it or linked to it. */
export interface EscalatedInteractionView extends InteractionView {
  relatedRecords: RelatedRecord[];
}

// ---- queries ----

const SearchText = z.string().max(100, 'Search text can be at most 100 characters.');
const Limit = z.number().int().min(1).max(200);

export const escalationQueryInputs = {
  'incident.get': z.object({ id: Id }),
  'incident.list': z.object({
    queue: z.enum(TASK_QUEUES).optional(),
    state: z.enum(INCIDENT_STATES).optional(),
    limit: Limit.default(100),
  }),
  /** Find existing incidents: open incidents on the component or its parents, nearest first. */
  'incident.searchByComponent': z.object({
    componentId: Id,
    /** The interaction's caller: hits they already reported are marked `sameCaller`. */
    callerId: Id.nullable().optional(),
    limit: Limit.max(100).default(50),
  }),
  'incident.callbacksDue': z.object({ limit: Limit.max(500).default(200) }),
  'request.get': z.object({ id: Id }),
  'request.list': z.object({
    queue: z.enum(TASK_QUEUES).optional(),
    state: z.enum(REQUEST_STATES).optional(),
    limit: Limit.default(100),
  }),
  /** User's Tasks: the caller's incidents (as Caller) and requests (as Requested for). */
  'task.listForUser': z.object({ userId: Id, limit: Limit.default(50) }),
  'catalog.search': z.object({
    query: SearchText,
    category: z.string().max(60).optional(),
    limit: Limit.max(50).default(20),
  }),
  /** Create Request's suggestions: the items an interaction's short description asks for. */
  'catalog.suggest': z.object({
    shortDescription: z
      .string()
      .max(
        SHORT_DESCRIPTION_MAX,
        `Short description can be at most ${SHORT_DESCRIPTION_MAX} characters.`,
      ),
    limit: Limit.max(10).default(3),
  }),
  'catalog.categories': z.object({}),
  'catalog.getItem': z.object({ id: Id }),
} as const;

/** A component as the screens name it: Find existing incidents shows the path walked. */
export interface ComponentRef {
  id: string;
  name: string;
  className: string;
}

/** An incident with the display values the screens need, resolved in the store host. */
export interface IncidentView extends Incident {
  callerName: string | null;
  componentName: string | null;
  assignmentGroupName: string | null;
  assignedToName: string | null;
  /** Its Caller and every associated interaction's caller (affectedCallers). */
  affectedCallers: number;
}

export interface RequestView extends Request {
  requestedForName: string | null;
  catalogItemName: string | null;
  assignmentGroupName: string | null;
  assignedToName: string | null;
  /** The answers in the item's field order, choices and user references in words (answerLines). */
  answerLines: { label: string; value: string }[];
}

export interface IncidentHitView extends Omit<ComponentSearchHit, 'incident'> {
  incident: IncidentSummary & {
    callerName: string | null;
    assignmentGroupName: string | null;
    assignedToName: string | null;
  };
  /** The component the incident is on (a step of `path`). */
  componentName: string | null;
  affectedCallers: number;
}

export interface ComponentSearchView {
  hits: IncidentHitView[];
  total: number;
  /** The interaction's component, then its parents, nearest first. */
  path: ComponentRef[];
}

export interface CallbackDueView extends CallbackDue {
  callerName: string | null;
}

export interface TaskListItemView extends TaskListItem {
  callerName: string | null;
  assignmentGroupName: string | null;
  assignedToName: string | null;
}

/** What the catalog search lists; the form's fields come with catalog.getItem. */
export type CatalogItemSummary = Pick<
  CatalogItem,
  'id' | 'name' | 'category' | 'description' | 'keywords'
>;

export interface EscalationQueryOutputs {
  'incident.get': IncidentView | null;
  'incident.list': TaskListItemView[];
  'incident.searchByComponent': ComponentSearchView;
  'incident.callbacksDue': CallbackDueView[];
  'request.get': RequestView | null;
  'request.list': TaskListItemView[];
  'task.listForUser': TaskListItemView[];
  'catalog.search': CatalogItemSummary[];
  'catalog.suggest': CatalogItemSummary[];
  'catalog.categories': string[];
  'catalog.getItem': CatalogItem | null;
}

export type EscalationQueryName = keyof typeof escalationQueryInputs;
