// The small dialogs a state change asks through: Resolve (Resolution code and notes), On Hold (the
// reason), Reopen incident (why), and the frame a request's closing uses. Each runs its one
// command; never changes state without Submit.

import { useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import {
  INCIDENT_LABELS as L,
  ON_HOLD_REASONS,
  RESOLUTION_CODES,
  type OnHoldReason,
  type ResolutionCode,
} from '../../shared/domain/incident';
import type { StoreResult } from '../../shared/domain/result';
import type { IncidentView } from '../../shared/store-api/escalation-contract';
import { ModalDialog } from '../dialog/modal-dialog';
import { FormField } from '../interaction-form/form-field';
import { useDeskpad } from '../app/deskpad-context';

type FieldErrors = Record<string, string>;

/** A small form that asks for what one state change needs, runs it, and answers the record. */
export function ReasonDialog<T>({
  title,
  intro,
  initialFocus,
  run,
  onDone,
  onCancel,
  children,
}: {
  title: string;
  intro: string;
  initialFocus: RefObject<HTMLElement | null>;
  run: () => Promise<StoreResult<T>>;
  onDone: (record: T) => void;
  onCancel: () => void;
  children: (errors: FieldErrors) => ReactNode;
}) {
  const textId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: FieldErrors } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const answer = await run();
    setBusy(false);
    if (answer.ok) onDone(answer.value);
    else setError({ message: answer.error.message, fields: answer.error.fieldErrors ?? {} });
  };
  return (
    <ModalDialog title={title} onCancel={onCancel} initialFocus={initialFocus} describedBy={textId}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <p id={textId}>{intro}</p>
        {error && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        {children(error?.fields ?? {})}
        <div className="actions actions--end">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            Submit
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

interface IncidentDialogProps {
  incident: Pick<IncidentView, 'id' | 'number'>;
  onDone: (incident: IncidentView) => void;
  onCancel: () => void;
}

export function ResolveDialog({ incident, onDone, onCancel }: IncidentDialogProps) {
  const { store } = useDeskpad();
  const baseId = useId();
  const first = useRef<HTMLSelectElement>(null);
  const [code, setCode] = useState<ResolutionCode | ''>('');
  const [notes, setNotes] = useState('');
  return (
    <ReasonDialog
      title={`Resolve ${incident.number}`}
      intro="Say how it was fixed. Every caller associated with it is then due a callback."
      initialFocus={first}
      onDone={onDone}
      onCancel={onCancel}
      run={() =>
        store.command('incident.resolve', {
          id: incident.id,
          // An empty code is refused by the schema with the machine's own sentence.
          resolutionCode: code as ResolutionCode,
          resolutionNotes: notes,
        })
      }
    >
      {(errors) => (
        <>
          <FormField id={`${baseId}-code`} label={L.resolutionCode} error={errors.resolutionCode}>
            {(control) => (
              <select
                {...control}
                ref={first}
                value={code}
                onChange={(e) => setCode(e.target.value as ResolutionCode | '')}
              >
                <option value="">Pick one</option>
                {RESOLUTION_CODES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            id={`${baseId}-notes`}
            label={L.resolutionNotes}
            error={errors.resolutionNotes}
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={notes}
                onChange={(e) => setNotes(e.target.value)}
              />
            )}
          </FormField>
        </>
      )}
    </ReasonDialog>
  );
}

export function OnHoldDialog({ incident, onDone, onCancel }: IncidentDialogProps) {
  const { store } = useDeskpad();
  const baseId = useId();
  const first = useRef<HTMLSelectElement>(null);
  const [reason, setReason] = useState<OnHoldReason | ''>('');
  return (
    <ReasonDialog
      title={`Put ${incident.number} on hold`}
      intro="Say what the incident is waiting for."
      initialFocus={first}
      onDone={onDone}
      onCancel={onCancel}
      run={() =>
        store.command('incident.setState', {
          id: incident.id,
          state: 'On Hold',
          ...(reason ? { onHoldReason: reason } : {}),
        })
      }
    >
      {(errors) => (
        <FormField id={`${baseId}-reason`} label={L.onHoldReason} error={errors.onHoldReason}>
          {(control) => (
            <select
              {...control}
              ref={first}
              value={reason}
              onChange={(e) => setReason(e.target.value as OnHoldReason | '')}
            >
              <option value="">Pick one</option>
              {ON_HOLD_REASONS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
    </ReasonDialog>
  );
}

export function ReopenDialog({ incident, onDone, onCancel }: IncidentDialogProps) {
  const { store, newId } = useDeskpad();
  const baseId = useId();
  const first = useRef<HTMLTextAreaElement>(null);
  const [noteId] = useState(newId);
  const [reason, setReason] = useState('');
  return (
    <ReasonDialog
      title={`Reopen ${incident.number}`}
      intro="It goes back to In Progress; the reason is written as a work note."
      initialFocus={first}
      onDone={onDone}
      onCancel={onCancel}
      run={() => store.command('incident.reopen', { id: incident.id, noteId, reason })}
    >
      {(errors) => (
        <FormField
          id={`${baseId}-reason`}
          label={L.reopenReason}
          error={errors.reason ?? errors.reopenReason}
        >
          {(control) => (
            <textarea
              {...control}
              ref={first}
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </FormField>
      )}
    </ReasonDialog>
  );
}
