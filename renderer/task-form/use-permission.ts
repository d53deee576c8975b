// What the signed-in agent may do to an incident or request, by the shared permission matrix: the
// agent's roles and groups come through the store contract (session.current, directory.listGroups).
// Only decides what is offered; the store host and the server refuse whatever slips through.

import { mayRun, permissionTarget, type Actor } from '../../shared/commands/permission';
import { commandModule, type CommandName } from '../../shared/commands/registry';
import type { StoreResult } from '../../shared/domain/result';
import { useLiveValue } from '../hooks/use-live-query';

/** An incident or request as the record rule reads it. */
export interface RuledRecord {
  number: string;
  assignedTo: string | null;
  assignmentGroup: string | null;
  assignmentGroupName: string | null;
}

/** The signed-in agent with its groups, or null until the store host knows them. */
export function useActor(): Actor | null {
  const session = useLiveValue('session.current', {}, null);
  const groups = useLiveValue('directory.listGroups', {}, null);
  if (!session || !groups) return null;
  const id = session.agent.id;
  return {
    id,
    roles: session.agent.roles,
    groupIds: groups.filter((g) => g.memberIds.includes(id)).map((g) => g.id),
  };
}

/**
 * Whether the agent may run the command on the record. While the agent is not known yet the
 * answer is yes: the store host checks again when the command is sent.
 */
export function permissionFor(
  actor: Actor | null,
  name: CommandName,
  record: RuledRecord,
): StoreResult<null> {
  if (!actor) return { ok: true, value: null };
  return mayRun(
    commandModule(name).permission,
    actor,
    permissionTarget(record, () => record.assignmentGroupName),
  );
}

/** The actions whose command the agent may run, and the reason the others are not offered. */
export function offeredActions<A extends string>(
  actor: Actor | null,
  actions: readonly A[],
  commandOf: (action: A) => CommandName,
  record: RuledRecord,
): { offered: A[]; withheld: string | null } {
  const offered: A[] = [];
  let withheld: string | null = null;
  for (const action of actions) {
    const allowed = permissionFor(actor, commandOf(action), record);
    if (allowed.ok) offered.push(action);
    else withheld ??= allowed.error.message;
  }
  return { offered, withheld };
}
