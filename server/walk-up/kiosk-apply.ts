// Runs a kiosk's check-in or survey through the very push path a desk's changes take (push.ts: the
// same locks, numbering, mutations log and poke), as the kiosk account's own change stream. Never
// writes a visit itself.

import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { User } from '../../shared/domain/directory';
import type { StoreError } from '../../shared/domain/result';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';
import { ApiError } from '../http/api-error';
import type { PokeBus } from '../sync/poke-bus';
import { applyPush } from '../sync/push';

/** A kiosk account's change stream on the server: one clientId per account, whatever its tablets. */
export const kioskClientId = (kioskId: string): string =>
  `kiosk:${createHash('sha256').update(kioskId).digest('hex').slice(0, 40)}`;

/** Two tablets of one account taking the same next mutationId: the later one tries the next. */
const ATTEMPTS = 5;

export interface KioskApplyDeps {
  db: Kysely<Database>;
  pokes: PokeBus;
  now: () => Date;
  log: { warn(details: object, message: string): void };
}

/** What became of the change: applied (or the same as already there), or refused and why. */
export type KioskApplied = { ok: true } | { ok: false; reason: StoreError };

/**
 * Pushes one mutation as the kiosk, numbered after the last one the server holds for its stream.
 * A concurrent request of the same account that took that number first makes this one's push a
 * `client-conflict` (a different change under a used number): it is tried again with the next.
 */
export async function applyAsKiosk(
  deps: KioskApplyDeps,
  kiosk: User,
  name: string,
  args: unknown,
): Promise<KioskApplied> {
  const clientId = kioskClientId(kiosk.id);
  for (let attempt = 1; ; attempt++) {
    const row = await deps.db
      .selectFrom('clients')
      .select('last_mutation_id')
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    const mutationId = (row ? toNumber(row.last_mutation_id) : 0) + 1;
    const mutation = { mutationId, name, args, at: deps.now().toISOString(), actorId: kiosk.id };
    try {
      const outcome = await applyPush(
        deps.db,
        { clientId, mutations: [mutation] },
        kiosk,
        deps.now,
      );
      if (outcome.changed) {
        // The lobby boards and every desk at the location pull now; a lost poke is caught up later.
        await deps.pokes.publish({ topic: 'interactions' }).catch((error: unknown) => {
          deps.log.warn({ err: error }, 'could not poke the desks after a kiosk change');
        });
      }
      const refused = outcome.refused.find((r) => r.mutationId === mutationId);
      return refused ? { ok: false, reason: refused.reason } : { ok: true };
    } catch (error) {
      const raced =
        error instanceof ApiError &&
        (error.code === 'client-conflict' || error.code === 'mutation-gap');
      if (!raced || attempt >= ATTEMPTS) throw error;
    }
  }
}
