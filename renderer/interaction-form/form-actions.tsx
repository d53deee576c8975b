// Save, Close interaction and Abandon, and the polite message saying what the last one did.
// Never runs a command itself: the form model does, one at a time. While one runs the buttons are
// aria-disabled, not disabled: a disabled button drops keyboard focus to the page body.

import type { InteractionFormModel } from './use-interaction-form';

/**
 * The last outcome in words, with the number the record has now: "Saved IMS-P0001" must not stay
 * on screen after the desk server gave the record IMS0001001.
 */
export function currentWording(
  text: string,
  record: { number: string; numberProvisional: boolean } | null,
): string {
  if (!record || record.numberProvisional) return text;
  // Only the record's own kind: "Incident INC-P0001 was created" names another record.
  const prefix = record.number.slice(0, 3);
  return text.replace(new RegExp(`\\b${prefix}-P\\d+\\b`, 'g'), record.number);
}

export function FormActions({ model }: { model: InteractionFormModel }) {
  const { busy, closed, message, record } = model;
  return (
    <div className="form-actions">
      {closed ? (
        <p className="muted">
          {record?.number} is {record?.state}: only work notes can be added.
        </p>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            aria-disabled={busy}
            onClick={() => void model.save()}
          >
            Save
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() => void model.close('Closed Complete')}
          >
            Close interaction
          </button>
          <button
            type="button"
            className="button button--danger"
            aria-disabled={busy}
            onClick={() => void model.close('Closed Abandoned')}
          >
            Abandon
          </button>
        </div>
      )}
      <p className="save-message" role="status" aria-atomic="true">
        {message && <span key={message.seq}>{currentWording(message.text, record)}</span>}
      </p>
    </div>
  );
}
