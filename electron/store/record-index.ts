// The desk's index of its interactions, incidents, requests, visits and calls, in memory: for Go to
// anything, each record's number and the words of its short description (a visit: the person and
// the reason; a call has none); for the agent's own work (My day, known and recent callers, template
// uses), who opened and who closed each interaction, and when; for the interaction lists, the open
// ones by state and the closed ones, newest first; for a caller's history, the interactions opened
// for each caller; for the call log, the calls by ring time, all and each caller's; for the walk-up
// desk, the visits by check-in, each location's and each person's, and by last change; for the
// task lists, the incidents in each state and each caller's, by last change; for Callbacks due, the
// interactions each Resolved incident is linked to. IndexedDB pays per index entry: a record's
// words were a multi-entry index of seven or so entries, more than half of what storing a pulled record cost,
// its number one more, and a closed interaction four more that no query read it by (ADR 0020,
// "Found in memory"). Here they cost nothing to store. Pure data: record-index-upkeep.ts keeps it
// in step with the desk's database.

import type { RecordKind } from '../../shared/commands/record-set';
import { recordWords, wordsMatch } from '../../shared/domain/go-to';
import { LIST, listsOf, resolvedLinksOf, type AgentSide, type RecordLists } from './record-lists';

/** The tables whose records have words, by table name (schema 8 to 13 kept them in IndexedDB). */
export const WORD_TABLES: Readonly<Record<string, RecordKind>> = {
  interactions: 'interaction',
  incidents: 'incident',
  requests: 'request',
  visits: 'visit',
};

/**
 * The tables indexed here, by table name: those with words, and the calls, which have none. A
 * call is listed by ring time, all of them and each caller's, and found by its number; a visit by
 * check-in, each location's and each person's, and by last change: IndexedDB's indexes for those
 * were entries more for each of the thousands a first sync stores (ADR 0020, "Found in memory").
 */
export const INDEXED_TABLES: Readonly<Record<string, RecordKind>> = {
  ...WORD_TABLES,
  calls: 'call',
};

/** A record the words found, and when it last changed (the newest first among equal matches). */
export interface WordHit {
  kind: RecordKind;
  id: string;
  at: string;
}

export type { AgentSide } from './record-lists';

/**
 * One committed change to a word table: records written, records removed by id, or every record of
 * the kind whose id is within `from`..`to` removed (a clear, or a range delete: bounds that are not
 * strings mean no bound).
 */
export type RecordChange =
  | { kind: RecordKind; type: 'put'; records: readonly object[] }
  | { kind: RecordKind; type: 'delete'; ids: readonly string[] }
  | { kind: RecordKind; type: 'deleteRange'; from: unknown; to: unknown };

/** A record as the index holds it: its number, words and time, and the lists it is on (record-lists.ts). */
interface Entry extends RecordLists {
  kind: RecordKind;
  id: string;
  number: string;
  words: readonly string[];
  at: string;
}

/** One list: each one's time, and newest first (sorted when next read). */
interface List {
  at: Map<string, string>;
  newestFirst: { id: string; at: string }[] | null;
}

const keyOf = (kind: RecordKind, id: string): string => `${kind}:${id}`;

const newestFirst = (a: { id: string; at: string }, b: { id: string; at: string }): number =>
  a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/** Where `item` is, or goes, in a list sorted newest first: kept in order one change at a time. */
function placeOf(sorted: readonly { id: string; at: string }[], item: { id: string; at: string }) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(sorted[middle] as { id: string; at: string }, item) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function atOf(record: { updatedAt?: unknown; openedAt?: unknown }): string {
  const at = record.updatedAt ?? record.openedAt;
  return typeof at === 'string' ? at : '';
}

const within = (id: string, from: unknown, to: unknown): boolean =>
  (typeof from !== 'string' || id >= from) && (typeof to !== 'string' || id <= to);

