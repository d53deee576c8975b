// Applies a desk's pushed mutations once, in order, as the signed-in agent, in one transaction that
// locks only what it touches (ADR 0007). Never skips a gap, nor a new change under a used id.

import type { Kysely } from 'kysely';
import type { User } from '../../shared/domain/directory';
import { recordsOf } from '../../shared/store-api/apply-command';
import type { PushRequest, PushResponse } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { together } from '../db/together';
import { checkRepeated, lockClient, recordMutations, saveClient } from './mutation-log';
import { kindedRecords, loadRules, lockRecords, writeChanged } from './push-records';
import { DUMMY_COUNTERS, parseFresh, replayMutations } from './push-replay';
import { lockCounters, saveCounters } from './record-numbers';
import { retriedTransaction } from './retried-transaction';

export interface PushOutcome extends PushResponse {
  /** Whether any record (of any kind) changed, i.e. whether other desks should be poked. */
  changed: boolean;
}

/**
 * Locks, in this order for every push (so none waits for another in a circle): the client's row,
 * the records the commands name (by kind, then id), and last — only if a create needs a number —
 * the counters of the kinds it creates, held only for the replay, the writes and the commit.
 */
export async function applyPush(
  db: Kysely<Database>,
  push: PushRequest,
  pusher: User,
  now: () => Date,
): Promise<PushOutcome> {
  const first = push.mutations[0];
  const lastInPush = push.mutations.at(-1);
  if (!first || !lastInPush) return { lastMutationId: 0, refused: [], changed: false };

  return retriedTransaction(db, async (trx) => {
    const last = await lockClient(trx, push.clientId, pusher, now(), push.mutations);
    if (first.mutationId > last + 1) {
      throw new ApiError(
        409,
        'mutation-gap',
        `This desk's changes arrived out of order: the server has up to ${last} and expected ${last + 1} next, not ${first.mutationId}.`,
        { expectedMutationId: last + 1 },
      );
    }

    // Ids this client already used: the same mutations again (a retried batch) are skipped; a
    // different mutation under a used id means two installations share this clientId.
    const earlier =
      last >= first.mutationId
        ? await checkRepeated(trx, push, Math.min(last, lastInPush.mutationId))
        : [];
    const fresh = push.mutations.filter((m) => m.mutationId > last);
    if (fresh.length === 0) return { lastMutationId: last, refused: earlier, changed: false };

    const parsed = fresh.map(parseFresh);
    const commands = parsed.flatMap((p) => (p.ok ? [p.value] : []));
    const loaded = await lockRecords(trx, commands.flatMap(recordsOf));
    const rules = await loadRules(trx, commands, kindedRecords(loaded), pusher);
    const replay = { mutations: fresh, parsed, loaded, rules, pusher };
    // Replays are pure and deterministic: a second one with the real counters asks the same kinds.
    const dry = replayMutations({ ...replay, counters: DUMMY_COUNTERS });
    const kinds = [...dry.numbersAsked].sort();
    const run =
      kinds.length === 0
        ? dry
        : replayMutations({ ...replay, counters: await lockCounters(trx, kinds) });

    // One round trip: the connection runs them in order, nothing waits on another's lock.
    await together([
      writeChanged(trx, run.changed),
      recordMutations(trx, push.clientId, fresh, run.refusals, pusher, now()),
      saveClient(trx, push.clientId, lastInPush.mutationId, pusher, now()),
      saveCounters(trx, run.numbersUsed),
    ]);
    const refused = [
      ...earlier,
      ...[...run.refusals].map(([mutationId, reason]) => ({ mutationId, reason })),
    ];
    return { lastMutationId: lastInPush.mutationId, refused, changed: run.changed.length > 0 };
  });
}
