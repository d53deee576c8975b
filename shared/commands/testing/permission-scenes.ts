/// <reference types="vite/client" />
// Where each case of the permission matrix runs: its command's own fixture, its ids made unique to
// the case, the record assigned for the relation tried, and a directory with an agent per role and
// relation. The server's and the store host's matrix tests share it. Test support only.

import type { CommandKind } from '../command-module';
import type { Directory, User } from '../../domain/directory';
import { testUser } from '../../domain/testing/test-user';
import type { Role } from '../permission';
import type { KindedRecord } from '../record-set';
import { commandModule, type CommandName } from '../registry';
import type { CommandFixture } from './fixture';
import { type PermissionCase, type Relation } from './permission-cells';
import { step, type Step } from './command-desk';

const files = import.meta.glob<{ fixture: CommandFixture }>('../*/*.fixtures.ts', { eager: true });
const FIXTURES = new Map(Object.values(files).map(({ fixture }) => [fixture.name, fixture]));

export const fixtureOf = (name: CommandName): CommandFixture => {
  const fixture = FIXTURES.get(name);
  if (!fixture) throw new Error(`${name} has no fixtures`);
  return fixture;
};

/** The group a record-ruled case's record is assigned to. */
export const CELLS_GROUP = 'grp-cells';
/** Who sets every scene: an admin, whom the matrix lets do all of it. */
export const SCENE_SETTER = 'cells-setter';

const RELATION_WORD: Record<Relation, string> = {
  assignee: 'assignee',
  'group member': 'member',
  neither: 'neither',
};

/** The agent a case runs as: its role, and its relation to the record (neither when none). */
export const actorOf = (role: Role, relation: Relation | null): string =>
  `cells-${role}-${RELATION_WORD[relation ?? 'neither']}`;

export interface CaseScene {
  /** Records only the desk server makes (calls): stored as they are before the steps. */
  records: KindedRecord[];
  /** Run first, by SCENE_SETTER. */
  steps: Step[];
  /** The command under test. */
  run: Step;
  /** The record it is named by. */
  target: { kind: CommandKind; id: string };
  actorId: string;
  /** The group the assignee must leave once the scene is set (assigned while a member). */
  assignee: string | null;
}

/** The case's own ids: ims-1 → ims-1-c7, so every case has its own records in one database. */
function unique<T>(value: T, suffix: string): T {
  if (typeof value === 'string')
    return (/^(ims|inc|req|vis|cal)-\d+$/.test(value) ? `${value}${suffix}` : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => unique(v, suffix)) as T;
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unique(v, suffix)])) as T;
  return value;
}

export function sceneOf(c: PermissionCase, index: number): CaseScene {
  const fixture = fixtureOf(c.name);
  const module = commandModule(c.name);
  const suffix = `-c${index}`;
  // An article is the directory's, one for every case; records are each case's own.
  const target: CaseScene['target'] = {
    kind: module.kind,
    id: module.kind === 'article' ? fixture.allowed.id : `${fixture.allowed.id}${suffix}`,
  };
  const steps: Step[] = [];
  const assignee = c.relation === null ? null : actorOf(c.role, 'assignee');
  for (const given of fixture.given) {
    const made = unique(given, suffix);
    steps.push(made);
    // Assigned right after it is made, while it can still be updated.
    if (assignee && made.input.id === target.id && made.name.endsWith('createFromInteraction')) {
      const changes = { assignmentGroup: CELLS_GROUP, assignedTo: assignee };
      steps.push(
        target.kind === 'incident'
          ? step('incident.update', { id: target.id, changes })
          : step('request.update', { id: target.id, changes }),
      );
    }
  }
  return {
    // A call's callId is unique per integration: each case's calls get their own.
    records: (fixture.records ?? []).map((r) =>
      r.kind === 'call'
        ? unique(
            {
              ...r,
              record: {
                ...r.record,
                callId: `${r.record.callId}${suffix}`,
                number: `${r.record.number}${suffix}`,
              },
            },
            suffix,
          )
        : unique(r, suffix),
    ),
    steps,
    run: unique({ name: c.name, input: fixture.allowed } as Step, suffix),
    target,
    actorId: actorOf(c.role, c.relation),
    assignee,
  };
}

const user = (id: string, roles: Role[]): User =>
  testUser({
    id,
    userName: id,
    firstName: id,
    lastName: '',
    name: id,
    email: `${id}@deskpad.example`,
    phone: '',
    employeeId: id,
    department: 'Information Technology',
    roles,
  });

/**
 * The fixtures' directory (command-desk's people, groups and printer) with an agent per role and
 * relation; the assignees start in CELLS_GROUP and leave it once the scenes are set, so each case
 * tries one relation alone.
 */
export function cellsDirectory(roles: readonly Role[]): Directory {
  const actors = roles.flatMap((role) =>
    (['assignee', 'group member', 'neither'] as const).map((r) => user(actorOf(role, r), [role])),
  );
  return {
    users: [
      user('agent-1', ['agent']),
      user('agent-2', ['agent']),
      user('tech-1', ['technician']),
      user(SCENE_SETTER, ['admin']),
      user('user-7', []),
      user('user-9', []),
      ...actors,
    ],
    groups: [
      { id: 'grp-desk', name: 'Service Desk', description: '', memberIds: ['agent-1', 'agent-2'] },
      { id: 'grp-net', name: 'Network', description: '', memberIds: ['tech-1'] },
      {
        id: 'grp_access_management',
        name: 'Access Management',
        description: '',
        memberIds: ['agent-2'],
      },
      {
        id: CELLS_GROUP,
        name: 'Cell Testers',
        description: '',
        memberIds: actors.map((a) => a.id).filter((id) => !id.endsWith('-neither')),
      },
    ],
    configurationItems: [
      { id: 'ci-printer', name: 'PRN01', className: 'Printer', parentId: null, location: 'HQ' },
    ],
  };
}
