// Subscribes a component to one live query of the store host and re-renders it with each fresh
// result. Never caches across inputs: an answer for other arguments is not shown.

import { useEffect, useState } from 'react';
import type { StoreResult } from '../../shared/domain/result';
import type { QueryInput, QueryName, QueryOutput } from '../../shared/store-api/contract';
import { useStoreHost } from '../app/deskpad-context';

/**
 * The latest answer of one live subscription, for whichever port serves it. `key` names the query
 * and its input (null subscribes to nothing); `subscribe` is asked again only when `key` or
 * `source` changes, so a new input object with the same content is the same query.
 */
export function useSubscription<T>(
  source: object,
  key: string | null,
  subscribe: (listener: (result: StoreResult<T>) => void) => Promise<() => void>,
): StoreResult<T> | undefined {
  const [answer, setAnswer] = useState<{ key: string; result: StoreResult<T> } | null>(null);

  useEffect(() => {
    if (key === null) return undefined;
    let active = true;
    let unsubscribe: (() => void) | null = null;
    void subscribe((result) => {
      if (active) setAnswer({ key, result });
    }).then((off) => {
      if (active) unsubscribe = off;
      else off();
    });
    return () => {
      active = false;
      unsubscribe?.();
    };
    // `key` stands for the query and its input; `subscribe` is a new closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, key]);

  return answer !== null && answer.key === key ? answer.result : undefined;
}

/** `undefined` until the first answer arrives; pass `null` as input to subscribe to nothing. */
export function useLiveQuery<N extends QueryName>(
  name: N,
  input: QueryInput<N> | null,
): StoreResult<QueryOutput<N>> | undefined {
  const store = useStoreHost();
  const key = input === null ? null : `${name}:${JSON.stringify(input)}`;
  return useSubscription<QueryOutput<N>>(store, key, (listener) =>
    store.subscribe(name, input as QueryInput<N>, listener),
  );
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
