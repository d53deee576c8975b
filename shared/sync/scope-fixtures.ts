// Test support for the sync scope: records built from the fields the scope reads, and random
// organizations (agents, groups, locations, histories) for the property tests. Tests only.

import fc from 'fast-check';
import { recordKey, type KindedRecord } from '../commands/record-set';
import type { Call } from '../domain/call';
import type { Incident } from '../domain/incident';
import type { Interaction } from '../domain/interaction';
import type { Request } from '../domain/request';
import { INCIDENT_STATES, REQUEST_STATES } from '../domain/task-states';
import type { Visit } from '../domain/visit';
import { SCOPE_DEFAULTS, type ScopeContext } from './scope';

export const NOW = new Date('2026-12-04T12:00:00.000Z');
export const daysAgo = (days: number): string =>
  new Date(NOW.getTime() - days * 86_400_000).toISOString();

export const context = (over: Partial<ScopeContext> = {}): ScopeContext => ({
  agentId: 'a0',
  groups: new Set(['g0']),
  locations: new Set(['l0']),
  recentDays: SCOPE_DEFAULTS.recentDays,
  openedDays: SCOPE_DEFAULTS.openedDays,
  now: NOW,
  opened: new Map(),
  ...over,
});

// Only the fields the scope reads are real; the rest of each record is not looked at.
export const interaction = (id: string, over: Partial<Interaction> = {}): KindedRecord => ({
  kind: 'interaction',
  record: {
    id,
    number: id,
    state: 'Closed Complete',
    assignmentGroup: null,
    assignedTo: null,
    openedBy: 'someone',
    updatedAt: daysAgo(100),
    relatedRecords: [],
    visit: null,
    call: null,
    ...over,
  } as Interaction,
});
export const incident = (id: string, over: Partial<Incident> = {}): KindedRecord => ({
  kind: 'incident',
  record: {
    id,
    number: id,
    state: 'Closed',
    assignmentGroup: null,
    assignedTo: null,
    openedBy: 'someone',
    updatedAt: daysAgo(100),
    relatedInteractions: [],
    ...over,
  } as Incident,
});
export const request = (id: string, over: Partial<Request> = {}): KindedRecord => ({
  kind: 'request',
  record: {
    id,
    state: 'Closed Complete',
    assignmentGroup: null,
    assignedTo: null,
    openedBy: 'someone',
    updatedAt: daysAgo(100),
    relatedInteractions: [],
    ...over,
  } as Request,
});
export const visit = (id: string, over: Partial<Visit> = {}): KindedRecord => ({
  kind: 'visit',
  record: {
    id,
    location: 'l9',
    endedAt: daysAgo(100),
    interaction: null,
    updatedAt: daysAgo(100),
    ...over,
  } as Visit,
});
export const call = (id: string, over: Partial<Call> = {}): KindedRecord => ({
  kind: 'call',
  record: {
    id,
    location: null,
    endedAt: daysAgo(100),
    interaction: null,
    updatedAt: daysAgo(100),
    ...over,
  } as Call,
});

export const link = (id: string) => ({
  id,
  number: id,
  caller: null,
  relation: 'origin' as const,
  at: daysAgo(1),
  by: 'a0',
});
export const related = (kind: 'incident' | 'request', id: string) => ({
  kind,
  id,
  number: id,
  relation: 'created' as const,
  at: daysAgo(1),
  by: 'a0',
});

export const AGENTS = ['a0', 'a1', 'a2'];
export const GROUPS = ['g0', 'g1', 'g2', 'g3'];
export const LOCATIONS = ['l0', 'l1', 'l2'];
export const INTERACTION_STATES = [
  'New',
  'Work in Progress',
  'On Hold',
  'Wrap Up',
  'Closed Complete',
  'Closed Abandoned',
] as const;

