// After the desk server was restored from a backup, the changes that make up an interaction it no
// longer has, as outbox entries that rebuild its current state. Pure; never writes.

import { isClosed, type Interaction } from '../../../shared/domain/interaction';
import type { OutboxEntry } from '../../../shared/store-api/outbox';

/**
 * A create of the record's fields (with its first work note), each later work note, the state it
 * was put in, and its close: replayed in order over nothing they give back the record, with the
 * same note ids, times and handle time. Each entry claims the agent who did that part first; the
 * server applies them as the agent signed in when they are pushed (ADR 0004).
 */
export function recreateEntries(record: Interaction, clientId: string): OutboxEntry[] {
  const firstNoteId = `${record.id}:first`;
  const firstNote = record.workNotes.find((n) => n.id === firstNoteId);
  const entries: OutboxEntry[] = [
    {
      clientId,
      name: 'interaction.create',
      args: {
        id: record.id,
        openedFor: record.openedFor,
        contactEmail: record.contactEmail,
        contactPhone: record.contactPhone,
        type: record.type,
        component: record.component,
        assignmentGroup: record.assignmentGroup,
        assignedTo: record.assignedTo,
        shortDescription: record.shortDescription,
        description: record.description,
        ...(firstNote ? { workNote: firstNote.text } : {}),
      },
      at: record.openedAt,
      actorId: record.openedBy,
    },
  ];
  for (const note of record.workNotes) {
    if (note === firstNote) continue;
    entries.push({
      clientId,
      name: 'interaction.addWorkNote',
      args: { id: record.id, noteId: note.id, text: note.text },
      at: note.at,
      actorId: note.author,
    });
  }
  // The call timer: started and ended at the times the record kept (a record with several calls
  // comes back as one call from the last start to the last end).
  if (record.talkStartedAt) {
    entries.push({
      clientId,
      name: 'interaction.startCall',
      args: { id: record.id, at: record.talkStartedAt },
      at: record.talkStartedAt,
      actorId: record.updatedBy,
    });
  }
  if (record.talkStartedAt && record.talkEndedAt) {
    entries.push({
      clientId,
      name: 'interaction.endCall',
      args: { id: record.id, at: record.talkEndedAt },
      at: record.talkEndedAt,
      actorId: record.updatedBy,
    });
  }
  // A create makes New (Work in Progress once someone is assigned, or a call started); Wrap Up
  // comes from End call; anything else was set later.
  const created = record.assignedTo === null && !record.talkStartedAt ? 'New' : 'Work in Progress';
  if (!isClosed(record.state) && record.state !== 'Wrap Up' && record.state !== created) {
    entries.push({
      clientId,
      name: 'interaction.update',
      args: { id: record.id, changes: { state: record.state } },
      at: record.updatedAt,
      actorId: record.updatedBy,
    });
  }
  if (isClosed(record.state)) {
    entries.push({
      clientId,
      name: 'interaction.close',
      args: {
        id: record.id,
        state: record.state,
        ...(record.wrapUpCode ? { wrapUpCode: record.wrapUpCode } : {}),
        ...(record.resolvedWith ? { resolvedWith: record.resolvedWith } : {}),
      },
      at: record.closedAt ?? record.updatedAt,
      actorId: record.closedBy ?? record.updatedBy,
    });
  }
  return entries;
}
