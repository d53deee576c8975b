// Mark all missed as seen: the one command the Calls section sends, for the missed calls the agent
// saw listed (keyed on the newest), through the store API's command path. Never marks a call itself.

import type { MarkCallsSeenArgs } from '../../shared/domain/call';
import type { StoreResult } from '../../shared/domain/result';
import type { StoreHostApi } from '../../shared/store-api/contract';
import type { CallView } from '../../shared/store-api/call-contract';

/** The most calls one command covers (MarkCallsSeenArgs). */
export const MARK_SEEN_MAX = 500;

/** The arguments for the listed missed calls not seen yet; null when there are none. */
export function markSeenArgsFor(calls: readonly CallView[]): MarkCallsSeenArgs | null {
  const unseen = calls
    .filter((c) => c.state === 'Missed' && !c.seen)
    .sort((a, b) => b.rangAt.localeCompare(a.rangAt))
    .slice(0, MARK_SEEN_MAX);
  const newest = unseen[0];
  return newest ? { id: newest.id, ids: unseen.map((c) => c.id) } : null;
}

/** Mark all missed as seen: one command for the missed calls the agent saw listed. */
export function markCallsSeen(
  store: StoreHostApi,
  args: MarkCallsSeenArgs,
): Promise<StoreResult<unknown>> {
  return store.command('call.markSeen', args);
}
