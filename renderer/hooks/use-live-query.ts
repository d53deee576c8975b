// Subscribes a component to one live query of the store host and re-renders it with each fresh
// result. Never caches across inputs: an answer for other arguments is not shown.

import { startTransition, useEffect, useState } from 'react';
import type { StoreResult } from '../../shared/domain/result';
import type { QueryInput, QueryName, QueryOutput } from '../../shared/store-api/contract';
import { useStoreHost } from '../app/deskpad-context';

/** What counts as the agent acting: a key, a pointer (mouse, pen, touch), typing by other means. */
const ACTS = ['keydown', 'pointerdown', 'input'] as const;

/**
 * Whether the agent has typed, clicked or touched in this window yet. Until then the answers are
 * the desk filling itself in as it opens (dozens at once): they are rendered as transitions, in
 * slices between the window's other work. From the agent's first input on, every answer is shown
 * at once: it may be what the agent is waiting for (decision 0016).
 */
let agentActed = false;
if (typeof window !== 'undefined') {
  const acted = (): void => {
    agentActed = true;
    for (const type of ACTS) window.removeEventListener(type, acted, true);
  };
  for (const type of ACTS) window.addEventListener(type, acted, true);
}

/**
 * `undefined` until the first answer arrives; pass `null` as input to subscribe to nothing. The
 * query is asked again only when the store host or the query and its input change, so a new input
 * object with the same content is the same query.
 */
export function useLiveQuery<N extends QueryName>(
  name: N,
  input: QueryInput<N> | null,
): StoreResult<QueryOutput<N>> | undefined {
  const store = useStoreHost();
  const key = input === null ? null : `${name}:${JSON.stringify(input)}`;
  const [answer, setAnswer] = useState<{
    key: string;
    result: StoreResult<QueryOutput<N>>;
  } | null>(null);

  useEffect(() => {
    if (key === null) return undefined;
    let active = true;
    let unsubscribe: (() => void) | null = null;
    void store
      .subscribe(name, input as QueryInput<N>, (result) => {
        if (!active) return;
        if (agentActed) setAnswer({ key, result });
        else startTransition(() => setAnswer({ key, result }));
      })
      .then((off) => {
        if (active) unsubscribe = off;
        else off();
      });
    return () => {
      active = false;
      unsubscribe?.();
    };
    // `key` stands for the query and its input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key]);

  return answer !== null && answer.key === key ? answer.result : undefined;
}

/** The value of a live query, or `fallback` while it loads or when it failed. */
export function useLiveValue<N extends QueryName, F>(
  name: N,
  input: QueryInput<N> | null,
  fallback: F,
): QueryOutput<N> | F {
  const result = useLiveQuery(name, input);
  return result?.ok ? result.value : fallback;
}
