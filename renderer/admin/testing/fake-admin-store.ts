// Test helper: a store host that answers only `admin.call`, from handlers a test gives per
// operation, and records every call. For Administration's component tests; never used by the app.

import type { AdminOperationName } from '../../../shared/admin/operations';
import { fail, ok, type StoreResult } from '../../../shared/domain/result';
import type { StoreHostApi } from '../../../shared/store-api/contract';

/** Answers an operation's input with its output, or a StoreResult (for a refusal). */
export type FakeAdminHandler = (input: unknown) => unknown;

export interface FakeAdminStore {
  store: StoreHostApi;
  calls: { operation: string; input: unknown }[];
}

const isResult = (value: unknown): value is StoreResult<unknown> =>
  typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';

export function fakeAdminStore(
  handlers: Partial<Record<AdminOperationName | (string & {}), FakeAdminHandler>>,
): FakeAdminStore {
  const calls: FakeAdminStore['calls'] = [];
  const unsupported = () =>
    Promise.resolve(fail('not-ready', 'This fake store host answers admin calls only.'));
  const store: StoreHostApi = {
    command: unsupported,
    query: unsupported,
    subscribe: () => Promise.resolve(() => undefined),
    onEvent: () => Promise.resolve(() => undefined),
    act: async (name, input) => {
      if (name !== 'admin.call') return unsupported();
      const { operation, input: args } = input as { operation: string; input: unknown };
      calls.push({ operation, input: args });
      const handler = handlers[operation];
      if (!handler) return fail('unknown-operation', `No fake answer for ${operation}.`);
      const answer = await handler(args);
      return (isResult(answer) ? answer : ok(answer)) as never;
    },
  };
  return { store, calls };
}
