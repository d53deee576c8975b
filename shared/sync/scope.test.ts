// The sync scope's rules, and a property test over random organizations, agents, groups and
// histories: what the screens need offline stays, nothing pinned goes, a group brings exactly its work.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordKey, type KindedRecord } from '../commands/record-set';
import { callbacksDue } from '../domain/escalation';
import { OPEN_INCIDENT_STATES } from '../domain/task-states';
import { isOpenRecord, linksOf, planEviction, recordsInScope, scopeOf } from './scope';
import {
  context,
  daysAgo,
  GROUPS,
  incident,
  link,
  interaction,
  NOW,
  organization,
  related,
  request,
  visit,
  type Organization,
} from './scope-fixtures';

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
