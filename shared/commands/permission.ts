// Who may run a command (the permission matrix, decision 0008): roles, and for state changes of
// incidents and requests the record rule "works the record". Pure; never reads a store or a session.

import { fail, ok, type StoreResult } from '../domain/result';
import { ROLES, type Role } from '../domain/roles';

export { ROLES, type Role };

/**
 * The roles that work at a desk. Kiosk and lobby accounts run no desk command and pull nothing.
 * A manager (a team lead) also takes calls and walk-ups, so works the desk as an agent does:
 * same commands, same record rule, sees everything; what a manager adds is the desk figures.
 */
export const DESK_ROLES = [
  'agent',
  'technician',
  'manager',
  'admin',
] as const satisfies readonly Role[];

/** The roles that read the desk figures (the dashboard and `GET /api/v1/reports`; ADR 0015). */
export const REPORT_ROLES = ['manager', 'admin'] as const satisfies readonly Role[];

/** The roles that write, review and publish knowledge articles (ADR 0021); the rest of Administration is the admins'. */
export const KNOWLEDGE_ROLES = ['technician', 'admin'] as const satisfies readonly Role[];

/** The roles of Administration's pages unless a page names others (decision 0008). */
export const ADMINISTRATION_ROLES = ['admin'] as const satisfies readonly Role[];

/** The roles that may change the state of any incident or request, worked by them or not. */
export const STATE_ROLES = ['technician', 'admin'] as const satisfies readonly Role[];

/**
 * "Works the record": the agent is the record's Assigned to or a member of its Assignment group.
 * Roles in `anyRecord` pass on every record; the others of the permission only on one they work.
 */
export interface WorksTheRecord {
  anyRecord: readonly Role[];
  /** What the command does to the record, as the refusal says it: "resolve" (INC0001234). */
  verb: string;
}

export interface Permission {
  /** The roles whose agents may run the command. */
  roles: readonly Role[];
  /** What the command does, as a refusal by role says it: "resolve incidents". */
  action: string;
  /** The record rule, for the roles of `roles` not in its `anyRecord`. */
  record?: WorksTheRecord;
}

/** Who asks: the signed-in agent, with the roles and the assignment groups the directory gives. */
export interface Actor {
  id: string;
  roles: readonly Role[];
  groupIds: readonly string[];
}

/** The record a command is named by, as the record rule reads it. */
export interface PermissionTarget {
  number: string;
  assignedTo: string | null;
  assignmentGroup: string | null;
  /** The assignment group's name for the refusal; its id when not given. */
  assignmentGroupName?: string | undefined;
}

/** The record rule's view of a record, its group named by `groupName` (its id when unknown). */
export const permissionTarget = (
  record: { number: string; assignedTo: string | null; assignmentGroup: string | null },
  groupName: (groupId: string) => string | null | undefined,
): PermissionTarget => ({
  number: record.number,
  assignedTo: record.assignedTo,
  assignmentGroup: record.assignmentGroup,
  assignmentGroupName:
    record.assignmentGroup === null ? undefined : (groupName(record.assignmentGroup) ?? undefined),
});

/** Any desk role, on any record: logging and working interactions, creating, noting. */
export const anyDeskRole = (action: string): Permission => ({ roles: DESK_ROLES, action });

/** Checking someone in at a walk-up location: every desk role, and the kiosk at the entrance. */
export const WALK_UP_CHECK_IN: Permission = {
  roles: [...DESK_ROLES, 'kiosk'],
  action: 'check people in',
};

/** The exit survey: the kiosk (or a desk, for someone who answers there). */
export const WALK_UP_SURVEY: Permission = {
  roles: [...DESK_ROLES, 'kiosk'],
  action: 'record exit surveys',
};

/** A state change: its assignee, its group's members, technicians and admins. */
export const whoWorksTheRecord = (verb: string, kind: 'incidents' | 'requests'): Permission => ({
  roles: DESK_ROLES,
  action: `${verb} ${kind}`,
  record: { anyRecord: STATE_ROLES, verb },
});

const PLURAL: Record<Role, string> = {
  agent: 'agents',
  technician: 'technicians',
  manager: 'managers',
  admin: 'admins',
  kiosk: 'kiosk accounts',
  lobby: 'lobby accounts',
};

/** "a", "a and b", "a, b and c". */
const listed = (words: readonly string[]): string =>
  words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;

/** Whether the actor works the record: its Assigned to, or a member of its Assignment group. */
export const worksTheRecord = (actor: Actor, record: PermissionTarget): boolean =>
  (record.assignedTo !== null && record.assignedTo === actor.id) ||
  (record.assignmentGroup !== null && actor.groupIds.includes(record.assignmentGroup));

/** Who may, on this record, as the refusal names them. */
export function whoMay(rule: WorksTheRecord, record: PermissionTarget): string {
  const who: string[] = [];
  if (record.assignedTo !== null) who.push('the assignee');
  if (record.assignmentGroup !== null)
    who.push(`members of ${record.assignmentGroupName ?? record.assignmentGroup}`);
  return listed([...who, ...rule.anyRecord.map((role) => PLURAL[role])]);
}

/**
 * Whether the actor may run a command with this permission, on this record when the command names
 * one that exists (a record rule is not checked without it: the command itself then refuses, e.g. a
 * create, or not-found). The refusal says who may, in the words of the seeds.
 */
export function mayRun(
  permission: Permission,
  actor: Actor,
  record?: PermissionTarget,
): StoreResult<null> {
  const roles = actor.roles.filter((role) => permission.roles.includes(role));
  if (roles.length === 0)
    return fail(
      'not-permitted',
      `Only ${listed(permission.roles.map((role) => PLURAL[role]))} may ${permission.action}.`,
    );
  const rule = permission.record;
  if (!rule || !record) return ok(null);
  if (roles.some((role) => rule.anyRecord.includes(role)) || worksTheRecord(actor, record))
    return ok(null);
  return fail('not-permitted', `Only ${whoMay(rule, record)} may ${rule.verb} ${record.number}.`);
}

/**
 * What a role pulls and reads: every record, only the records it works (assigned to it or its
 * groups, or opened by it: other desks' interactions stay out), or nothing. An agent with several
 * roles gets the widest.
 */
export type DataScope = 'everything' | 'worked' | 'nothing';

export const DATA_SCOPE: Readonly<Record<Role, DataScope>> = {
  agent: 'everything',
  manager: 'everything',
  admin: 'everything',
  technician: 'worked',
  kiosk: 'nothing',
  lobby: 'nothing',
};

const WIDEST: readonly DataScope[] = ['everything', 'worked', 'nothing'];

export const dataScopeOf = (roles: readonly Role[]): DataScope =>
  WIDEST.find((scope) => roles.some((role) => DATA_SCOPE[role] === scope)) ?? 'nothing';

/** The roles that see every record: the read API is theirs. */
export const READ_ALL_ROLES: readonly Role[] = ROLES.filter(
  (role) => DATA_SCOPE[role] === 'everything',
);
/** The roles that sync at all (push, pull, the event stream). */
export const SYNC_ROLES: readonly Role[] = ROLES.filter((role) => DATA_SCOPE[role] !== 'nothing');
