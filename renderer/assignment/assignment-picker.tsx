// Assignment group and Assigned to, for the interaction, the incident and the request alike: the
// person is a member of the group, a new group clears the person, and Assign to me picks the agent
// in their group. Never saves; the form, dialog or panel around it does (the store checks again).

import type { Group } from '../../shared/domain/directory';
import { INCIDENT_LABELS as L } from '../../shared/domain/incident';
import { useLiveValue } from '../hooks/use-live-query';
import { FormField } from '../interaction-form/form-field';

const NO_GROUPS: Group[] = [];

export interface AssignmentValue {
  assignmentGroup: string | null;
  assignedTo: string | null;
}

/** Where Assign to me puts the agent: the chosen group if they belong to it, else their first. */
export function groupForAgent(
  groups: readonly Group[],
  chosen: string | null,
  agentId: string,
): string | null {
  if (chosen && groups.some((g) => g.id === chosen && g.memberIds.includes(agentId))) return chosen;
  return groups.find((g) => g.memberIds.includes(agentId))?.id ?? null;
}

interface AssignmentPickerProps {
  idOf: (field: 'assignmentGroup' | 'assignedTo') => string;
  value: AssignmentValue;
  /** Shown when the person is not (any more) among the group's members listed here. */
  assignedToName?: string | null | undefined;
  errors: Partial<Record<string, string>>;
  readOnly?: boolean;
  onChange: (value: AssignmentValue) => void;
  /** Offers Assign to me beside Assigned to (not in a dialog that itself asked to assign). */
  offerAssignToMe?: boolean;
  /** Said under Assigned to once a group is chosen. */
  assignedToHint?: string;
}

export function AssignmentPicker(props: AssignmentPickerProps) {
  const { value, errors, readOnly = false, onChange, offerAssignToMe = false } = props;
  const groups = useLiveValue('directory.listGroups', {}, NO_GROUPS);
  const members = useLiveValue(
    'directory.groupMembers',
    value.assignmentGroup ? { groupId: value.assignmentGroup } : null,
    [],
  );
  const session = useLiveValue('session.current', offerAssignToMe ? {} : null, null);
  const agentId = session?.agent.id ?? null;
  const agentGroup = agentId ? groupForAgent(groups, value.assignmentGroup, agentId) : null;

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
        hint={value.assignmentGroup ? props.assignedToHint : 'Pick an Assignment group first.'}
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
            {offerAssignToMe && !readOnly && (
              <button
                type="button"
                className="button button--quiet"
                // aria-disabled, not disabled: pressed by keyboard, the button that just assigned
                // the agent must keep focus rather than drop it to the top of the page.
                aria-disabled={!agentId || !agentGroup || value.assignedTo === agentId}
                onClick={() => {
                  if (agentId && agentGroup && value.assignedTo !== agentId)
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
