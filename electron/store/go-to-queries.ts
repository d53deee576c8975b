// Answers Go to anything from IndexedDB's indexes and what the store host holds in memory: numbers and
// words by the record index (record-index.ts; a call's number by its table's index), callers by the
// caller lookup then each kind's caller index. Every read is bounded, so an answer costs the same on
// a desk of any size. Awaits nothing but Dexie once the record index is read (the first seconds of a
// start); never writes.

import type { RecordKind, RecordRef } from '../../shared/commands/record-set';
import {
  numberCandidates,
  rankHits,
  wordsOf,
  type GoToMatch,
  type RankedHit,
} from '../../shared/domain/go-to';
import { ok, type StoreResult } from '../../shared/domain/result';
import type { QueryArgs } from '../../shared/store-api/contract';
import type { GoToHit, GoToQueryOutputs } from '../../shared/store-api/go-to-contract';
import type { DeskDb } from './db';
import type { LoadedDirectory } from './loaded-directory';
import { packTables, readViews } from './sync/synced-records';
import { recordIndexOf } from './record-index-upkeep';

export interface GoToQuery {
  name: 'goTo.search';
  args: QueryArgs<'goTo.search'>;
}

export interface GoToState {
  db: DeskDb;
  directory: LoadedDirectory;
}

/** Records read per number prefix ("INC00012" may name a hundred). */
const NUMBER_PREFIX_SCAN = 20;
/** Callers the lookup finds for the text, and the newest records read for each, per kind. */
const CALLERS = 3;
const PER_CALLER = 8;
/** Word hits kept, the newest: only the best of them are read and ranked. */
const WORD_SCAN = 200;
/** One kind never takes more than this share of the rows, so the others still show. */
const PER_KIND_SHARE = 0.6;

interface Candidate extends RecordRef {
  match: GoToMatch;
  /** Known already (the word index carries it); else read with the record. */
  at?: string;
}

/** Common fields of every record kind, as the hit rows read them. */
interface AnyRecord {
  id: string;
  number: string;
  state: string;
  updatedAt: string;
  openedAt: string;
  shortDescription?: string;
  openedFor?: string | null;
  caller?: string | null;
  requestedFor?: string | null;
  person?: string | null;
  displayName?: string;
  reason?: string;
  from?: string;
  interaction?: string | null;
}

function byNumber(db: DeskDb, query: string): Candidate[] {
  const { index } = recordIndexOf(db);
  return numberCandidates(query).flatMap(({ kind, exact, prefix }) => [
    ...(exact ? index.withNumber(kind, exact) : []).map((id): Candidate => ({
      kind,
      id,
      match: 'number',
    })),
    ...(prefix ? index.withNumberPrefix(kind, prefix, NUMBER_PREFIX_SCAN) : []).map(
      (id): Candidate => ({ kind, id, match: 'number-prefix' }),
    ),
  ]);
}

/**
 * The records of the callers the text finds, taken in turns. Interactions, incidents, calls and
 * visits come newest first (the record index lists them); requests' caller index is read forward,
 * in one getAllKeys each.
 */
async function byCaller(
  db: DeskDb,
  directory: LoadedDirectory,
  query: string,
  limit: number,
): Promise<Candidate[]> {
  const users = directory.searchUsers(query, CALLERS);
  const { index } = recordIndexOf(db);
  const lists = await Promise.all(
    users.map(async ({ id: userId }) => {
      const requests = await db.requests
        .where('requestedFor')
        .equals(userId)
        .limit(PER_CALLER)
        .primaryKeys();
      const listed: [RecordKind, readonly string[]][] = [
        ['interaction', index.callerInteractions(userId)],
        ['incident', index.callerIncidents(userId)],
        ['request', requests],
        ['visit', index.personVisits(userId)],
        ['call', index.callerCalls(userId)],
      ];
      return listed.map(([kind, ids]) =>
        ids.slice(0, PER_CALLER).map((id): Candidate => ({ kind, id, match: 'caller' })),
      );
    }),
  ).then((perCaller) => perCaller.flat());
  // In turns (each caller's newest of each kind first), so that only `limit` records are read.
  const taken: Candidate[] = [];
  for (let round = 0; round < PER_CALLER && taken.length < limit; round++)
    for (const list of lists) {
      const next = list[round];
      if (next && taken.length < limit) taken.push(next);
    }
  return taken;
}

function byWords(db: DeskDb, query: string): Candidate[] {
  return recordIndexOf(db)
    .index.withWords(wordsOf(query), WORD_SCAN)
    .map((hit) => ({ ...hit, match: 'words' }));
}

