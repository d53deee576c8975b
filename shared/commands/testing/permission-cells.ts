// The permission matrix stated cell by cell (decision 0008's table), and every case it gives, built
// from the registry: a command whose cells are not stated here fails every matrix test. Test support.

import { ROLES, type Role } from '../permission';
import { COMMAND_MODULES, type CommandName } from '../registry';

/** yes: on any record; no: never; works the record: only as its assignee or a member of its group. */
export type Cell = 'yes' | 'no' | 'works the record';

/** The agent's relation to the record a record-ruled command is named by. */
export const RELATIONS = ['assignee', 'group member', 'neither'] as const;
export type Relation = (typeof RELATIONS)[number];

const DESK: Readonly<Record<Role, Cell>> = {
  agent: 'yes',
  technician: 'yes',
  manager: 'yes',
  admin: 'yes',
  kiosk: 'no',
  lobby: 'no',
};
const STATE: Readonly<Record<Role, Cell>> = {
  agent: 'works the record',
  technician: 'yes',
  manager: 'works the record',
  admin: 'yes',
  kiosk: 'no',
  lobby: 'no',
};

/** Checking in and the exit survey: every desk role, and the kiosk at the entrance. */
const WALK_UP_KIOSK: Readonly<Record<Role, Cell>> = { ...DESK, kiosk: 'yes' };

export const MATRIX: Readonly<Partial<Record<CommandName, Readonly<Record<Role, Cell>>>>> = {
  'interaction.create': DESK,
  'interaction.update': DESK,
  'interaction.addWorkNote': DESK,
  'interaction.close': DESK,
  'interaction.save': DESK,
  'interaction.associateIncident': DESK,
  'interaction.startCall': DESK,
  'interaction.endCall': DESK,
  'incident.createFromInteraction': DESK,
  'incident.update': DESK,
  'incident.addWorkNote': DESK,
  'incident.reopen': DESK,
  'incident.setState': STATE,
  'incident.resolve': STATE,
  'incident.close': STATE,
  'incident.cancel': STATE,
  'request.createFromInteraction': DESK,
  'request.update': DESK,
  'request.addWorkNote': DESK,
  'request.setState': STATE,
  'visit.checkIn': WALK_UP_KIOSK,
  'visit.call': DESK,
  'visit.returnToQueue': DESK,
  'visit.start': DESK,
  'visit.finish': DESK,
  'visit.noShow': DESK,
  'visit.markLeft': DESK,
  'visit.rate': WALK_UP_KIOSK,
  // The phone desk: every desk role, never the kiosk or the lobby.
  'call.markSeen': DESK,
  'call.link': DESK,
  // Every desk role reads articles and says whether they helped.
  'knowledge.rate': DESK,
};

export interface PermissionCase {
  name: CommandName;
  role: Role;
  /** Set for a command with a record rule: every role is tried as assignee, member and neither. */
  relation: Relation | null;
  allowed: boolean;
}

/** The cell of a command for a role; throws for a command whose cells are not stated. */
export function cellOf(name: CommandName, role: Role): Cell {
  const cells = MATRIX[name];
  if (!cells)
    throw new Error(`${name} has no row in the permission matrix (testing/permission-cells.ts)`);
  return cells[role];
}

/** Every case of the matrix: each command of the registry × each role (× each relation). */
export function permissionCases(): PermissionCase[] {
  return COMMAND_MODULES.flatMap((module) =>
    ROLES.flatMap((role): PermissionCase[] => {
      const cell = cellOf(module.name, role);
      const ruled = module.permission.record !== undefined || cell === 'works the record';
      if (!ruled) return [{ name: module.name, role, relation: null, allowed: cell === 'yes' }];
      return RELATIONS.map((relation) => ({
        name: module.name,
        role,
        relation,
        allowed: cell === 'yes' || (cell === 'works the record' && relation !== 'neither'),
      }));
    }),
  );
}

/** A case as a test names it. */
export const caseTitle = (c: PermissionCase): string =>
  `${c.name} as ${c.role}${c.relation ? ` (${c.relation})` : ''}: ${c.allowed ? 'allowed' : 'refused'}`;
