// The interaction's side of an escalation: its related records (the incidents and requests made
// from it or linked to it) and the work note that names each one. Never changes anything else on it.

import { z } from 'zod';
import { Id } from './directory';
// Types only from interaction.ts, and nothing from task.ts: interaction.ts may import
// RelatedRecord from here (docs/decisions/0006) without an import cycle.
import type { Interaction, MutationContext } from './interaction';

export const RelatedRecord = z.object({
  kind: z.enum(['incident', 'request']),
  id: Id,
  /** The record's number when the link was made; the server links with real numbers. */
  number: z.string(),
  /** `created`: made from this interaction; `associated`: an existing incident it was linked to. */
  relation: z.enum(['created', 'associated']),
  at: z.string(),
  by: Id,
});
export type RelatedRecord = z.infer<typeof RelatedRecord>;

/**
 * An interaction that carries its related records. `Interaction` has the field (default `[]`);
 * records stored before it existed may lack it, so readers go through `relatedRecordsOf`.
 */
export type InteractionWithRelatedRecords = Interaction & { relatedRecords: RelatedRecord[] };

export const relatedRecordsOf = (
  interaction: Interaction & { relatedRecords?: RelatedRecord[] },
): RelatedRecord[] => interaction.relatedRecords ?? [];

export interface RecordLink {
  kind: RelatedRecord['kind'];
  id: string;
  number: string;
  relation: RelatedRecord['relation'];
}

/**
 * Links a record to the interaction and writes the work note naming it. Idempotent: a link
 * already there (a retried command) changes nothing, and the note's id is unique per link.
 */
export function linkRecordToInteraction(
  interaction: Interaction & { relatedRecords?: RelatedRecord[] },
  link: RecordLink,
  note: { id: string; text: string },
  ctx: MutationContext,
): InteractionWithRelatedRecords {
  const related = relatedRecordsOf(interaction);
  if (related.some((r) => r.kind === link.kind && r.id === link.id))
    return { ...interaction, relatedRecords: related };
  const noted = interaction.workNotes.some((n) => n.id === note.id)
    ? interaction.workNotes
    : [
        ...interaction.workNotes,
        {
          id: note.id,
          author: ctx.actorId,
          authorName: ctx.directory.userName(ctx.actorId),
          at: ctx.now,
          text: note.text,
        },
      ];
  return {
    ...interaction,
    workNotes: noted,
    relatedRecords: [...related, { ...link, at: ctx.now, by: ctx.actorId }],
    updatedAt: ctx.now,
    updatedBy: ctx.actorId,
  };
}
