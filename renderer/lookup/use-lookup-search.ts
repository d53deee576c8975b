// Runs a lookup's search on every keystroke and keeps only answers newer than the one shown, so a
// slow early answer never replaces a later one. Optionally times keystroke-to-render for the bench.

import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

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

export function useLookupSearch<T>(search: LookupSearch<T>, instrument?: LookupInstrument) {
  const latest = useRef(0);
  const shown = useRef(0);
  const measured = useRef(0);
  const [results, setResults] = useState<LookupResults<T>>({
    seq: 0,
    query: '',
    items: [],
    error: null,
  });
  const [asked, setAsked] = useState(0);

  const run = (query: string, skipEmpty: boolean): void => {
    const seq = ++latest.current;
    setAsked(seq);
    if (instrument) performance.mark(instrument.inputMark);
    if (skipEmpty && query.trim() === '') {
      shown.current = seq;
      setResults({ seq, query, items: [], error: null });
      return;
    }
    const settle = (items: T[], error: string | null): void => {
      if (seq < shown.current) return;
      shown.current = seq;
      // Render now, in this message task: the matches are what the agent waits for, and a
      // scheduled render could land after the browser's next frame.
      flushSync(() => setResults({ seq, query, items, error }));
    };
    search(query).then(
      ({ items, error }) => settle(items, error),
      () => settle([], 'The search did not answer. Try again.'),
    );
  };

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
  return { results, run, isCurrent };
}
