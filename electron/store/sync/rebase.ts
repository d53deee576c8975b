// The desk's view of one interaction: the server's copy with the changes still waiting in the
// outbox replayed on top, by the same shared mutators the server runs. Pure; never writes.

import {
  createInteraction,
  type DirectoryRules,
  type Interaction,
} from '../../../shared/domain/interaction';
import type { StoreError } from '../../../shared/domain/result';
import type { OutboxEntry } from '../../../shared/store-api/outbox';
import { parseCommand } from '../../../shared/store-api/validate';
import { mutate } from '../interaction-commands';

export interface Replayed {
  /** Undefined when the record exists neither on the server nor in a waiting create. */
  record: Interaction | undefined;
  /** Waiting changes that no longer apply to the server's copy (the server will refuse them too). */
  failed: { mutationId: number; reason: StoreError }[];
}

/** The interaction an outbox entry belongs to (every command names it by `id`). */
export function interactionIdOf(entry: Pick<OutboxEntry, 'args'>): string | null {
  const args = entry.args as unknown;
  if (typeof args !== 'object' || args === null) return null;
  const id = (args as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

/**
 * Replays `pending` (oldest first, all for one interaction) over `base`. A create keeps the
 * provisional number the desk already shows (`numberFor` gives one when there is none).
 */
export function replay(
  base: Interaction | undefined,
  pending: readonly OutboxEntry[],
  current: Interaction | undefined,
  rules: DirectoryRules,
  numberFor: () => string,
): Replayed {
  let record = base;
  const failed: Replayed['failed'] = [];
  for (const entry of pending) {
    const parsed = parseCommand(entry.name, entry.args);
    const mutationId = entry.mutationId ?? 0;
    if (!parsed.ok) {
      failed.push({ mutationId, reason: parsed.error });
      continue;
    }
    const ctx = { now: entry.at, actorId: entry.actorId, directory: rules };
    const command = parsed.value;
    if (command.name === 'interaction.create') {
      // The server treats a create of an id it has as the same record; so does the replay.
      if (record) continue;
      const number =
        current?.numberProvisional === true && current.id === command.args.id
          ? current.number
          : numberFor();
      const created = createInteraction(command.args, number, true, ctx);
      if (created.ok) record = created.value;
      else failed.push({ mutationId, reason: created.error });
      continue;
    }
    if (!record) {
      failed.push({
        mutationId,
        reason: {
          code: 'not-found',
          message: 'The interaction this change belongs to is not here.',
        },
      });
      continue;
    }
    const next = mutate(record, command, ctx);
    if (next.ok) record = next.value;
    else failed.push({ mutationId, reason: next.error });
  }
  return { record, failed };
}
