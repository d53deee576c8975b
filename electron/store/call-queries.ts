// Answers the phone desk's queries (the incoming-call banner, the caller log, a call) from the calls
// cached in IndexedDB, the caller's open records there and the record index. Runs in liveQuery: a
// change to the calls, incidents or requests it read re-runs it, and the record index's change to
// interactions or calls refreshes it (followInteractionLists); never writes.

import { isMissed, type Call } from '../../shared/domain/call';
import { isOpenIncident } from '../../shared/domain/incident-record';
import { isClosed } from '../../shared/domain/interaction';
import { isOpenRequest } from '../../shared/domain/request';
import { ok, type StoreResult } from '../../shared/domain/result';
import type {
  callQueryInputs,
  CallQueryOutputs,
  CallerOpenRecord,
  CallView,
  IncomingCall,
} from '../../shared/store-api/call-contract';
import type { QueryArgs } from '../../shared/store-api/contract';
import { toCallView } from './call-views';
import type { DeskDb } from './db';
import type { LoadedDirectory } from './loaded-directory';
import { recordIndexOf } from './record-index-upkeep';
import { listedInteractions, listedRecords } from './interaction-lists';
import { readViews } from './sync/synced-records';

export type CallQueryName = keyof typeof callQueryInputs;

export type CallQuery = {
  [N in CallQueryName]: { name: N; args: QueryArgs<N> };
}[CallQueryName];

export interface CallQueryState {
  db: DeskDb;
  directory: LoadedDirectory;
  /** The signed-in agent: whose banner, and what they marked seen. */
  agentId: string;
}

/** How many of the caller's open records the banner lists (newest first). */
export const OPEN_RECORDS_SHOWN = 10;
/** How many calls the caller log reads to filter (newest first): its queues list comes from them. */
export const LOG_WINDOW = 2_000;

type Answer = StoreResult<CallQueryOutputs[CallQueryName]>;

type Handlers = {
  [N in CallQueryName]: (
    state: CallQueryState,
    args: QueryArgs<N>,
  ) => Promise<StoreResult<CallQueryOutputs[N]>>;
};

const newestFirst = (a: Call, b: Call): number =>
  a.rangAt < b.rangAt ? 1 : a.rangAt > b.rangAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/**
 * The numbers of the calls' interactions, from the record index: no interaction is read (most are
 * closed and packed a hundred to a row). The index's change refreshes these queries
 * (`followInteractionLists`), as a provisional number becomes the server's.
 */
async function interactionNumbers(
  db: DeskDb,
  calls: readonly Call[],
): Promise<Map<string, string>> {
  const ids = [...new Set(calls.flatMap((c) => (c.interaction === null ? [] : [c.interaction])))];
  if (ids.length === 0) return new Map();
  const index = recordIndexOf(db);
  await index.ready();
  return new Map(
    ids.flatMap((id) => {
      const number = index.index.numberOf('interaction', id);
      return number === undefined ? [] : [[id, number] as const];
    }),
  );
}

async function viewsOf(state: CallQueryState, calls: readonly Call[]): Promise<CallView[]> {
  const numbers = await interactionNumbers(state.db, calls);
  return calls.map((c) =>
    toCallView(c, state.directory, numbers.get(c.interaction ?? '') ?? null, state.agentId),
  );
}

/** The caller's open interactions, incidents and requests, newest first. */
export async function openRecordsOf(db: DeskDb, callerId: string): Promise<CallerOpenRecord[]> {
  const [interactions, incidents, requests] = await Promise.all([
    listedInteractions(db, (index) => index.callerInteractions(callerId), {
      limit: OPEN_RECORDS_SHOWN,
      where: (i) => !isClosed(i.state),
    }),
    listedRecords(db, 'incident', (index) => index.callerIncidents(callerId)).then((found) =>
      found.filter(isOpenIncident),
    ),
    db.requests.where('requestedFor').equals(callerId).filter(isOpenRequest).toArray(),
  ]);
  const rows: (CallerOpenRecord & { at: string })[] = [
    ...interactions.map((i) => ({
      kind: 'interaction' as const,
      id: i.id,
      number: i.number,
      shortDescription: i.shortDescription,
      state: i.state,
      at: i.openedAt,
    })),
    ...incidents.map((i) => ({
      kind: 'incident' as const,
      id: i.id,
      number: i.number,
      shortDescription: i.shortDescription,
      state: i.state,
      at: i.openedAt,
    })),
    ...requests.map((r) => ({
      kind: 'request' as const,
      id: r.id,
      number: r.number,
      shortDescription: r.shortDescription,
      state: r.state,
      at: r.openedAt,
    })),
  ];
  return rows
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, OPEN_RECORDS_SHOWN)
    .map(({ at: _at, ...record }) => record);
}

/** One handler per query, by name: the only place that knows them. */
const HANDLERS: Handlers = {
  'call.incoming': async (state) => {
    const ringing = await state.db.calls.where('state').equals('Ringing').toArray();
    const mine = ringing.filter((c) => c.notify.includes(state.agentId)).sort(newestFirst);
    const views = await viewsOf(state, mine);
    const incoming: IncomingCall[] = await Promise.all(
      views.map(async (call) => ({
        call,
        openRecords: call.caller === null ? [] : await openRecordsOf(state.db, call.caller),
      })),
    );
    return ok(incoming);
  },
  'call.log': async (state, args) => {
    const recent = await listedRecords(state.db, 'call', (index) =>
      index.calls().slice(0, LOG_WINDOW),
    );
    const queues = [...new Set(recent.flatMap((c) => (c.queue === null ? [] : [c.queue])))].sort(
      (a, b) => a.localeCompare(b),
    );
    const unseen = (c: Call) => isMissed(c) && !c.seenBy.includes(state.agentId);
    const unseenMissed = recent.filter(unseen).length;
    const shown = recent
      .filter((c) => c.state !== 'Rejected' || args.filter === 'all')
      .filter((c) =>
        args.filter === 'missed'
          ? isMissed(c) && (!args.unseenOnly || unseen(c))
          : args.filter === 'answered'
            ? c.answeredAt !== null
            : !args.unseenOnly || unseen(c),
      )
      .filter((c) => args.queue === null || c.queue === args.queue)
      .filter((c) => args.agent === null || c.answeredBy === args.agent)
      .sort(newestFirst)
      .slice(0, args.limit);
    return ok({ calls: await viewsOf(state, shown), queues, unseenMissed });
  },
  'call.get': async (state, args) => {
    const [call] = await readViews(state.db, 'call', [args.id]);
    if (!call) return ok(null);
    const [view] = await viewsOf(state, [call]);
    return ok(view ?? null);
  },
};

export const isCallQuery = (query: { name: string }): query is CallQuery =>
  Object.hasOwn(HANDLERS, query.name);

export function runCallQuery(state: CallQueryState, query: CallQuery): Promise<Answer> {
  // The handler is the one for this name: its args are this query's.
  const handler = HANDLERS[query.name] as (s: CallQueryState, args: unknown) => Promise<Answer>;
  return handler(state, query.args);
}
