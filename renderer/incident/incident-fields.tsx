// The incident's own fields as Report an Issue and the incident panel both show them: Caller, Short
// description, Description, Component, Category/Impact/Urgency/Priority and the assignment. Holds
// no state: the form around it owns the values, the picked names and the errors.

import type { Ref } from 'react';
import { INCIDENT_LABELS as L, type IncidentChanges } from '../../shared/domain/incident';
import { AssignmentPicker, type AssignmentValue } from '../assignment/assignment-picker';
import { FormField } from '../interaction-form/form-field';
import { ComponentLookupField, UserLookupField } from '../task-form/directory-lookups';
import {
  IncidentClassificationFields,
  type Classification,
} from './incident-classification-fields';

export interface IncidentFieldValues extends Classification, AssignmentValue {
  caller: string;
  shortDescription: string;
  description: string;
  component: string | null;
}

interface IncidentFieldsProps {
  idOf: (field: string) => string;
  values: IncidentFieldValues;
  /** What the Caller and Component lookups show: the names picked, or the record's own. */
  names: { caller: string; component: string };
  errors: Partial<Record<string, string>>;
  readOnly?: boolean;
  onEdit: (changes: IncidentChanges) => void;
  /** A lookup picked (or cleared, with '') a user or a component: its name to show. */
  onPicked: (field: 'caller' | 'component', name: string) => void;
  shortDescriptionRef?: Ref<HTMLInputElement>;
  /** Passed to the assignment picker (the incident panel's). */
  assignedToName?: string | null;
  offerAssignToMe?: boolean;
}

export function IncidentFields({
  idOf,
  values,
  names,
  errors,
  readOnly = false,
  onEdit,
  onPicked,
  shortDescriptionRef,
  assignedToName,
  offerAssignToMe = false,
}: IncidentFieldsProps) {
  return (
    <>
      <UserLookupField
        id={idOf('caller')}
        label={L.caller}
        value={{ id: values.caller || null, text: names.caller }}
        error={errors.caller}
        readOnly={readOnly}
        onPick={(user) => {
          onPicked('caller', user.name);
          onEdit({ caller: user.id });
        }}
        onClear={() => {
          onPicked('caller', '');
          onEdit({ caller: '' });
        }}
      />
      <FormField
        id={idOf('shortDescription')}
        label={L.shortDescription}
        error={errors.shortDescription}
      >
        {(control) => (
          <input
            {...control}
            ref={shortDescriptionRef}
            readOnly={readOnly}
            value={values.shortDescription}
            onChange={(e) => onEdit({ shortDescription: e.target.value })}
          />
        )}
      </FormField>
      <FormField id={idOf('description')} label={L.description} error={errors.description}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            readOnly={readOnly}
            value={values.description}
            onChange={(e) => onEdit({ description: e.target.value })}
          />
        )}
      </FormField>
      <ComponentLookupField
        id={idOf('component')}
        label={L.component}
        value={{ id: values.component, text: names.component }}
        error={errors.component}
        readOnly={readOnly}
        onPick={(item) => {
          onPicked('component', item.name);
          onEdit({ component: item.id });
        }}
        onClear={() => {
          onPicked('component', '');
          onEdit({ component: null });
        }}
      />
      <IncidentClassificationFields
        idOf={idOf}
        values={values}
        errors={errors}
        readOnly={readOnly}
        onChange={onEdit}
      />
      <AssignmentPicker
        idOf={idOf}
        value={values}
        assignedToName={assignedToName}
        errors={errors}
        readOnly={readOnly}
        offerAssignToMe={offerAssignToMe}
        onChange={onEdit}
      />
    </>
  );
}
