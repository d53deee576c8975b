// An ordered list of short labels at one location (the reasons for a visit, the wrap-up codes), as
// an editable, reorderable list: each moved up or down, removed, or a new one added at the end.
// Never saves: the settings form does.

import { useEffect, useId, useRef, useState } from 'react';

interface ReasonListEditorProps {
  /** In the order offered; each one names its controls ("Move Printer up"). */
  reasons: readonly string[];
  onChange: (reasons: string[]) => void;
  error?: string | undefined;
  /** What the list is and says; a visit's reasons unless told. */
  words?: ListWords;
  maxLength?: number;
}

export interface ListWords {
  legend: string;
  hint: string;
  empty: string;
  /** One item, in lower case for the sentences: 'reason', 'wrap-up code'. */
  item: string;
}

const REASON_WORDS: ListWords = {
  legend: 'Reasons for a visit',
  hint: 'Offered in this order at the kiosk and on the desks; people can always type their own.',
  empty: 'No reasons: people type their own.',
  item: 'reason',
};

type Focus = { reason: string; control: 'up' | 'down' | 'remove' } | { control: 'new' } | null;

function moved(list: readonly string[], from: number, to: number): string[] {
  const next = [...list];
  const [reason] = next.splice(from, 1);
  if (reason !== undefined) next.splice(to, 0, reason);
  return next;
}

export function ReasonListEditor({
  reasons,
  onChange,
  error,
  words = REASON_WORDS,
  maxLength = 80,
}: ReasonListEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const list = useRef<HTMLFieldSetElement>(null);
  const [focus, setFocus] = useState<Focus>(null);

  // A moved row's DOM node may be taken out and put back, which drops the focus: put it back.
  useEffect(() => {
    if (!focus || !list.current) return;
    const controls = list.current.querySelectorAll<HTMLElement>('[data-reason-control]');
    const target = [...controls].find(
      (c) =>
        c.dataset.reasonControl === focus.control &&
        (focus.control === 'new' || c.dataset.reason === focus.reason),
    );
    // At the top or the bottom the button is disabled: its partner keeps the focus instead.
    target?.focus();
    setFocus(null);
  }, [focus, reasons]);

  const move = (index: number, by: -1 | 1): void => {
    const reason = reasons[index];
    if (reason === undefined) return;
    const to = index + by;
    onChange(moved(reasons, index, to));
    const atEdge = to === 0 || to === reasons.length - 1;
    setFocus({ reason, control: atEdge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down' });
  };

  const remove = (index: number): void => {
    const next = reasons.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    setFocus(
      neighbour === undefined ? { control: 'new' } : { reason: neighbour, control: 'remove' },
    );
  };

  const add = (): void => {
    const reason = draft.trim();
    if (reason === '') {
      setProblem(`Type the ${words.item} to add.`);
      return;
    }
    if (reasons.some((r) => r.toLowerCase() === reason.toLowerCase())) {
      setProblem(`${reason} is in the list already.`);
      return;
    }
    setProblem(null);
    setDraft('');
    onChange([...reasons, reason]);
  };

  const message = problem ?? error;
  return (
    <fieldset className="reason-list" ref={list} aria-describedby={`${id}-hint`}>
      <legend>{words.legend}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {words.hint}
      </p>
      {reasons.length === 0 ? (
        <p className="muted">{words.empty}</p>
      ) : (
        <ol className="reason-list-items">
          {reasons.map((reason, index) => (
            <li key={reason}>
              <span>{reason}</span>
              <span className="actions">
                <button
                  type="button"
                  className="button button--quiet"
                  data-reason={reason}
                  data-reason-control="up"
                  aria-label={`Move ${reason} up`}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  Up
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  data-reason={reason}
                  data-reason-control="down"
                  aria-label={`Move ${reason} down`}
                  disabled={index === reasons.length - 1}
                  onClick={() => move(index, 1)}
                >
                  Down
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  data-reason={reason}
                  data-reason-control="remove"
                  aria-label={`Remove ${reason}`}
                  onClick={() => remove(index)}
                >
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="admin-inline-form">
        <label htmlFor={`${id}-new`}>New {words.item}</label>
        <input
          id={`${id}-new`}
          data-reason-control="new"
          value={draft}
          maxLength={maxLength}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the item rather than saving the whole form.
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button" onClick={add}>
          Add {words.item}
        </button>
      </div>
      {message && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {message}
        </p>
      )}
    </fieldset>
  );
}
