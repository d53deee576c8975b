import { describe, expect, it } from 'vitest';
import {
  addWorkNote,
  HANDLE_TIME_MAX_SECONDS,
  closeInteraction,
  contactFromCaller,
  createInteraction,
  InteractionFields,
  updateInteraction,
  type CreateInteractionArgs,
  type Interaction,
  type MutationContext,
} from './interaction';

const members: Record<string, string[]> = {
  'grp-desk': ['agent-1', 'agent-2'],
  'grp-net': ['tech-1'],
};
const ctx = (now = '2026-11-23T10:00:00.000Z'): MutationContext => ({
  now,
  actorId: 'agent-1',
  directory: {
    isGroupMember: (g, u) => members[g]?.includes(u) ?? false,
    userName: (u) => (u === 'agent-1' ? 'Demo Agent' : u),
  },
});

const args = (over: Partial<CreateInteractionArgs> = {}): CreateInteractionArgs => ({
  id: 'i-1',
  openedFor: 'user-9',
  contactEmail: 'ana@deskpad.example',
  contactPhone: '+1 555 010 0000',
  type: 'Walk-in',
  component: null,
  assignmentGroup: 'grp-desk',
  assignedTo: null,
  shortDescription: 'Cannot print',
  description: '',
  ...over,
});

function created(over: Partial<CreateInteractionArgs> = {}): Interaction {
  const r = createInteraction(args(over), 'IMS-P0001', true, ctx());
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('Interaction fields', () => {
  it('requires a short description to save', () => {
    const r = InteractionFields.safeParse({ ...args(), shortDescription: '   ' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('Short description is required.');
  });

  it('accepts an empty contact email but refuses a malformed one', () => {
    expect(InteractionFields.safeParse({ ...args(), contactEmail: '' }).success).toBe(true);
    const bad = InteractionFields.safeParse({ ...args(), contactEmail: 'ana@' });
    expect(bad.error?.issues[0]?.path).toEqual(['contactEmail']);
  });

  it('refuses letters in a phone number and an unknown type', () => {
    expect(InteractionFields.safeParse({ ...args(), contactPhone: 'call me' }).success).toBe(false);
    expect(InteractionFields.safeParse({ ...args(), type: 'Fax' }).success).toBe(false);
  });
});

describe('creating an interaction', () => {
  it('starts New, opened by the agent, with no close data', () => {
    const i = created();
    expect(i).toMatchObject({
      state: 'New',
      openedBy: 'agent-1',
      closedAt: null,
      numberProvisional: true,
    });
  });

  it('moves to Work in Progress when Assigned to is set', () => {
    expect(created({ assignedTo: 'agent-2' }).state).toBe('Work in Progress');
  });

  it('refuses an assignee without an assignment group', () => {
    const r = createInteraction(
      args({ assignmentGroup: null, assignedTo: 'agent-1' }),
      'IMS-P0001',
      true,
      ctx(),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fieldErrors?.assignedTo).toMatch(/Pick the Assignment group first/);
    const cleared = updateInteraction(
      created({ assignedTo: 'agent-2' }),
      { assignmentGroup: null, assignedTo: 'agent-2' },
      ctx(),
    );
    expect(cleared.ok).toBe(false);
  });

  it('refuses an assignee who is not in the assignment group', () => {
    const r = createInteraction(args({ assignedTo: 'tech-1' }), 'IMS-P0001', true, ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fieldErrors?.assignedTo).toMatch(/member of the Assignment group/);
  });

  it('records a first work note with its author', () => {
    const i = created({ workNote: 'Checked the cable' });
    expect(i.workNotes).toEqual([
      {
        id: 'i-1:first',
        author: 'agent-1',
        authorName: 'Demo Agent',
        at: ctx().now,
        text: 'Checked the cable',
      },
    ]);
  });
});

describe('updating an interaction', () => {
  it('setting Assigned to moves New to Work in Progress', () => {
    const r = updateInteraction(created(), { assignedTo: 'agent-1' }, ctx());
    expect(r.ok && r.value.state).toBe('Work in Progress');
  });

  it('changing the group clears the person', () => {
    const r = updateInteraction(
      created({ assignedTo: 'agent-2' }),
      { assignmentGroup: 'grp-net' },
      ctx(),
    );
    expect(r.ok && r.value.assignedTo).toBeNull();
  });

  it('keeps a person of the new group named in the same change', () => {
    const r = updateInteraction(
      created({ assignedTo: 'agent-2' }),
      { assignmentGroup: 'grp-net', assignedTo: 'tech-1' },
      ctx(),
    );
    expect(r.ok && r.value.assignedTo).toBe('tech-1');
  });

  it('cannot go back to New once worked', () => {
    const worked = created({ assignedTo: 'agent-2' });
    expect(updateInteraction(worked, { state: 'New' }, ctx()).ok).toBe(false);
    const held = updateInteraction(worked, { state: 'On Hold' }, ctx());
    expect(held.ok && held.value.state).toBe('On Hold');
  });

  it('overwriting the contact fields changes only the interaction', () => {
    const caller = { email: 'ana@deskpad.example', phone: '+1 555 010 0000' };
    const r = updateInteraction(
      created(contactFromCaller(caller)),
      { contactEmail: 'ana.home@example.org' },
      ctx(),
    );
    expect(r.ok && r.value.contactEmail).toBe('ana.home@example.org');
    expect(caller.email).toBe('ana@deskpad.example');
  });
});

describe('closing an interaction', () => {
  it('Close interaction sets Closed Complete, closed by and the handle time', () => {
    const r = closeInteraction(
      created(),
      { id: 'i-1', state: 'Closed Complete' },
      ctx('2026-11-23T10:04:30.000Z'),
    );
    expect(r.ok && r.value).toMatchObject({
      state: 'Closed Complete',
      closedBy: 'agent-1',
      closedAt: '2026-11-23T10:04:30.000Z',
      handleTimeSeconds: 270,
    });
  });

  it('bounds the handle time: never negative, at most a day', () => {
    const handle = (at: string) => {
      const r = closeInteraction(created(), { id: 'i-1', state: 'Closed Complete' }, ctx(at));
      return r.ok ? r.value.handleTimeSeconds : undefined;
    };
    expect(handle('1999-01-01T00:00:00.000Z')).toBe(0);
    expect(handle('2026-11-30T10:00:00.000Z')).toBe(HANDLE_TIME_MAX_SECONDS);
  });

  it('Abandon sets Closed Abandoned', () => {
    const r = closeInteraction(created(), { id: 'i-1', state: 'Closed Abandoned' }, ctx());
    expect(r.ok && r.value.state).toBe('Closed Abandoned');
  });

  it('saves the form changes sent with the close', () => {
    const r = closeInteraction(
      created(),
      { id: 'i-1', state: 'Closed Complete', changes: { description: 'Fixed' } },
      ctx(),
    );
    expect(r.ok && r.value.description).toBe('Fixed');
  });

  it('a closed interaction is read-only except for work notes', () => {
    const closed = closeInteraction(created(), { id: 'i-1', state: 'Closed Complete' }, ctx());
    if (!closed.ok) throw new Error('close failed');
    const edit = updateInteraction(closed.value, { shortDescription: 'Changed' }, ctx());
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.error.message).toMatch(/only work notes can be added/);
    const noted = addWorkNote(
      closed.value,
      { id: 'i-1', noteId: 'n-1', text: 'Called back' },
      ctx(),
    );
    expect(noted.ok && noted.value.workNotes.map((n) => n.text)).toEqual(['Called back']);
  });

  it('closing twice the same way is a no-op; the other way is refused', () => {
    const closed = closeInteraction(created(), { id: 'i-1', state: 'Closed Complete' }, ctx());
    if (!closed.ok) throw new Error('close failed');
    expect(
      closeInteraction(
        closed.value,
        { id: 'i-1', state: 'Closed Complete' },
        ctx('2026-12-01T00:00:00Z'),
      ),
    ).toEqual(closed);
    expect(closeInteraction(closed.value, { id: 'i-1', state: 'Closed Abandoned' }, ctx()).ok).toBe(
      false,
    );
  });
});

describe('work notes', () => {
  it('are append-only and idempotent by note id', () => {
    const once = addWorkNote(created(), { id: 'i-1', noteId: 'n-1', text: 'First' }, ctx());
    if (!once.ok) throw new Error('note failed');
    const again = addWorkNote(once.value, { id: 'i-1', noteId: 'n-1', text: 'First' }, ctx());
    expect(again.ok && again.value.workNotes).toHaveLength(1);
    const second = addWorkNote(once.value, { id: 'i-1', noteId: 'n-2', text: 'Second' }, ctx());
    expect(second.ok && second.value.workNotes.map((n) => n.text)).toEqual(['First', 'Second']);
  });
});

describe('text the desk server could not store', () => {
  it('is refused in every text field, with a message the agent can act on', () => {
    const nul = String.fromCharCode(0);
    for (const field of ['contactPhone', 'shortDescription', 'description'] as const) {
      const r = InteractionFields.safeParse({ ...args(), [field]: `Printer${nul} jam` });
      expect(r.success, field).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/hidden control character/);
    }
    expect(
      InteractionFields.safeParse({ ...args(), shortDescription: 'VPN \ud83d down' }).success,
    ).toBe(false);
  });
});

describe('Resolved with a knowledge article', () => {
  it('records the article and its revision on a completed interaction, never on an abandoned one', () => {
    const ref = { id: 'kb-printer', revision: 2 };
    const closed = closeInteraction(
      created(),
      { id: 'i-1', state: 'Closed Complete', resolvedWith: ref },
      ctx(),
    );
    expect(closed.ok && closed.value).toMatchObject({
      state: 'Closed Complete',
      resolvedWith: ref,
    });
    const abandoned = closeInteraction(
      created(),
      { id: 'i-1', state: 'Closed Abandoned', resolvedWith: ref },
      ctx(),
    );
    expect(abandoned.ok).toBe(false);
    const plain = closeInteraction(created(), { id: 'i-1', state: 'Closed Complete' }, ctx());
    expect(plain.ok && 'resolvedWith' in plain.value).toBe(false);
  });
});
