// Administration → Catalog: the request forms with their state (Draft, Published, Retired) and a
// search, Create a form, and the editor of the one opened. Talks to the desk server only through
// admin calls; the rules of drafts and publishing are the server's.

import { useId, useState } from 'react';
import {
  CATALOG_STATES,
  CATALOG_STATE_LABELS,
  type CatalogAdminSummary,
  type CatalogAdminView,
  type CatalogState,
} from '../../../shared/admin/catalog';
import type { AdminInput } from '../../../shared/admin/operations';
import type { StoreResult } from '../../../shared/domain/result';
import { useDeskpad } from '../../app/deskpad-context';
import { useLiveValue } from '../../hooks/use-live-query';
import { AdminLoadState } from '../admin-load-state';
import { useAdminCall, useAdminQuery } from '../admin-client';
import './catalog.css';
import { CatalogEditor, type CatalogEditorActions, type CatalogOutcome } from './catalog-editor';

const outcomeOf = (result: StoreResult<CatalogAdminView>): CatalogOutcome =>
  result.ok
    ? { ok: true, view: result.value }
    : {
        ok: false,
        message: result.error.message,
        ...(result.error.fieldErrors ? { fieldErrors: result.error.fieldErrors } : {}),
      };

function useEditorActions(): CatalogEditorActions {
  const call = useAdminCall();
  return {
    // The store host checks the form against the operation's schema before it leaves the desk.
    save: async (item) => outcomeOf(await call('catalog.save', item as AdminInput<'catalog.save'>)),
    publish: async (id) => outcomeOf(await call('catalog.publish', { id })),
    retire: async (id) => outcomeOf(await call('catalog.retire', { id })),
    discard: async (id) => outcomeOf(await call('catalog.discard-draft', { id })),
  };
}

function NewForm({ onClose }: { onClose: () => void }) {
  const { newId } = useDeskpad();
  const actions = useEditorActions();
  const groups = useLiveValue('directory.listGroups', {}, []);
  return (
    <CatalogEditor view={null} groups={groups} newId={newId} actions={actions} onClose={onClose} />
  );
}

function SavedForm({ id, onClose }: { id: string; onClose: () => void }) {
  const { newId } = useDeskpad();
  const actions = useEditorActions();
  const groups = useLiveValue('directory.listGroups', {}, []);
  const form = useAdminQuery('catalog.get', { id });
  if (!form.value || form.status === 'loading')
    return <AdminLoadState query={form} what="the request form" />;
  return (
    <CatalogEditor
      view={form.value}
      groups={groups}
      newId={newId}
      actions={actions}
      onClose={onClose}
    />
  );
}

function stateText(row: CatalogAdminSummary): string {
  const state = CATALOG_STATE_LABELS[row.state];
  return row.unpublishedChanges ? `${state}, with unpublished changes` : state;
}

export function CatalogPage() {
  const id = useId();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<CatalogState | ''>('');
  const [open, setOpen] = useState<{ id: string | null } | null>(null);
  const list = useAdminQuery('catalog.list', state === '' ? { query } : { query, state });

  const close = () => {
    setOpen(null);
    list.reload();
  };
  if (open)
    return open.id === null ? (
      <NewForm onClose={close} />
    ) : (
      <SavedForm key={open.id} id={open.id} onClose={close} />
    );

  const items = list.value?.items ?? [];
  return (
    <>
      <div className="admin-toolbar">
        <div className="field">
          <label htmlFor={`${id}-search`}>Search the catalog</label>
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-state`}>State</label>
          <select
            id={`${id}-state`}
            value={state}
            onChange={(e) => setState(e.target.value as CatalogState | '')}
          >
            <option value="">All</option>
            {CATALOG_STATES.map((s) => (
              <option key={s} value={s}>
                {CATALOG_STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--primary"
          onClick={() => setOpen({ id: null })}
        >
          Create a form
        </button>
      </div>
      <AdminLoadState query={list} what="the catalog" />
      {list.value && items.length === 0 && (
        <p className="muted">
          {query || state ? 'No request form matches.' : 'No request forms yet.'}
        </p>
      )}
      {items.length > 0 && (
        <table className="admin-table">
          <caption className="visually-hidden">Request forms</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Category</th>
              <th scope="col">State</th>
              <th scope="col">Fields</th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.id}>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setOpen({ id: row.id })}
                  >
                    {row.name}
                  </button>
                </td>
                <td>{row.category}</td>
                <td>{stateText(row)}</td>
                <td>{row.fieldCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
