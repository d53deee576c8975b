// Hand-built records for the desk figures' tests (the store host's, the server's SQL), all around
// Monday 23 November 2026 09:00 UTC. Test support only; never imported by the app.

import type { Call } from '../call';
import type { Incident } from '../incident';
import type { Interaction } from '../interaction';
import type { RelatedRecord } from '../related-records';
import type { Visit } from '../visit';

/** Monday 23 November 2026, 09:00 UTC. */
export const T0 = Date.parse('2026-11-23T09:00:00.000Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Minutes after T0 as an ISO time. */
export const at = (minute: number): string => new Date(T0 + minute * MIN).toISOString();

export function interaction(id: string, over: Partial<Interaction> = {}): Interaction {
  return {
    id,
    number: `IMS-${id}`,
    numberProvisional: false,
    openedFor: null,
    contactEmail: '',
    contactPhone: '',
    type: 'Phone',
    component: null,
    assignmentGroup: null,
    assignedTo: null,
    shortDescription: 'Cannot print',
    description: '',
    state: 'Work in Progress',
    workNotes: [],
    openedAt: at(0),
    openedBy: 'agent-a',
    closedAt: null,
    closedBy: null,
    handleTimeSeconds: null,
    updatedAt: at(0),
    updatedBy: 'agent-a',
    relatedRecords: [],
    visit: null,
    call: null,
    ...over,
  };
}

/** Closed Complete ten minutes after it opened (at `minute`), with the handle time given. */
export const closed = (
  id: string,
  minute: number,
  handleTimeSeconds: number | null,
  over: Partial<Interaction> = {},
): Interaction =>
  interaction(id, {
    state: 'Closed Complete',
    openedAt: at(minute),
    closedAt: at(minute + 10),
    closedBy: 'agent-a',
    handleTimeSeconds,
    ...over,
  });

export function visit(id: string, over: Partial<Visit> = {}): Visit {
  return {
    id,
    number: `VIS-${id}`,
    numberProvisional: false,
    location: 'loc-hq',
    person: null,
    guestName: id,
    displayName: id,
    vip: false,
    reason: 'Printer',
    reasonDetail: '',
    channel: 'agent',
    state: 'Waiting',
    checkedInAt: at(0),
    checkedInBy: 'agent-a',
    calledAt: null,
    calledBy: null,
    station: null,
    startedAt: null,
    servedBy: null,
    endedAt: null,
    interaction: null,
    survey: null,
    openedAt: at(0),
    updatedAt: at(0),
    updatedBy: 'agent-a',
    ...over,
  };
}

/** A Done visit with its exit survey. */
export const rated = (id: string, rating: number): Visit =>
  visit(id, { state: 'Done', survey: { rating, comment: '', at: at(30) } });

export function call(id: string, over: Partial<Call> = {}): Call {
  return {
    id,
    number: `CAL-${id}`,
    numberProvisional: false,
    callId: id,
    integration: 'cti-1',
    location: 'loc-hq',
    direction: 'in',
    from: '+441234567890',
    to: '+441234000000',
    numberE164: '+441234567890',
    caller: null,
    candidates: [],
    queue: 'Service desk',
    notify: [],
    state: 'Ended',
    rangAt: at(0),
    answeredAt: at(0),
    answeredBy: 'agent-a',
    answeringNumber: null,
    endedAt: at(5),
    cause: 'normalClearing',
    interaction: null,
    seenBy: [],
    openedAt: at(0),
    updatedAt: at(5),
    updatedBy: 'agent-a',
    ...over,
  };
}

export function incident(id: string, over: Partial<Incident> = {}): Incident {
  return {
    id,
    number: `INC-${id}`,
    numberProvisional: false,
    caller: 'user-1',
    shortDescription: 'Printer down',
    description: '',
    component: null,
    category: 'Hardware',
    impact: 2,
    urgency: 2,
    assignmentGroup: null,
    assignedTo: null,
    priority: 3,
    state: 'New',
    onHoldReason: null,
    resolutionCode: null,
    resolutionNotes: null,
    reopenCount: 0,
    relatedInteractions: [],
    workNotes: [],
    openedAt: at(0),
    openedBy: 'agent-a',
    resolvedAt: null,
    resolvedBy: null,
    closedAt: null,
    closedBy: null,
    updatedAt: at(0),
    updatedBy: 'agent-a',
    ...over,
  };
}

export const link = (
  kind: RelatedRecord['kind'],
  id: string,
  relation: RelatedRecord['relation'],
): RelatedRecord => ({ kind, id, number: id, relation, at: at(0), by: 'agent-a' });

/** An incident reopened at the given minutes after T0, as incident.ts writes a reopen. */
export const reopenedAt = (id: string, ...minutes: number[]): Incident =>
  incident(id, {
    state: 'In Progress',
    reopenCount: minutes.length,
    workNotes: minutes.map((m, n) => ({
      id: `${id}:reopen-${n + 1}`,
      author: 'agent-a',
      authorName: 'Agent A',
      at: at(m),
      text: 'Reopened: still cannot print',
    })),
  });
