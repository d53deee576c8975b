// The fields of a request as Create Request shows them: Requested for, then the catalog item's own
// form. Shared by the dialog and the Catalog editor's live preview; holds no state itself.

import type { Ref } from 'react';
import type { CatalogItem } from '../../shared/domain/catalog';
import { REQUEST_LABELS as L } from '../../shared/domain/request';
import { UserLookupField } from '../task-form/directory-lookups';
import { CatalogItemForm } from './catalog-item-form';
import type { AnswerDraftState } from './use-answer-draft';

export interface RequestedFor {
  id: string;
  name: string;
}

interface RequestFormFieldsProps {
  item: CatalogItem;
  requestedFor: RequestedFor;
  onRequestedFor: (person: RequestedFor) => void;
  draft: AnswerDraftState;
  idOf: (key: string) => string;
  /** Wraps the first field, so a screen can put the agent on it. */
  startRef?: Ref<HTMLDivElement>;
}

export function RequestFormFields({
  item,
  requestedFor,
  onRequestedFor,
  draft,
  idOf,
  startRef,
}: RequestFormFieldsProps) {
  return (
    <>
      <div ref={startRef}>
        <UserLookupField
          id={idOf('requestedFor')}
          label={L.requestedFor}
          value={{ id: requestedFor.id || null, text: requestedFor.name }}
          error={draft.errors.requestedFor}
          onPick={(user) => {
            onRequestedFor({ id: user.id, name: user.name });
            draft.clearError('requestedFor');
          }}
          onClear={() => onRequestedFor({ id: '', name: '' })}
        />
      </div>
      <CatalogItemForm
        item={item}
        answers={draft.answers}
        userNames={draft.userNames}
        errors={draft.errors}
        idOf={idOf}
        onAnswer={draft.onAnswer}
      />
    </>
  );
}
