// Both seeds' escalation steps on pure records: Create Incident and Create Request from an open,
// assigned interaction; Associate with an existing incident; the callbacks a resolution makes due.

import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../demo/catalog-generator';
import {
  associateInteraction,
  callbacksDue,
  createIncidentFromInteraction,
  createRequestFromInteraction,
  escalationBlocker,
  incidentDraftFromInteraction,
  requestDraftFromInteraction,
  suggestedCategory,
  type CreateIncidentFromInteractionArgs,
} from './escalation';
import { createIncident, reopenIncident, resolveIncident, type Incident } from './incident';
import {
  closeInteraction,
  createInteraction,
  updateInteraction,
  type Interaction,
} from './interaction';
import { relatedRecordsOf } from './related-records';
import type { RequestContext } from './request';

const catalog = generateCatalog();
const members: Record<string, string[]> = {
  'grp-desk': ['agent-1', 'agent-2'],
  'grp-net': ['tech-1'],
  grp_access_management: ['agent-2'],
};
const names: Record<string, string> = {
  'agent-1': 'Demo Agent',
  'user-9': 'Ana García',
  'user-7': 'Bo Chen',
};
const ctx = (now = '2026-11-23T10:00:00.000Z', actorId = 'agent-1'): RequestContext => ({
  now,
  actorId,
  directory: {
    isGroupMember: (g, u) => members[g]?.includes(u) ?? false,
    userName: (u) => names[u] ?? u,
  },
  catalog: { catalogItem: (id) => catalog.find((i) => i.id === id) ?? null },
});

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function interaction(over: { id?: string; openedFor?: string | null; assigned?: boolean } = {}) {
  return unwrap(
    createInteraction(
      {
        id: over.id ?? 'ims-1',
        openedFor: over.openedFor === undefined ? 'user-9' : over.openedFor,
        contactEmail: '',
        contactPhone: '',
        type: 'Phone',
        component: 'ci-printer',
        assignmentGroup: 'grp-desk',
        assignedTo: over.assigned === false ? null : 'agent-1',
        shortDescription: 'Cannot print to LON-RH-F3-PRN01',
        description: 'Jobs stay in the queue.',
      },
      `IMS-${over.id ?? 'ims-1'}`,
      false,
      ctx(),
    ),
  );
}

const incidentArgs = (from: Interaction): CreateIncidentFromInteractionArgs => ({
  ...incidentDraftFromInteraction(from, { className: 'Printer' }),
  id: 'inc-1',
  interactionId: from.id,
  assignmentGroup: 'grp-net',
});

function networkIncident(): Incident {
  return unwrap(
    createIncident(
      {
        id: 'inc-net',
        caller: 'user-7',
        shortDescription: 'Network connection lost on LON-RH-F3 network',
        description: '',
        component: 'ci-net-3',
        category: 'Network',
        impact: 2,
        urgency: 2,
        assignmentGroup: 'grp-net',
        assignedTo: 'tech-1',
      },
      'INC0001001',
      false,
      ctx(),
    ),
  );
}

