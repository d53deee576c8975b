// Applies a desk's pushed mutations once, in order, as the signed-in agent, in one transaction that
// locks only what it touches (ADR 0007). Never skips a gap, nor a new change under a used id.

import type { Kysely } from 'kysely';
import type { User } from '../../shared/domain/directory';
import { recordsOf } from '../../shared/store-api/apply-command';
import type { PushRequest, PushResponse } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { together } from '../db/together';
import { stampedNow } from './mutation-clock';
import { checkRepeated, lockClient, recordMutations, saveClient } from './mutation-log';
import { groupNamesOf } from './group-names';
import { kindedRecords, loadRules, lockRecords, writeChanged } from './push-records';
import { checkReferences } from './push-references';
import { DUMMY_COUNTERS, parseFresh, replayMutations } from './push-replay';
import { takeNumbers } from './record-numbers';
import { loadKnowledge, writeRatings } from './push-ratings';
import { retriedTransaction } from './retried-transaction';

export interface PushOutcome extends PushResponse {
  /** Whether any record (of any kind) changed, i.e. whether other desks should be poked. */
  changed: boolean;
  /** The applied mutations whose desk time was out of bounds, and the time used (for the log). */
  clockAdjusted: { mutationId: number; deskAt: string; appliedAt: string }[];
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
  if (!first || !lastInPush)
    return { lastMutationId: 0, refused: [], changed: false, clockAdjusted: [] };

  return retriedTransaction(db, async (trx) => {
    // One now for the whole push: it orders the changes (updatedAt) and bounds the desk's times.
    const serverNow = now();
    const last = await lockClient(trx, push.clientId, pusher, serverNow, push.mutations);
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
    if (fresh.length === 0)
      return { lastMutationId: last, refused: earlier, changed: false, clockAdjusted: [] };

    const readable = fresh.map(parseFresh);
    const commands = readable.flatMap((p) => (p.ok ? [p.value] : []));
    const loaded = await lockRecords(trx, commands.flatMap(recordsOf));
    // The client's row is this push's already: saved before the counters, not while holding them.
    const [rules, groupNames, knowledge] = await together([
      loadRules(trx, commands, kindedRecords(loaded), pusher),
      groupNamesOf(trx, kindedRecords(loaded)),
      loadKnowledge(trx, commands),
      saveClient(trx, push.clientId, lastInPush.mutationId, pusher, serverNow),
    ]);
    // A change naming a user, group or configuration item the directory lacks is refused alone.
    const parsed = readable.map((p) => (p.ok ? checkReferences(p.value, loaded, rules.known) : p));
    const { clientId } = push;
    const replay = {
      mutations: fresh,
      parsed,
      loaded,
      rules: { ...rules, knowledge },
      pusher,
      groupNames,
      serverNow,
      clientId,
    };
    // Replays are pure and deterministic: a second one with the real counters asks the same kinds
    // and uses as many numbers; from 0, the dry run's last numbers are how many of each it takes.
    const dry = replayMutations({ ...replay, counters: DUMMY_COUNTERS });
    const counts = new Map([...dry.numbersAsked].map((k) => [k, dry.numbersUsed.get(k) ?? 0]));
    const before = await takeNumbers(trx, counts);
    const run = counts.size === 0 ? dry : replayMutations({ ...replay, counters: before });
    for (const [kind, taken] of counts)
      if ((run.numbersUsed.get(kind) ?? before.get(kind)) !== (before.get(kind) ?? 0) + taken)
        throw new Error(`the push used other ${kind} numbers than it took`);

    // One round trip: the connection runs them in order, nothing waits on another's lock.
    await together([
      writeChanged(
        trx,
        run.changed.map((entry) => stampedNow(entry, serverNow)),
      ),
      recordMutations(trx, push.clientId, fresh, run, pusher, serverNow),
      writeRatings(trx, run.ratings),
    ]);
    const refused = [
      ...earlier,
      ...[...run.refusals].map(([mutationId, reason]) => ({ mutationId, reason })),
    ];
    const deskAt = new Map(fresh.map((m) => [m.mutationId, m.at]));
    const clockAdjusted = [...run.appliedAt]
      .filter(([, when]) => when.adjusted)
      .map(([mutationId, when]) => ({
        mutationId,
        deskAt: deskAt.get(mutationId) ?? '',
        appliedAt: when.at,
      }));
    return {
      lastMutationId: lastInPush.mutationId,
      refused,
      changed: run.changed.length > 0,
      clockAdjusted,
    };
  });
}
