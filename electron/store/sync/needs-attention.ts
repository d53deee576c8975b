// Needs attention: the changes the desk server refused, kept with their data until the agent
// retries (a new change) or discards them. Never sends anything itself.

import type { KindedRecord } from '../../../shared/commands/record-set';
import type { DirectoryRules } from '../../../shared/domain/interaction';
import type { StoreError } from '../../../shared/domain/result';
import { recordsOfEntry } from '../../../shared/store-api/apply-command';
import type { OutboxEntry } from '../../../shared/store-api/outbox';
import type { DeskDb } from '../db';
import { appendToOutbox } from '../store-commands';
import { rebaseRecords } from './rebase-records';
import { keepServerCopies } from './server-copies';
import { readViews, rebaseTables } from './synced-records';

/**
 * Keeps a refused change in Needs attention, inside the caller's transaction (which must include
 * `needsAttention`). Answers whether it did (an entry with no mutationId was never sent).
 */
export async function noteRefused(
  db: DeskDb,
  entry: OutboxEntry,
  reason: StoreError,
  refusedAt: string,
): Promise<boolean> {
  if (entry.mutationId === undefined) return false;
  await db.needsAttention.add({ mutationId: entry.mutationId, entry, reason, refusedAt });
  return true;
}

/** Queues a refused change again as a new change (a new mutationId) and shows it on the desk. */
export async function retryRefused(
  db: DeskDb,
  id: number,
  rules: DirectoryRules,
  actorId: string,
  now: () => Date,
): Promise<number | null> {
  return db.transaction('rw', [...rebaseTables(db), db.needsAttention], async () => {
    const row = await db.needsAttention.get(id);
    if (!row) return null;
    const { mutationId: _old, ...entry } = row.entry;
    // Queued again, the change needs its records' bases: pulls with nothing waiting kept none.
    const refs = recordsOfEntry(entry);
    const shown = await Promise.all(
      refs.map(async (ref) => {
        const [record] = await readViews(db, ref.kind, [ref.id]);
        return record && ({ kind: ref.kind, record } as KindedRecord);
      }),
    );
    await keepServerCopies(
      db,
      shown.filter((view): view is KindedRecord => view !== undefined),
    );
    const mutationId = await appendToOutbox(db, { ...entry, actorId, at: now().toISOString() });
    await db.needsAttention.delete(id);
    await rebaseRecords(db, refs, rules);
    return mutationId;
  });
}

export async function discardRefused(db: DeskDb, id: number): Promise<boolean> {
  return db.transaction('rw', db.needsAttention, async () => {
    if (!(await db.needsAttention.get(id))) return false;
    await db.needsAttention.delete(id);
    return true;
  });
}
