// One location's walk-up settings as a form: the reasons (reorderable), VIPs first, the no-show
// grace time, how the lobby board names people (with a live example) and the wait target; saved in
// one locations.update. Never lists locations nor changes the name: the row does.

import { useId, useState, type FormEvent } from 'react';
import type { LocationView } from '../../../shared/admin/locations';
import type { StoreError } from '../../../shared/domain/result';
import {
  LOBBY_NAME_FORMATS,
  LOBBY_NAME_LABELS,
  LobbyNameFormat,
  lobbyName,
} from '../../../shared/domain/walk-up-location';
import { useStoreHost } from '../../app/deskpad-context';
import { FormField } from '../../interaction-form/form-field';
import { adminCall } from '../admin-client';
import { ReasonListEditor } from './reason-list-editor';

/** The person the live example names: a made-up visitor, never someone from the directory. */
const EXAMPLE_VISITOR = { displayName: 'Ada Lovelace', number: 'VIS0001001' };

interface LocationWalkUpSettingsProps {
  location: LocationView;
  onSaved: (location: LocationView) => void;
  onCancel: () => void;
}

/** Whole minutes typed in a number box, or NaN for the server to refuse with its message. */
const minutes = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export function LocationWalkUpSettings({
  location,
  onSaved,
  onCancel,
}: LocationWalkUpSettingsProps) {
  const store = useStoreHost();
  const id = useId();
  const [reasons, setReasons] = useState<string[]>([...location.reasons]);
  const [vipFirst, setVipFirst] = useState(location.vipFirst);
  const [grace, setGrace] = useState(String(location.graceMinutes));
  const [lobbyNames, setLobbyNames] = useState(location.lobbyNames);
  const [target, setTarget] = useState(String(location.waitTargetMinutes));
  const [error, setError] = useState<StoreError | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    const answer = await adminCall(store, 'locations.update', {
      id: location.id,
      reasons,
      vipFirst,
      graceMinutes: minutes(grace),
      lobbyNames,
      waitTargetMinutes: minutes(target),
    });
    setSaving(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setError(null);
    onSaved(answer.value.location);
  };

  const fieldError = (field: string): string | undefined => error?.fieldErrors?.[field];
  return (
    <form
      className="admin-form walk-up-settings"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void save(e)}
    >
      <h3 id={`${id}-title`}>Walk-up settings of {location.name}</h3>
      <ReasonListEditor reasons={reasons} onChange={setReasons} error={fieldError('reasons')} />
      <label className="check">
        <input type="checkbox" checked={vipFirst} onChange={(e) => setVipFirst(e.target.checked)} />
        Call next takes VIPs first
      </label>
      <FormField
        id={`${id}-grace`}
        label="Grace time before No-show (minutes)"
        error={fieldError('graceMinutes')}
        hint="How long a called person has to come before they can be marked No-show."
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={0}
            max={120}
            step={1}
            inputMode="numeric"
            value={grace}
            onChange={(e) => setGrace(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        id={`${id}-lobby`}
        label="Names on the lobby board"
        error={fieldError('lobbyNames')}
        hint={
          <>
            On the board: <output>{lobbyName(EXAMPLE_VISITOR, lobbyNames)}</output> for{' '}
            {EXAMPLE_VISITOR.displayName}, {EXAMPLE_VISITOR.number}.
          </>
        }
      >
        {(control) => (
          <select
            {...control}
            value={lobbyNames}
            onChange={(e) => {
              const format = LobbyNameFormat.safeParse(e.target.value);
              if (format.success) setLobbyNames(format.data);
            }}
          >
            {LOBBY_NAME_FORMATS.map((format) => (
              <option key={format} value={format}>
                {LOBBY_NAME_LABELS[format]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id={`${id}-target`}
        label="Wait target (minutes)"
        error={fieldError('waitTargetMinutes')}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={480}
            step={1}
            inputMode="numeric"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
        )}
      </FormField>
      {error && !error.fieldErrors && (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          Save walk-up settings
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
