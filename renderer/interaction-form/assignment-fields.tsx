// The interaction's Assignment group and Assigned to (set only when someone works it), on the one
// assignment picker the incident and request share. Never saves: the form model does.

import { AssignmentPicker } from '../assignment/assignment-picker';
import type { InteractionFormModel } from './use-interaction-form';

export function AssignmentFields({ model }: { model: InteractionFormModel }) {
  const { values, errors, closed, fieldId, edit } = model;
  return (
    <AssignmentPicker
      idOf={fieldId}
      value={values}
      assignedToName={model.record?.assignedToName}
      errors={errors}
      readOnly={closed}
      offerAssignToMe
      assignedToHint="Only when someone works it."
      onChange={(assignment) => edit(assignment)}
    />
  );
}
