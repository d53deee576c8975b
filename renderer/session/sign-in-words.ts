// What the sign-in screen says: the schema's field messages and each way the desk server can say
// no, in the agent's words. Pure; never talks to the store host or the server.

import type { StoreError } from '../../shared/domain/result';
import type { SignInRequest } from '../../shared/sync/account-requests';
import { loadAccountRequests } from './load-account-requests';

export type SignInField = 'userName' | 'password';
export type SignInFieldErrors = Partial<Record<SignInField, string>>;

export const SIGN_IN_WORDS = {
  wrongCredentials: 'Wrong user name or password. Check both and try again.',
  tooManyTries: 'Too many tries. Wait a minute, then try again.',
  unreachable:
    'The desk server cannot be reached. Signing in needs the desk server once; after that, this desk works offline.',
} as const;

/**
 * The shared schema's messages per field, or the request to send. Rejects when the schema's script
 * cannot be fetched (the desk server is out of reach, and the app was never kept by this browser).
 */
export async function checkSignIn(input: {
  userName: string;
  password: string;
}): Promise<{ ok: true; value: SignInRequest } | { ok: false; errors: SignInFieldErrors }> {
  const { SignInRequest } = await loadAccountRequests();
  const parsed = SignInRequest.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: SignInFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'userName' || field === 'password') && errors[field] === undefined)
      errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/** The store host's answer to session.signIn / session.adopt, as the agent should read it. */
export function describeSignInError(error: StoreError): {
  message: string;
  fieldErrors: SignInFieldErrors;
} {
  const fieldErrors: SignInFieldErrors = {};
  for (const field of ['userName', 'password'] as const) {
    const text = error.fieldErrors?.[field];
    if (text) fieldErrors[field] = text;
  }
  switch (error.code) {
    case 'invalid-input':
      return Object.keys(fieldErrors).length > 0
        ? { message: 'Check the fields marked.', fieldErrors }
        : { message: SIGN_IN_WORDS.wrongCredentials, fieldErrors };
    case 'rule':
      return { message: SIGN_IN_WORDS.tooManyTries, fieldErrors };
    case 'not-ready':
      return { message: SIGN_IN_WORDS.unreachable, fieldErrors };
    case 'not-found':
    case 'conflict':
    case 'not-permitted':
    case 'unknown-operation':
    case 'internal':
      return { message: `Signing in did not work: ${error.message}`, fieldErrors };
  }
}

/** Said on the sign-in screen while changes wait: signing out never drops them. */
export const waitingText = (pending: number): string | null => {
  if (pending === 0) return null;
  return pending === 1
    ? '1 change saved on this desk is not synced yet. It is kept, and syncs after you sign in.'
    : `${pending} changes saved on this desk are not synced yet. They are kept, and sync after you sign in.`;
};