describe('Create Incident (first seed)', () => {
  it('needs the interaction open and assigned to a fulfiller', () => {
    expect(escalationBlocker(interaction({ assigned: false }))).toBe(
      'Assign the interaction to a fulfiller first (Assign to me), then create the incident or request.',
    );
    const closed = unwrap(
      closeInteraction(interaction(), { id: 'ims-1', state: 'Closed Complete' }, ctx()),
    );
    expect(escalationBlocker(closed)).toBe(
      'IMS-ims-1 is Closed Complete: only an open interaction can be escalated.',
    );
    const r = createIncidentFromInteraction(
      interaction({ assigned: false }),
      incidentArgs(interaction()),
      'INC-P0001',
      true,
      ctx(),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(escalationBlocker(interaction())).toBeNull();
  });

  it('Report an Issue opens prefilled from the interaction', () => {
    expect(incidentDraftFromInteraction(interaction(), { className: 'Printer' })).toEqual({
      caller: 'user-9',
      shortDescription: 'Cannot print to LON-RH-F3-PRN01',
      description: 'Jobs stay in the queue.',
      component: 'ci-printer',
      category: 'Hardware',
      impact: 3,
      urgency: 3,
      assignmentGroup: 'grp-desk',
      assignedTo: null,
    });
    expect(incidentDraftFromInteraction(interaction({ openedFor: null })).caller).toBe('');
  });

  it('suggests a category from the component class', () => {
    expect(suggestedCategory('Floor network')).toBe('Network');
    expect(suggestedCategory('Application')).toBe('Software');
    expect(suggestedCategory('Spaceship')).toBe('Inquiry / Help');
    expect(suggestedCategory(null)).toBe('Inquiry / Help');
  });

  it('links both records: related records on each side and a work note naming the incident', () => {
    const from = interaction();
    const { record, interaction: linked } = unwrap(
      createIncidentFromInteraction(from, incidentArgs(from), 'INC-P0001', true, ctx()),
    );
    expect(record).toMatchObject({ number: 'INC-P0001', state: 'New', caller: 'user-9' });
    expect(record.relatedInteractions).toEqual([
      {
        id: 'ims-1',
        number: 'IMS-ims-1',
        caller: 'user-9',
        relation: 'origin',
        at: ctx().now,
        by: 'agent-1',
      },
    ]);
    expect(linked.relatedRecords).toEqual([
      {
        kind: 'incident',
        id: 'inc-1',
        number: 'INC-P0001',
        relation: 'created',
        at: ctx().now,
        by: 'agent-1',
      },
    ]);
    expect(linked.workNotes.at(-1)).toMatchObject({
      id: 'inc-1:created',
      text: 'Incident INC-P0001 created from this interaction: Cannot print to LON-RH-F3-PRN01',
    });
  });

  it('never closes the interaction by itself', () => {
    const from = interaction();
    const { interaction: linked } = unwrap(
      createIncidentFromInteraction(from, incidentArgs(from), 'INC-P0001', true, ctx()),
    );
    expect(linked.state).toBe(from.state);
    expect(linked.closedAt).toBeNull();
  });

  it('refuses what the incident itself refuses, changing neither record', () => {
    const from = interaction();
    const r = createIncidentFromInteraction(
      from,
      { ...incidentArgs(from), assignedTo: 'agent-2' },
      'INC-P0001',
      true,
      ctx(),
    );
    expect(r).toMatchObject({
      ok: false,
      error: { fieldErrors: { assignedTo: expect.any(String) as unknown } },
    });
  });

  it('the interaction keeps its related records through its own mutators', () => {
    const from = interaction();
    const { interaction: linked } = unwrap(
      createIncidentFromInteraction(from, incidentArgs(from), 'INC-P0001', true, ctx()),
    );
    const edited = unwrap(updateInteraction(linked, { description: 'More detail' }, ctx()));
    const closed = unwrap(
      closeInteraction(edited, { id: 'ims-1', state: 'Closed Complete' }, ctx()),
    );
    expect(relatedRecordsOf(closed)).toEqual(linked.relatedRecords);
    expect(relatedRecordsOf(from)).toEqual([]);
  });
});

describe('Create Request (first seed)', () => {
  const item = catalog.find((i) => i.id === 'cat_password_reset');
  if (!item) throw new Error('no password reset item');

  it('opens the item form with Requested for prefilled', () => {
    expect(requestDraftFromInteraction(interaction(), item)).toEqual({
      requestedFor: 'user-9',
      catalogItem: 'cat_password_reset',
      answers: {},
      assignmentGroup: 'grp_access_management',
      assignedTo: null,
    });
  });

  it('links both records and notes the request on the interaction', () => {
    const from = interaction();
    const { record, interaction: linked } = unwrap(
      createRequestFromInteraction(
        from,
        {
          ...requestDraftFromInteraction(from, item),
          id: 'req-1',
          interactionId: 'ims-1',
          answers: { account: 'workday', identity_verified: true },
        },
        'REQ-P0001',
        true,
        ctx(),
      ),
    );
    expect(record).toMatchObject({ state: 'Open', shortDescription: 'Password reset' });
    expect(record.relatedInteractions.map((r) => [r.id, r.relation])).toEqual([
      ['ims-1', 'origin'],
    ]);
    expect(linked.relatedRecords.map((r) => [r.kind, r.number, r.relation])).toEqual([
      ['request', 'REQ-P0001', 'created'],
    ]);
    expect(linked.workNotes.at(-1)?.text).toBe(
      'Request REQ-P0001 created from this interaction: Password reset',
    );
  });

  it('refuses an unassigned interaction and answers the item refuses', () => {
    const base = {
      ...requestDraftFromInteraction(interaction(), item),
      id: 'req-1',
      interactionId: 'ims-1',
    };
    expect(
      createRequestFromInteraction(interaction({ assigned: false }), base, 'R', true, ctx()).ok,
    ).toBe(false);
    const r = createRequestFromInteraction(interaction(), base, 'R', true, ctx());
    expect(r).toMatchObject({
      ok: false,
      error: { fieldErrors: { 'answers.identity_verified': expect.any(String) as unknown } },
    });
  });
});

describe('Associate (second seed)', () => {
  it('links the interaction, notes it on the incident with the affected callers, and back', () => {
    const { incident, interaction: linked } = unwrap(
      associateInteraction(networkIncident(), interaction(), ctx()),
    );
    expect(incident.relatedInteractions.map((r) => [r.id, r.caller, r.relation])).toEqual([
      ['ims-1', 'user-9', 'associated'],
    ]);
    expect(incident.workNotes.at(-1)).toMatchObject({
      id: 'ims-1:associated',
      text: 'Interaction IMS-ims-1 associated: Ana García reported "Cannot print to LON-RH-F3-PRN01". 2 callers affected.',
    });
    expect(linked.relatedRecords.map((r) => [r.kind, r.number, r.relation])).toEqual([
      ['incident', 'INC0001001', 'associated'],
    ]);
    expect(linked.workNotes.at(-1)?.text).toBe(
      'Associated with incident INC0001001: Network connection lost on LON-RH-F3 network',
    );
  });

  it('associating twice is one association', () => {
    const once = unwrap(associateInteraction(networkIncident(), interaction(), ctx()));
    const twice = unwrap(associateInteraction(once.incident, once.interaction, ctx()));
    expect(twice).toEqual(once);
  });

  it('needs neither the interaction assigned nor a caller', () => {
    const r = associateInteraction(
      networkIncident(),
      interaction({ assigned: false, openedFor: null }),
      ctx(),
    );
    expect(r.ok && r.value.incident.workNotes.at(-1)?.text).toMatch(
      /^Interaction IMS-ims-1 associated: An unnamed caller reported .* 1 caller affected\.$/,
    );
  });

  it('refuses a closed interaction and an incident that is no longer open', () => {
    const closed = unwrap(
      closeInteraction(interaction(), { id: 'ims-1', state: 'Closed Complete' }, ctx()),
    );
    expect(associateInteraction(networkIncident(), closed, ctx()).ok).toBe(false);
    const resolved = unwrap(
      resolveIncident(
        networkIncident(),
        { id: 'inc-net', resolutionCode: 'Solution provided', resolutionNotes: 'Fixed' },
        ctx(),
      ),
    );
    expect(associateInteraction(resolved, interaction(), ctx())).toEqual({
      ok: false,
      error: {
        code: 'rule',
        message: 'INC0001001 is Resolved: reopen it if the problem is back, then associate.',
      },
    });
  });
});

describe('Callbacks due (second seed)', () => {
  it('lists each open interaction of a resolved incident until it is closed or the incident reopened', () => {
    const a = unwrap(associateInteraction(networkIncident(), interaction(), ctx()));
    const b = unwrap(
      associateInteraction(a.incident, interaction({ id: 'ims-2', openedFor: 'user-7' }), ctx()),
    );
    const interactions = new Map<string, Interaction>([
      ['ims-1', a.interaction],
      ['ims-2', b.interaction],
    ]);
    const byId = (id: string) => interactions.get(id);
    expect(callbacksDue([b.incident], byId)).toEqual([]);

    const resolved = unwrap(
      resolveIncident(
        b.incident,
        { id: 'inc-net', resolutionCode: 'Solution provided', resolutionNotes: 'Cable fixed' },
        ctx('2026-11-23T15:00:00.000Z', 'tech-1'),
      ),
    );
    expect(callbacksDue([resolved], byId)).toEqual([
      {
        incidentId: 'inc-net',
        incidentNumber: 'INC0001001',
        incidentShortDescription: 'Network connection lost on LON-RH-F3 network',
        resolvedAt: '2026-11-23T15:00:00.000Z',
        resolutionNotes: 'Cable fixed',
        interactionId: 'ims-1',
        interactionNumber: 'IMS-ims-1',
        interactionShortDescription: 'Cannot print to LON-RH-F3-PRN01',
        callerId: 'user-9',
      },
      expect.objectContaining({ interactionId: 'ims-2', callerId: 'user-7' }) as unknown,
    ]);

    interactions.set(
      'ims-1',
      unwrap(closeInteraction(a.interaction, { id: 'ims-1', state: 'Closed Complete' }, ctx())),
    );
    expect(callbacksDue([resolved], byId).map((c) => c.interactionId)).toEqual(['ims-2']);

    const reopened = unwrap(
      reopenIncident(
        resolved,
        { id: 'inc-net', noteId: 'n-r', reason: 'Still cannot print' },
        ctx(),
      ),
    );
    expect(callbacksDue([reopened], byId)).toEqual([]);
    expect(callbacksDue([resolved], () => undefined)).toEqual([]);
  });
});
