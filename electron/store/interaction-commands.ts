// Applies one validated interaction command: the record and its outbox entry are written in one
// transaction, or neither is. Never writes when the mutator refuses; never writes a no-op.

import {
  addWorkNote,
  closeInteraction,
  createInteraction,
  updateInteraction,
  type Interaction,
  type MutationContext,
} from '../../shared/domain/interaction';
import { provisionalNumber } from '../../shared/domain/numbering';
import { fail, ok, type StoreResult } from '../../shared/domain/result';
import type { CommandArgs, CommandName } from '../../shared/store-api/contract';
import type { OutboxEntry } from '../../shared/store-api/outbox';
import { readMeta, writeMeta, type DeskDb } from './db';

export type ParsedCommand = { [N in CommandName]: { name: N; args: CommandArgs<N> } }[CommandName];

/**
 * Adds an entry with the next mutationId. Must run inside a rw transaction over outbox and meta:
 * the counter and the entry commit together, so an aborted command leaves no hole in the ids.
 */
export async function appendToOutbox(db: DeskDb, entry: OutboxEntry): Promise<number> {
  const last = (await readMeta(db, 'mutationCounter')) ?? 0;
  const mutationId = last + 1;
  // The stored clientId, not the caller's copy: sync may have taken a new one (client-conflict)
  // while another host of this installation still holds the old one in memory.
  const clientId = (await readMeta(db, 'clientId')) ?? entry.clientId;
  await writeMeta(db, 'mutationCounter', mutationId);
  await db.outbox.add({ ...entry, clientId, mutationId });
  return mutationId;
}

export async function applyCommand(
  db: DeskDb,
  command: ParsedCommand,
  ctx: MutationContext,
  clientId: string,
): Promise<StoreResult<Interaction>> {
  const record = async (value: Interaction): Promise<void> => {
    const entry: OutboxEntry = {
      clientId,
      name: command.name,
      args: command.args,
      at: ctx.now,
      actorId: ctx.actorId,
    };
    await db.interactions.put(value);
    await appendToOutbox(db, entry);
  };

  return db.transaction('rw', [db.interactions, db.outbox, db.meta], async () => {
    if (command.name === 'interaction.create') {
      // Same id again (a double click, a retry after a lost answer): the record already saved.
      const existing = await db.interactions.get(command.args.id);
      if (existing) return ok(existing);
      const counters = (await readMeta(db, 'counters')) ?? { interaction: 0 };
      const sequence = counters.interaction + 1;
      const created = createInteraction(
        command.args,
        provisionalNumber('interaction', sequence),
        true,
        ctx,
      );
      if (!created.ok) return created;
      await writeMeta(db, 'counters', { ...counters, interaction: sequence });
      await record(created.value);
      return created;
    }

    const current = await db.interactions.get(command.args.id);
    if (!current) return fail('not-found', 'This interaction is not on this desk.');
    // Saving an unchanged form is not a change: nothing to record or to sync.
    if (
      command.name === 'interaction.update' &&
      !Object.values(command.args.changes).some((v) => v !== undefined)
    ) {
      return ok(current);
    }
    const next = mutate(current, command, ctx);
    // The mutators answer with the same object when nothing changes (a retried work note).
    if (next.ok && next.value !== current) await record(next.value);
    return next;
  });
}

export function mutate(
  current: Interaction,
  command: Exclude<ParsedCommand, { name: 'interaction.create' }>,
  ctx: MutationContext,
): StoreResult<Interaction> {
  switch (command.name) {
    case 'interaction.update':
      return updateInteraction(current, command.args.changes, ctx);
    case 'interaction.addWorkNote':
      return addWorkNote(current, command.args, ctx);
    case 'interaction.close':
      return closeInteraction(current, command.args, ctx);
  }
}
