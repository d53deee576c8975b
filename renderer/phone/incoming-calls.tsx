// The incoming-call banners at the top of the desk, on every screen: the calls ringing for this
// agent, newest first, said once in a polite live region (focus stays where the agent types). A
// call this agent answered opens its interaction once. Reads the store API; never changes a call.

import { useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { shortcutOf } from '../../shared/shortcuts';
import type { CallView, IncomingCall } from '../../shared/store-api/call-contract';
import { useDeskpad, useUi } from '../app/deskpad-context';
import { useLiveValue } from '../hooks/use-live-query';
import { useTickingNow } from '../walk-up/waiting-time';
import { announcementOf } from './call-words';
import { IncomingCallBanner } from './incoming-call-banner';
import { useAnsweredCallOpens } from './use-answered-call-opens';

/** What the window's Alt+A asks of the banners. */
export interface IncomingCallsHandle {
  answerNewest: () => void;
}

interface IncomingCallsProps {
  /** Look up on an unknown caller: the caller lookup, with the number typed. */
  onLookUp: (call: CallView) => void;
  ref?: Ref<IncomingCallsHandle>;
}

const NONE: IncomingCall[] = [];
const RINGING_TICK_MS = 1000;

const newestFirst = (a: IncomingCall, b: IncomingCall): number =>
  b.call.rangAt.localeCompare(a.call.rangAt);

function BannerStack({
  ringing,
  onAnswer,
  onLookUp,
  onDismiss,
}: {
  ringing: IncomingCall[];
  onAnswer: (call: CallView) => void;
  onLookUp: (call: CallView) => void;
  onDismiss: (call: CallView, banner: HTMLElement | null) => void;
}) {
  const now = useTickingNow(RINGING_TICK_MS);
  const openAnyRecord = useUi((s) => s.openAnyRecord);
  const keys = shortcutOf('answer-call').keys;
  return (
    <ol className="incoming-calls-list">
      {ringing.map((incoming, index) => (
        <li key={incoming.call.id} data-call={incoming.call.id}>
          <IncomingCallBanner
            incoming={incoming}
            now={now}
            newest={index === 0}
            answerKeys={keys}
            onAnswer={() => onAnswer(incoming.call)}
            onLookUp={() => onLookUp(incoming.call)}
            onDismiss={() =>
              onDismiss(
                incoming.call,
                document.querySelector<HTMLElement>(`[data-call="${incoming.call.id}"]`),
              )
            }
            onOpenRecord={(record) => openAnyRecord(record.kind, record.id)}
          />
        </li>
      ))}
    </ol>
  );
}

export function IncomingCalls({ onLookUp, ref }: IncomingCallsProps) {
  const titleId = useId();
  const { ui } = useDeskpad();
  const agentId = useLiveValue('session.current', {}, null)?.agent.id ?? null;
  const incoming = useLiveValue('call.incoming', {}, NONE);
  const dismissed = useUi((s) => s.dismissedCalls);
  const dismissCall = useUi((s) => s.dismissCall);
  const newInteractionFromCall = useUi((s) => s.newInteractionFromCall);
  const showSection = useUi((s) => s.showSection);
  useAnsweredCallOpens(agentId, incoming);
  /** Where focus was before the agent moved into the banners (Tab or a click). */
  const cameFrom = useRef<HTMLElement | null>(null);

  // Someone answered (this agent or another) or the caller hung up: the banner goes.
  const ringing = incoming
    .filter((i) => i.call.state === 'Ringing' && !dismissed.includes(i.call.id))
    .sort(newestFirst);

  // Each call is said once, when it starts ringing here; the agent's focus never moves for it.
  const [said, setSaid] = useState('');
  const [announced, setAnnounced] = useState<ReadonlySet<string>>(new Set());
  const fresh = ringing.find((i) => !announced.has(i.call.id));
  if (fresh) {
    setAnnounced(new Set([...announced, ...ringing.map((i) => i.call.id)]));
    setSaid(announcementOf(fresh.call));
  }

  const answer = (call: CallView): void => {
    // The agent took the call on the phone: its interaction opens and its banner has done its job.
    // Already open (Look up opened it): the form is shown again, never a second one.
    if (ui.getState().open.fromCall === call.id) showSection('interactions');
    else newInteractionFromCall(call.id);
    // While the Unsaved changes dialog asks first, the banner stays: the agent may keep editing.
    if (ui.getState().open.fromCall === call.id) dismissCall(call.id);
  };

  const dismiss = (call: CallView, item: HTMLElement | null): void => {
    // Focus in the banner that goes moves to the next one, or back where the agent came from,
    // never to the page's start.
    const focusWasHere = item?.contains(document.activeElement) ?? false;
    const next = item?.nextElementSibling ?? item?.previousElementSibling ?? null;
    dismissCall(call.id);
    if (!focusWasHere) return;
    const back = cameFrom.current;
    if (next) next.querySelector<HTMLElement>('article')?.focus();
    else if (back?.isConnected) back.focus();
  };

  useImperativeHandle(ref, () => ({
    answerNewest: () => {
      const newest = ringing[0];
      if (newest) answer(newest.call);
      else setSaid('No call is ringing.');
    },
  }));

  return (
    <>
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {ringing.length > 0 && (
        <section
          className="incoming-calls"
          aria-labelledby={titleId}
          onFocus={(event) => {
            const from = event.relatedTarget;
            if (from instanceof HTMLElement && !event.currentTarget.contains(from))
              cameFrom.current = from;
          }}
        >
          <h2 id={titleId} className="visually-hidden">
            {ringing.length === 1 ? 'Incoming call' : `Incoming calls (${ringing.length})`}
          </h2>
          <BannerStack
            ringing={ringing}
            onAnswer={answer}
            onLookUp={onLookUp}
            onDismiss={dismiss}
          />
        </section>
      )}
    </>
  );
}
