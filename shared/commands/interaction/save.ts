// interaction.save: Save on the interaction form, as one change: creates the interaction when it is
// not here yet, else writes the fields the agent changed, and appends the written work note.

import {
  createInteraction,
  SaveInteractionArgs,
  updateInteraction,
  type Interaction,
  type SaveInteractionArgs as SaveArgs,
} from '../../domain/interaction';
import { linkCall } from '../../domain/call';
import { loggedFromCall } from '../../domain/interaction-call';
import type { StoreResult } from '../../domain/result';
import { appendWorkNote } from '../../domain/task';
import { changes, effectiveChanges, hasChanges } from '../apply-steps';
import { defineCommand, type ApplyContext } from '../command-module';
import { anyDeskRole } from '../permission';

function withNote(record: Interaction, args: SaveArgs, ctx: ApplyContext): Interaction {
  const { noteId, workNote } = args;
  return noteId !== undefined && workNote !== undefined
    ? appendWorkNote(record, noteId, workNote, ctx)
    : record;
}

/** The fields this save writes to a record that exists: those named (all when none are), changed. */
function fieldChanges(current: Interaction, args: SaveArgs) {
  // The call a form was opened for is the first save's: a later one never relinks the record.
  const {
    id: _id,
    changed,
    noteId: _noteId,
    workNote: _note,
    call: _call,
    talkStartedAt: _talk,
    ...fields
  } = args;
  const named = changed
    ? Object.fromEntries(changed.map((field) => [field, fields[field]]))
    : fields;
  return effectiveChanges(current, named);
}

function saved(current: Interaction, args: SaveArgs, ctx: ApplyContext): StoreResult<Interaction> {
  const edits = fieldChanges(current, args);
  if (!hasChanges(edits)) return { ok: true, value: withNote(current, args, ctx) };
  const updated = updateInteraction(current, edits, ctx);
  return updated.ok ? { ok: true, value: withNote(updated.value, args, ctx) } : updated;
}

export const interactionSave = defineCommand({
  name: 'interaction.save',
  kind: 'interaction',
  args: SaveInteractionArgs,
  permission: anyDeskRole('log interactions'),
  creates: true,
  // A first save for a call links the call too (when the desk has it), in the same change.
  records: (args) => [
    { kind: 'interaction', id: args.id },
    ...(args.call ? [{ kind: 'call' as const, id: args.call }] : []),
  ],
  apply(records, args, ctx) {
    const current = records.get('interaction', args.id);
    if (current) {
      // A retried save (its answer lost), or a later one: what it carries that is new, if anything.
      const next = saved(current, args, ctx);
      if (!next.ok) return next;
      return changes([{ before: current, after: { kind: 'interaction', record: next.value } }]);
    }
    const {
      changed: _changed,
      noteId: _noteId,
      workNote: _note,
      call,
      talkStartedAt,
      ...fields
    } = args;
    const { number, provisional } = ctx.numberFor('interaction', args.id);
    const created = createInteraction(fields, number, provisional, ctx);
    if (!created.ok) return created;
    // Logged from a phone call: the record names it and the call timer runs from its answer.
    const fromCall = loggedFromCall(created.value, { call, talkStartedAt }, ctx);
    const record = withNote(fromCall, args, ctx);
    const made = { before: undefined, after: { kind: 'interaction' as const, record } };
    // The call becomes this interaction in the same change (call.link's rule). A call already
    // logged as another interaction keeps it, and the agent's save is never refused for that.
    const theCall = call ? records.get('call', call) : undefined;
    const linked = theCall
      ? linkCall(theCall, { id: theCall.id, interaction: args.id }, ctx)
      : null;
    if (theCall && linked?.ok && linked.value !== theCall)
      return changes(
        [made, { before: theCall, after: { kind: 'call', record: linked.value } }],
        'interaction',
      );
    return changes([made], 'interaction');
  },
  output: { kind: 'interaction', id: 'id' },
  describe: () => 'Save interaction',
});