/** A visit opens its interaction, a call the one it became; else their section. */
function hitOf(
  kind: RecordKind,
  record: AnyRecord,
  match: GoToMatch,
  directory: LoadedDirectory,
): GoToHit {
  const callerId =
    record.openedFor ?? record.caller ?? record.requestedFor ?? record.person ?? null;
  const title =
    kind === 'visit'
      ? `${record.displayName ?? ''} · ${record.reason ?? ''}`
      : kind === 'call'
        ? `Call from ${record.from || 'an unknown number'}`
        : (record.shortDescription ?? '');
  return {
    kind,
    id: record.id,
    number: record.number,
    title,
    callerName: callerId ? (directory.getUser(callerId)?.name ?? null) : null,
    state: record.state,
    match,
    at: record.updatedAt,
    interactionId: kind === 'visit' || kind === 'call' ? (record.interaction ?? null) : null,
  };
}

/** Reads the records named, by kind, keyed `kind:id`. */
async function load(db: DeskDb, candidates: readonly RecordRef[]): Promise<Map<string, AnyRecord>> {
  const ids = new Map<RecordKind, Set<string>>();
  for (const c of candidates) {
    const set = ids.get(c.kind) ?? new Set<string>();
    set.add(c.id);
    ids.set(c.kind, set);
  }
  const loaded = new Map<string, AnyRecord>();
  await Promise.all(
    [...ids].map(async ([kind, set]) => {
      const records: (AnyRecord | undefined)[] = await readViews(db, kind, [...set]);
      for (const r of records) if (r) loaded.set(`${kind}:${r.id}`, r);
    }),
  );
  return loaded;
}

/** One read-only transaction for the whole answer: a dozen index reads, not a dozen transactions. */
export async function goToSearch(
  state: GoToState,
  args: QueryArgs<'goTo.search'>,
): Promise<GoToHit[]> {
  const { db } = state;
  await recordIndexOf(db).ready();
  return db.transaction(
    'r',
    [db.interactions, db.incidents, db.requests, db.visits, db.calls, ...packTables(db)],
    () => search(state, args),
  );
}

async function search(
  { db, directory }: GoToState,
  { query, recent, limit }: QueryArgs<'goTo.search'>,
): Promise<GoToHit[]> {
  const text = query.trim();
  const keyOf = (r: RecordRef) => `${r.kind}:${r.id}`;
  if (text === '') {
    // With no text, the recent records in the order the window gave, those still here.
    const records = await load(db, recent);
    const seen = new Set<string>();
    return recent
      .flatMap((r) => {
        const record = records.get(keyOf(r));
        if (!record || seen.has(keyOf(r))) return [];
        seen.add(keyOf(r));
        return [hitOf(r.kind, record, 'recent', directory)];
      })
      .slice(0, limit);
  }
  const recentKeys = new Set(recent.map(keyOf));
  const perKind = Math.max(1, Math.ceil(limit * PER_KIND_SHARE));
  const found = [
    ...byNumber(db, text),
    ...(await byCaller(db, directory, text, limit)),
    ...byWords(db, text),
  ];
  // Word hits carry their time: only the best of them are read. Numbers and callers are few.
  const known = found.filter((c): c is Candidate & { at: string } => c.at !== undefined);
  const bestWords = new Set(
    rankHits(
      known.map((c) => ({ ...c, recent: recentKeys.has(keyOf(c)) })),
      limit,
      perKind,
    ).map(keyOf),
  );
  const wanted = found.filter((c) => c.at === undefined || bestWords.has(keyOf(c)));
  const records = await load(db, wanted);
  const ranked: (RankedHit & { record: AnyRecord })[] = wanted.flatMap((c) => {
    const record = records.get(keyOf(c));
    if (!record) return [];
    const hit = { kind: c.kind, id: c.id, match: c.match, at: record.updatedAt };
    return [{ ...hit, recent: recentKeys.has(keyOf(c)), record }];
  });
  return rankHits(ranked, limit, perKind).map((h) => hitOf(h.kind, h.record, h.match, directory));
}

export const isGoToQuery = (query: { name: string }): query is GoToQuery =>
  query.name === 'goTo.search';

export async function runGoToQuery(
  state: GoToState,
  query: GoToQuery,
): Promise<StoreResult<GoToQueryOutputs['goTo.search']>> {
  return ok(await goToSearch(state, query.args));
}
