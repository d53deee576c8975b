// Answers the walk-up queries (the desk's locations, a location's queue with the wait estimate, a
// visit) from the visits and locations cached in IndexedDB and the record index's lists of visits.
// Runs in liveQuery: a change to the open visits or the locations re-runs it, and the record
// index's change to visits refreshes it (followInteractionLists); never writes.

import { ok, type StoreResult } from '../../shared/domain/result';
import { isFinal, type Visit } from '../../shared/domain/visit';
import { estimateWaits, queueOrder } from '../../shared/domain/walk-up-queue';
import { WALK_UP_DEFAULTS, type WalkUpLocation } from '../../shared/domain/walk-up-location';
import type { QueryArgs } from '../../shared/store-api/contract';
import type {
  walkUpQueryInputs,
  QueueEntry,
  VisitView,
  WalkUpQueryOutputs,
  WalkUpQueueView,
} from '../../shared/store-api/walk-up-contract';
import type { DeskDb } from './db';
import { localTimeZone, medianMinutes, todaysWalkUpWait } from '../../shared/domain/desk-figures';
import type { ClockBoundQuery } from './live-queries';
import type { LoadedDirectory } from './loaded-directory';
import { toVisitView } from './visit-views';
import { getInteractions } from './interaction-packs';
import { listedRecords } from './interaction-lists';
import { readViews } from './sync/synced-records';

export type WalkUpQueryName = keyof typeof walkUpQueryInputs;

export type WalkUpQuery = {
  [N in WalkUpQueryName]: { name: N; args: QueryArgs<N> };
}[WalkUpQueryName];

export interface WalkUpQueryState {
  db: DeskDb;
  directory: LoadedDirectory;
  /** The estimate and "today" are read against it. */
  now: () => Date;
}

/**
 * How many of a location's latest check-ins the queue reads beside the open visits: enough for the
 * rolling median's last services, the stations that served recently and today's finished visits.
 */
export const RECENT_VISITS = 300;
/** How many finished visits the queue lists (Done, No-show and Left today, newest first). */
export const FINISHED_SHOWN = 10;

const OPEN_STATES = ['Waiting', 'Called', 'In service'] as const;

/**
 * The queue's estimate moves with the clock too (a service runs on, a station goes quiet), so its
 * live subscribers get a fresh answer every half minute even when no visit changed.
 */
export const CLOCK_BOUND_QUERIES: readonly ClockBoundQuery[] = [
  { name: 'walkUp.queue', everyMs: 30_000 },
];

type Answer = StoreResult<WalkUpQueryOutputs[WalkUpQueryName]>;

type Handlers = {
  [N in WalkUpQueryName]: (
    state: WalkUpQueryState,
    args: QueryArgs<N>,
  ) => Promise<StoreResult<WalkUpQueryOutputs[N]>>;
};

const byName = (a: WalkUpLocation, b: WalkUpLocation): number =>
  a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One handler per query, by name: the only place that knows them. */
const HANDLERS: Handlers = {
  'walkUp.locations': async ({ db }) => {
    const all = await db.locations.toArray();
    return ok(all.filter((l) => l.active).sort(byName));
  },
  'walkUp.queue': async (state, args) => ok(await queueOf(state, args.location)),
  'visit.get': async ({ db, directory }, args) => {
    const [visit] = await readViews(db, 'visit', [args.id]);
    if (!visit) return ok(null);
    const numbers = await interactionNumbers(db, [visit]);
    return ok(toVisitView(visit, directory, numbers.get(visit.interaction ?? '') ?? null));
  },
};

export const isWalkUpQuery = (query: { name: string }): query is WalkUpQuery =>
  Object.hasOwn(HANDLERS, query.name);

export function runWalkUpQuery(state: WalkUpQueryState, query: WalkUpQuery): Promise<Answer> {
  // The handler is the one for this name: its args are this query's.
  const handler = HANDLERS[query.name] as (s: WalkUpQueryState, args: unknown) => Promise<Answer>;
  return handler(state, query.args);
}

/** The location's open visits and its latest check-ins, each visit once. */
async function visitsAt(db: DeskDb, location: string): Promise<Visit[]> {
  const [open, recent] = await Promise.all([
    db.visits
      .where('[location+state]')
      .anyOf(OPEN_STATES.map((s) => [location, s]))
      .toArray(),
    listedRecords(db, 'visit', (index) => index.visitsAt(location).slice(0, RECENT_VISITS)),
  ]);
  const byId = new Map<string, Visit>();
  for (const v of [...recent, ...open]) byId.set(v.id, v);
  return [...byId.values()];
}

async function interactionNumbers(
  db: DeskDb,
  visits: readonly Visit[],
): Promise<Map<string, string>> {
  const ids = [...new Set(visits.flatMap((v) => (v.interaction === null ? [] : [v.interaction])))];
  if (ids.length === 0) return new Map();
  const found = await getInteractions(db, ids);
  return new Map(found.flatMap((i) => (i ? [[i.id, i.number] as const] : [])));
}

const at = (iso: string | null): string => iso ?? '';
const oldestFirst =
  (key: (v: Visit) => string) =>
  (a: Visit, b: Visit): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Midnight of the day `now` is in, on this desk's clock. */
const startOfDay = (now: Date): string => {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.toISOString();
};

async function queueOf(state: WalkUpQueryState, locationId: string): Promise<WalkUpQueueView> {
  const { db, directory } = state;
  const [stored, visits] = await Promise.all([
    db.locations.get(locationId),
    visitsAt(db, locationId),
  ]);
  const location = stored ?? null;
  const now = state.now();
  // A location the directory feed has not brought yet still orders its queue by the defaults.
  const rules = { id: locationId, vipFirst: location?.vipFirst ?? WALK_UP_DEFAULTS.vipFirst };
  const estimate = estimateWaits(visits, rules, now.getTime());

  const today = startOfDay(now);
  const called = visits
    .filter((v) => v.state === 'Called')
    .sort(oldestFirst((v) => at(v.calledAt)));
  const inService = visits
    .filter((v) => v.state === 'In service')
    .sort(oldestFirst((v) => at(v.startedAt)));
  const finished = visits
    .filter((v) => isFinal(v.state) && at(v.endedAt) >= today)
    .sort(oldestFirst((v) => at(v.endedAt)))
    .reverse()
    .slice(0, FINISHED_SHOWN);
  const numbers = await interactionNumbers(db, [...inService, ...finished]);
  const view = (v: Visit): VisitView =>
    toVisitView(v, directory, v.interaction === null ? null : (numbers.get(v.interaction) ?? null));

  const waiting: QueueEntry[] = queueOrder(visits, rules).map((v, i) => ({
    visit: view(v),
    position: i + 1,
    estimatedWaitMinutes: estimate.minutes.get(v.id) ?? null,
  }));
  return {
    location,
    waiting,
    called: called.map(view),
    inService: inService.map(view),
    finished: finished.map(view),
    stationsServing: estimate.stations,
    medianServiceMinutes: estimate.medianServiceMinutes,
    todayMedianWaitMinutes: medianMinutes(todaysWalkUpWait(visits, now.getTime(), localTimeZone())),
  };
}
