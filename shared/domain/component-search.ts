// Find existing incidents (second seed): the open incidents on a component or on any of its
// parents, nearest first, marking those the same caller already reported. In memory; never I/O.

import type { Incident } from './incident';
import { affectedCallerIds, isOpenIncident } from './incident';
import type { Priority } from './priority';

/** Deeper than any real hierarchy; stops a parent loop in bad data from hanging a search. */
export const MAX_COMPONENT_DEPTH = 32;

/** What a hit shows and what the index sorts by; a small copy, not the whole record. */
export interface IncidentSummary {
  id: string;
  number: string;
  numberProvisional: boolean;
  shortDescription: string;
  state: Incident['state'];
  priority: Priority;
  component: string;
  caller: string;
  /** Its Caller and every associated interaction's caller. */
  callerIds: readonly string[];
  assignmentGroup: string | null;
  assignedTo: string | null;
  openedAt: string;
  updatedAt: string;
}

export interface ComponentSearchHit {
  incident: IncidentSummary;
  /** 0: the component itself; 1: its parent; 2: the parent's parent; … */
  distance: number;
  /** The caller asking is its Caller or already associated with it. */
  sameCaller: boolean;
}

export interface ComponentSearchResult {
  hits: ComponentSearchHit[];
  /** All matches, of which `hits` holds the first `limit`. */
  total: number;
  /** The component and its parents, nearest first, as the search walked them. */
  path: string[];
}

export function summarizeIncident(incident: Incident): IncidentSummary | null {
  if (incident.component === null) return null;
  return {
    id: incident.id,
    number: incident.number,
    numberProvisional: incident.numberProvisional,
    shortDescription: incident.shortDescription,
    state: incident.state,
    priority: incident.priority,
    component: incident.component,
    caller: incident.caller,
    callerIds: affectedCallerIds(incident),
    assignmentGroup: incident.assignmentGroup,
    assignedTo: incident.assignedTo,
    openedAt: incident.openedAt,
    updatedAt: incident.updatedAt,
  };
}

/** Within one component: Critical first, then the newest (most likely the live outage). */
function compareInBucket(a: IncidentSummary, b: IncidentSummary): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.openedAt !== b.openedAt) return a.openedAt > b.openedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Open incidents bucketed by component. A search walks up the parent chain (a few steps) and
 * reads each bucket in order, so it costs the depth plus the hits asked for, never the whole
 * set. Parents are asked through `parentOf` at search time: a directory sync that moves a
 * component needs no rebuild. Buckets are sorted lazily, once after they change.
 */
export class ComponentIncidentIndex {
  private readonly parentOf: (componentId: string) => string | null | undefined;
  private readonly byComponent = new Map<string, IncidentSummary[]>();
  private readonly componentOf = new Map<string, string>();
  private readonly unsorted = new Set<string>();

  constructor(parentOf: (componentId: string) => string | null | undefined) {
    this.parentOf = parentOf;
  }

  static fromItems(
    items: Iterable<{ id: string; parentId: string | null }>,
    incidents: Iterable<Incident> = [],
  ): ComponentIncidentIndex {
    const parents = new Map<string, string | null>();
    for (const item of items) parents.set(item.id, item.parentId);
    const index = new ComponentIncidentIndex((id) => parents.get(id));
    for (const incident of incidents) index.upsert(incident);
    return index;
  }

  get size(): number {
    return this.componentOf.size;
  }

  /** Adds or replaces the incident; one that is no longer open, or has no component, leaves. */
  upsert(incident: Incident): void {
    this.remove(incident.id);
    if (!isOpenIncident(incident)) return;
    const summary = summarizeIncident(incident);
    if (!summary) return;
    let bucket = this.byComponent.get(summary.component);
    if (!bucket) this.byComponent.set(summary.component, (bucket = []));
    bucket.push(summary);
    this.componentOf.set(summary.id, summary.component);
    if (bucket.length > 1) this.unsorted.add(summary.component);
  }

  remove(incidentId: string): void {
    const component = this.componentOf.get(incidentId);
    if (component === undefined) return;
    this.componentOf.delete(incidentId);
    const bucket = this.byComponent.get(component);
    if (!bucket) return;
    const at = bucket.findIndex((s) => s.id === incidentId);
    if (at >= 0) bucket.splice(at, 1);
    if (bucket.length === 0) {
      this.byComponent.delete(component);
      this.unsorted.delete(component);
    }
  }

  /** The component, then its parents, nearest first; stops at a loop or MAX_COMPONENT_DEPTH. */
  pathOf(componentId: string): string[] {
    const path: string[] = [];
    const seen = new Set<string>();
    let current: string | null | undefined = componentId;
    while (current != null && !seen.has(current) && path.length < MAX_COMPONENT_DEPTH) {
      path.push(current);
      seen.add(current);
      current = this.parentOf(current);
    }
    return path;
  }

  search(
    componentId: string,
    options: { callerId?: string | null; limit?: number } = {},
  ): ComponentSearchResult {
    const limit = options.limit ?? 50;
    const callerId = options.callerId ?? null;
    const path = this.pathOf(componentId);
    const hits: ComponentSearchHit[] = [];
    let total = 0;
    path.forEach((id, distance) => {
      const bucket = this.bucket(id);
      if (!bucket) return;
      total += bucket.length;
      for (const incident of bucket) {
        if (hits.length >= limit) break;
        hits.push({
          incident,
          distance,
          sameCaller: callerId !== null && incident.callerIds.includes(callerId),
        });
      }
    });
    return { hits, total, path };
  }

  private bucket(componentId: string): IncidentSummary[] | undefined {
    const bucket = this.byComponent.get(componentId);
    if (bucket && this.unsorted.delete(componentId)) bucket.sort(compareInBucket);
    return bucket;
  }
}
