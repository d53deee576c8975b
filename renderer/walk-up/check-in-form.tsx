// Check in on someone's behalf: a person from the directory (the caller lookup) or a guest by name,
// and a reason from the location's list or typed. Sends visit.checkIn; never changes the queue itself.

import { useId, useState, type FormEvent } from 'react';
import type { UserHit } from '../../shared/domain/directory';
import { CheckInArgs, VISIT_LABELS } from '../../shared/domain/visit';
import type { WalkUpLocation } from '../../shared/domain/walk-up-location';
import { useDeskpad } from '../app/deskpad-context';
import { CallerLookup } from '../caller-lookup/caller-lookup';
import { FormField } from '../interaction-form/form-field';
import type { WalkUpNotice } from './walk-up-actions';

const OTHER = '__other__';

type Errors = Partial<Record<'person' | 'guestName' | 'reason' | 'reasonDetail', string>>;

interface CheckInFormProps {
  location: WalkUpLocation;
  onDone: (notice: WalkUpNotice) => void;
}

export function CheckInForm({ location, onDone }: CheckInFormProps) {
  const { store, newId } = useDeskpad();
  const id = useId();
  const [guest, setGuest] = useState(false);
  const [person, setPerson] = useState<Pick<UserHit, 'id' | 'name' | 'vip'> | null>(null);
  const [personText, setPersonText] = useState('');
  const [guestName, setGuestName] = useState('');
  const [choice, setChoice] = useState('');
  const [otherReason, setOtherReason] = useState('');
  const [detail, setDetail] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const reset = (): void => {
    setPerson(null);
    setPersonText('');
    setGuestName('');
    setChoice('');
    setOtherReason('');
    setDetail('');
    setErrors({});
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    if (!guest && person === null) {
      setErrors({ person: 'Pick the person from the directory, or check in a guest.' });
      return;
    }
    const checked = CheckInArgs.safeParse({
      id: newId(),
      location: location.id,
      person: guest ? null : (person?.id ?? null),
      guestName: guest ? guestName : '',
      displayName: guest ? '' : (person?.name ?? ''),
      vip: !guest && (person?.vip ?? false),
      reason: choice === OTHER ? otherReason : choice,
      reasonDetail: detail,
      channel: 'agent',
    });
    if (!checked.success) {
      const found: Errors = {};
      for (const issue of checked.error.issues) {
        const field = issue.path[0];
        if (field === 'guestName' || field === 'reason' || field === 'reasonDetail')
          found[field] ??= issue.message;
      }
      setErrors(found);
      return;
    }
    setBusy(true);
    const answer = await store.command('visit.checkIn', checked.data);
    setBusy(false);
    if (!answer.ok) {
      onDone({ text: answer.error.message, refused: true });
      return;
    }
    const name = checked.data.person === null ? checked.data.guestName : checked.data.displayName;
    onDone({ text: `Checked in ${name} at ${location.name}.`, refused: false });
    reset();
  };

  return (
    <form
      className="walk-up-check-in"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 id={`${id}-title`}>Check in</h3>
      <fieldset className="walk-up-who">
        <legend>Who is visiting</legend>
        <label>
          <input
            type="radio"
            name={`${id}-who`}
            checked={!guest}
            onChange={() => setGuest(false)}
          />{' '}
          Someone in the directory
        </label>
        <label>
          <input type="radio" name={`${id}-who`} checked={guest} onChange={() => setGuest(true)} />{' '}
          A guest
        </label>
      </fieldset>
      {guest ? (
        <FormField id={`${id}-guest`} label={VISIT_LABELS.guestName} error={errors.guestName}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={guestName}
              autoComplete="off"
              onChange={(e) => setGuestName(e.target.value)}
            />
          )}
        </FormField>
      ) : (
        <FormField id={`${id}-person`} label={VISIT_LABELS.person} error={errors.person}>
          {(control) => (
            <CallerLookup
              control={control}
              labelId={`${control.id}-label`}
              value={{ id: person?.id ?? null, text: personText }}
              readOnly={false}
              onPick={(user) => {
                setPerson({ id: user.id, name: user.name, vip: user.vip });
                setPersonText(user.name);
                setErrors((e) => ({ ...e, person: undefined }));
              }}
              onClear={() => {
                setPerson(null);
                setPersonText('');
              }}
            />
          )}
        </FormField>
      )}
      <FormField
        id={`${id}-reason`}
        label={VISIT_LABELS.reason}
        error={choice === OTHER ? undefined : errors.reason}
      >
        {(control) => (
          <select {...control} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Pick a reason…</option>
            {location.reasons.map((reason) => (
              <option key={reason} value={reason}>
                {reason}
              </option>
            ))}
            <option value={OTHER}>Other (type the reason)</option>
          </select>
        )}
      </FormField>
      {choice === OTHER && (
        <FormField id={`${id}-other`} label="Other reason" error={errors.reason}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={otherReason}
              onChange={(e) => setOtherReason(e.target.value)}
            />
          )}
        </FormField>
      )}
      <FormField
        id={`${id}-detail`}
        label={`${VISIT_LABELS.reasonDetail} (optional)`}
        error={errors.reasonDetail}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={detail}
            onChange={(e) => setDetail(e.target.value)}
          />
        )}
      </FormField>
      <button type="submit" className="button button--primary" disabled={busy}>
        Check in
      </button>
    </form>
  );
}
