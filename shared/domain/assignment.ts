// Assignment group and Assigned to on incidents and requests: the person must belong to the group,
// and changing the group clears the person. Pure rules; the directory is asked, never changed.

import type { Directory } from './directory';
import type { DirectoryRules } from './interaction';

export interface Assignment {
  assignmentGroup: string | null;
  assignedTo: string | null;
}

/** Per-field messages keyed like the form's fields, or undefined when the assignment holds. */
export function checkAssignment(
  assignment: Assignment,
  directory: DirectoryRules,
): Record<string, string> | undefined {
  const { assignmentGroup, assignedTo } = assignment;
  if (assignedTo === null) return undefined;
  if (assignmentGroup === null)
    return { assignedTo: 'Pick the Assignment group first: Assigned to is one of its members.' };
  return directory.isGroupMember(assignmentGroup, assignedTo)
    ? undefined
    : { assignedTo: 'Assigned to must be a member of the Assignment group.' };
}

/**
 * The assignment after `changes`. A new group clears the person, unless the same change names
 * one: the form sends both when the agent picks a group and then a member of it.
 */
export function applyAssignmentChange(
  current: Assignment,
  changes: Partial<Assignment>,
): Assignment {
  const assignmentGroup =
    changes.assignmentGroup === undefined ? current.assignmentGroup : changes.assignmentGroup;
  const groupChanged = assignmentGroup !== current.assignmentGroup;
  const assignedTo =
    changes.assignedTo !== undefined
      ? changes.assignedTo
      : groupChanged
        ? null
        : current.assignedTo;
  return { assignmentGroup, assignedTo };
}

/** The rules the mutators ask, answered from a whole directory (the demo, the server's seed, tests). */
export function directoryRules(directory: Pick<Directory, 'users' | 'groups'>): DirectoryRules {
  const members = new Map(directory.groups.map((g) => [g.id, new Set(g.memberIds)]));
  const names = new Map(directory.users.map((u) => [u.id, u.name]));
  return {
    isGroupMember: (groupId, userId) => members.get(groupId)?.has(userId) ?? false,
    userName: (userId) => names.get(userId) ?? userId,
  };
}