export interface Organization {
  records: KindedRecord[];
  ctx: ScopeContext;
  pinned: Set<string>;
  usedBytes: number;
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

export const organization: fc.Arbitrary<Organization> = fc
  .record({
    interactions: fc.array(
      fc.record({
        state: fc.constantFrom(...INTERACTION_STATES),
        group: maybe(fc.constantFrom(...GROUPS)),
        assignedTo: maybe(fc.constantFrom(...AGENTS)),
        openedBy: fc.constantFrom(...AGENTS, 'caller-desk'),
        age: fc.integer({ min: 0, max: 120 }),
        location: maybe(fc.constantFrom(...LOCATIONS)),
        viaCall: fc.boolean(),
        task: maybe(fc.nat(30)),
      }),
      { maxLength: 30 },
    ),
    tasks: fc.array(
      fc.record({
        kind: fc.constantFrom('incident' as const, 'request' as const),
        incidentState: fc.constantFrom(...INCIDENT_STATES),
        requestState: fc.constantFrom(...REQUEST_STATES),
        group: maybe(fc.constantFrom(...GROUPS)),
        assignedTo: maybe(fc.constantFrom(...AGENTS)),
        age: fc.integer({ min: 0, max: 120 }),
      }),
      { maxLength: 15 },
    ),
    agent: fc.constantFrom(...AGENTS),
    groups: fc.subarray(GROUPS),
    locations: fc.subarray(LOCATIONS),
    recentDays: fc.integer({ min: 1, max: 60 }),
    openedDays: fc.integer({ min: 1, max: 60 }),
    opened: fc.array(fc.record({ index: fc.nat(45), age: fc.integer({ min: 0, max: 90 }) }), {
      maxLength: 8,
    }),
    pinned: fc.array(fc.nat(45), { maxLength: 6 }),
    usedBytes: fc.constantFrom(0, 10_000_000),
  })
  .map((g) => {
    const tasks: KindedRecord[] = g.tasks.map((t, i) =>
      t.kind === 'incident'
        ? incident(`t${i}`, {
            state: t.incidentState,
            assignmentGroup: t.group,
            assignedTo: t.assignedTo,
            updatedAt: daysAgo(t.age),
          })
        : request(`t${i}`, {
            state: t.requestState,
            assignmentGroup: t.group,
            assignedTo: t.assignedTo,
            updatedAt: daysAgo(t.age),
          }),
    );
    const records: KindedRecord[] = [];
    g.interactions.forEach((i, n) => {
      const id = `i${n}`;
      const task = i.task === null ? undefined : tasks[i.task];
      const side = i.location === null ? null : `${i.viaCall ? 'c' : 'v'}${n}`;
      records.push(
        interaction(id, {
          state: i.state,
          assignmentGroup: i.group,
          assignedTo: i.assignedTo,
          openedBy: i.openedBy,
          updatedAt: daysAgo(i.age),
          relatedRecords:
            task && task.kind !== 'interaction' && task.kind !== 'visit' && task.kind !== 'call'
              ? [related(task.kind, task.record.id)]
              : [],
          visit: side && !i.viaCall ? side : null,
          call: side && i.viaCall ? side : null,
        }),
      );
      // Both sides of a link are kept, as the mutators keep them.
      if (task && (task.kind === 'incident' || task.kind === 'request'))
        task.record.relatedInteractions = [...task.record.relatedInteractions, link(id)];
      if (side && i.location) {
        const open = !(INTERACTION_STATES.indexOf(i.state) >= 4);
        const over = {
          location: i.location,
          interaction: id,
          endedAt: open ? null : daysAgo(i.age),
          updatedAt: daysAgo(i.age),
        };
        records.push(i.viaCall ? call(side, over) : visit(side, over));
      }
    });
    records.push(...tasks);
    const keyAt = (index: number) => {
      const r = records[index % Math.max(records.length, 1)];
      return r ? recordKey({ kind: r.kind, id: r.record.id }) : 'none';
    };
    return {
      records,
      ctx: context({
        agentId: g.agent,
        groups: new Set(g.groups),
        locations: new Set(g.locations),
        recentDays: g.recentDays,
        openedDays: g.openedDays,
        opened: new Map(g.opened.map((o) => [keyAt(o.index), daysAgo(o.age)])),
      }),
      pinned: new Set(g.pinned.map(keyAt)),
      usedBytes: g.usedBytes,
    };
  });
