// Where a visit stands as the kiosk tells the person: their first name, their place in the queue,
// the estimated wait and the station calling them. Pure; never names anyone else in the queue.

import type { Visit } from '../../shared/domain/visit';
import type { WalkUpLocation } from '../../shared/domain/walk-up-location';
import { estimateWaits, queueOrder } from '../../shared/domain/walk-up-queue';
import type { KioskVisitStatus } from '../../shared/sync/walk-up-api';

/** "Hello, Ada": the first word of the name the queue shows, or the visit's number without one. */
export function greetingOf(visit: Pick<Visit, 'displayName' | 'number'>): string {
  const first = visit.displayName.trim().split(/\s+/)[0] ?? '';
  return `Hello, ${first === '' ? visit.number : first}`;
}

export function kioskStatus(
  visit: Visit,
  location: Pick<WalkUpLocation, 'id' | 'vipFirst'>,
  visits: readonly Visit[],
  now: Date,
): KioskVisitStatus {
  // The visit itself is taken as given, whatever the read of the location's visits saw.
  const all = [...visits.filter((v) => v.id !== visit.id), visit];
  const waiting = visit.state === 'Waiting';
  const place = waiting ? queueOrder(all, location).findIndex((v) => v.id === visit.id) : -1;
  const estimate = waiting
    ? estimateWaits(all, location, now.getTime()).minutes.get(visit.id)
    : undefined;
  return {
    id: visit.id,
    number: visit.number,
    greeting: greetingOf(visit),
    state: visit.state,
    position: place >= 0 ? place + 1 : null,
    estimatedWaitMinutes: estimate ?? null,
    station: visit.state === 'Called' || visit.state === 'In service' ? visit.station : null,
    surveyOpen: visit.state === 'Done' && visit.survey === null,
  };
}
