// Another agent's work, put on the desk server through its real sync API as that agent's desk pushes
// it, and the administrator's calls the sync scope tests make (ADR 0020): N and the ceiling, group
// membership. The server stamps what it is sent with its own now: server-past.ts makes work old.

import { PushResponse, type PushedMutation } from '../../shared/sync/protocol';
import { adminCall, signInApi } from './walk-up-server';

/** What a desk's `interaction.create` carries: only a short description and the group. */
function createArgs(id: string, group: string, shortDescription: string): object {
  return {
    id,
    openedFor: null,
    contactEmail: '',
    contactPhone: '',
    type: 'Phone',
    component: null,
    assignmentGroup: group,
    assignedTo: null,
    shortDescription,
    description: '',
  };
}

export interface GroupWorkSpec {
  /** Who logged it (a desk agent of the demo) and their user id. */
  userName: string;
  actorId: string;
  /** The assignment group both records go to. */
  group: string;
  /** The short descriptions of the one left open and the one closed. */
  open: string;
  closed: string;
}

/**
 * Pushes two interactions of `group` — one left open, one closed — as the desk of `userName` sends
 * them. Throws with the server's words when it refuses any of them.
 */
export async function pushGroupWork(serverUrl: string, spec: GroupWorkSpec): Promise<void> {
  const session = await signInApi(serverUrl, spec.userName);
  const at = new Date().toISOString();
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const openId = `work-open-${stamp}`;
  const closedId = `work-closed-${stamp}`;
  const names: [string, object][] = [
    ['interaction.create', createArgs(openId, spec.group, spec.open)],
    ['interaction.create', createArgs(closedId, spec.group, spec.closed)],
    ['interaction.close', { id: closedId, state: 'Closed Complete' }],
  ];
  const mutations: PushedMutation[] = names.map(([name, args], i) => ({
    mutationId: i + 1,
    name,
    args,
    at,
    actorId: spec.actorId,
  }));
  const response = await fetch(`${session.root}/sync/push`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: `other-desk-${stamp}`, mutations }),
  });
  if (!response.ok)
    throw new Error(`the push answered ${response.status}: ${await response.text()}`);
  const answer = PushResponse.parse(await response.json());
  if (answer.refused.length > 0 || answer.lastMutationId !== mutations.length)
    throw new Error(`the server refused the group's work: ${JSON.stringify(answer)}`);
}

/** The administrator's N (days of recent history every desk holds) and storage ceiling. */
export async function saveSyncScope(
  serverUrl: string,
  settings: { recentDays: number; ceilingMb: number },
): Promise<void> {
  const admin = await signInApi(serverUrl, 'demo.admin');
  await adminCall(admin, 'sync-scope.save', settings);
}

/** demo.admin adds a user to an assignment group through Administration's API. */
export async function addToGroup(
  serverUrl: string,
  groupId: string,
  userId: string,
): Promise<void> {
  const admin = await signInApi(serverUrl, 'demo.admin');
  await adminCall(admin, 'groups.add-member', { groupId, userId });
}
