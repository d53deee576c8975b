// What the store host answers when something goes wrong: a database it could not open, an
// internal failure, a window's listener that throws. Never throws at a caller itself.

import { fail, type StoreError } from '../../shared/domain/result';
import type { StoreHostApi } from '../../shared/store-api/contract';
import { NewerDatabaseError } from './db';
import { describeError } from './logger';

export { describeError } from './logger';

export type Listener<T> = (value: T) => unknown;

/**
 * Calls a listener (maybe a Comlink proxy to a window that has gone) without ever throwing. A
 * window's listener failing is that window's problem, never the store host's: `failed` hears it.
 */
export function deliver<T>(
  listener: Listener<T>,
  value: T,
  failed: (error: unknown) => void = () => undefined,
): void {
  try {
    const answer = listener(value);
    if (answer instanceof Promise) answer.catch(failed);
  } catch (error) {
    failed(error);
  }
}

/** What a window is told when the store host could not open at all. */
export function openFailure(error: unknown): StoreError {
  if (error instanceof NewerDatabaseError) return { code: 'not-ready', message: error.message };
  return {
    code: 'internal',
    message: `Deskpad could not open this desk's local database: ${describeError(error)}`,
  };
}

export const internal = (error: unknown): { ok: false; error: StoreError } =>
  fail('internal', `Something went wrong in the desk's store: ${describeError(error)}`);

/** A host that answers every request with the reason it could not open (e.g. a newer database). */
export function failedStoreHost(error: StoreError): StoreHostApi {
  const answer = { ok: false as const, error };
  return {
    command: () => Promise.resolve(answer),
    query: () => Promise.resolve(answer),
    act: () => Promise.resolve(answer),
    subscribe: (_name, _input, listener) => {
      deliver(listener, answer);
      return Promise.resolve(() => undefined);
    },
    onEvent: (listener) => {
      deliver(listener, { type: 'store-error', message: error.message });
      return Promise.resolve(() => undefined);
    },
  };
}
