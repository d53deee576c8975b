// The rolled-up interactions per UTC hour (`report_hourly`, migration 0013): what each interaction
// adds to its hour, moved in the writing transaction when the interaction is written or changes.
// Never reads a record's JSON (only the typed columns) and never decides what a figure means.

import { sql, type Transaction } from 'kysely';
import { CLOSED_STATES } from '../../shared/domain/interaction';
import type { Database } from '../db/schema';

const HOUR_MS = 3_600_000;

/** One interaction's part of report_hourly: its key (hour, location, queue, channel, agent) and counts. */
export interface HourlyPart {
  key: string;
  opened: number;
  handled: number;
  handleSeconds: number;
}

type Key = [hour: string, location: string, queue: string, channel: string, agent: string];

/** The parts of these interactions as their rows are now, in this transaction. */
export async function hourlyParts(
  trx: Transaction<Database>,
  ids: readonly string[],
): Promise<HourlyPart[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('interactions')
    .select(['opened_at', 'location', 'queue', 'type', 'opened_by', 'state', 'handle_time_seconds'])
    .where(sql<boolean>`id = ANY(${[...ids]}::text[])`)
    .execute();
  return rows.map((row) => {
    const hour = new Date(
      Math.floor(new Date(row.opened_at).getTime() / HOUR_MS) * HOUR_MS,
    ).toISOString();
    const key: Key = [
      hour,
      row.location ?? '',
      row.queue ?? '',
      row.type ?? '',
      row.opened_by ?? '',
    ];
    // The same rule as desk-figures' handle time: closed, with a handle time kept.
    const handled =
      (CLOSED_STATES as readonly string[]).includes(row.state) && row.handle_time_seconds !== null;
    return {
      key: JSON.stringify(key),
      opened: 1,
      handled: handled ? 1 : 0,
      handleSeconds: handled ? (row.handle_time_seconds ?? 0) : 0,
    };
  });
}

/**
 * Takes the `before` parts out of report_hourly and puts the `after` parts in, as added deltas
 * (`opened = opened + …`), so concurrent pushes never lose each other's counts. Keys are written
 * in one sorted order, so two pushes touching the same hours lock them in the same order.
 */
export async function moveHourly(
  trx: Transaction<Database>,
  before: readonly HourlyPart[],
  after: readonly HourlyPart[],
): Promise<void> {
  const deltas = new Map<string, { opened: number; handled: number; handleSeconds: number }>();
  const add = (part: HourlyPart, sign: 1 | -1) => {
    const d = deltas.get(part.key) ?? { opened: 0, handled: 0, handleSeconds: 0 };
    d.opened += sign * part.opened;
    d.handled += sign * part.handled;
    d.handleSeconds += sign * part.handleSeconds;
    deltas.set(part.key, d);
  };
  for (const part of before) add(part, -1);
  for (const part of after) add(part, 1);
  const rows = [...deltas]
    .filter(([, d]) => d.opened !== 0 || d.handled !== 0 || d.handleSeconds !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, d]) => {
      const [hour, location, queue, channel, agent] = JSON.parse(key) as Key;
      return {
        hour,
        location,
        queue,
        channel,
        agent,
        opened: d.opened,
        handled: d.handled,
        handle_seconds: d.handleSeconds,
      };
    });
  if (rows.length === 0) return;
  await trx
    .insertInto('report_hourly')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['hour', 'location', 'queue', 'channel', 'agent']).doUpdateSet({
        opened: sql`report_hourly.opened + excluded.opened`,
        handled: sql`report_hourly.handled + excluded.handled`,
        handle_seconds: sql`report_hourly.handle_seconds + excluded.handle_seconds`,
      }),
    )
    .execute();
}
