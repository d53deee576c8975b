// The sync scope's rules, and a property test over random organizations, agents, groups and
// histories: what the screens need offline stays, nothing pinned goes, a group brings exactly its work.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordKey, type KindedRecord } from '../commands/record-set';
import type { Call } from '../domain/call';
import { callbacksDue } from '../domain/escalation';
import type { Incident } from '../domain/incident';
import type { Interaction } from '../domain/interaction';
import type { Request } from '../domain/request';
import { OPEN_INCIDENT_STATES, INCIDENT_STATES, REQUEST_STATES } from '../domain/task-states';
import type { Visit } from '../domain/visit';
import {
  isOpenRecord,
  linksOf,
  planEviction,
  recordsInScope,
  SCOPE_DEFAULTS,
  scopeOf,
  type ScopeContext,
} from './scope';

const NOW = new Date('2026-12-04T12:00:00.000Z');
const daysAgo = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();

const context = (over: Partial<ScopeContext> = {}): ScopeContext => ({
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
const interaction = (id: string, over: Partial<Interaction> = {}): KindedRecord => ({
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
const incident = (id: string, over: Partial<Incident> = {}): KindedRecord => ({
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
const request = (id: string, over: Partial<Request> = {}): KindedRecord => ({
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
const visit = (id: string, over: Partial<Visit> = {}): KindedRecord => ({
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
const call = (id: string, over: Partial<Call> = {}): KindedRecord => ({
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

const link = (id: string) => ({
  id,
  number: id,
  caller: null,
  relation: 'origin' as const,
  at: daysAgo(1),
  by: 'a0',
});
const related = (kind: 'incident' | 'request', id: string) => ({
  kind,
  id,
  number: id,
  relation: 'created' as const,
  at: daysAgo(1),
  by: 'a0',
});

describe('the sync scope', () => {
  it('holds every open incident and request, and a Resolved incident (its callbacks are due)', () => {
    const scope = recordsInScope(
      [
        incident('inc-new', { state: 'New' }),
        incident('inc-resolved', { state: 'Resolved' }),
        incident('inc-closed'),
        request('req-open', { state: 'Open' }),
        request('req-done'),
      ],
      context(),
    );
    expect([...scope.keys()].sort()).toEqual([
      'incident:inc-new',
      'incident:inc-resolved',
      'request:req-open',
    ]);
  });

  it("holds open interactions of the agent's groups and locations, and the agent's own", () => {
    const scope = recordsInScope(
      [
        interaction('mine', { state: 'New', assignedTo: 'a0' }),
        interaction('group', { state: 'On Hold', assignmentGroup: 'g0' }),
        interaction('other-group', { state: 'New', assignmentGroup: 'g1' }),
        interaction('at-desk', { state: 'New', visit: 'v1' }),
        visit('v1', { location: 'l0', endedAt: null, interaction: 'at-desk' }),
      ],
      context(),
    );
    expect(scope.get('interaction:mine')).toBe('agent-work');
    expect(scope.get('interaction:group')).toBe('agent-work');
    expect(scope.get('interaction:at-desk')).toBe('open-work-here');
    expect(scope.has('interaction:other-group')).toBe(false);
  });

  it('holds the last N days, what the agent opened in the last M days, and what those link to', () => {
    const ctx = context({
      recentDays: 10,
      opened: new Map([
        ['interaction:opened', daysAgo(3)],
        ['interaction:opened-long-ago', daysAgo(45)],
      ]),
    });
    const scope = recordsInScope(
      [
        interaction('recent', {
          updatedAt: daysAgo(9),
          relatedRecords: [related('incident', 'old-inc')],
        }),
        incident('old-inc', { relatedInteractions: [link('recent')] }),
        interaction('older', { updatedAt: daysAgo(11) }),
        interaction('opened'),
        interaction('opened-long-ago'),
      ],
      ctx,
    );
    expect(Object.fromEntries(scope)).toEqual({
      'interaction:recent': 'recent',
      'interaction:opened': 'opened',
      'incident:old-inc': 'linked',
    });
  });

  it('over the ceiling, evicts what no screen needs, oldest first, and never a pinned record', () => {
    const records = [
      interaction('recent-old', { updatedAt: daysAgo(20) }),
      interaction('recent-new', { updatedAt: daysAgo(2) }),
      interaction('recent-pinned', { updatedAt: daysAgo(25) }),
      interaction('out', { updatedAt: daysAgo(90) }),
      interaction('out-pinned', { updatedAt: daysAgo(90) }),
      incident('open', { state: 'New', updatedAt: daysAgo(200) }),
    ];
    const pinned = new Set(['interaction:recent-pinned', 'interaction:out-pinned']);
    const plan = (usedBytes: number) =>
      planEviction({ records, ctx: context(), pinned, usedBytes, ceilingBytes: 1_000 })
        .map(recordKey)
        .sort();
    expect(plan(0)).toEqual(['interaction:out']);
    expect(plan(1_000_000)).toEqual([
      'interaction:out',
      'interaction:recent-new',
      'interaction:recent-old',
    ]);
  });
});

// ---- the property: random organizations, agents, groups and histories ----

const AGENTS = ['a0', 'a1', 'a2'];
const GROUPS = ['g0', 'g1', 'g2', 'g3'];
const LOCATIONS = ['l0', 'l1', 'l2'];
const INTERACTION_STATES = [
  'New',
  'Work in Progress',
  'On Hold',
  'Wrap Up',
  'Closed Complete',
  'Closed Abandoned',
] as const;

interface Organization {
  records: KindedRecord[];
  ctx: ScopeContext;
  pinned: Set<string>;
  usedBytes: number;
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const organization: fc.Arbitrary<Organization> = fc
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

const keyOf = (r: KindedRecord) => recordKey({ kind: r.kind, id: r.record.id });

/** What the desk's screens show offline, said from the screens' side, not the scope's. */
function neededByScreens({ records, ctx }: Organization): Set<string> {
  const need = new Set<string>();
  const byKey = new Map(records.map((r) => [keyOf(r), r]));
  for (const r of records) {
    // Find existing incidents and the task lists: every open incident and request.
    if (
      r.kind === 'incident' &&
      (OPEN_INCIDENT_STATES as readonly string[]).includes(r.record.state)
    )
      need.add(keyOf(r));
    if (r.kind === 'request' && isOpenRecord(r)) need.add(keyOf(r));
    // The agent's lists and the walk-up and phone desks: open work of the agent, groups, locations.
    if (r.kind === 'interaction' && isOpenRecord(r)) {
      const i = r.record;
      const side = linksOf(r)
        .map((l) => byKey.get(recordKey(l)))
        .find((s) => s?.kind === 'visit' || s?.kind === 'call');
      const location =
        side && (side.kind === 'visit' || side.kind === 'call') ? side.record.location : null;
      if (
        i.assignedTo === ctx.agentId ||
        i.openedBy === ctx.agentId ||
        (i.assignmentGroup !== null && ctx.groups.has(i.assignmentGroup)) ||
        (location !== null && ctx.locations.has(location))
      )
        need.add(keyOf(r));
    }
  }
  // A form shows its record's related records.
  for (const key of [...need]) {
    const r = byKey.get(key);
    if (r) for (const l of linksOf(r)) if (byKey.has(recordKey(l))) need.add(recordKey(l));
  }
  return need;
}

const callbacks = (records: readonly KindedRecord[]) => {
  const incidents = records.flatMap((r) => (r.kind === 'incident' ? [r.record] : []));
  const interactions = new Map(
    records.flatMap((r) => (r.kind === 'interaction' ? [[r.record.id, r.record] as const] : [])),
  );
  return callbacksDue(incidents, (id) => interactions.get(id));
};

describe('the sync scope, for random organizations, agents, groups and histories', () => {
  it('keeps every record a screen needs offline, and never evicts a pinned (unsynced) record', () => {
    fc.assert(
      fc.property(organization, (org) => {
        const evicted = new Set(
          planEviction({
            records: org.records,
            ctx: org.ctx,
            pinned: org.pinned,
            usedBytes: org.usedBytes,
            ceilingBytes: 0,
          }).map(recordKey),
        );
        const kept = org.records.filter((r) => !evicted.has(keyOf(r)));
        for (const key of neededByScreens(org)) expect(evicted.has(key)).toBe(false);
        for (const key of org.pinned) expect(evicted.has(key)).toBe(false);
        // Callbacks due reads the same rows from what stays as from everything.
        expect(callbacks(kept)).toEqual(callbacks(org.records));
        // Whatever was opened in the last M days stays while under the ceiling.
        if (org.usedBytes === 0)
          for (const [key, at] of org.ctx.opened)
            if (
              NOW.getTime() - Date.parse(at) <= org.ctx.openedDays * 86_400_000 &&
              org.records.some((r) => keyOf(r) === key)
            )
              expect(evicted.has(key)).toBe(false);
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('an agent joining a group brings exactly that group’s open work and what it links to', () => {
    fc.assert(
      fc.property(organization, fc.constantFrom(...GROUPS), (org, joined) => {
        fc.pre(!org.ctx.groups.has(joined));
        const before = scopeOf(org.records, org.ctx);
        const after = scopeOf(org.records, {
          ...org.ctx,
          groups: new Set([...org.ctx.groups, joined]),
        });
        const byKey = new Map(org.records.map((r) => [keyOf(r), r]));
        const groupWork = org.records.filter(
          (r) =>
            (r.kind === 'interaction' || r.kind === 'incident' || r.kind === 'request') &&
            r.record.assignmentGroup === joined &&
            isOpenRecord(r),
        );
        const expected = new Set<string>();
        for (const r of groupWork) {
          expected.add(keyOf(r));
          for (const l of linksOf(r)) if (byKey.has(recordKey(l))) expected.add(recordKey(l));
        }
        for (const key of before.inScope.keys()) expected.delete(key);
        const brought = new Set([...after.inScope.keys()].filter((k) => !before.inScope.has(k)));
        expect(brought).toEqual(expected);
        // Nothing leaves the scope when it grows.
        for (const key of before.inScope.keys()) expect(after.inScope.has(key)).toBe(true);
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});
