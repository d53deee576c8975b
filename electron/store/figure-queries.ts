// Answers the desk's own figures from what IndexedDB holds: the signed-in agent's day (interactions
// logged and closed, first-contact resolution, handle time, calls answered, visits served), computed
// by shared/domain/desk-figures.ts as the server computes the desk's. Runs in liveQuery (a change to
// interactions, calls, visits or incidents re-runs it); never writes.

import {
  agentToday,
  localClock,
  localTimeZone,
  type DeskRecords,
} from '../../shared/domain/desk-figures';
import { relatedRecordsOf } from '../../shared/domain/related-records';
import { ok, type StoreResult } from '../../shared/domain/result';
import type { QueryArgs } from '../../shared/store-api/contract';
import type { ClockBoundQuery } from './live-queries';
import type {
  FigureQueryOutputs,
  figureQueryInputs,
} from '../../shared/store-api/figures-contract';
import type { DeskDb } from './db';
import { agentInteractions, listedRecords } from './interaction-lists';
import { readViews } from './sync/synced-records';

export type FigureQueryName = keyof typeof figureQueryInputs;

export type FigureQuery = {
  [N in FigureQueryName]: { name: N; args: QueryArgs<N> };
}[FigureQueryName];

export interface FigureQueryState {
  db: DeskDb;
  agentId: string;
  now: () => Date;
}

/** The day rolls over at midnight, and nothing in IndexedDB changes then: re-run every minute. */
export const FIGURE_CLOCK_BOUND_QUERIES: readonly ClockBoundQuery[] = [
  { name: 'figures.agentToday', everyMs: 60_000 },
];

/**
 * How far back a record that counts today can start: a local day is at most 26 hours long
 * (time zones from −12 to +14), so anything older than two days cannot be today's.
 */
const LOOK_BACK_MS = 2 * 24 * 3_600_000;

/**
 * The records the agent's day can read: the agent's interactions opened or closed in the last two
 * days (as the record index lists them: not every interaction of those days, thousands at a busy
 * desk), and the calls
 * and visits of those days.
 */
export async function recentRecords(
  db: DeskDb,
  nowMs: number,
  agentId: string,
): Promise<DeskRecords> {
  const since = new Date(nowMs - LOOK_BACK_MS).toISOString();
  const [opened, closed, calls, visits] = await Promise.all([
    agentInteractions(db, 'opened', agentId, { since }),
    agentInteractions(db, 'closed', agentId, { since }),
    listedRecords(db, 'call', (index) => index.calls(since)),
    listedRecords(db, 'visit', (index) => index.visitsChangedSince(since)),
  ]);
  const interactions = new Map([...opened, ...closed].map((i) => [i.id, i]));
  // Only the incidents first-contact resolution asks about: those the interactions name.
  const incidentIds = [
    ...new Set(
      [...interactions.values()].flatMap((i) =>
        relatedRecordsOf(i).flatMap((r) => (r.kind === 'incident' ? [r.id] : [])),
      ),
    ),
  ];
  const incidents = (await readViews(db, 'incident', incidentIds)).flatMap((i) => (i ? [i] : []));
  return { interactions: [...interactions.values()], visits, calls, incidents };
}

export const isFigureQuery = (query: { name: string }): query is FigureQuery =>
  query.name === 'figures.agentToday';

export async function runFigureQuery(
  state: FigureQueryState,
  query: FigureQuery,
): Promise<StoreResult<FigureQueryOutputs[FigureQueryName]>> {
  const nowMs = state.now().getTime();
  const timeZone = query.args.timeZone ?? localTimeZone();
  const records = await recentRecords(state.db, nowMs, state.agentId);
  return ok({
    ...agentToday(records, state.agentId, nowMs, timeZone),
    day: localClock(timeZone).day(new Date(nowMs).toISOString()),
    timeZone,
  });
}
