// The Integrations page of Administration: the phone systems that announce calls (generic CTI),
// listed with their location, creator and last use; a new one created (its address shown once);
// one revoked after asking. Never writes but through admin operations; never keeps a token.

import { useId, useRef, useState, type FormEvent } from 'react';
import type { IntegrationCreated, IntegrationView } from '../../../shared/admin/integrations';
import type { StoreError } from '../../../shared/domain/result';
import { useStoreHost } from '../../app/deskpad-context';
import { ModalDialog } from '../../dialog/modal-dialog';
import { formatFullTime } from '../../format/format-time';
import { FormField } from '../../interaction-form/form-field';
import { adminCall, useAdminQuery } from '../admin-client';
import { AdminLoadState } from '../admin-load-state';
import { NewIntegrationToken } from './new-integration-token';
import './integrations.css';

export function IntegrationsPage() {
  const store = useStoreHost();
  const id = useId();
  const list = useAdminQuery('integrations.list', { includeRevoked: true });
  const locations = useAdminQuery('locations.list', { q: '', includeInactive: false });
  const integrations = list.value?.integrations ?? null;
  const [name, setName] = useState('');
  const [locationId, setLocationId] = useState('');
  const [createError, setCreateError] = useState<StoreError | null>(null);
  const [created, setCreated] = useState<IntegrationCreated | null>(null);
  const [revoking, setRevoking] = useState<IntegrationView | null>(null);
  const [status, setStatus] = useState('');

  const create = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const answer = await adminCall(store, 'integrations.create', {
      name,
      locationId: locationId === '' ? null : locationId,
    });
    if (!answer.ok) {
      setCreateError(answer.error);
      return;
    }
    setCreateError(null);
    setName('');
    setLocationId('');
    setStatus('');
    setCreated(answer.value);
    list.reload();
  };

  return (
    <div className="org-page">
      {created ? (
        <NewIntegrationToken
          created={created}
          onDone={() => {
            setStatus(`Integration ${created.integration.name} created.`);
            setCreated(null);
          }}
        />
      ) : (
        <form className="admin-form" aria-labelledby={`${id}-new`} onSubmit={(e) => void create(e)}>
          <h3 id={`${id}-new`}>New integration</h3>
          <p className="field-hint">
            A phone system (Asterisk, sipgate, Placetel…) announces its calls to Deskpad over the
            generic CTI interface, at an address with its own secret token.
          </p>
          <FormField id={`${id}-name`} label="Name" error={createError?.fieldErrors?.name}>
            {(control) => (
              <input {...control} value={name} onChange={(e) => setName(e.target.value)} />
            )}
          </FormField>
          <FormField
            id={`${id}-location`}
            label="Location it serves"
            error={createError?.fieldErrors?.locationId}
            hint="Its calls use this location's block list and wrap-up codes."
          >
            {(control) => (
              <select
                {...control}
                value={locationId}
                onChange={(e) => setLocationId(e.target.value)}
              >
                <option value="">No location</option>
                {(locations.value?.locations ?? []).map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {createError && !createError.fieldErrors && (
            <p className="error-text" role="alert">
              {createError.message}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button button--primary">
              Create integration
            </button>
          </div>
        </form>
      )}
      <p role="status" className="muted">
        {status}
      </p>
      <AdminLoadState query={list} what="the integrations" />
      {integrations === null ? null : integrations.length === 0 ? (
        <p className="muted">No integrations yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="interaction-table admin-table">
            <caption className="visually-hidden">Integrations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Location</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {integrations.map((integration) => (
                <tr key={integration.id}>
                  <td>{integration.name}</td>
                  <td>{integration.locationName ?? '—'}</td>
                  <td>
                    {formatFullTime(integration.createdAt)} by {integration.createdBy}
                  </td>
                  <td>
                    {integration.lastUsedAt ? formatFullTime(integration.lastUsedAt) : 'Never'}
                  </td>
                  <td>
                    {integration.revokedAt
                      ? `Revoked ${formatFullTime(integration.revokedAt)}`
                      : 'Live'}
                  </td>
                  <td>
                    {integration.revokedAt === null && (
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-label={`Revoke ${integration.name}`}
                        onClick={() => setRevoking(integration)}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoking && (
        <RevokeDialog
          integration={revoking}
          onClose={() => setRevoking(null)}
          onDone={(said) => {
            setRevoking(null);
            setStatus(said);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

function RevokeDialog({
  integration,
  onClose,
  onDone,
}: {
  integration: IntegrationView;
  onClose: () => void;
  onDone: (said: string) => void;
}) {
  const store = useStoreHost();
  const textId = useId();
  const cancel = useRef<HTMLButtonElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoke = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const answer = await adminCall(store, 'integrations.revoke', { id: integration.id });
    setBusy(false);
    if (answer.ok) onDone(`Integration ${integration.name} revoked: its address no longer works.`);
    else setError(answer.error.message);
  };
  return (
    <ModalDialog
      title={`Revoke ${integration.name}?`}
      onCancel={onClose}
      initialFocus={cancel}
      describedBy={textId}
    >
      <p id={textId}>
        Its address stops working at once: the phone system&apos;s calls no longer reach the desks
        until it is given the address of a new integration. This cannot be undone.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions actions--end">
        <button
          type="button"
          className="button button--danger"
          aria-disabled={busy}
          onClick={() => void revoke()}
        >
          Revoke
        </button>
        <button type="button" className="button" ref={cancel} onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
