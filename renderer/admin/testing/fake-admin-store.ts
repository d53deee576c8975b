// Test helper: a store host that answers only `admin.call`, from handlers a test gives per
// operation, and records every call; `session.current` answers an agent with `roles`, or that
// nobody is signed in. For Administration's component tests; never used by the app.

import type { AdminOperationName } from '../../../shared/admin/operations';
import { fail, ok, type StoreResult } from '../../../shared/domain/result';
import type { Role } from '../../../shared/commands/permission';
import type { User } from '../../../shared/domain/directory';
import type { Session, StoreHostApi } from '../../../shared/store-api/contract';

const SIGNED_IN: User = {
  id: 'usr-signed-in',
  userName: 'signed.in',
  firstName: 'Signed',
  lastName: 'In',
  name: 'Signed In',
  email: '',
  phone: '',
  employeeId: '',
  department: '',
  location: '',
  vip: false,
  active: true,
  mobile: '',
  phoneE164: '',
  mobileE164: '',
  roles: [],
};

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
  options: { roles?: readonly Role[] } = {},
): FakeAdminStore {
  const calls: FakeAdminStore['calls'] = [];
  const unsupported = () =>
    Promise.resolve(fail('not-ready', 'This fake store host answers admin calls only.'));
  const store: StoreHostApi = {
    command: unsupported,
    query: unsupported,
    subscribe: (name, _input, onResult) => {
      // Without roles, nobody is signed in as far as the page can tell: it offers every page.
      if (name === 'session.current') {
        const session: Session = {
          agent: { ...SIGNED_IN, roles: [...(options.roles ?? [])] },
          clientId: 'client-test',
        };
        onResult(
          (options.roles ? ok(session) : fail('not-ready', 'Nobody is signed in.')) as never,
        );
      }
      return Promise.resolve(() => undefined);
    },
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
