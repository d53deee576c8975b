// Subscribes a component to one live query of the escalation port and re-renders it with each
// fresh result. Never shows an answer given for other arguments.

import { useEffect, useState } from 'react';
import type { StoreResult } from '../../shared/domain/result';
import { useEscalation } from './escalation-context';
import type { PortQueryInput, PortQueryName, PortQueryOutput } from './escalation-port';

/** `undefined` until the first answer; `null` as input subscribes to nothing. */
export function usePortQuery<N extends PortQueryName>(
  name: N,
  input: PortQueryInput<N> | null,
): StoreResult<PortQueryOutput<N>> | undefined {
  const { port } = useEscalation();
  const key = input === null ? null : `${name}:${JSON.stringify(input)}`;
  const [answer, setAnswer] = useState<{
    key: string;
    result: StoreResult<PortQueryOutput<N>>;
  } | null>(null);

  useEffect(() => {
    if (key === null || input === null) return undefined;
    let active = true;
    let unsubscribe: (() => void) | null = null;
    void port
      .subscribe(name, input, (result) => {
        if (active) setAnswer({ key, result });
      })
      .then((off) => {
        if (active) unsubscribe = off;
        else off();
      });
    return () => {
      active = false;
      unsubscribe?.();
    };
    // `key` stands for `name` and `input`: a new object with the same content is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [port, key]);

  return answer !== null && answer.key === key ? answer.result : undefined;
}

export function usePortValue<N extends PortQueryName, F>(
  name: N,
  input: PortQueryInput<N> | null,
  fallback: F,
): PortQueryOutput<N> | F {
  const result = usePortQuery(name, input);
  return result?.ok ? result.value : fallback;
}
