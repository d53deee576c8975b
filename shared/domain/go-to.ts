// Go to anything's rules: what a typed text can be as a record number, the words a record is found
// by, and the order of the hits (exact number, number prefix, caller, words; recent, then newest).
// Pure; never reads a store. The store host's query and its word index both use these.

import type { RecordKind } from '../commands/record-set';
import { foldText } from './search-text';
import { NUMBER_PREFIX } from './numbering';

/**
 * The records the window opened lately, newest first (the window keeps them; the host checks them).
 * Here, not beside the query's schema: the window's first script keeps the list without any schema.
 */
export const MAX_RECENT = 20;

/** Why a record is a hit, best first: the order Go to anything ranks them in. */
export const GO_TO_MATCHES = ['number', 'number-prefix', 'caller', 'words', 'recent'] as const;
export type GoToMatch = (typeof GO_TO_MATCHES)[number];

/** A word shorter than this says too little to search by (every record has an "a" somewhere). */
export const MIN_WORD_LENGTH = 2;
/** The words kept per record: a short description has far fewer; this bounds the index. */
const MAX_WORDS = 40;

/** The words of a text as they are indexed and typed: folded, split at anything not a letter or digit. */
export function wordsOf(text: string): string[] {
  const words = foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= MIN_WORD_LENGTH);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** The words a record is found by: its short description (a visit: the person and the reason). */
export function recordWords(kind: RecordKind, record: object): string[] {
  const r = record as {
    shortDescription?: unknown;
    displayName?: unknown;
    reason?: unknown;
    reasonDetail?: unknown;
  };
  const parts =
    kind === 'visit'
      ? [r.displayName, r.reason, r.reasonDetail]
      : kind === 'call'
        ? []
        : [r.shortDescription];
  return wordsOf(parts.filter((p): p is string => typeof p === 'string').join(' '));
}

export interface NumberCandidate {
  kind: RecordKind;
  /** The whole number, when the text names one (INC1234 → INC0001234; 1234 → every kind's). */
  exact: string | null;
  /** Numbers starting with this are hits too (INC00012 → INC0001201…); null for digits alone. */
  prefix: string | null;
}

const KIND_OF_PREFIX = new Map(
  (Object.entries(NUMBER_PREFIX) as [RecordKind, string][]).map(([kind, p]) => [p, kind]),
);
const NUMBER_TEXT = /^([A-Z]{3})(-?P)?(\d*)$/;
const SERVER_DIGITS = 7;
const PROVISIONAL_DIGITS = 4;
/** Digits alone name a number only from this length on ("12" is more likely a word or a floor). */
const MIN_BARE_DIGITS = 3;

/**
 * What `query` could be as a record number: `INC0001234`, `inc1234`, `INC-P0003`, `ims-p3`, or
 * digits alone (`1234`: IMS0001234, INC0001234, REQ0001234…, and the provisional ones).
 */
export function numberCandidates(query: string): NumberCandidate[] {
  const text = query.trim().toUpperCase().replace(/\s+/g, '');
  const match = NUMBER_TEXT.exec(text);
  if (match) {
    const [, prefix = '', provisional, digits = ''] = match;
    const kind = KIND_OF_PREFIX.get(prefix);
    if (!kind) return [];
    if (provisional)
      return [
        {
          kind,
          exact: digits ? `${prefix}-P${digits.padStart(PROVISIONAL_DIGITS, '0')}` : null,
          prefix: `${prefix}-P${digits}`,
        },
      ];
    return [
      {
        kind,
        exact: digits ? `${prefix}${digits.padStart(SERVER_DIGITS, '0')}` : null,
        prefix: `${prefix}${digits}`,
      },
    ];
  }
  if (!/^\d+$/.test(text) || text.length < MIN_BARE_DIGITS) return [];
  return [...KIND_OF_PREFIX].flatMap(([prefix, kind]) => [
    { kind, exact: `${prefix}${text.padStart(SERVER_DIGITS, '0')}`, prefix: null },
    ...(text.length <= PROVISIONAL_DIGITS
      ? [{ kind, exact: `${prefix}-P${text.padStart(PROVISIONAL_DIGITS, '0')}`, prefix: null }]
      : []),
  ]);
}

/** Whether every typed word begins one of a record's words ("prin jam" finds "Printer jam"). */
export function wordsMatch(recordWordList: readonly string[], typed: readonly string[]): boolean {
  return typed.every((word) => recordWordList.some((w) => w.startsWith(word)));
}

export interface RankedHit {
  kind: RecordKind;
  id: string;
  match: GoToMatch;
  /** When the record was last changed: the newer first within a match. */
  at: string;
  /** Opened by this agent lately: first within its match. */
  recent: boolean;
}

/** Best first: by match, then a recent record, then the newest. */
export function compareHits(a: RankedHit, b: RankedHit): number {
  const byMatch = GO_TO_MATCHES.indexOf(a.match) - GO_TO_MATCHES.indexOf(b.match);
  if (byMatch !== 0) return byMatch;
  if (a.recent !== b.recent) return a.recent ? -1 : 1;
  return a.at < b.at ? 1 : a.at > b.at ? -1 : 0;
}

/**
 * The hits in rank order, each record once (at its best match), at most `limit`, and at most
 * `perKind` of one kind so that one busy kind does not hide the others.
 */
export function rankHits<H extends RankedHit>(
  hits: readonly H[],
  limit: number,
  perKind: number,
): H[] {
  const best = new Map<string, H>();
  for (const hit of hits) {
    const key = `${hit.kind}:${hit.id}`;
    const kept = best.get(key);
    if (!kept || compareHits(hit, kept) < 0) best.set(key, hit);
  }
  const counted = new Map<RecordKind, number>();
  const ranked: H[] = [];
  for (const hit of [...best.values()].sort(compareHits)) {
    const count = counted.get(hit.kind) ?? 0;
    if (count >= perKind) continue;
    counted.set(hit.kind, count + 1);
    ranked.push(hit);
    if (ranked.length >= limit) break;
  }
  return ranked;
}
