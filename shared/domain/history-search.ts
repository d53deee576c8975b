// What a typed text asks of the server's history search (issue 15): the record numbers it names,
// exactly or as a beginning (as sequence ranges the server's unique index can read), and its words.
// Pure; never queries anything. The desk server's search and the desk's "ask the server?" use it.

import { numberCandidates, MIN_WORD_LENGTH } from './go-to';

/** Said wherever the desk cannot reach the history: offline, or a number it does not hold. */
export const NOT_ON_THIS_DESK =
  'Older records are not on this desk — connect to search the history.';

/** The kinds the server's history holds and searches. */
export const HISTORY_KINDS = ['interaction', 'incident', 'request'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** Server numbers have 7 digits (IMS0001001) and grow to 12 (the read API's number routes). */
const MIN_DIGITS = 7;
const MAX_DIGITS = 12;

/** Numbers whose sequence value is within [from, to] (IMS0001001 → 1001). */
export interface SeqRange {
  from: number;
  to: number;
}

export interface HistoryNumberTerm {
  kind: HistoryKind;
  /** The whole number, when the text names one. */
  exact: string | null;
  /** Numbers starting with the typed digits (INC00012 → INC0001200…INC0001299); empty for none. */
  ranges: SeqRange[];
}

export interface HistorySearchTerms {
  numbers: HistoryNumberTerm[];
  /** Lower case words of two letters or more, in the text's order, each once. */
  words: string[];
}

const isHistoryKind = (kind: string): kind is HistoryKind =>
  (HISTORY_KINDS as readonly string[]).includes(kind);

/**
 * The sequence values whose number starts with `digits` after the prefix: a 7-digit number may
 * start with zeros (INC00012 → 1200…1299); a longer one never does.
 */
export function seqRangesOf(digits: string): SeqRange[] {
  if (!/^\d+$/.test(digits) || digits.length > MAX_DIGITS) return [];
  const ranges: SeqRange[] = [];
  for (let length = Math.max(MIN_DIGITS, digits.length); length <= MAX_DIGITS; length++) {
    if (length > MIN_DIGITS && digits.startsWith('0')) break;
    const scale = 10 ** (length - digits.length);
    const from = Math.max(Number(digits) * scale, length > MIN_DIGITS ? 10 ** (length - 1) : 0);
    ranges.push({ from, to: (Number(digits) + 1) * scale - 1 });
  }
  return ranges;
}

/**
 * The words of a search as the server's 'simple' text search configuration reads a record: lower
 * case, split at anything not a letter or digit. Accents are kept (the server does not fold them).
 */
export function historyWordsOf(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= MIN_WORD_LENGTH);
  return [...new Set(words)].slice(0, 10);
}

/** What `q` asks for: server numbers only (a provisional IMS-P… number never reaches the server). */
export function historySearchTerms(q: string): HistorySearchTerms {
  const numbers = numberCandidates(q).flatMap((c): HistoryNumberTerm[] => {
    if (!isHistoryKind(c.kind)) return [];
    if (c.exact?.includes('-P') || c.prefix?.includes('-P')) return [];
    const digits = c.prefix?.slice(3) ?? '';
    const ranges = c.prefix !== null && digits !== '' ? seqRangesOf(digits) : [];
    if (c.exact === null && ranges.length === 0) return [];
    return [{ kind: c.kind, exact: c.exact, ranges }];
  });
  return { numbers, words: historyWordsOf(q) };
}

/** Whether the text asks anything the server can search for. */
export const asksHistory = (q: string): boolean => {
  const terms = historySearchTerms(q);
  return terms.numbers.length > 0 || terms.words.length > 0;
};
