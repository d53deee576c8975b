// One location's phone settings as a form: its wrap-up codes (reorderable, sent to the desks) and
// its block list (one number a line, in any common form; the server keeps them in E.164 and names
// a number it cannot read). Saved in one locations.update. Never lists locations.

import { useId, useState, type FormEvent } from 'react';
import type { LocationView } from '../../../shared/admin/locations';
import type { StoreError } from '../../../shared/domain/result';
import { useStoreHost } from '../../app/deskpad-context';
import { FormField } from '../../interaction-form/form-field';
import { adminCall } from '../admin-client';
import { ReasonListEditor, type ListWords } from './reason-list-editor';

const WRAP_UP_WORDS: ListWords = {
  legend: 'Wrap-up codes',
  hint: 'Offered in this order to the agents of this location when they wrap up a call.',
  empty: 'No wrap-up codes: agents wrap up without one.',
  item: 'wrap-up code',
};

/** The lines typed, trimmed, without the blank ones. */
const numbersOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

interface LocationPhoneSettingsProps {
  location: LocationView;
  onSaved: (location: LocationView) => void;
  onCancel: () => void;
}

export function LocationPhoneSettings({ location, onSaved, onCancel }: LocationPhoneSettingsProps) {
  const store = useStoreHost();
  const id = useId();
  const [codes, setCodes] = useState<string[]>([...location.wrapUpCodes]);
  const [blocked, setBlocked] = useState(location.blockedNumbers.join('\n'));
  const [error, setError] = useState<StoreError | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    const answer = await adminCall(store, 'locations.update', {
      id: location.id,
      wrapUpCodes: codes,
      blockedNumbers: numbersOf(blocked),
    });
    setSaving(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setError(null);
    onSaved(answer.value.location);
  };

  const fieldError = (field: string): string | undefined => {
    const errors = error?.fieldErrors ?? {};
    return Object.entries(errors).find(
      ([key]) => key === field || key.startsWith(`${field}.`),
    )?.[1];
  };
  const known = new Set(['wrapUpCodes', 'blockedNumbers']);
  const otherError =
    error &&
    !Object.keys(error.fieldErrors ?? {}).some((key) => known.has(key.split('.')[0] ?? ''));
  return (
    <form
      className="admin-form walk-up-settings"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void save(e)}
    >
      <h3 id={`${id}-title`}>Phone settings of {location.name}</h3>
      <ReasonListEditor
        reasons={codes}
        onChange={setCodes}
        error={fieldError('wrapUpCodes')}
        words={WRAP_UP_WORDS}
        maxLength={60}
      />
      <FormField
        id={`${id}-blocked`}
        label="Blocked numbers"
        error={fieldError('blockedNumbers')}
        hint="One a line, as written anywhere (020 7946 0958, +44 20 7946 0958). Their calls to this location are rejected; the desks never see this list."
      >
        {(control) => (
          <textarea
            {...control}
            rows={5}
            value={blocked}
            spellCheck={false}
            onChange={(e) => setBlocked(e.target.value)}
          />
        )}
      </FormField>
      {otherError && (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          Save phone settings
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
