// When the phone system says this desk's agent answered a call, the desk opens the call's new
// interaction by itself: once per call, never for a call whose interaction exists already (a reload
// after saving), never for another agent's. Reads calls; the form fills itself from the call.

import { useEffect } from 'react';
import type { CallView, IncomingCall } from '../../shared/store-api/call-contract';
import { useDeskpad } from '../app/deskpad-context';
import { useLiveValue } from '../hooks/use-live-query';

/** The answered calls looked at: a phone agent holds one call at a time, a few at most. */
const ANSWERED_LOOKED_AT = 10;
/**
 * A call answered longer ago whose hangup never came (the phone system lost it) is not a call in
 * progress: it must not open a form on every start of the desk.
 */
export const ANSWERED_CALL_MAX_MS = 8 * 60 * 60 * 1000;

/** Calls answered by `agentId` that are still in progress and have no interaction yet, newest first. */
export function answeredWithoutInteraction(
  calls: readonly CallView[],
  agentId: string,
  now: number,
): CallView[] {
  const seen = new Set<string>();
  return calls
    .filter((c) => {
      if (seen.has(c.id)) return false;
      seen.add(c.id);
      const recent = c.answeredAt !== null && now - Date.parse(c.answeredAt) < ANSWERED_CALL_MAX_MS;
      return c.state === 'Answered' && c.answeredBy === agentId && c.interaction === null && recent;
    })
    .sort((a, b) => (b.answeredAt ?? '').localeCompare(a.answeredAt ?? ''));
}

export function useAnsweredCallOpens(agentId: string | null, incoming: readonly IncomingCall[]) {
  const { ui, now } = useDeskpad();
  // The banner's calls may leave 'call.incoming' once answered: the log of this agent's answered
  // calls keeps the answer in sight either way.
  const mine = useLiveValue(
    'call.log',
    agentId ? { filter: 'answered', agent: agentId, limit: ANSWERED_LOOKED_AT } : null,
    null,
  );
  useEffect(() => {
    if (agentId === null) return;
    const calls = [...incoming.map((i) => i.call), ...(mine?.calls ?? [])];
    const { callsOpened, newInteractionFromCall } = ui.getState();
    const next = answeredWithoutInteraction(calls, agentId, now().getTime()).find(
      (c) => !callsOpened.includes(c.id),
    );
    if (next) newInteractionFromCall(next.id);
  }, [agentId, incoming, mine, ui, now]);
}
