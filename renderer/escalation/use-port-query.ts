// Subscribes a component to one live query of the escalation port and re-renders it with each
// fresh result. Never shows an answer given for other arguments.

import type { StoreResult } from '../../shared/domain/result';
import { useSubscription } from '../hooks/use-live-query';
import { useEscalation } from './escalation-context';
import type { PortQueryInput, PortQueryName, PortQueryOutput } from './escalation-port';

/** `undefined` until the first answer; `null` as input subscribes to nothing. */
export function usePortQuery<N extends PortQueryName>(
  name: N,
  input: PortQueryInput<N> | null,
): StoreResult<PortQueryOutput<N>> | undefined {
  const { port } = useEscalation();
  const key = input === null ? null : `${name}:${JSON.stringify(input)}`;
  return useSubscription<PortQueryOutput<N>>(port, key, (listener) =>
    port.subscribe(name, input as PortQueryInput<N>, listener),
  );
}

export function usePortValue<N extends PortQueryName, F>(
  name: N,
  input: PortQueryInput<N> | null,
  fallback: F,
): PortQueryOutput<N> | F {
  const result = usePortQuery(name, input);
  return result?.ok ? result.value : fallback;
}
