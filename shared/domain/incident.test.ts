// The incident mutators: creating with a derived priority, editing under the assignment rules,
// every state change with what it requires, reopening, and what a retry or a second desk does.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addIncidentWorkNote,
  affectedCallers,
  cancelIncident,
  closeIncident,
  createIncident,
  IncidentFields,
  incidentListItem,
  reopenIncident,
  resolveIncident,
  setIncidentState,
  updateIncident,
  type CreateIncidentArgs,
  type Incident,
  type SetIncidentStateArgs,
} from './incident';
import type { MutationContext } from './interaction';
import { LEVELS, priorityOf } from './priority';
import { INCIDENT_MACHINE, INCIDENT_STATES, type IncidentState } from './task-states';

const members: Record<string, string[]> = {
  'grp-desk': ['agent-1', 'agent-2'],
  'grp-net': ['tech-1', 'tech-2'],
};
const ctx = (now = '2026-11-23T10:00:00.000Z', actorId = 'tech-1'): MutationContext => ({
  now,
  actorId,
  directory: {
    isGroupMember: (g, u) => members[g]?.includes(u) ?? false,
    userName: (u) => ({ 'tech-1': 'Nia Tech', 'user-9': 'Ana García' })[u] ?? u,
  },
});

const args = (over: Partial<CreateIncidentArgs> = {}): CreateIncidentArgs => ({
  id: 'inc-1',
  caller: 'user-9',
  shortDescription: 'Network connection lost on LON-RH-F3 network',
  description: '',
  component: 'ci-net-3',
  category: 'Network',
  impact: 2,
  urgency: 2,
  assignmentGroup: 'grp-net',
  assignedTo: null,
  ...over,
});

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const created = (over: Partial<CreateIncidentArgs> = {}): Incident =>
  unwrap(createIncident(args(over), 'INC-P0001', true, ctx()));

/** An incident brought to `state` the ordinary way. */
function inState(state: IncidentState): Incident {
  const fresh = created();
  const go = (i: Incident, a: Omit<SetIncidentStateArgs, 'id'>) =>
    unwrap(setIncidentState(i, { id: i.id, ...a }, ctx()));
  const resolved = () =>
    go(fresh, {
      state: 'Resolved',
      resolutionCode: 'Solution provided',
      resolutionNotes: 'Replaced the patch cable.',
    });
  switch (state) {
    case 'New':
      return fresh;
    case 'In Progress':
      return go(fresh, { state: 'In Progress' });
    case 'On Hold':
      return go(fresh, { state: 'On Hold', onHoldReason: 'Awaiting Vendor' });
    case 'Resolved':
      return resolved();
    case 'Closed':
      return go(resolved(), { state: 'Closed' });
    case 'Canceled':
      return go(fresh, { state: 'Canceled' });
  }
}

/** Everything any transition might require, so only the machine decides. */
const everything = {
  onHoldReason: 'Awaiting Caller',
  resolutionCode: 'Workaround provided',
  resolutionNotes: 'Restarted the switch.',
  reopenReason: 'The caller still cannot print.',
  noteId: 'note-reopen',
} as const;

describe('Incident fields', () => {
  it('requires a caller and a short description, with the field names in the messages', () => {
    const r = IncidentFields.safeParse({ ...args(), caller: undefined, shortDescription: ' ' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['caller', 'Caller is required.'],
      ['shortDescription', 'Short description is required.'],
    ]);
  });

  it('takes impact and urgency 1–3 only and a known category', () => {
    expect(IncidentFields.safeParse({ ...args(), impact: 0 }).success).toBe(false);
    expect(IncidentFields.safeParse({ ...args(), urgency: 4 }).success).toBe(false);
    expect(IncidentFields.safeParse({ ...args(), category: 'Printers' }).success).toBe(false);
  });
});

describe('creating an incident', () => {
  it('starts New, with the priority from impact and urgency and nothing resolved', () => {
    expect(created({ impact: 1, urgency: 2 })).toMatchObject({
      state: 'New',
      priority: 2,
      reopenCount: 0,
      relatedInteractions: [],
      onHoldReason: null,
      resolutionNotes: null,
      openedBy: 'tech-1',
      numberProvisional: true,
      number: 'INC-P0001',
    });
  });

  it('derives the priority for every impact and urgency', () => {
    for (const impact of LEVELS)
      for (const urgency of LEVELS)
        expect(created({ impact, urgency }).priority).toBe(priorityOf(impact, urgency));
  });

  it('stays New when Assigned to is set: the technician starts the work', () => {
    expect(created({ assignedTo: 'tech-2' }).state).toBe('New');
  });

  it('refuses an assignee outside the group', () => {
    const r = createIncident(args({ assignedTo: 'agent-1' }), 'INC-P0001', true, ctx());
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'rule',
        fieldErrors: { assignedTo: 'Assigned to must be a member of the Assignment group.' },
      },
    });
  });

  it('records a first work note', () => {
    expect(created({ workNote: 'Switch port 12 dark' }).workNotes).toEqual([
      {
        id: 'inc-1:first',
        author: 'tech-1',
        authorName: 'Nia Tech',
        at: ctx().now,
        text: 'Switch port 12 dark',
      },
    ]);
  });
});

