// The agent's own templates in the Templates dialog: rename one, or delete it after a second
// press. Kept on the desk at once and sent with the next sync (offline too). Never applies one.

import { useId, useState } from 'react';
import { TEMPLATE_NAME_MAX } from '../../shared/domain/contact-template';
import type { TemplateView } from '../../shared/store-api/template-contract';
import { useDeskpad } from '../app/deskpad-context';

type Editing =
  | { id: string; mode: 'rename'; name: string; error: string | null }
  | { id: string; mode: 'delete' };

export function OwnTemplates({
  templates,
  announce,
}: {
  templates: readonly TemplateView[];
  announce: (text: string) => void;
}) {
  const { store } = useDeskpad();
  const headingId = useId();
  const [editing, setEditing] = useState<Editing | null>(null);

  const rename = async (template: TemplateView, name: string): Promise<void> => {
    const renamed = await store.act('template.rename', { id: template.id, name });
    if (!renamed.ok) {
      setEditing({
        id: template.id,
        mode: 'rename',
        name,
        error: renamed.error.fieldErrors?.name ?? renamed.error.message,
      });
      return;
    }
    setEditing(null);
    announce(`Template renamed ${renamed.value.name}`);
  };
  const remove = async (template: TemplateView): Promise<void> => {
    const deleted = await store.act('template.delete', { id: template.id });
    setEditing(null);
    announce(deleted.ok ? `Template ${template.name} deleted` : deleted.error.message);
  };

  return (
    <section aria-labelledby={headingId} className="own-templates">
      <h3 id={headingId}>My templates</h3>
      <ul>
        {templates.map((template) => {
          const now = editing?.id === template.id ? editing : null;
          if (now?.mode === 'rename') {
            const inputId = `${headingId}-${template.id}`;
            return (
              <li key={template.id}>
                <label htmlFor={inputId}>New name for {template.name}</label>
                <input
                  id={inputId}
                  value={now.name}
                  maxLength={TEMPLATE_NAME_MAX}
                  aria-invalid={now.error ? true : undefined}
                  // The row's own field: focus moves to it when Rename is pressed.
                  autoFocus
                  onChange={(e) => setEditing({ ...now, name: e.target.value, error: null })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void rename(template, now.name);
                    }
                  }}
                />
                {now.error && <p className="field-error">{now.error}</p>}
                <button
                  type="button"
                  className="button"
                  onClick={() => void rename(template, now.name)}
                >
                  Save name
                </button>
                <button type="button" className="button" onClick={() => setEditing(null)}>
                  Cancel
                </button>
              </li>
            );
          }
          return (
            <li key={template.id}>
              <span>
                {template.name}
                {template.pending && <span className="muted"> (not synced yet)</span>}
              </span>
              {now?.mode === 'delete' ? (
                <>
                  <button
                    type="button"
                    className="button button--danger"
                    onClick={() => void remove(template)}
                  >
                    Delete {template.name}
                  </button>
                  <button type="button" className="button" onClick={() => setEditing(null)}>
                    Keep it
                  </button>
                </>
              ) : (
                <>
                  <button
                    type="button"
                    className="button"
                    aria-label={`Rename ${template.name}`}
                    onClick={() =>
                      setEditing({
                        id: template.id,
                        mode: 'rename',
                        name: template.name,
                        error: null,
                      })
                    }
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="button"
                    aria-label={`Delete ${template.name}`}
                    onClick={() => setEditing({ id: template.id, mode: 'delete' })}
                  >
                    Delete
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
