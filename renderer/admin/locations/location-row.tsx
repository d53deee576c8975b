// One row of the Locations table: its name, description and state, editing both in place, and
// deactivating or bringing it back. Never lists locations: the page does.

import { useId, useState, type FormEvent } from 'react';
import type { LocationView } from '../../../shared/admin/locations';
import type { StoreError } from '../../../shared/domain/result';
import { useStoreHost } from '../../app/deskpad-context';
import { adminCall } from '../admin-client';

interface LocationRowProps {
  location: LocationView;
  onChanged: (message: string) => void;
}

export function LocationRow({ location, onChanged }: LocationRowProps) {
  const store = useStoreHost();
  const id = useId();
  const [editing, setEditing] = useState(false);
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
        <td colSpan={4}>
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
    <tr>
      <td>{location.name}</td>
      <td>{location.description}</td>
      <td>{location.active ? 'Active' : 'Deactivated'}</td>
      <td>
        <div className="actions">
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
  );
}
