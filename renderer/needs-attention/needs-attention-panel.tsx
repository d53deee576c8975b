// The Needs attention list under the banner: each change the desk server refused, why, and when,
// with Retry, Discard (asked first) and Open (the interaction, incident or request it was on).
// Never drops a change without the agent's word.

import { useEffect, useId, useRef, useState } from 'react';
import type { NeedsAttentionItem } from '../../shared/store-api/contract';
import { useDeskpad, useUi } from '../app/deskpad-context';
import { formatFullTime, formatShortTime } from '../format/format-time';
import { useLiveQuery } from '../hooks/use-live-query';
import { describeChange, describeReason, describeTarget, describeWords } from './describe-change';

export const NEEDS_ATTENTION_PANEL_ID = 'needs-attention-panel';

function When({ iso, now }: { iso: string; now: Date }) {
  return (
    <time dateTime={iso} title={formatFullTime(iso)}>
      {formatShortTime(iso, now)}
    </time>
  );
}

function AttentionEntry({ item }: { item: NeedsAttentionItem }) {
  const { store, now } = useDeskpad();
  const openAnyRecord = useUi((s) => s.openAnyRecord);
  const setAttentionOpen = useUi((s) => s.setAttentionOpen);
  const askDiscard = useUi((s) => s.setDiscardAsked);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const at = now();

  const retry = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const answer = await store.act('sync.retry', { id: item.id });
    setBusy(false);
    if (!answer.ok) setError(`Retry did not work: ${answer.error.message}`);
  };

  const recordId = item.recordNumber !== null ? item.recordId : null;
  const words = describeWords(item);

  return (
    <li className="attention-item" aria-labelledby={titleId}>
      <h3 id={titleId} className="attention-title">
        {describeTarget(item)}
      </h3>
      <p className="attention-change">
        <strong>{describeChange(item)}</strong>, made <When iso={item.at} now={at} />, refused{' '}
        <When iso={item.refusedAt} now={at} />
      </p>
      <p className="attention-reason">{describeReason(item)}</p>
      {words.length > 0 && (
        <dl className="attention-words">
          {words.map(({ label, text }) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          aria-describedby={titleId}
          aria-disabled={busy}
          onClick={() => void retry()}
        >
          Retry
        </button>
        <button
          type="button"
          className="button button--danger"
          aria-describedby={titleId}
          onClick={() => askDiscard(item)}
        >
          Discard
        </button>
        {recordId !== null && item.recordKind !== 'article' && (
          <button
            type="button"
            className="button"
            aria-describedby={titleId}
            onClick={() => {
              setAttentionOpen(false);
              if (item.recordKind !== 'article') openAnyRecord(item.recordKind, recordId);
            }}
          >
            Open
          </button>
        )}
      </div>
    </li>
  );
}

export function NeedsAttentionPanel() {
  const setAttentionOpen = useUi((s) => s.setAttentionOpen);
  const answer = useLiveQuery('sync.needsAttention', {});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const items = answer?.ok ? answer.value : [];

  // Opened from the banner: the agent lands on the list. After a discard removes the item that
  // held focus, focus comes back here instead of falling to the page.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) headingRef.current?.focus();
  }, [items.length]);

  return (
    <section id={NEEDS_ATTENTION_PANEL_ID} className="needs-attention" aria-labelledby={headingId}>
      <div className="needs-attention-header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          Needs attention
        </h2>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setAttentionOpen(false)}
        >
          Hide
        </button>
      </div>
      {answer && !answer.ok ? (
        <p className="form-error">{answer.error.message}</p>
      ) : items.length === 0 ? (
        <p className="muted">Nothing needs attention.</p>
      ) : (
        <>
          <p className="muted">
            The desk server refused these changes. Their data stays on this desk until you retry or
            discard them.
          </p>
          <ul className="attention-list">
            {items.map((item) => (
              <AttentionEntry key={item.id} item={item} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
