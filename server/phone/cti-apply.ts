// Applies one phone-system event to its call in one transaction: the call locked (or numbered when
// new), the lookups the reducer needs, the pure applyCtiEvent, the call written at a new change
// position and the event kept in cti_events with its outcome. Never decides a rule itself.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  applyCtiEvent,
  type Call,
  type CtiApplied,
  type CtiEvent,
  type CtiOutcome,
} from '../../shared/domain/call';
import { serverNumber } from '../../shared/domain/numbering';
import type { Database } from '../db/schema';
import { jsonb, toNumber } from '../db/values';
import type { PhoneRegion } from '../directory/phone-e164';
import { takeNumbers } from '../sync/record-numbers';
import { retriedTransaction } from '../sync/retried-transaction';
import { upsertCalls } from './call-store';
import {
  agentsToNotify,
  answeringAgent,
  isBlocked,
  matchCaller,
  ctiNumberE164,
  outsideNumber,
  type IntegrationRow,
} from './cti-lookups';

/** The event as kept in cti_events: the body as received (folded), capped. */
const BODY_KEPT_MAX = 8_000;

const keptBody = (body: unknown): unknown => {
  const text = JSON.stringify(body ?? null);
  return text.length <= BODY_KEPT_MAX ? body : { truncated: text.slice(0, BODY_KEPT_MAX) };
};

export async function recordCtiEvent(
  db: Kysely<Database> | Parameters<Parameters<typeof retriedTransaction>[1]>[0],
  integration: string,
  callId: string,
  event: string,
  body: unknown,
  outcome: CtiOutcome,
  at: Date,
): Promise<void> {
  await db
    .insertInto('cti_events')
    .values({
      integration,
      call_id: callId.slice(0, 200),
      event: event.slice(0, 40),
      body: jsonb(keptBody(body)),
      received_at: at,
      outcome,
    })
    .execute();
}

export interface CtiApplyDeps {
  db: Kysely<Database>;
  now: () => Date;
  region: PhoneRegion;
  newId?: () => string;
}

/** The event applied and kept; what became of it (the call written, when it changed). */
export async function applyCti(
  deps: CtiApplyDeps,
  integration: IntegrationRow,
  event: CtiEvent,
  body: unknown,
): Promise<CtiApplied> {
  const at = deps.now();
  const now = at.toISOString();
  return retriedTransaction(deps.db, async (trx) => {
    const row = await trx
      .selectFrom('calls')
      .select(['seq', 'record'])
      .where('integration', '=', integration.id)
      .where('call_id', '=', event.callId)
      .forUpdate()
      .executeTakeFirst();
    // The record column holds only what this reducer and the shared mutators produced.
    const previous = row ? (row.record as Call) : null;
    let seq = row ? toNumber(row.seq) : 0;
    const numberE164 = ctiNumberE164(outsideNumber(event), deps.region);
    const fresh = previous === null;
    const match = fresh
      ? await matchCaller(trx, numberE164)
      : { numberE164, caller: null, candidates: [] };
    const notify = fresh && event.direction === 'in' ? await agentsToNotify(trx, event) : [];
    const blocked =
      fresh && event.event === 'newCall'
        ? await isBlocked(trx, integration.location, numberE164, deps.region)
        : false;
    const answeredBy =
      event.event === 'answer' ? await answeringAgent(trx, event, deps.region) : null;
    let number = '';
    if (fresh) {
      // Taken last, once the lookups are done: the counter's lock is held only to the commit.
      const before = await takeNumbers(trx, new Map([['call', 1]]));
      seq = (before.get('call') ?? 0) + 1;
      number = serverNumber('call', seq);
    }
    const applied = applyCtiEvent(previous, event, {
      now,
      newId: (deps.newId ?? randomUUID)(),
      newNumber: number,
      integration: integration.id,
      location: integration.location,
      match,
      notify,
      answeredBy,
      blocked,
    });
    if (applied.changed && applied.call)
      await upsertCalls(trx, [{ record: applied.call, seq }], fresh ? 'fail' : 'replace');
    await recordCtiEvent(trx, integration.id, event.callId, event.event, body, applied.outcome, at);
    return applied;
  });
}
