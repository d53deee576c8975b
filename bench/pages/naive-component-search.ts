// The baseline for Find existing incidents: every open incident held in an array, each search
// filters the whole array by the component's parent chain and sorts. Pure; never indexes anything.

import type { Incident } from '../../shared/domain/incident';

export interface NaiveComponentHit {
  id: string;
  distance: number;
  sameCaller: boolean;
}

export interface NaiveComponentResult {
  hits: NaiveComponentHit[];
  total: number;
}

/** The same order as the store host's index: nearest first, then Critical first, then newest. */
function compareHits(
  a: { incident: Incident; distance: number },
  b: { incident: Incident; distance: number },
): number {
  if (a.distance !== b.distance) return a.distance - b.distance;
  if (a.incident.priority !== b.incident.priority) return a.incident.priority - b.incident.priority;
  if (a.incident.openedAt !== b.incident.openedAt)
    return a.incident.openedAt > b.incident.openedAt ? -1 : 1;
  return a.incident.id < b.incident.id ? -1 : a.incident.id > b.incident.id ? 1 : 0;
}

/**
 * What a desk without a component index would do: walk the parents (a Map, as cheap as it gets),
 * then scan every open incident. `openIncidents` is loaded once, outside the timing.
 */
export function naiveComponentSearch(
  openIncidents: readonly Incident[],
  parentOf: ReadonlyMap<string, string | null>,
  componentId: string,
  callerId: string | null,
  limit: number,
): NaiveComponentResult {
  const distanceOf = new Map<string, number>();
  for (let at: string | null = componentId; at !== null && !distanceOf.has(at);) {
    distanceOf.set(at, distanceOf.size);
    at = parentOf.get(at) ?? null;
  }
  const matches: { incident: Incident; distance: number }[] = [];
  for (const incident of openIncidents) {
    const distance = incident.component === null ? undefined : distanceOf.get(incident.component);
    if (distance !== undefined) matches.push({ incident, distance });
  }
  matches.sort(compareHits);
  return {
    total: matches.length,
    hits: matches.slice(0, limit).map(({ incident, distance }) => ({
      id: incident.id,
      distance,
      sameCaller:
        callerId !== null &&
        (incident.caller === callerId ||
          incident.relatedInteractions.some((r) => r.caller === callerId)),
    })),
  };
}