describe('updating an incident', () => {
  it('recomputes the priority when impact or urgency changes', () => {
    const r = updateIncident(created(), { impact: 1, urgency: 1 }, ctx());
    expect(r.ok && r.value.priority).toBe(1);
  });

  it('changing the group clears the person; naming a member in the same change keeps them', () => {
    const assigned = created({ assignedTo: 'tech-1' });
    expect(
      unwrap(updateIncident(assigned, { assignmentGroup: 'grp-desk' }, ctx())).assignedTo,
    ).toBe(null);
    expect(
      unwrap(
        updateIncident(assigned, { assignmentGroup: 'grp-desk', assignedTo: 'agent-2' }, ctx()),
      ).assignedTo,
    ).toBe('agent-2');
    expect(updateIncident(assigned, { assignedTo: 'agent-2' }, ctx()).ok).toBe(false);
  });

  it.each([
    ['Resolved', 'INC-P0001 is Resolved: reopen it to change it; work notes can still be added.'],
    ['Closed', 'INC-P0001 is Closed: only work notes can be added now.'],
    ['Canceled', 'INC-P0001 is Canceled: only work notes can be added now.'],
  ] as const)('a %s incident cannot be edited', (state, message) => {
    expect(updateIncident(inState(state), { urgency: 1 }, ctx())).toEqual({
      ok: false,
      error: { code: 'rule', message },
    });
  });

  it('work notes can be added in every state, once per note id', () => {
    for (const state of INCIDENT_STATES) {
      const once = unwrap(
        addIncidentWorkNote(inState(state), { noteId: 'n-1', text: 'Called the vendor' }, ctx()),
      );
      const twice = unwrap(
        addIncidentWorkNote(once, { noteId: 'n-1', text: 'Called the vendor' }, ctx()),
      );
      expect(twice.workNotes.filter((n) => n.id === 'n-1')).toHaveLength(1);
    }
  });
});

describe('every state change, as the machine says', () => {
  const pairs = INCIDENT_STATES.flatMap((from) =>
    INCIDENT_STATES.filter((to) => to !== from).map((to) => [from, to] as const),
  );

  it.each(pairs)('%s → %s', (from, to) => {
    const transition = INCIDENT_MACHINE.transitions.find((t) => t.from === from && t.to === to);
    // What the transition asks for, and only that (a reopen reason makes any move a reopen).
    const given = transition
      ? Object.fromEntries(
          transition.requires.map((r) => [r, everything[r as keyof typeof everything]]),
        )
      : everything;
    const r = setIncidentState(inState(from), { id: 'inc-1', state: to, ...given }, ctx());
    if (transition) {
      expect(r.ok && r.value.state).toBe(to);
    } else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('rule');
    }
  });

  it.each(
    INCIDENT_MACHINE.transitions.filter((t) => t.requires.length > 0).map((t) => [t.from, t.to, t]),
  )('%s → %s is refused without what it requires', (from, to, transition) => {
    const r = setIncidentState(inState(from), { id: 'inc-1', state: to }, ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.error.fieldErrors ?? {})).toEqual(transition.requires);
  });
});

describe('On Hold', () => {
  it('needs a reason, and leaving it clears the reason', () => {
    const held = inState('On Hold');
    expect(held.onHoldReason).toBe('Awaiting Vendor');
    const resumed = unwrap(setIncidentState(held, { id: 'inc-1', state: 'In Progress' }, ctx()));
    expect(resumed).toMatchObject({ state: 'In Progress', onHoldReason: null });
  });

  it('On Hold again with another reason changes what it waits for', () => {
    const r = setIncidentState(
      inState('On Hold'),
      { id: 'inc-1', state: 'On Hold', onHoldReason: 'Awaiting Change' },
      ctx(),
    );
    expect(r.ok && r.value.onHoldReason).toBe('Awaiting Change');
  });
});

