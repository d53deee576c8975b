// Assignment group and Assigned to (a member of that group, set only when someone works it).
// Changing the group clears the person; the store host checks membership again on save.

import { INTERACTION_LABELS as L } from '../../shared/domain/interaction';
import type { Group } from '../../shared/domain/directory';
import { useLiveValue } from '../hooks/use-live-query';
import { FormField } from './form-field';
import type { InteractionFormModel } from './use-interaction-form';

const NO_GROUPS: Group[] = [];

/** Where "Assign to me" puts the agent: the chosen group if they belong to it, else their first. */
export function groupForAgent(
  groups: Group[],
  chosen: string | null,
  agentId: string,
): string | null {
  if (chosen && groups.some((g) => g.id === chosen && g.memberIds.includes(agentId))) return chosen;
  return groups.find((g) => g.memberIds.includes(agentId))?.id ?? null;
}

export function AssignmentFields({ model }: { model: InteractionFormModel }) {
  const { values, errors, closed, fieldId, edit } = model;
  const groups = useLiveValue('directory.listGroups', {}, NO_GROUPS);
  const members = useLiveValue(
    'directory.groupMembers',
    values.assignmentGroup ? { groupId: values.assignmentGroup } : null,
    [],
  );
  const session = useLiveValue('session.current', {}, null);
  const agentId = session?.agent.id ?? null;
  const agentGroup = agentId ? groupForAgent(groups, values.assignmentGroup, agentId) : null;
  const assignedToId = fieldId('assignedTo');

  return (
    <div className="form-row">
      <FormField
        id={fieldId('assignmentGroup')}
        label={L.assignmentGroup}
        error={errors.assignmentGroup}
      >
        {(control) => (
          <select
            {...control}
            disabled={closed}
            value={values.assignmentGroup ?? ''}
            onChange={(e) => edit({ assignmentGroup: e.target.value || null, assignedTo: null })}
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
        id={assignedToId}
        label={L.assignedTo}
        error={errors.assignedTo}
        hint={
          values.assignmentGroup ? 'Only when someone works it.' : 'Pick an Assignment group first.'
        }
      >
        {(control) => (
          <div className="field-with-action">
            <select
              {...control}
              disabled={closed || !values.assignmentGroup}
              value={values.assignedTo ?? ''}
              onChange={(e) => edit({ assignedTo: e.target.value || null })}
            >
              <option value="">Nobody yet</option>
              {values.assignedTo && !members.some((m) => m.id === values.assignedTo) && (
                <option value={values.assignedTo}>
                  {model.record?.assignedToName ?? 'Current assignee'}
                </option>
              )}
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
            {!closed && (
              <button
                type="button"
                className="button button--quiet"
                disabled={!agentId || !agentGroup || values.assignedTo === agentId}
                onClick={() => {
                  if (agentId && agentGroup)
                    edit({ assignmentGroup: agentGroup, assignedTo: agentId });
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
