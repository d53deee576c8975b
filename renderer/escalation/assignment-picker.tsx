// Assignment group and Assigned to for an incident or request: a member of the group, and a new
// group clears the person (as the store host rules). Never saves; the dialog or panel does.

import type { Group } from '../../shared/domain/directory';
import { INCIDENT_LABELS as L } from '../../shared/domain/incident';
import { FormField } from '../interaction-form/form-field';
import { usePortValue } from './use-port-query';

const NO_GROUPS: Group[] = [];

export interface AssignmentValue {
  assignmentGroup: string | null;
  assignedTo: string | null;
}

interface AssignmentPickerProps {
  idOf: (field: 'assignmentGroup' | 'assignedTo') => string;
  value: AssignmentValue;
  /** Shown when the person is not (any more) among the group's members listed here. */
  assignedToName?: string | null;
  errors: Record<string, string>;
  readOnly?: boolean;
  onChange: (value: AssignmentValue) => void;
  /** Renders `Assign to me` beside Assigned to (the incident form; not in a dialog over the form). */
  agentId?: string | null;
}

export function AssignmentPicker(props: AssignmentPickerProps) {
  const { value, errors, readOnly = false, onChange, agentId } = props;
  const groups = usePortValue('directory.listGroups', {}, NO_GROUPS);
  const members = usePortValue(
    'directory.groupMembers',
    value.assignmentGroup ? { groupId: value.assignmentGroup } : null,
    [],
  );
  const agentGroup =
    agentId == null
      ? null
      : value.assignmentGroup !== null &&
          groups.some((g) => g.id === value.assignmentGroup && g.memberIds.includes(agentId))
        ? value.assignmentGroup
        : (groups.find((g) => g.memberIds.includes(agentId))?.id ?? null);

  return (
    <div className="form-row">
      <FormField
        id={props.idOf('assignmentGroup')}
        label={L.assignmentGroup}
        error={errors.assignmentGroup}
      >
        {(control) => (
          <select
            {...control}
            disabled={readOnly}
            value={value.assignmentGroup ?? ''}
            onChange={(e) =>
              onChange({ assignmentGroup: e.target.value || null, assignedTo: null })
            }
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
      <FormField
        id={props.idOf('assignedTo')}
        label={L.assignedTo}
        error={errors.assignedTo}
        hint={value.assignmentGroup ? undefined : 'Pick an Assignment group first.'}
      >
        {(control) => (
          <div className="field-with-action">
            <select
              {...control}
              disabled={readOnly || !value.assignmentGroup}
              value={value.assignedTo ?? ''}
              onChange={(e) => onChange({ ...value, assignedTo: e.target.value || null })}
            >
              <option value="">Nobody yet</option>
              {value.assignedTo && !members.some((m) => m.id === value.assignedTo) && (
                <option value={value.assignedTo}>
                  {props.assignedToName ?? 'Current assignee'}
                </option>
              )}
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
            {agentId !== undefined && !readOnly && (
              <button
                type="button"
                className="button button--quiet"
                disabled={!agentId || !agentGroup || value.assignedTo === agentId}
                onClick={() => {
                  if (agentId && agentGroup)
                    onChange({ assignmentGroup: agentGroup, assignedTo: agentId });
                }}
              >
                Assign to me
              </button>
            )}
          </div>
        )}
      </FormField>
    </div>
  );
}
