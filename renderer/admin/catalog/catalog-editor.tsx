// The Catalog editor: one request form's details and fields beside its live preview, with Save
// draft, Publish, Retire and Discard. Checks the form as the server will (checkCatalogItem) and
// says what to fix; it never talks to the server itself: the page hands it the actions.

import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  CATALOG_STATE_LABELS,
  checkCatalogItem,
  type CatalogAdminView,
} from '../../../shared/admin/catalog';
import type { Group } from '../../../shared/domain/directory';
import { FormField } from '../../interaction-form/form-field';
import { CatalogFieldEditor, type FieldAction } from './catalog-field-editor';
import {
  draftFromItem,
  emptyForm,
  itemFromDraft,
  moved,
  newField,
  previewItem,
  type FieldDraft,
  type FormDraft,
} from './catalog-draft';
import { CatalogPreview } from './catalog-preview';

export type CatalogOutcome =
  | { ok: true; view: CatalogAdminView }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

export interface CatalogEditorActions {
  save: (item: Record<string, unknown>) => Promise<CatalogOutcome>;
  publish: (id: string) => Promise<CatalogOutcome>;
  retire: (id: string) => Promise<CatalogOutcome>;
  discard: (id: string) => Promise<CatalogOutcome>;
}

interface CatalogEditorProps {
  /** The form as saved; null for a new one. */
  view: CatalogAdminView | null;
  groups: readonly Pick<Group, 'id' | 'name'>[];
  newId: () => string;
  actions: CatalogEditorActions;
  onSaved?: (view: CatalogAdminView) => void;
  onClose: () => void;
}

/** `fields.2.options.0.value` → field 2's `options.0.value`; the rest stay the form's own. */
function splitErrors(errors: Record<string, string>) {
  const form: Record<string, string> = {};
  const byField = new Map<number, Record<string, string>>();
  for (const [path, message] of Object.entries(errors)) {
    const match = /^fields\.(\d+)(?:\.(.+))?$/.exec(path);
    if (!match) {
      const top = path.split('.')[0] ?? path;
      form[top] ??= message;
      continue;
    }
    const index = Number(match[1]);
    const own = byField.get(index) ?? {};
    own[match[2] ?? 'type'] ??= message;
    byField.set(index, own);
  }
  return { form, byField };
}

