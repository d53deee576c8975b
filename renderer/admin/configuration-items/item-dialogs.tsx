// The dialogs of the Configuration items page: add an item (inside the chosen one or at the top),
// move it under a new parent picked by search, retire it (and what is inside it, when asked).

import { useId, useRef, useState, type FormEvent } from 'react';
import type {
  ConfigurationItemMatch,
  ConfigurationItemNode,
} from '../../../shared/admin/configuration-items';
import type { StoreError } from '../../../shared/domain/result';
import { useStoreHost } from '../../app/deskpad-context';
import { ModalDialog } from '../../dialog/modal-dialog';
import { FormField } from '../../interaction-form/form-field';
import { LookupCombobox } from '../../lookup/lookup-combobox';
import { adminCall } from '../admin-client';

interface DialogProps {
  onCancel: () => void;
  onDone: (message: string, item: ConfigurationItemNode) => void;
}

function Problem({ error }: { error: StoreError | null }) {
  if (!error) return null;
  return (
    <p className="error-text" role="alert">
      {error.message}
    </p>
  );
}

export function AddItemDialog({
  parent,
  onCancel,
  onDone,
}: DialogProps & { parent: ConfigurationItemNode | null }) {
  const store = useStoreHost();
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [className, setClassName] = useState('');
  const [location, setLocation] = useState(parent?.location ?? '');
  const [error, setError] = useState<StoreError | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const answer = await adminCall(store, 'configuration-items.create', {
      name,
      className,
      location,
      parentId: parent?.id ?? null,
    });
    if (answer.ok) onDone(`${answer.value.item.name} added.`, answer.value.item);
    else setError(answer.error);
  };

  return (
    <ModalDialog
      title={parent ? `Add an item inside ${parent.name}` : 'Add a top-level item'}
      onCancel={onCancel}
      initialFocus={first}
    >
      <form noValidate onSubmit={(e) => void submit(e)}>
        <FormField id={`${id}-name`} label="Name" error={error?.fieldErrors?.name}>
          {(control) => (
            <input
              {...control}
              ref={first}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          id={`${id}-class`}
          label="Class"
          hint="Site, Building, Floor network, Printer…"
          error={error?.fieldErrors?.className}
        >
          {(control) => (
            <input {...control} value={className} onChange={(e) => setClassName(e.target.value)} />
          )}
        </FormField>
        <FormField id={`${id}-location`} label="Location" error={error?.fieldErrors?.location}>
          {(control) => (
            <input {...control} value={location} onChange={(e) => setLocation(e.target.value)} />
          )}
        </FormField>
        <Problem error={error?.fieldErrors ? null : error} />
        <div className="actions actions--end">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Add item
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

const pathText = (match: ConfigurationItemMatch): string =>
  [...match.path.map((p) => p.name), match.name].join(' › ');

export function MoveItemDialog({
  item,
  onCancel,
  onDone,
}: DialogProps & { item: ConfigurationItemNode }) {
  const store = useStoreHost();
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState<ConfigurationItemMatch | null>(null);
  const [toTop, setToTop] = useState(false);
  const [error, setError] = useState<StoreError | null>(null);

  const search = async (query: string) => {
    if (query.trim() === '') return { items: [], error: null };
    const answer = await adminCall(store, 'configuration-items.search', { q: query, limit: 20 });
    if (!answer.ok) return { items: [], error: answer.error.message };
    return { items: answer.value.items.filter((m) => m.id !== item.id), error: null };
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!toTop && target === null) {
      setError({ code: 'invalid-input', message: 'Pick the new parent, or move it to the top.' });
      return;
    }
    const answer = await adminCall(store, 'configuration-items.move', {
      id: item.id,
      parentId: toTop ? null : (target?.id ?? null),
    });
    if (answer.ok) onDone(`${item.name} moved.`, answer.value.item);
    else setError(answer.error);
  };

  return (
    <ModalDialog title={`Move ${item.name}`} onCancel={onCancel} initialFocus={first}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <FormField id={`${id}-parent`} label="New parent" hint="Type part of its name or class.">
          {(control) => (
            <LookupCombobox<ConfigurationItemMatch>
              control={control}
              labelId={`${id}-parent-label`}
              menuLabel="Configuration items"
              value={{ id: target?.id ?? null, text: target?.name ?? '' }}
              readOnly={toTop}
              inputRef={first}
              search={search}
              itemKey={(m) => m.id}
              itemText={(m) => m.name}
              renderItem={(m) => (
                <>
                  {m.name} <span className="muted">{pathText(m)}</span>
                </>
              )}
              noMatchText={(text) => `No item matches ${text}.`}
              onPick={(m) => {
                setTarget(m);
                setError(null);
              }}
              onClear={() => setTarget(null)}
            />
          )}
        </FormField>
        <label className="check">
          <input type="checkbox" checked={toTop} onChange={(e) => setToTop(e.target.checked)} />
          Move it to the top of the tree
        </label>
        <Problem error={error} />
        <div className="actions actions--end">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Move
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

export function RetireItemDialog({
  item,
  onCancel,
  onDone,
}: DialogProps & { item: ConfigurationItemNode }) {
  const store = useStoreHost();
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const [withChildren, setWithChildren] = useState(false);
  const [error, setError] = useState<StoreError | null>(null);

  const retire = async (): Promise<void> => {
    const answer = await adminCall(store, 'configuration-items.retire', {
      id: item.id,
      withChildren,
    });
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    const { retired } = answer.value;
    onDone(
      retired > 1
        ? `${item.name} and ${retired - 1} items inside it retired.`
        : `${item.name} retired.`,
      answer.value.item,
    );
  };

  return (
    <ModalDialog
      title={`Retire ${item.name}?`}
      onCancel={onCancel}
      initialFocus={cancel}
      describedBy={`${id}-what`}
    >
      <p id={`${id}-what`}>
        A retired item is no longer offered as a Component at the desks. Records that name it keep
        its name.
      </p>
      {item.childCount > 0 && (
        <label className="check">
          <input
            type="checkbox"
            checked={withChildren}
            onChange={(e) => setWithChildren(e.target.checked)}
          />
          Also retire everything inside it
        </label>
      )}
      <Problem error={error} />
      <div className="actions actions--end">
        <button ref={cancel} type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button--danger" onClick={() => void retire()}>
          Retire
        </button>
      </div>
    </ModalDialog>
  );
}
