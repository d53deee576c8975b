// What Sign in, the password change and the first administrator check their fields with: the
// shared schemas (shared/sync/account-requests.ts), which are zod's. They are fetched while such a
// screen is shown (when the window is idle) and awaited when it first checks, so the window's first
// scripts carry no zod: a signed-in desk's first frame waits for React and the workspace only,
// and Sign in draws before zod arrives (decision 0016).

import type * as AccountRequests from '../../shared/sync/account-requests';
import { laterPart } from '../hooks/prefetch-when-idle';

const accountRequests = laterPart(() => import('../../shared/sync/account-requests'));

/** The account schemas' module, fetched once (again after a failed fetch). */
export const loadAccountRequests = accountRequests.load;

/** Fetches them when the window is next idle (or after a second); cancellable. */
export const prefetchAccountRequests = accountRequests.prefetch;

/**
 * The schemas for a screen's submit, or null when they cannot be fetched (the screen is told, by
 * `unreachable`). `busy` is held meanwhile: a second Enter while they arrive is the same submit.
 */
export async function schemasForSubmit(
  busy: { current: boolean },
  unreachable: () => void,
): Promise<typeof AccountRequests | null> {
  busy.current = true;
  const schemas = await loadAccountRequests().catch(() => null);
  busy.current = false;
  if (schemas === null) unreachable();
  return schemas;
}