export function CatalogEditor({
  view,
  groups,
  newId,
  actions,
  onSaved,
  onClose,
}: CatalogEditorProps) {
  const baseId = useId();
  const [saved, setSaved] = useState<CatalogAdminView | null>(view);
  const [draft, setDraft] = useState<FormDraft>(() =>
    view ? draftFromItem(view.draft ?? view.item, newId) : emptyForm(newId()),
  );
  const [dirty, setDirty] = useState(view === null);
  const [showProblems, setShowProblems] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  // Where focus goes after the next render: an element id, or the first field with a problem.
  const focusTarget = useRef<string | null>(null);
  const setFocusTarget = (target: string) => {
    focusTarget.current = target;
  };
  const formRef = useRef<HTMLFormElement>(null);

  const checked = useMemo(() => checkCatalogItem(itemFromDraft(draft)), [draft]);
  const errors = showProblems
    ? { ...serverErrors, ...(checked.ok ? {} : checked.fieldErrors) }
    : {};
  const { form: formErrors, byField } = splitErrors(errors);
  const preview = useMemo(() => previewItem(draft), [draft]);

  const idOf = (key: string) => `${baseId}-${key}`;
  const fieldIdOf = (field: FieldDraft) => (part: string) =>
    `${baseId}-field-${field.key}-${part.replace(/\./g, '-')}`;

  useEffect(() => {
    const wanted = focusTarget.current;
    if (wanted === null) return;
    focusTarget.current = null;
    const target =
      wanted === 'first-problem'
        ? formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
        : document.getElementById(wanted);
    target?.focus();
  });

  const edit = (next: FormDraft) => {
    setDraft(next);
    setDirty(true);
    setServerErrors({});
  };
  const setField = (index: number, field: FieldDraft) =>
    edit({ ...draft, fields: draft.fields.map((f, i) => (i === index ? field : f)) });

  const act = (index: number, field: FieldDraft, action: FieldAction) => {
    const ids = fieldIdOf(field);
    if (action === 'remove') {
      edit({ ...draft, fields: draft.fields.filter((f) => f.key !== field.key) });
      setMessage({ text: `Removed ${field.label.trim() || `field ${index + 1}`}.`, alert: false });
      setFocusTarget(idOf('add-field'));
      return;
    }
    const by = action === 'up' ? -1 : 1;
    edit({ ...draft, fields: moved(draft.fields, index, by) });
    const to = index + by;
    const atEnd = to === 0 || to === draft.fields.length - 1;
    // The button stays under the keyboard; at the end of the list its twin takes over.
    setFocusTarget(ids(atEnd ? (action === 'up' ? 'down' : 'up') : action));
    setMessage({ text: `Moved to position ${to + 1} of ${draft.fields.length}.`, alert: false });
  };

  const finish = (outcome: CatalogOutcome, done: string): boolean => {
    setBusy(false);
    if (!outcome.ok) {
      setServerErrors(outcome.fieldErrors ?? {});
      setShowProblems(true);
      setMessage({ text: outcome.message, alert: true });
      setFocusTarget('first-problem');
      return false;
    }
    setSaved(outcome.view);
    setDraft((current) => ({ ...current, id: outcome.view.item.id }));
    setDirty(false);
    setServerErrors({});
    setMessage({ text: done, alert: false });
    onSaved?.(outcome.view);
    return true;
  };

  /** Saves when there is something to save; false when the form has problems or the server said no. */
  const saveFirst = async (): Promise<boolean> => {
    if (!dirty && saved) return true;
    if (!checked.ok) {
      setShowProblems(true);
      const count = Object.keys(checked.fieldErrors).length;
      setMessage({
        text: `Check the form: ${count} ${count === 1 ? 'thing needs' : 'things need'} fixing.`,
        alert: true,
      });
      setFocusTarget('first-problem');
      return false;
    }
    setBusy(true);
    return finish(await actions.save(itemFromDraft(draft)), 'Saved as a draft.');
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    await saveFirst();
  };
  const run = async (action: 'publish' | 'retire' | 'discard') => {
    if (busy) return;
    if (action === 'publish' && !(await saveFirst())) return;
    setBusy(true);
    const outcome = await actions[action](draft.id);
    const words = {
      publish: 'Published: desks offer it from their next directory sync.',
      retire: 'Retired: no longer offered; requests that name it keep it.',
      discard: 'Unpublished changes discarded.',
    };
    if (finish(outcome, words[action]) && outcome.ok && action === 'discard')
      setDraft(draftFromItem(outcome.view.item, newId));
  };

  const state = saved?.state ?? 'draft';
  const pending = dirty || saved?.draft != null;
  const stateText = saved
    ? `${CATALOG_STATE_LABELS[state]}${state !== 'draft' && pending ? ', with unpublished changes' : ''}`
    : 'New, not saved yet';
  const text = (key: 'name' | 'category' | 'keywords', label: string, hint?: string) => (
    <FormField id={idOf(key)} label={label} error={formErrors[key]} hint={hint}>
      {(control) => (
        <input
          {...control}
          aria-required={key !== 'keywords'}
          value={draft[key]}
          onChange={(e) => edit({ ...draft, [key]: e.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <div className="catalog-editor">
      <form ref={formRef} className="catalog-form" noValidate onSubmit={(e) => void save(e)}>
        <h3>{draft.name.trim() || 'New request form'}</h3>
        <p className="muted">State: {stateText}</p>
        {message && (
          <p
            className={message.alert ? 'form-error' : 'muted'}
            role={message.alert ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
        {text('name', 'Name')}
        {text('category', 'Category')}
        <FormField id={idOf('description')} label="Description" error={formErrors.description}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={draft.description}
              onChange={(e) => edit({ ...draft, description: e.target.value })}
            />
          )}
        </FormField>
        {text('keywords', 'Keywords', 'Separated by commas; agents find the form by them.')}
        <FormField
          id={idOf('fulfillmentGroup')}
          label="Fulfillment group"
          error={formErrors.fulfillmentGroup}
        >
          {(control) => (
            <select
              {...control}
              value={draft.fulfillmentGroup}
              onChange={(e) => edit({ ...draft, fulfillmentGroup: e.target.value })}
            >
              <option value="">None</option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <h4>Fields</h4>
        {formErrors.fields && <p className="field-error">{formErrors.fields}</p>}
        {draft.fields.length === 0 && <p className="muted">No fields yet.</p>}
        {draft.fields.map((field, index) => (
          <CatalogFieldEditor
            key={field.key}
            field={field}
            index={index}
            count={draft.fields.length}
            errors={byField.get(index) ?? {}}
            idOf={fieldIdOf(field)}
            newKey={newId}
            onChange={(next) => setField(index, next)}
            onAction={(action) => act(index, field, action)}
          />
        ))}
        <div className="actions">
          <button
            type="button"
            id={idOf('add-field')}
            className="button"
            onClick={() => {
              const field = newField(newId());
              edit({ ...draft, fields: [...draft.fields, field] });
              setFocusTarget(fieldIdOf(field)('label'));
            }}
          >
            Add a field
          </button>
        </div>
        <div className="actions actions--end">
          <button type="submit" className="button" aria-disabled={busy}>
            Save draft
          </button>
          <button
            type="button"
            className="button button--primary"
            aria-disabled={busy}
            onClick={() => void run('publish')}
          >
            Publish
          </button>
          {state === 'published' && (
            <button
              type="button"
              className="button"
              aria-disabled={busy}
              onClick={() => void run('retire')}
            >
              Retire
            </button>
          )}
          {state !== 'draft' && saved?.draft != null && !dirty && (
            <button
              type="button"
              className="button"
              aria-disabled={busy}
              onClick={() => void run('discard')}
            >
              Discard unpublished changes
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Back to the catalog
          </button>
        </div>
      </form>
      <CatalogPreview item={preview} />
    </div>
  );
}