describe('Resolve, Close incident, Cancel', () => {
  it('Resolve needs resolution notes, and records who resolved it and when', () => {
    const refused = setIncidentState(
      inState('In Progress'),
      { id: 'inc-1', state: 'Resolved', resolutionCode: 'Solution provided', resolutionNotes: '' },
      ctx(),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: {
        message: 'Write the Resolution notes: what was done to fix it.',
        fieldErrors: { resolutionNotes: 'Write the Resolution notes: what was done to fix it.' },
      },
    });
    const resolved = unwrap(
      resolveIncident(
        inState('On Hold'),
        {
          id: 'inc-1',
          resolutionCode: 'Solution provided',
          resolutionNotes: 'Reseated the cable.',
        },
        ctx('2026-11-23T12:00:00.000Z', 'tech-2'),
      ),
    );
    expect(resolved).toMatchObject({
      state: 'Resolved',
      onHoldReason: null,
      resolutionCode: 'Solution provided',
      resolutionNotes: 'Reseated the cable.',
      resolvedAt: '2026-11-23T12:00:00.000Z',
      resolvedBy: 'tech-2',
    });
  });

  it('saves the form changes sent with Resolve, or nothing when they are refused', () => {
    const r = resolveIncident(
      inState('In Progress'),
      {
        id: 'inc-1',
        resolutionCode: 'Solution provided',
        resolutionNotes: 'Done',
        changes: { description: 'Port 12 was dead' },
      },
      ctx(),
    );
    expect(r.ok && r.value.description).toBe('Port 12 was dead');
    const bad = resolveIncident(
      inState('In Progress'),
      {
        id: 'inc-1',
        resolutionCode: 'Solution provided',
        resolutionNotes: 'Done',
        changes: { assignedTo: 'agent-1' },
      },
      ctx(),
    );
    expect(bad.ok).toBe(false);
  });

  it('Close incident only after Resolve', () => {
    expect(closeIncident(inState('In Progress'), { id: 'inc-1' }, ctx())).toEqual({
      ok: false,
      error: {
        code: 'rule',
        message: 'Resolve the incident first: only a Resolved incident can be closed.',
      },
    });
    const closed = unwrap(closeIncident(inState('Resolved'), { id: 'inc-1' }, ctx()));
    expect(closed).toMatchObject({ state: 'Closed', closedBy: 'tech-1', closedAt: ctx().now });
  });

  it('Cancel from any open state; never from Resolved', () => {
    for (const state of ['New', 'In Progress', 'On Hold'] as const)
      expect(unwrap(cancelIncident(inState(state), { id: 'inc-1' }, ctx())).state).toBe('Canceled');
    expect(cancelIncident(inState('Resolved'), { id: 'inc-1' }, ctx()).ok).toBe(false);
  });

  it('doing the same thing twice is done once', () => {
    const closed = inState('Closed');
    expect(closeIncident(closed, { id: 'inc-1' }, ctx('2026-12-01T00:00:00Z'))).toEqual({
      ok: true,
      value: closed,
    });
    const resolved = inState('Resolved');
    const again = resolveIncident(
      resolved,
      {
        id: 'inc-1',
        resolutionCode: 'Solution provided',
        resolutionNotes: 'Replaced the patch cable.',
      },
      ctx(),
    );
    expect(again).toEqual({ ok: true, value: resolved });
  });

  it("a second desk's different resolution is refused, not dropped", () => {
    const r = resolveIncident(
      inState('Resolved'),
      { id: 'inc-1', resolutionCode: 'User error', resolutionNotes: 'Printer was off.' },
      ctx(),
    );
    expect(r).toEqual({
      ok: false,
      error: { code: 'rule', message: 'INC-P0001 was already resolved by someone else.' },
    });
  });
});

