// Seeds the demo desk's past weeks (shared/demo/history-generator.ts) into the demo's transaction:
// interactions, calls, walk-up visits and escalated incidents, each numbered from its counter and
// stored through the same functions push uses. Never writes a record table directly.

import type { Transaction } from 'kysely';
import { generateHistory } from '../../shared/demo/history-generator';
import type { Directory } from '../../shared/domain/directory';
import type { NumberedKind } from '../../shared/domain/numbering';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';
import { upsertInteractions } from '../interactions/interaction-store';
import { upsertCalls } from '../phone/call-store';
import { upsertIncidents } from '../tasks/task-store';
import { upsertVisits } from '../walk-up/visit-store';

export interface DemoHistoryOptions {
  seed: number;
  now: Date;
  /** Days of history before today; the generator's default when absent; 0 seeds no history at all. */
  days?: number;
}

type HistoryKind = Exclude<NumberedKind, 'request'>;

/** What the history added, kind by kind (for the log and the tests). */
export type DemoHistoryCounts = Record<'interactions' | 'calls' | 'visits' | 'incidents', number>;

/**
 * Writes the history and moves each counter past it, as if the server had numbered each record.
 * The walk-up generator's visits of today are left as they are: the history's visits end before
 * the first of them.
 */
export async function insertDemoHistory(
  trx: Transaction<Database>,
  directory: Directory,
  options: DemoHistoryOptions,
): Promise<DemoHistoryCounts> {
  // No history asked for (tests that count every record they made): today stays empty too.
  if (options.days === 0) return { interactions: 0, calls: 0, visits: 0, incidents: 0 };
  const counters = new Map(
    (await trx.selectFrom('numbering').select(['kind', 'last_value']).execute()).map((row) => [
      row.kind,
      toNumber(row.last_value),
    ]),
  );
  const next = (kind: HistoryKind): number => {
    const last = counters.get(kind);
    if (last === undefined) throw new Error(`no ${kind} numbering`);
    return last + 1;
  };
  const firstDemoVisit = await trx
    .selectFrom('visits')
    .select('opened_at')
    .where('id', 'like', 'vis\\_demo\\_%')
    .orderBy('opened_at')
    .limit(1)
    .executeTakeFirst();
  const history = generateHistory(directory, {
    seed: options.seed,
    now: options.now.toISOString(),
    ...(options.days === undefined ? {} : { days: options.days }),
    firstNumbers: {
      interaction: next('interaction'),
      call: next('call'),
      visit: next('visit'),
      incident: next('incident'),
    },
    ...(firstDemoVisit ? { visitsBefore: new Date(firstDemoVisit.opened_at).toISOString() } : {}),
  });
  const stored = <T>(records: readonly T[], kind: HistoryKind) =>
    records.map((record, i) => ({ record, seq: next(kind) + i }));
  await upsertInteractions(trx, stored(history.interactions, 'interaction'));
  await upsertCalls(trx, stored(history.calls, 'call'));
  await upsertVisits(trx, stored(history.visits, 'visit'));
  await upsertIncidents(trx, stored(history.incidents, 'incident'));
  const moved: [HistoryKind, number][] = [
    ['interaction', history.interactions.length],
    ['call', history.calls.length],
    ['visit', history.visits.length],
    ['incident', history.incidents.length],
  ];
  for (const [kind, count] of moved) {
    if (count === 0) continue;
    await trx
      .updateTable('numbering')
      .set({ last_value: next(kind) + count - 1 })
      .where('kind', '=', kind)
      .execute();
  }
  return {
    interactions: history.interactions.length,
    calls: history.calls.length,
    visits: history.visits.length,
    incidents: history.incidents.length,
  };
}
