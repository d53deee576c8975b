// The Contact templates page of Administration: each location's templates for its desks' frequent
// contacts — listed by location, created, edited, retired and brought back (the desks stop or start
// offering them at their next sync). Never writes but through admin operations.

import { useId, useState } from 'react';
import type { TemplateAdminView } from '../../../shared/admin/templates';
import type { StoreError } from '../../../shared/domain/result';
import { useStoreHost } from '../../app/deskpad-context';
import { adminCall, useAdminQuery } from '../admin-client';
import { AdminLoadState } from '../admin-load-state';
import {
  blankTemplate,
  TemplateEditor,
  valuesOfTemplate,
  type EditorValues,
} from './template-editor';

/** What a template fills, in a few words, for its row. */
function fills(t: TemplateAdminView): string {
  return [
    t.type,
    t.componentName,
    t.assignmentGroupName,
    t.shortDescription && `“${t.shortDescription}”`,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function TemplatesPage() {
  const store = useStoreHost();
  const id = useId();
  const [location, setLocation] = useState('');
  const [includeRetired, setIncludeRetired] = useState(false);
  const [editing, setEditing] = useState<TemplateAdminView | null>(null);
  const [status, setStatus] = useState('');
  const list = useAdminQuery('templates.list', {
    ...(location === '' ? {} : { location }),
    includeRetired,
  });
  const locations =
    useAdminQuery('locations.list', { q: '', includeInactive: false }).value?.locations ?? [];
  const groups =
    useAdminQuery('groups.list', { q: '', includeInactive: false }).value?.groups ?? [];
  const templates = list.value?.templates ?? null;

  const fieldsOf = ({ location: _l, componentName: _c, ...fields }: EditorValues) => fields;

  const create = async (values: EditorValues): Promise<StoreError | null> => {
    const answer = await adminCall(store, 'templates.create', {
      ...fieldsOf(values),
      location: values.location,
    });
    if (!answer.ok) return answer.error;
    setStatus(
      `Template ${answer.value.template.name} added for ${answer.value.template.locationName}.`,
    );
    list.reload();
    return null;
  };
  const update = async (
    template: TemplateAdminView,
    values: EditorValues,
  ): Promise<StoreError | null> => {
    const answer = await adminCall(store, 'templates.update', {
      id: template.id,
      ...fieldsOf(values),
    });
    if (!answer.ok) return answer.error;
    setEditing(null);
    setStatus(`Template ${answer.value.template.name} saved.`);
    list.reload();
    return null;
  };
  const setActive = async (template: TemplateAdminView, active: boolean): Promise<void> => {
    const answer = await adminCall(store, 'templates.set-active', { id: template.id, active });
    setStatus(
      answer.ok
        ? active
          ? `Template ${template.name} is offered again.`
          : `Template ${template.name} retired: desks stop offering it.`
        : answer.error.message,
    );
    list.reload();
  };

  return (
    <div className="org-page">
      {editing ? (
        <TemplateEditor
          key={editing.id}
          heading={`Edit ${editing.name} (${editing.locationName})`}
          initial={valuesOfTemplate(editing)}
          locations={null}
          groups={groups}
          submitLabel="Save template"
          onSubmit={(values) => update(editing, values)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <TemplateEditor
          heading="New contact template"
          initial={blankTemplate(location)}
          locations={locations}
          groups={groups}
          submitLabel="Add template"
          onSubmit={create}
        />
      )}
      <p role="status" className="muted">
        {status}
      </p>
      <div className="list-controls">
        <div className="filters">
          <label htmlFor={`${id}-location`}>Show the templates of</label>
          <select
            id={`${id}-location`}
            value={location}
            onChange={(e) => setLocation(e.target.value)}
          >
            <option value="">Every location</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={includeRetired}
            onChange={(e) => setIncludeRetired(e.target.checked)}
          />
          Show retired templates
        </label>
      </div>
      <AdminLoadState query={list} what="the contact templates" />
      {templates === null ? null : templates.length === 0 ? (
        <p className="muted">No contact templates yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="interaction-table admin-table">
            <caption className="visually-hidden">Contact templates</caption>
            <thead>
              <tr>
                <th scope="col">Template</th>
                <th scope="col">Location</th>
                <th scope="col">Fills</th>
                <th scope="col">Closes at once</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {templates.map((t) => (
                <tr key={t.id}>
                  <td>
                    {t.name}
                    {!t.active && ' (retired)'}
                  </td>
                  <td>{t.locationName}</td>
                  <td>{fills(t)}</td>
                  <td>{t.closesAtOnce ? 'Yes' : 'No'}</td>
                  <td>
                    <div className="actions">
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-label={`Edit ${t.name}`}
                        onClick={() => setEditing(t)}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-label={`${t.active ? 'Retire' : 'Bring back'} ${t.name}`}
                        onClick={() => void setActive(t, !t.active)}
                      >
                        {t.active ? 'Retire' : 'Bring back'}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
