// The request mutators: created from a catalog item with its answers checked, the item's
// fulfillment group by default, edits under the assignment rules, and every state change.

import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../demo/catalog-generator';
import {
  addRequestWorkNote,
  createRequest,
  requestListItem,
  setRequestState,
  updateRequest,
  type CreateRequestArgs,
  type Request,
  type RequestContext,
} from './request';
import { REQUEST_MACHINE, REQUEST_STATES, type RequestState } from './task-states';

const catalog = generateCatalog();
const members: Record<string, string[]> = {
  grp_access_management: ['agent-2', 'tech-1'],
  grp_hardware: ['tech-2'],
};
const ctx = (now = '2026-11-23T10:00:00.000Z'): RequestContext => ({
  now,
  actorId: 'agent-1',
  directory: {
    isGroupMember: (g, u) => members[g]?.includes(u) ?? false,
    userName: (u) => u,
  },
  catalog: {
    catalogItem: (id) => catalog.find((i) => i.id === id) ?? null,
    isKnownUser: (id) => id.startsWith('usr_'),
  },
});

const driveAnswers = {
  drive_path: '\\\\fs01\\finance\\reports',
  access_level: 'read_only',
  data_owner: 'usr_000077',
  business_justification: 'Monthly close',
};

const args = (over: Partial<CreateRequestArgs> = {}): CreateRequestArgs => ({
  id: 'req-1',
  requestedFor: 'usr_000009',
  catalogItem: 'cat_shared_drive_access',
  answers: driveAnswers,
  ...over,
});

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const created = (over: Partial<CreateRequestArgs> = {}): Request =>
  unwrap(createRequest(args(over), 'REQ-P0001', true, ctx()));

function inState(state: RequestState): Request {
  const fresh = created();
  if (state === 'Open') return fresh;
  return unwrap(
    setRequestState(fresh, { id: 'req-1', state, closeNotes: 'Owner refused access.' }, ctx()),
  );
}

describe('creating a request', () => {
  it('starts Open, named after its item, for the item fulfillment group', () => {
    expect(created()).toMatchObject({
      state: 'Open',
      shortDescription: 'Access to a shared drive',
      catalogItem: 'cat_shared_drive_access',
      assignmentGroup: 'grp_access_management',
      assignedTo: null,
      requestedFor: 'usr_000009',
      number: 'REQ-P0001',
      numberProvisional: true,
      closeNotes: null,
    });
  });

  it('keeps the answers as checked: trimmed, and unanswered optional checkboxes unchecked', () => {
    const reset = created({
      catalogItem: 'cat_password_reset',
      answers: { account: 'sap', identity_verified: true },
    });
    expect(reset.answers).toEqual({ account: 'sap', identity_verified: true, locked_out: false });
  });

  it('refuses answers the item does not accept, keyed by field', () => {
    const r = createRequest(
      args({ answers: { ...driveAnswers, access_level: 'admin', data_owner: 'nobody' } }),
      'REQ-P0001',
      true,
      ctx(),
    );
    expect(r).toMatchObject({
      ok: false,
      error: {
        message: 'Check Access level, Data owner who approves.',
        fieldErrors: {
          'answers.access_level': 'Pick one of the options for Access level.',
          'answers.data_owner': 'Data owner who approves must name a user.',
        },
      },
    });
  });

  it('refuses an item the catalog does not have, or no longer offers', () => {
    expect(createRequest(args({ catalogItem: 'cat_nothing' }), 'R', true, ctx())).toMatchObject({
      ok: false,
      error: { fieldErrors: { catalogItem: 'Pick the catalog item.' } },
    });
    const retired: RequestContext = {
      ...ctx(),
      catalog: {
        catalogItem: (id) => {
          const item = catalog.find((i) => i.id === id);
          return item ? { ...item, active: false } : null;
        },
      },
    };
    const r = createRequest(args(), 'R', true, retired);
    expect(!r.ok && r.error.message).toBe(
      'Access to a shared drive is no longer offered; pick another catalog item.',
    );
  });

  it('takes another group, and a person only from that group', () => {
    expect(created({ assignmentGroup: 'grp_hardware', assignedTo: 'tech-2' })).toMatchObject({
      assignmentGroup: 'grp_hardware',
      assignedTo: 'tech-2',
    });
    expect(createRequest(args({ assignedTo: 'tech-2' }), 'R', true, ctx())).toMatchObject({
      ok: false,
      error: {
        fieldErrors: { assignedTo: 'Assigned to must be a member of the Assignment group.' },
      },
    });
  });
});

