// Forwards the renderer's administrative calls to the desk server as the signed-in agent: checks
// the operation and its input first, and the answer after. Never stores anything on the desk.

import { findAdminOperation } from '../../shared/admin/operations';
import { fail, ok, type StoreResult } from '../../shared/domain/result';
import { DeskServerError, type DeskServerClient } from './sync/desk-server-client';

/** What an admin call needs of the sync engine: its client and the session's token. */
export interface AdminCallDeps {
  readonly client: DeskServerClient;
  sessionToken(): string | null;
  sessionRefused(token: string): void;
}

const OFFLINE =
  'Administration needs the desk server, and it cannot be reached now. Nothing was changed; try again when this desk is back online.';

export async function runAdminCall(
  sync: AdminCallDeps | null,
  operation: string,
  input: unknown,
): Promise<StoreResult<unknown>> {
  const known = findAdminOperation(operation);
  if (!known)
    return fail('unknown-operation', `There is no administrative operation "${operation}".`);
  const parsed = known.input.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
    return fail('invalid-input', Object.values(fields).slice(0, 3).join(' '), fields);
  }
  if (!sync)
    return fail('not-ready', 'This desk has no desk server: Administration is on the desk server.');
  const token = sync.sessionToken();
  if (!token) return fail('not-ready', 'Sign in to the desk server to use Administration.');
  let answer: unknown;
  try {
    answer = await sync.client.admin(token, operation, parsed.data);
  } catch (error) {
    return serverCallFailure(sync, token, error, OFFLINE);
  }
  const checked = known.output.safeParse(answer);
  if (!checked.success)
    return fail('internal', `The desk server's answer to ${operation} was not understood.`);
  return ok(checked.data);
}

/**
 * What a failed call to the desk server made for the signed-in agent tells the window: offline,
 * the session ended (the sync engine hears of it), refused, not found, or the server's message.
 * Anything but a DeskServerError is a bug and is thrown on.
 */
export function serverCallFailure(
  sync: Pick<AdminCallDeps, 'sessionRefused'>,
  token: string,
  error: unknown,
  offline: string,
): StoreResult<never> {
  if (!(error instanceof DeskServerError)) throw error;
  if (error.kind === 'network') return fail('not-ready', offline);
  if (error.status === 401) {
    sync.sessionRefused(token);
    return fail('not-ready', 'The session with the desk server has ended: sign in again.');
  }
  if (error.status === 403) return fail('not-permitted', error.message);
  if (error.status === 404) return fail('not-found', error.message);
  if (error.status === 409) return fail('conflict', error.message);
  if (error.status === 400 || error.status === 422)
    return fail(
      'invalid-input',
      error.message,
      // By their path in the input (`fields.2.label`), as the form names them.
      error.fieldErrors ?? undefined,
    );
  return fail('internal', `The desk server could not do it: ${error.message}`);
}
