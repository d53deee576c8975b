// The Calls section: the caller log (recent calls, missed and answered, their caller and
// interaction), its filters, Log as interaction, and Mark all missed as seen. Composition only: the
// store host answers the log, and the one command marks calls seen.

import { useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { CallView } from '../../shared/store-api/call-contract';
import { useDeskpad, useUi } from '../app/deskpad-context';
import { useLiveQuery } from '../hooks/use-live-query';
import { CallLogControls, CALL_LOG_FILTER_LABELS, type AgentOption } from './call-log-controls';
import { CallLogTable } from './call-log-table';
import { markCallsSeen, markSeenArgsFor } from './mark-calls-seen';

/** How many recent calls the log lists. */
export const CALL_LOG_LIMIT = 200;

export interface CallsSectionHandle {
  /** Alt+L: the first row's button (or the heading when nothing is listed). */
  focus(): void;
}

interface Notice {
  text: string;
  refused: boolean;
}

/** Everyone seen answering in this window, so the agent filter keeps its choices as the list narrows. */
function useAgentOptions(calls: readonly CallView[]): AgentOption[] {
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(new Map());
  const news = calls.filter(
    (c) =>
      c.answeredBy !== null && c.answeredByName && known.get(c.answeredBy) !== c.answeredByName,
  );
  if (news.length > 0) {
    const next = new Map(known);
    for (const c of news)
      if (c.answeredBy && c.answeredByName) next.set(c.answeredBy, c.answeredByName);
    setKnown(next);
  }
  return [...known]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function CallsSection({ ref }: { ref?: Ref<CallsSectionHandle> }) {
  const id = useId();
  const { store } = useDeskpad();
  const view = useUi((s) => s.callLog);
  const newInteractionFromCall = useUi((s) => s.newInteractionFromCall);
  const openAnyRecord = useUi((s) => s.openAnyRecord);
  const answer = useLiveQuery('call.log', { ...view, limit: CALL_LOG_LIMIT });
  const log = answer?.ok ? answer.value : null;
  const calls = log?.calls ?? [];
  const agents = useAgentOptions(calls);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useImperativeHandle(ref, () => ({
    focus: () => {
      const first = sectionRef.current?.querySelector<HTMLButtonElement>('tbody button.row-open');
      (first ?? headingRef.current)?.focus();
    },
  }));

  const toMark = markSeenArgsFor(calls);
  const markAllSeen = async (): Promise<void> => {
    if (toMark === null || busy) return;
    setBusy(true);
    try {
      const done = await markCallsSeen(store, toMark);
      const count = toMark.ids.length;
      setNotice(
        done.ok
          ? {
              text:
                count === 1
                  ? 'Marked 1 missed call as seen.'
                  : `Marked ${count} missed calls as seen.`,
              refused: false,
            }
          : { text: done.error.message, refused: true },
      );
    } finally {
      setBusy(false);
    }
  };

  const listed = CALL_LOG_FILTER_LABELS[view.filter];
  const caption =
    view.filter === 'all' ? `Recent calls (${calls.length})` : `${listed} calls (${calls.length})`;
  return (
    <section className="calls" aria-labelledby={`${id}-title`} ref={sectionRef}>
      <div className="calls-head">
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          Calls
        </h2>
        <button
          type="button"
          className="button"
          disabled={toMark === null || busy}
          onClick={() => void markAllSeen()}
        >
          Mark all missed as seen
        </button>
      </div>
      <CallLogControls queues={log?.queues ?? []} agents={agents} />
      {notice?.refused && (
        <p className="calls-notice calls-notice--refused" role="alert">
          {notice.text}
        </p>
      )}
      {/* Always there, so a screen reader hears each confirmation. */}
      <p className="calls-notice" role="status">
        {notice && !notice.refused ? notice.text : ''}
      </p>
      {answer === undefined ? (
        <p className="muted">Loading the calls…</p>
      ) : !answer.ok ? (
        <p className="error-text">{answer.error.message}</p>
      ) : calls.length === 0 ? (
        <p className="muted">
          {view.filter === 'missed' ? 'No missed calls.' : 'No calls to show.'}
        </p>
      ) : (
        <CallLogTable
          calls={calls}
          caption={caption}
          onOpenInteraction={(interaction) => openAnyRecord('interaction', interaction)}
          onLogAsInteraction={(call) => newInteractionFromCall(call.id)}
        />
      )}
      <p className="muted calls-keys">
        Up and Down move between the calls, Enter opens the interaction or logs the call as one.
      </p>
    </section>
  );
}
