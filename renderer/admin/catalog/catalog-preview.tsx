// The Catalog editor's live preview: the form being edited, rendered by the same parts as Create
// Request, with answers an administrator can try and check. Nothing it holds is ever saved or sent.

import { useId, useState, type FormEvent } from 'react';
import { validateAnswers, type CatalogItem } from '../../../shared/domain/catalog';
import { answersFrom } from '../../catalog/catalog-item-form';
import { RequestFormFields, type RequestedFor } from '../../catalog/request-form-fields';
import { useAnswerDraft } from '../../catalog/use-answer-draft';

export function CatalogPreview({ item }: { item: CatalogItem }) {
  const baseId = useId();
  const idOf = (key: string) => `${baseId}-${key.replace('.', '-')}`;
  const headingId = `${baseId}-heading`;
  const draft = useAnswerDraft();
  const [requestedFor, setRequestedFor] = useState<RequestedFor>({ id: '', name: '' });
  const [result, setResult] = useState<string | null>(null);

  const check = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateAnswers(item, answersFrom(item, draft.answers));
    draft.setErrors(checked.ok ? {} : (checked.error.fieldErrors ?? {}));
    setResult(
      checked.ok ? 'These answers would be accepted.' : `Not accepted: ${checked.error.message}`,
    );
  };

  return (
    <section className="catalog-preview" aria-labelledby={headingId}>
      <h3 id={headingId}>Preview</h3>
      <p className="muted">As agents see it in Create Request. Nothing here is saved.</p>
      <form className="escalation-form" noValidate onSubmit={check}>
        <RequestFormFields
          item={item}
          requestedFor={requestedFor}
          onRequestedFor={setRequestedFor}
          draft={draft}
          idOf={idOf}
        />
        <div className="actions">
          <button type="submit" className="button">
            Check the answers
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              draft.reset();
              setResult(null);
            }}
          >
            Clear the answers
          </button>
        </div>
        <p role="status" className="muted">
          {result}
        </p>
      </form>
    </section>
  );
}