export class RecordIndex {
  /** Each record's entry, by `kind:id`. */
  readonly #entries = new Map<string, Entry>();
  /** Each word's records, by `kind:id`. */
  readonly #postings = new Map<string, Set<string>>();
  /** Each kind's numbers, with the ids of the records that have them (one, but for a moment). */
  readonly #numbers = new Map<RecordKind, Map<string, Set<string>>>();
  /** The interaction lists, by LIST key. */
  readonly #lists = new Map<string, List>();
  /** The agents whose interactions changed since `takeTouched`, and whether any interaction did. */
  readonly #touched = new Set<string>();
  #interactionsMoved = false;
  /** The kinds with lists here (calls, visits, incidents) written or removed since `takeMoved`. */
  readonly #moved = new Set<RecordKind>();
  /** Each Resolved incident's linked interactions, by the incident's id (Callbacks due). */
  readonly #resolvedLinks = new Map<string, readonly string[]>();

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    for (const entry of this.#entries.values()) this.#touch(entry);
    this.#entries.clear();
    this.#postings.clear();
    this.#numbers.clear();
    this.#lists.clear();
    this.#resolvedLinks.clear();
  }

  /**
   * Since the last call (which it forgets): null when no interaction was written or removed, else
   * the agents who opened or closed those that were.
   */
  takeTouched(): Set<string> | null {
    if (!this.#interactionsMoved) return null;
    const touched = new Set(this.#touched);
    this.#touched.clear();
    this.#interactionsMoved = false;
    return touched;
  }

  /**
   * The ids of the interactions `agent` opened (or closed) at or after `since` (ISO), newest first,
   * as IndexedDB's `[openedBy+openedAt]` and `[closedBy+closedAt]` listed them.
   */
  agentInteractions(side: AgentSide, agent: string, since = ''): string[] {
    return this.#listed(LIST.agent(side, agent), since);
  }

  /** The ids of the open interactions in `state`, the latest opened first (none for a closed state). */
  openInState(state: string): string[] {
    return this.#listed(LIST.inState(state));
  }

  /** The ids of the interactions opened for `caller`, the latest opened first (their history). */
  callerInteractions(caller: string): string[] {
    return this.#listed(LIST.caller(caller));
  }

  /** The ids of the closed interactions, the latest closed first. */
  closedInteractions(): string[] {
    return this.#listed(LIST.closed);
  }

  /** The ids of the calls that rang at or after `since` (ISO), the latest first. */
  calls(since = ''): string[] {
    return this.#listed(LIST.calls, since);
  }

  /** The ids of the calls from `caller`, the latest first. */
  callerCalls(caller: string): string[] {
    return this.#listed(LIST.callerCalls(caller));
  }

  /** The ids of `location`'s visits, the latest checked in first. */
  visitsAt(location: string): string[] {
    return this.#listed(LIST.visitsAt(location));
  }

  /** The ids of `person`'s visits, the latest checked in first. */
  personVisits(person: string): string[] {
    return this.#listed(LIST.personVisits(person));
  }

  /** The ids of the visits changed at or after `since` (ISO), the latest first. */
  visitsChangedSince(since: string): string[] {
    return this.#listed(LIST.visits, since);
  }

  /** The ids of the incidents in `state`, the latest changed first. */
  incidentsIn(state: string): string[] {
    return this.#listed(LIST.incidentsIn(state));
  }

  /**
   * Each Resolved incident's id with the ids of the interactions linked to it: the callbacks that
   * may be due, without reading every Resolved incident.
   */
  resolvedIncidentLinks(): ReadonlyMap<string, readonly string[]> {
    return this.#resolvedLinks;
  }

  /** The ids of `caller`'s incidents, the latest changed first. */
  callerIncidents(caller: string): string[] {
    return this.#listed(LIST.callerIncidents(caller));
  }

  /** The kinds with lists here (but interactions) written or removed since the last call (which forgets them). */
  takeMoved(): Set<RecordKind> {
    const moved = new Set(this.#moved);
    this.#moved.clear();
    return moved;
  }

  #listed(key: string, since = ''): string[] {
    const list = this.#lists.get(key);
    if (!list) return [];
    list.newestFirst ??= [...list.at].map(([id, at]) => ({ id, at })).sort(newestFirst);
    const ids: string[] = [];
    for (const { id, at } of list.newestFirst) {
      if (at < since) break;
      ids.push(id);
    }
    return ids;
  }

  #touch(entry: Entry): void {
    if (entry.kind !== 'interaction' && entry.kind !== 'request') this.#moved.add(entry.kind);
    if (entry.kind !== 'interaction') return;
    this.#interactionsMoved = true;
    for (const agent of entry.agents) this.#touched.add(agent);
  }

  apply(change: RecordChange): void {
    if (change.type === 'put') {
      for (const record of change.records) this.#put(change.kind, record);
    } else if (change.type === 'delete') {
      for (const id of change.ids) this.#remove(keyOf(change.kind, id));
    } else {
      for (const [key, entry] of this.#entries)
        if (entry.kind === change.kind && within(entry.id, change.from, change.to))
          this.#remove(key);
    }
  }

  /** The words one record is held under now (for tests and checks); undefined when not held. */
  wordsOf(kind: RecordKind, id: string): readonly string[] | undefined {
    return this.#entries.get(keyOf(kind, id))?.words;
  }

  /** The number of the kind's record `id`; undefined when it is not held. */
  numberOf(kind: RecordKind, id: string): string | undefined {
    return this.#entries.get(keyOf(kind, id))?.number;
  }

  /** The ids of the kind's records with this number. */
  withNumber(kind: RecordKind, number: string): string[] {
    return [...(this.#numbers.get(kind)?.get(number) ?? [])];
  }

  /** The ids of the kind's first `limit` records, by number, whose numbers start with `prefix`. */
  withNumberPrefix(kind: RecordKind, prefix: string, limit: number): string[] {
    const numbers = [...(this.#numbers.get(kind)?.keys() ?? [])].filter((n) =>
      n.startsWith(prefix),
    );
    numbers.sort();
    return numbers.flatMap((n) => this.withNumber(kind, n)).slice(0, limit);
  }

  /**
   * The records with a word starting with each typed word, the newest `limit` of them. The longest
   * typed word is the likeliest to be rare: its records are gathered, the others filter them.
   */
  withWords(typed: readonly string[], limit: number): WordHit[] {
    if (typed.length === 0) return [];
    const rarest = typed.reduce((a, b) => (b.length > a.length ? b : a));
    const found = new Set<string>();
    for (const [word, keys] of this.#postings)
      if (word.startsWith(rarest)) for (const key of keys) found.add(key);
    const hits: WordHit[] = [];
    for (const key of found) {
      const entry = this.#entries.get(key);
      if (entry && wordsMatch(entry.words, typed))
        hits.push({ kind: entry.kind, id: entry.id, at: entry.at });
    }
    if (hits.length <= limit) return hits;
    return hits.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
  }

  #put(kind: RecordKind, record: object): void {
    const { id, number: held } = record as { id?: unknown; number?: unknown };
    if (typeof id !== 'string') return;
    const key = keyOf(kind, id);
    this.#remove(key);
    const words = recordWords(kind, record);
    const number = typeof held === 'string' ? held : '';
    const entry: Entry = { kind, id, number, words, at: atOf(record), ...listsOf(kind, record) };
    this.#entries.set(key, entry);
    this.#touch(entry);
    const links = kind === 'incident' ? resolvedLinksOf(record) : null;
    if (links) this.#resolvedLinks.set(id, links);
    for (const [listKey, at] of entry.lists) {
      const list = this.#lists.get(listKey) ?? { at: new Map<string, string>(), newestFirst: null };
      this.#lists.set(listKey, list);
      list.at.set(id, at);
      const item = { id, at };
      list.newestFirst?.splice(placeOf(list.newestFirst, item), 0, item);
    }
    const numbers = this.#numbers.get(kind) ?? new Map<string, Set<string>>();
    this.#numbers.set(kind, numbers);
    const ids = numbers.get(number);
    if (ids) ids.add(id);
    else numbers.set(number, new Set([id]));
    for (const word of words) {
      const keys = this.#postings.get(word);
      if (keys) keys.add(key);
      else this.#postings.set(word, new Set([key]));
    }
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    if (entry.kind === 'incident') this.#resolvedLinks.delete(entry.id);
    const numbers = this.#numbers.get(entry.kind);
    const ids = numbers?.get(entry.number);
    ids?.delete(entry.id);
    if (ids?.size === 0) numbers?.delete(entry.number);
    for (const word of entry.words) {
      const keys = this.#postings.get(word);
      keys?.delete(key);
      if (keys?.size === 0) this.#postings.delete(word);
    }
    this.#touch(entry);
    for (const [listKey] of entry.lists) {
      const list = this.#lists.get(listKey);
      if (!list) continue;
      const at = list.at.get(entry.id);
      list.at.delete(entry.id);
      if (list.at.size === 0) this.#lists.delete(listKey);
      else if (at !== undefined)
        list.newestFirst?.splice(placeOf(list.newestFirst, { id: entry.id, at }), 1);
    }
  }
}
