// Subscribes a component to one live query of the store host and re-renders it with each fresh
// result. Never caches across inputs: an answer for other arguments is not shown.

import { startTransition, useEffect, useState } from 'react';
import type { StoreResult } from '../../shared/domain/result';
import type { QueryInput, QueryName, QueryOutput } from '../../shared/store-api/contract';
import { useStoreHost } from '../app/deskpad-context';
import { agentHasActed } from './agent-acted';

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
        // While the desk fills itself in (dozens of answers at once), in slices between the window's
        // other work; from the agent's first input on, at once (decision 0016).
        if (agentHasActed()) setAnswer({ key, result });
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
