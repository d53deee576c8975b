// Runs a lookup's search on every keystroke and keeps only answers newer than the one shown, so a
// slow early answer never replaces a later one. Optionally times keystroke-to-render for the bench.

import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { hitsAhead, type Lookahead } from '../../shared/domain/lookahead';

export interface LookupInstrument {
  /** performance.mark name set on each input. */
  inputMark: string;
  /** performance.measure name, from the input's mark to the commit that shows its results. */
  renderMeasure: string;
}

export interface LookupResults<T> {
  seq: number;
  query: string;
  items: T[];
  error: string | null;
}

export type LookupSearch<T> = (query: string) => Promise<{ items: T[]; error: string | null }>;

/**
 * What the search would answer for the text plus each likely next key (null: no answer). The
 * store host's answer to a keystroke arrives as a message, and Chromium holds messages after a
 * key press until it has drawn the next frame; an answer already here is shown in that frame.
 */
export interface LookupAhead<T> {
  fetch: (query: string) => Promise<Lookahead<T> | null>;
  itemKey: (item: T) => string;
}

const sameItems = <T>(a: T[], b: T[], key: (item: T) => string): boolean =>
  a.length === b.length && a.every((item, i) => key(item) === key(b[i] as T));

export function useLookupSearch<T>(
  search: LookupSearch<T>,
  instrument?: LookupInstrument,
  ahead?: LookupAhead<T>,
) {
  const latest = useRef(0);
  const shown = useRef(0);
  const measured = useRef(0);
  const lookahead = useRef<Lookahead<T> | null>(null);
  const [results, setResults] = useState<LookupResults<T>>({
    seq: 0,
    query: '',
    items: [],
    error: null,
  });
  const [asked, setAsked] = useState(0);

  /** Asks what the next key would find after `query`, while `query` is still the text typed. */
  const askAhead = (query: string, seq: number): void => {
    if (!ahead || lookahead.current?.query === query) return;
    ahead.fetch(query).then(
      (answer) => {
        if (answer && seq === latest.current) lookahead.current = answer;
      },
      () => undefined,
    );
  };

  const run = (query: string, skipEmpty: boolean): void => {
    const seq = ++latest.current;
    setAsked(seq);
    if (instrument) performance.mark(instrument.inputMark);
    const early = hitsAhead(lookahead.current, query);
    lookahead.current = null;
    if (skipEmpty && query.trim() === '') {
      shown.current = seq;
      setResults({ seq, query, items: [], error: null });
      askAhead(query, seq);
      return;
    }
    // Known ahead: rendered with this input event; the search below still confirms it.
    if (early) {
      shown.current = seq;
      setResults({ seq, query, items: early, error: null });
    }
    const settle = (items: T[], error: string | null): void => {
      if (seq < shown.current) return;
      const confirmed =
        early !== null &&
        error === null &&
        ahead !== undefined &&
        sameItems(early, items, ahead.itemKey);
      shown.current = seq;
      // Render now, in this message task: the matches are what the agent waits for, and a
      // scheduled render could land after the browser's next frame.
      if (!confirmed) flushSync(() => setResults({ seq, query, items, error }));
    };
    search(query).then(
      ({ items, error }) => settle(items, error),
      () => settle([], 'The search did not answer. Try again.'),
    );
    askAhead(query, seq);
  };

  /** The field got focus: ask ahead for the text already in it, so the first key is quick too. */
  const prepare = (query: string): void => askAhead(query, latest.current);

  // Runs after React wrote the results to the DOM and before the browser paints them.
  useLayoutEffect(() => {
    if (!instrument || results.seq === 0 || results.seq !== latest.current) return;
    if (measured.current === results.seq) return;
    measured.current = results.seq;
    performance.measure(instrument.renderMeasure, instrument.inputMark);
    performance.clearMarks(instrument.inputMark);
  }, [results, instrument]);

  /** Whether the results on screen answer the text the agent has typed last. */
  const isCurrent = results.seq === asked;
  return { results, run, prepare, isCurrent };
}