describe('Reopen incident', () => {
  const reopen = (i: Incident, noteId = 'note-r1', at = ctx('2026-11-24T09:00:00.000Z')) =>
    reopenIncident(i, { id: 'inc-1', noteId, reason: 'The caller still cannot print.' }, at);

  it('goes back to In Progress, counts the reopen and notes the reason and the old resolution', () => {
    const r = unwrap(reopen(inState('Resolved')));
    expect(r).toMatchObject({
      state: 'In Progress',
      reopenCount: 1,
      resolutionCode: null,
      resolutionNotes: null,
      resolvedAt: null,
      resolvedBy: null,
    });
    expect(r.workNotes.at(-1)).toMatchObject({
      id: 'note-r1',
      text: 'Reopened: The caller still cannot print.\nPrevious resolution (Solution provided): Replaced the patch cable.',
      at: '2026-11-24T09:00:00.000Z',
    });
  });

  it('counts every reopen', () => {
    let incident = inState('Resolved');
    for (let n = 1; n <= 3; n++) {
      incident = unwrap(reopen(incident, `note-r${n}`));
      incident = unwrap(
        resolveIncident(
          incident,
          { id: 'inc-1', resolutionCode: 'Solution provided', resolutionNotes: `Fix ${n}` },
          ctx(),
        ),
      );
    }
    expect(incident.reopenCount).toBe(3);
  });

  it('needs a reason', () => {
    const r = setIncidentState(inState('Resolved'), { id: 'inc-1', state: 'In Progress' }, ctx());
    expect(r).toMatchObject({
      ok: false,
      error: { fieldErrors: { reopenReason: expect.stringMatching(/Say why/) as unknown } },
    });
  });

  it.each([
    ['Closed', 'A Closed incident cannot be reopened; create a new incident.'],
    ['Canceled', 'A Canceled incident cannot be changed; create a new incident.'],
    ['New', 'INC-P0001 is New, not Resolved: only a Resolved incident can be reopened.'],
    ['On Hold', 'INC-P0001 is On Hold, not Resolved: only a Resolved incident can be reopened.'],
    [
      'In Progress',
      'INC-P0001 is In Progress, not Resolved: only a Resolved incident can be reopened.',
    ],
  ] as const)('is refused on a %s incident: %s', (state, message) => {
    expect(reopen(inState(state))).toEqual({ ok: false, error: { code: 'rule', message } });
  });

  it('the same reopen twice counts once', () => {
    const once = unwrap(reopen(inState('Resolved')));
    expect(reopen(once)).toEqual({ ok: true, value: once });
  });

  it('the same reopen twice counts once, also without a note id', () => {
    const args = { id: 'inc-1', state: 'In Progress', reopenReason: 'Still down' } as const;
    const once = unwrap(setIncidentState(inState('Resolved'), args, ctx()));
    expect(once.workNotes.at(-1)?.id).toBe('inc-1:reopen-1');
    expect(setIncidentState(once, args, ctx())).toEqual({ ok: true, value: once });
  });

  it("another desk's reopen of an incident already reopened is refused, so its reason is kept", () => {
    const once = unwrap(reopen(inState('Resolved')));
    expect(reopen(once, 'note-other').ok).toBe(false);
  });
});

describe('reading an incident', () => {
  it('counts the affected callers once each', () => {
    const incident: Incident = {
      ...created(),
      relatedInteractions: [
        { id: 'i-1', number: 'IMS1', caller: 'user-9', relation: 'origin', at: '', by: 'a' },
        { id: 'i-2', number: 'IMS2', caller: 'user-7', relation: 'associated', at: '', by: 'a' },
        { id: 'i-3', number: 'IMS3', caller: null, relation: 'associated', at: '', by: 'a' },
        { id: 'i-4', number: 'IMS4', caller: 'user-7', relation: 'associated', at: '', by: 'a' },
      ],
    };
    expect(affectedCallers(incident)).toBe(2);
  });

  it("is a User's Tasks row", () => {
    expect(incidentListItem(inState('Resolved'))).toMatchObject({
      kind: 'incident',
      number: 'INC-P0001',
      state: 'Resolved',
      open: false,
      priority: 3,
      callerId: 'user-9',
    });
  });
});

describe('any sequence of state changes', () => {
  it('keeps the record consistent with its state', () => {
    const change = fc.record({
      state: fc.constantFrom(...INCIDENT_STATES),
      full: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), (changes) => {
        let incident = created();
        let reopens = 0;
        changes.forEach((c, i) => {
          const r = setIncidentState(
            incident,
            { id: 'inc-1', state: c.state, ...(c.full ? { ...everything, noteId: `n-${i}` } : {}) },
            ctx(),
          );
          if (!r.ok) return;
          if (incident.state === 'Resolved' && r.value.state === 'In Progress') reopens++;
          incident = r.value;
        });
        expect(incident.reopenCount).toBe(reopens);
        expect(incident.onHoldReason !== null).toBe(incident.state === 'On Hold');
        expect(incident.resolutionNotes !== null).toBe(
          incident.state === 'Resolved' ||
            (incident.state === 'Closed' && incident.resolvedAt !== null),
        );
        expect(incident.closedAt !== null).toBe(
          incident.state === 'Closed' || incident.state === 'Canceled',
        );
      }),
    );
  });
});
