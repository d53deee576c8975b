// One row of the Locations table: its name, description, walk-up and phone summary and state,
// editing the name and description in place, opening its walk-up or phone settings below it, and
// deactivating or bringing it back. Never lists locations: the page does.

import { Fragment, useId, useState, type FormEvent } from 'react';
import type { LocationView } from '../../../shared/admin/locations';
import type { StoreError } from '../../../shared/domain/result';
import { useStoreHost } from '../../app/deskpad-context';
import { adminCall } from '../admin-client';
import { LocationPhoneSettings } from './location-phone-settings';
import { LocationWalkUpSettings } from './location-walk-up-settings';

/** Columns of the Locations table, for a row that spans them all. */
export const LOCATION_COLUMNS = 6;

/** The phone settings in a few words, for the table. */
export function phoneSummary(location: LocationView): string {
  const codes = location.wrapUpCodes.length;
  const blocked = location.blockedNumbers.length;
  return [
    codes === 0 ? 'no wrap-up codes' : `${codes} wrap-up code${codes === 1 ? '' : 's'}`,
    `${blocked} blocked number${blocked === 1 ? '' : 's'}`,
  ].join(' · ');
}

/** The walk-up settings in a few words, for the table. */
export function walkUpSummary(location: LocationView): string {
  const reasons = location.reasons.length;
  return [
    reasons === 0 ? 'free text only' : `${reasons} reason${reasons === 1 ? '' : 's'}`,
    location.vipFirst ? 'VIPs first' : 'first come, first served',
    `${location.graceMinutes} min grace`,
    `target ${location.waitTargetMinutes} min`,
  ].join(' · ');
}

interface LocationRowProps {
  location: LocationView;
  onChanged: (message: string) => void;
}

export function LocationRow({ location, onChanged }: LocationRowProps) {
  const store = useStoreHost();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [phoneOpen, setPhoneOpen] = useState(false);
  const [name, setName] = useState(location.name);
  const [description, setDescription] = useState(location.description);
  const [error, setError] = useState<StoreError | null>(null);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const answer = await adminCall(store, 'locations.update', {
      id: location.id,
      name,
      description,
    });
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setError(null);
    setEditing(false);
    onChanged(`Location ${answer.value.location.name} saved.`);
  };

  const setActive = async (active: boolean): Promise<void> => {
    const answer = await adminCall(store, 'locations.set-active', { id: location.id, active });
    if (!answer.ok) setError(answer.error);
    else onChanged(`Location ${location.name} ${active ? 'reactivated' : 'deactivated'}.`);
  };

  if (editing)
    return (
      <tr>
        <td colSpan={LOCATION_COLUMNS}>
          <form className="admin-inline-form" onSubmit={(e) => void save(e)}>
            <label htmlFor={`${id}-name`}>Name of {location.name}</label>
            <input
              id={`${id}-name`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={error?.fieldErrors?.name ? true : undefined}
            />
            <label htmlFor={`${id}-description`}>Description of {location.name}</label>
            <input
              id={`${id}-description`}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
            {error && (
              <p className="error-text" role="alert">
                {error.message}
              </p>
            )}
            <div className="actions">
              <button type="submit" className="button button--primary">
                Save
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setEditing(false);
                  setError(null);
                  setName(location.name);
                  setDescription(location.description);
                }}
              >
                Cancel
              </button>
            </div>
          </form>
        </td>
      </tr>
    );

  return (
    <Fragment>
      <tr>
        <td>{location.name}</td>
        <td>{location.description}</td>
        <td>{walkUpSummary(location)}</td>
        <td>{phoneSummary(location)}</td>
        <td>{location.active ? 'Active' : 'Deactivated'}</td>
        <td>
          <div className="actions">
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Walk-up settings of ${location.name}`}
              aria-expanded={settingsOpen}
              onClick={() => setSettingsOpen(!settingsOpen)}
            >
              Walk-up settings
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Phone settings of ${location.name}`}
              aria-expanded={phoneOpen}
              onClick={() => setPhoneOpen(!phoneOpen)}
            >
              Phone settings
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Edit ${location.name}`}
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-label={`${location.active ? 'Deactivate' : 'Reactivate'} ${location.name}`}
              onClick={() => void setActive(!location.active)}
            >
              {location.active ? 'Deactivate' : 'Reactivate'}
            </button>
          </div>
          {error && !editing && (
            <p className="error-text" role="alert">
              {error.message}
            </p>
          )}
        </td>
      </tr>
      {settingsOpen && (
        <tr>
          <td colSpan={LOCATION_COLUMNS}>
            <LocationWalkUpSettings
              location={location}
              onCancel={() => setSettingsOpen(false)}
              onSaved={(saved) => {
                setSettingsOpen(false);
                onChanged(`Walk-up settings of ${saved.name} saved.`);
              }}
            />
          </td>
        </tr>
      )}
      {phoneOpen && (
        <tr>
          <td colSpan={LOCATION_COLUMNS}>
            <LocationPhoneSettings
              location={location}
              onCancel={() => setPhoneOpen(false)}
              onSaved={(saved) => {
                setPhoneOpen(false);
                onChanged(`Phone settings of ${saved.name} saved.`);
              }}
            />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
