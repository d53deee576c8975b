// Remembers, for at most a second, who a token belonged to: a desk's push, its pull and the
// check before the body ask the database once instead of four times. Never remembers a refusal.

import type { Role } from '../../shared/sync/server-api';
import type { AuthenticateOptions, SignedIn, Sessions } from '../auth/sessions';
import { ApiError } from './api-error';

/**
 * How long an answer is reused: a session ended on another instance (sign-out, revocation) or
 * in the database directly is refused here at most this much later. Anything this instance's
 * session service does besides authenticating and signing in (signing out, ending an agent's
 * sessions…) forgets every held answer, so a session ended here is refused at once.
 */
export const SESSION_HOLD_MS = 1_000;

/** More tokens than this at once: the oldest answers are dropped first (memory stays bounded). */
const MAX_HELD = 20_000;

/** Methods that never end a session; every other one forgets what is held. */
const KEEPS_HELD = new Set([
  'authenticate',
  'signIn',
  'living',
  'createLaunchCode',
  'exchangeLaunchCode',
  'openFor',
]);

interface Held {
  answer: Promise<SignedIn>;
  /** On the `elapsed` clock: after this the database is asked again. */
  until: number;
  /** On the server's clock (`now`): held only while it stays within the hold of this. */
  heldAt: number;
}

export interface RecentSessionsOptions {
  holdMs?: number;
  /** A monotonic clock in ms, apart from `now`: a test's frozen `now` must not hold forever. */
  elapsed?: () => number;
}

/**
 * Wraps `authenticate` with a short memory keyed by the Authorization header and the roles asked;
 * requests with the same token at the same moment share one database read. The session's own
 * expiry is still checked on every request against `now`.
 */
export function recentSessions<S extends Sessions>(
  inner: S,
  now: () => Date,
  { holdMs = SESSION_HOLD_MS, elapsed = () => performance.now() }: RecentSessionsOptions = {},
): S {
  const held = new Map<string, Held>();

  const authenticate = async (
    authorization: string | undefined,
    roles: readonly Role[],
    options: AuthenticateOptions = {},
  ): Promise<SignedIn> => {
    if (!authorization || holdMs <= 0) return inner.authenticate(authorization, roles, options);
    const key = `${roles.join(',')}${options.whileMustChangePassword ? '+' : ''} ${authorization}`;
    const found = held.get(key);
    // Either clock moving on by the hold ends it: a test's clock that jumps a day asks again.
    const within = (held: Held): boolean =>
      held.until > elapsed() && Math.abs(now().getTime() - held.heldAt) < holdMs;
    if (found && within(found)) {
      const signedIn = await found.answer;
      if (held.get(key) === found && signedIn.expiresAt.getTime() > now().getTime())
        return signedIn;
      if (held.get(key) === found) held.delete(key);
      throw new ApiError(401, 'unauthorized', 'The session has ended. Sign in again.');
    }
    const entry: Held = {
      answer: inner.authenticate(authorization, roles, options),
      until: elapsed() + holdMs,
      heldAt: now().getTime(),
    };
    held.delete(key);
    held.set(key, entry);
    if (held.size > MAX_HELD) {
      const oldest = held.keys().next();
      if (!oldest.done) held.delete(oldest.value);
    }
    try {
      return await entry.answer;
    } catch (error) {
      if (held.get(key) === entry) held.delete(key);
      throw error;
    }
  };

  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(inner)) {
    if (KEEPS_HELD.has(name) || typeof value !== 'function') {
      wrapped[name] = value;
      continue;
    }
    const method = value as (...args: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      held.clear();
      const result = method.apply(inner, args);
      // Forgotten again once it is done: an answer read while it ran may predate its end.
      if (result instanceof Promise) return result.finally(() => held.clear());
      return result;
    };
  }
  wrapped.authenticate = authenticate;
  // Every member of `inner` is kept, with the same signature.
  return wrapped as S;
}
