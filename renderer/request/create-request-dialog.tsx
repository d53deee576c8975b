// Create Request: find the request form in the catalog, fill the chosen item's fields with Requested
// for prefilled from the interaction, Submit once. Never closes the interaction by itself.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { validateAnswers, type CatalogItem } from '../../shared/domain/catalog';
import {
  CreateRequestFromInteractionArgs,
  requestDraftFromInteraction,
} from '../../shared/domain/escalation';
import type { InteractionView } from '../../shared/store-api/contract';
import type { CatalogItemSummary, RequestView } from '../../shared/store-api/escalation-contract';
import { ModalDialog } from '../dialog/modal-dialog';
import { answersFrom } from '../catalog/catalog-item-form';
import { CatalogSearch } from '../catalog/catalog-search';
import { RequestFormFields } from '../catalog/request-form-fields';
import { useAnswerDraft } from '../catalog/use-answer-draft';
import { useDeskpad } from '../app/deskpad-context';
import { fieldErrorsOf, focusFirstError, type FieldErrors } from '../task-form/field-errors';

interface CreateRequestDialogProps {
  interaction: InteractionView;
  onCreated: (request: RequestView) => void;
  onCancel: () => void;
}

export function CreateRequestDialog({
  interaction,
  onCreated,
  onCancel,
}: CreateRequestDialogProps) {
  const { store, newId } = useDeskpad();
  const baseId = useId();
  const idOf = (key: string) => `${baseId}-${key.replace('.', '-')}`;
  const [requestId] = useState(newId);
  const [item, setItem] = useState<CatalogItem | null>(null);
  const [requestedFor, setRequestedFor] = useState({
    id: interaction.openedFor ?? '',
    name: interaction.openedForName ?? '',
  });
  const draft = useAnswerDraft();
  const { answers, setErrors } = draft;
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const formStart = useRef<HTMLDivElement>(null);

  // A new step puts the agent at its start: the form's first field, or the search box again.
  useEffect(() => {
    if (item) formStart.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    else searchRef.current?.focus();
  }, [item]);

  const pick = async (summary: CatalogItemSummary) => {
    const found = await store.query('catalog.getItem', { id: summary.id });
    if (!found.ok || !found.value) {
      setFormError(
        found.ok ? `${summary.name} is not in the catalog any more.` : found.error.message,
      );
      return;
    }
    setFormError(null);
    draft.reset();
    setItem(found.value);
  };

  const order = (current: CatalogItem) => [
    'requestedFor',
    ...current.fields.map((f) => `answers.${f.name}`),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !item) return;
    const draft = requestDraftFromInteraction(interaction, item);
    const parsed = CreateRequestFromInteractionArgs.safeParse({
      ...draft,
      id: requestId,
      interactionId: interaction.id,
      requestedFor: requestedFor.id,
      answers: answersFrom(item, answers),
    });
    const checked = validateAnswers(item, answersFrom(item, answers));
    const found: FieldErrors = {
      ...(parsed.success ? {} : fieldErrorsOf(parsed.error)),
      ...(checked.ok ? {} : (checked.error.fieldErrors ?? {})),
    };
    if (!parsed.success || !checked.ok) {
      setErrors(found);
      setFormError(checked.ok ? 'Check the fields marked below.' : checked.error.message);
      focusFirstError(found, order(item), idOf);
      return;
    }
    setBusy(true);
    setFormError(null);
    const answer = await store.command('request.createFromInteraction', {
      ...parsed.data,
      answers: checked.value,
    });
    setBusy(false);
    if (answer.ok) {
      onCreated(answer.value.request);
      return;
    }
    const refused = answer.error.fieldErrors ?? {};
    setErrors(refused);
    setFormError(answer.error.message);
    focusFirstError(refused, order(item), idOf);
  };

  return (
    <ModalDialog title="Create Request" onCancel={onCancel} initialFocus={searchRef} wide>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {!item ? (
        <CatalogSearch
          inputRef={searchRef}
          onPick={(summary) => void pick(summary)}
          suggestFor={interaction.shortDescription}
        />
      ) : (
        <form className="escalation-form" noValidate onSubmit={(e) => void submit(e)}>
          <RequestFormFields
            item={item}
            requestedFor={requestedFor}
            onRequestedFor={setRequestedFor}
            draft={draft}
            idOf={idOf}
            startRef={formStart}
          />
          <div className="actions actions--end">
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              Submit
            </button>
            <button type="button" className="button" onClick={() => setItem(null)}>
              Back to the catalog
            </button>
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
