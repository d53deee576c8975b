// What the incident and request panels share around their fields: the State group of buttons
// (the transitions the machine and the permission matrix allow from here) and the Save row with its
// outcome. Display only.

import { useId, type ReactNode } from 'react';

export function StateButtons<A extends string>({
  actions,
  labels,
  primary,
  onAction,
  withheld = null,
}: {
  actions: readonly A[];
  labels: Readonly<Record<A, string>>;
  /** The action that finishes the work from here; `cancel` is always shown as the danger one. */
  primary: readonly A[];
  onAction: (action: A) => void;
  /** Why some state changes are not offered to this agent (who may make them), or null. */
  withheld?: string | null;
}) {
  const whyId = useId();
  return (
    <div
      className="actions"
      role="group"
      aria-label="State"
      {...(withheld ? { 'aria-describedby': whyId } : {})}
    >
      {withheld && (
        <p id={whyId} className="field-hint">
          {withheld}
        </p>
      )}
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={
            action === 'cancel'
              ? 'button button--danger'
              : primary.includes(action)
                ? 'button button--primary'
                : 'button'
          }
          onClick={() => onAction(action)}
        >
          {labels[action]}
        </button>
      ))}
    </div>
  );
}

/** Save (a submit: Enter in a field saves too) while the record is open, and what it did. */
export function SaveRow({
  readOnly,
  busy,
  changed,
  message,
}: {
  readOnly: boolean;
  busy: boolean;
  changed: boolean;
  message: ReactNode;
}) {
  return (
    <>
      {!readOnly && (
        <div className="actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || !changed}>
            Save
          </button>
        </div>
      )}
      <p className="save-message" role="status" aria-atomic="true">
        {message}
      </p>
    </>
  );
}
