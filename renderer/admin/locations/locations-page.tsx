// The Locations page of Administration: the walk-up desk's sites listed and searched, created,
// renamed and described, their walk-up and phone settings changed, deactivated and brought back. Never writes but through admin operations.

import { useId, useState, type FormEvent } from 'react';
import type { StoreError } from '../../../shared/domain/result';
import { useStoreHost } from '../../app/deskpad-context';
import { FormField } from '../../interaction-form/form-field';
import { adminCall, useAdminQuery } from '../admin-client';
import { AdminLoadState } from '../admin-load-state';
import { LocationRow } from './location-row';
import './locations.css';

export function LocationsPage() {
  const store = useStoreHost();
  const id = useId();
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const list = useAdminQuery('locations.list', { q, includeInactive });
  const locations = list.value?.locations ?? null;
  const [status, setStatus] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [createError, setCreateError] = useState<StoreError | null>(null);

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
    list.reload();
  };

  const changed = (message: string): void => {
    setStatus(message);
    list.reload();
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
      <AdminLoadState query={list} what="the locations" />
      {locations === null ? null : locations.length === 0 ? (
        <p className="muted">No locations{q === '' ? ' yet' : ` match ${q}`}.</p>
      ) : (
        <div className="table-scroll">
          <table className="interaction-table admin-table">
            <caption className="visually-hidden">Locations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
                <th scope="col">Walk-up</th>
                <th scope="col">Phone</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {locations.map((location) => (
                <LocationRow key={location.id} location={location} onChanged={changed} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