describe('updating a request', () => {
  it('re-checks changed answers against the item', () => {
    const r = updateRequest(created(), { answers: { ...driveAnswers, access_level: 'x' } }, ctx());
    expect(r.ok).toBe(false);
    const ok = updateRequest(
      created(),
      { answers: { ...driveAnswers, access_level: 'read_and_write' } },
      ctx(),
    );
    expect(ok.ok && ok.value.answers.access_level).toBe('read_and_write');
  });

  it('changing the group clears the person', () => {
    const assigned = created({ assignedTo: 'tech-1' });
    expect(
      unwrap(updateRequest(assigned, { assignmentGroup: 'grp_hardware' }, ctx())).assignedTo,
    ).toBe(null);
  });

  it.each(['Closed Complete', 'Closed Incomplete', 'Canceled'] as const)(
    'a %s request takes work notes only',
    (state) => {
      const closed = inState(state);
      expect(updateRequest(closed, { assignedTo: null }, ctx())).toEqual({
        ok: false,
        error: {
          code: 'rule',
          message: `REQ-P0001 is ${state}: only work notes can be added now.`,
        },
      });
      const noted = unwrap(addRequestWorkNote(closed, { noteId: 'n-1', text: 'Shipped' }, ctx()));
      expect(noted.workNotes.map((n) => n.text)).toEqual(['Shipped']);
    },
  );
});

describe('every request state change, as the machine says', () => {
  const pairs = REQUEST_STATES.flatMap((from) =>
    REQUEST_STATES.filter((to) => to !== from).map((to) => [from, to] as const),
  );

  it.each(pairs)('%s → %s', (from, to) => {
    const allowed = REQUEST_MACHINE.transitions.some((t) => t.from === from && t.to === to);
    const r = setRequestState(inState(from), { id: 'req-1', state: to, closeNotes: 'Why' }, ctx());
    expect(r.ok).toBe(allowed);
    if (r.ok) expect(r.value.state).toBe(to);
  });

  it('Closed Incomplete needs close notes', () => {
    const r = setRequestState(created(), { id: 'req-1', state: 'Closed Incomplete' }, ctx());
    expect(r).toMatchObject({
      ok: false,
      error: { fieldErrors: { closeNotes: expect.stringMatching(/Close notes/) as unknown } },
    });
  });

  it('closing records who and when; starting does not', () => {
    const started = unwrap(
      setRequestState(created(), { id: 'req-1', state: 'Work in Progress' }, ctx()),
    );
    expect(started).toMatchObject({ state: 'Work in Progress', closedAt: null });
    const done = unwrap(
      setRequestState(
        started,
        { id: 'req-1', state: 'Closed Complete' },
        ctx('2026-11-24T10:00:00.000Z'),
      ),
    );
    expect(done).toMatchObject({ closedAt: '2026-11-24T10:00:00.000Z', closedBy: 'agent-1' });
  });

  it('the same close twice is one close; a different one from another desk is refused', () => {
    const closed = inState('Closed Incomplete');
    expect(
      setRequestState(
        closed,
        { id: 'req-1', state: 'Closed Incomplete', closeNotes: 'Owner refused access.' },
        ctx(),
      ),
    ).toEqual({ ok: true, value: closed });
    expect(
      setRequestState(
        closed,
        { id: 'req-1', state: 'Closed Incomplete', closeNotes: 'Other' },
        ctx(),
      ).ok,
    ).toBe(false);
  });

  it("is a User's Tasks row, open until closed", () => {
    expect(requestListItem(created())).toMatchObject({
      kind: 'request',
      open: true,
      priority: null,
      callerId: 'usr_000009',
      shortDescription: 'Access to a shared drive',
    });
    expect(requestListItem(inState('Canceled')).open).toBe(false);
  });
});
