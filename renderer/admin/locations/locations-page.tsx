// The Locations page of Administration: the walk-up desk's sites listed and searched, created,
// renamed and described, deactivated and brought back. Never writes but through admin operations.

import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { LocationView } from '../../../shared/admin/locations';
import type { StoreError } from '../../../shared/domain/result';
import { useStoreHost } from '../../app/deskpad-context';
import { FormField } from '../../interaction-form/form-field';
import { adminCall } from '../admin-client';
import { LocationRow } from './location-row';

export function LocationsPage() {
  const store = useStoreHost();
  const id = useId();
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [locations, setLocations] = useState<LocationView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [createError, setCreateError] = useState<StoreError | null>(null);

  const load = useCallback(async () => {
    const answer = await adminCall(store, 'locations.list', { q, includeInactive });
    if (answer.ok) {
      setLocations(answer.value.locations);
      setLoadError(null);
    } else setLoadError(answer.error.message);
  }, [store, q, includeInactive]);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const answer = await adminCall(store, 'locations.create', { name, description });
    if (!answer.ok) {
      setCreateError(answer.error);
      return;
    }
    setCreateError(null);
    setName('');
    setDescription('');
    setStatus(`Location ${answer.value.location.name} created.`);
    await load();
  };

  const changed = async (message: string): Promise<void> => {
    setStatus(message);
    await load();
  };

  return (
    <div className="org-page">
      <form className="admin-form" aria-labelledby={`${id}-new`} onSubmit={(e) => void create(e)}>
        <h3 id={`${id}-new`}>New location</h3>
        <FormField id={`${id}-name`} label="Name" error={createError?.fieldErrors?.name}>
          {(control) => (
            <input {...control} value={name} onChange={(e) => setName(e.target.value)} required />
          )}
        </FormField>
        <FormField
          id={`${id}-description`}
          label="Description"
          error={createError?.fieldErrors?.description}
        >
          {(control) => (
            <input
              {...control}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </FormField>
        {createError && !createError.fieldErrors && (
          <p className="error-text" role="alert">
            {createError.message}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary">
            Create location
          </button>
        </div>
      </form>
      <div className="list-controls">
        <div className="filters">
          <label htmlFor={`${id}-search`}>Search locations</label>
          <input
            id={`${id}-search`}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={includeInactive}
            onChange={(e) => setIncludeInactive(e.target.checked)}
          />
          Show deactivated locations
        </label>
      </div>
      <p role="status" className="muted">
        {status}
      </p>
      {loadError !== null ? (
        <p className="error-text">{loadError}</p>
      ) : locations === null ? (
        <p className="muted">Loading…</p>
      ) : locations.length === 0 ? (
        <p className="muted">No locations{q === '' ? ' yet' : ` match ${q}`}.</p>
      ) : (
        <div className="table-scroll">
          <table className="interaction-table admin-table">
            <caption className="visually-hidden">Locations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {locations.map((location) => (
                <LocationRow
                  key={location.id}
                  location={location}
                  onChanged={(message) => void changed(message)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
