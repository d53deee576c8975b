// Calls an administrative operation through the store host, typed by the operation's name, and a
// hook that loads one for a page. Never talks to the desk server itself: the store host does.

import { useCallback, useEffect, useState } from 'react';
import type { AdminInput, AdminOperationName, AdminOutput } from '../../shared/admin/operations';
import type { StoreError, StoreResult } from '../../shared/domain/result';
import type { StoreHostApi } from '../../shared/store-api/contract';
import { useStoreHost } from '../app/deskpad-context';

export async function adminCall<N extends AdminOperationName>(
  store: Pick<StoreHostApi, 'act'>,
  name: N,
  input: AdminInput<N>,
): Promise<StoreResult<AdminOutput<N>>> {
  // The store host checked the answer against the operation's output schema.
  return (await store.act('admin.call', { operation: name, input })) as StoreResult<AdminOutput<N>>;
}

/** `adminCall` bound to this window's store host. */
export function useAdminCall(): <N extends AdminOperationName>(
  name: N,
  input: AdminInput<N>,
) => Promise<StoreResult<AdminOutput<N>>> {
  const store = useStoreHost();
  return useCallback((name, input) => adminCall(store, name, input), [store]);
}

export type AdminQuery<T> =
  | { status: 'loading'; value: T | null; error: null; reload: () => void }
  | { status: 'ready'; value: T; error: null; reload: () => void }
  | { status: 'failed'; value: T | null; error: StoreError; reload: () => void };

/**
 * Loads an operation's answer for a page, again whenever `key` (the input, as text) changes or
 * `reload` is called; the previous answer stays shown while the next one loads.
 */
export function useAdminQuery<N extends AdminOperationName>(
  name: N,
  input: AdminInput<N>,
): AdminQuery<AdminOutput<N>> {
  const call = useAdminCall();
  const key = JSON.stringify(input);
  const [round, setRound] = useState(0);
  const asked = `${round}:${key}`;
  const [answer, setAnswer] = useState<{
    for: string;
    value: AdminOutput<N> | null;
    error: StoreError | null;
  }>({ for: '', value: null, error: null });
  useEffect(() => {
    let current = true;
    void call(name, JSON.parse(key) as AdminInput<N>).then((result) => {
      if (!current) return;
      setAnswer((was) =>
        result.ok
          ? { for: asked, value: result.value, error: null }
          : { for: asked, value: was.value, error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [call, name, key, asked]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  if (answer.for !== asked) return { status: 'loading', value: answer.value, error: null, reload };
  if (answer.error) return { status: 'failed', value: answer.value, error: answer.error, reload };
  return { status: 'ready', value: answer.value as AdminOutput<N>, error: null, reload };
}
