// Which of the record index's lists a record is on, and when it is there (record-index.ts): an
// interaction's (its agents', its state's, the closed ones', its caller's), a call's, a visit's, an
// incident's; and a Resolved incident's links. Pure: what a record says, nothing else.

import type { RecordKind } from '../../shared/commands/record-set';
import { CLOSED_STATES } from '../../shared/domain/interaction';

/** The lists a record is on, each with its time there, and the agents who opened or closed it. */
export interface RecordLists {
  lists: readonly (readonly [list: string, at: string])[];
  agents: readonly string[];
}

/** An interaction's agent on one side: who opened it (or closed it) and when. */
export type AgentSide = 'opened' | 'closed';

/**
 * The lists kept newest first: the interactions an agent opened or closed (by when), the open ones
 * in a state (by when opened), every closed one (by when closed), a caller's (by when opened); every
 * call and a caller's calls (by when they rang); a location's visits and a person's (by check-in),
 * every visit (by last change); the incidents in a state and a caller's (by last change).
 */
export const LIST = {
  agent: (side: AgentSide, agent: string) => `${side} ${agent}`,
  inState: (state: string) => `state ${state}`,
  closed: 'closed',
  caller: (caller: string) => `caller ${caller}`,
  calls: 'calls',
  callerCalls: (caller: string) => `calls of ${caller}`,
  visits: 'visits',
  visitsAt: (location: string) => `visits at ${location}`,
  personVisits: (person: string) => `visits of ${person}`,
  incidentsIn: (state: string) => `incidents in ${state}`,
  callerIncidents: (caller: string) => `incidents of ${caller}`,
};

/** A call's lists: every call's and its caller's, by when it rang. */
function callListsOf(record: object): RecordLists {
  const { rangAt, caller } = record as Partial<Record<'rangAt' | 'caller', unknown>>;
  if (typeof rangAt !== 'string') return { lists: [], agents: [] };
  const lists: [string, string][] = [[LIST.calls, rangAt]];
  if (typeof caller === 'string') lists.push([LIST.callerCalls(caller), rangAt]);
  return { lists, agents: [] };
}

/** A visit's lists: its location's and its person's, by check-in; every visit's, by last change. */
function visitListsOf(record: object): RecordLists {
  const { location, person, checkedInAt, updatedAt } = record as Partial<
    Record<'location' | 'person' | 'checkedInAt' | 'updatedAt', unknown>
  >;
  const lists: [string, string][] = [];
  if (typeof updatedAt === 'string') lists.push([LIST.visits, updatedAt]);
  if (typeof checkedInAt === 'string') {
    if (typeof location === 'string') lists.push([LIST.visitsAt(location), checkedInAt]);
    if (typeof person === 'string') lists.push([LIST.personVisits(person), checkedInAt]);
  }
  return { lists, agents: [] };
}

/** An incident's lists: its state's and its caller's, by last change. */
function incidentListsOf(record: object): RecordLists {
  const { state, caller, updatedAt } = record as Partial<
    Record<'state' | 'caller' | 'updatedAt', unknown>
  >;
  const lists: [string, string][] = [];
  if (typeof updatedAt !== 'string') return { lists, agents: [] };
  if (typeof state === 'string') lists.push([LIST.incidentsIn(state), updatedAt]);
  if (typeof caller === 'string') lists.push([LIST.callerIncidents(caller), updatedAt]);
  return { lists, agents: [] };
}

/** The lists a record is on (a request's none), and its agents (an interaction's). */
export function listsOf(kind: RecordKind, record: object): RecordLists {
  if (kind === 'call') return callListsOf(record);
  if (kind === 'visit') return visitListsOf(record);
  if (kind === 'incident') return incidentListsOf(record);
  if (kind !== 'interaction') return { lists: [], agents: [] };
  const r = record as Partial<
    Record<'state' | 'openedBy' | 'openedFor' | 'openedAt' | 'closedBy' | 'closedAt', unknown>
  >;
  const lists: [string, string][] = [];
  const agents: string[] = [];
  const openedAt = typeof r.openedAt === 'string' ? r.openedAt : null;
  const closedAt = typeof r.closedAt === 'string' ? r.closedAt : null;
  if (typeof r.openedBy === 'string' && openedAt !== null) {
    lists.push([LIST.agent('opened', r.openedBy), openedAt]);
    agents.push(r.openedBy);
  }
  if (typeof r.closedBy === 'string' && closedAt !== null) {
    lists.push([LIST.agent('closed', r.closedBy), closedAt]);
    agents.push(r.closedBy);
  }
  const closed = (CLOSED_STATES as readonly unknown[]).includes(r.state);
  if (typeof r.state === 'string' && !closed && openedAt !== null)
    lists.push([LIST.inState(r.state), openedAt]);
  if (closedAt !== null) lists.push([LIST.closed, closedAt]);
  if (typeof r.openedFor === 'string' && openedAt !== null)
    lists.push([LIST.caller(r.openedFor), openedAt]);
  return { lists, agents };
}

/** A Resolved incident's linked interactions (Callbacks due); null for one in any other state. */
export function resolvedLinksOf(incident: object): string[] | null {
  const { state, relatedInteractions } = incident as Partial<
    Record<'state' | 'relatedInteractions', unknown>
  >;
  if (state !== 'Resolved' || !Array.isArray(relatedInteractions)) return null;
  return relatedInteractions.flatMap((r: { id?: unknown }) =>
    typeof r.id === 'string' ? [r.id] : [],
  );
}
