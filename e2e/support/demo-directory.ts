// Facts of the demo directory the app loads at first start, from the same deterministic generator.
// Read-only: the tests use it to know who to look up and what autofill must show; they never write it.

import {
  DEMO_AGENT_ID,
  FULFILLER_COUNT,
  generateDirectory,
} from '../../shared/demo/directory-generator';
import type { User } from '../../shared/domain/directory';

/** The demo directory the app loads at first start (default seed, 5,000 users). */
export const demoDirectory = generateDirectory();

/** The signed-in demo agent; the banner shows their name once the directory is loaded. */
export const demoAgentName: string =
  demoDirectory.users.find((user) => user.id === DEMO_AGENT_ID)?.name ?? 'Demo Agent';

/** A caller (not a fulfiller) to look up, and the three letters an agent would type. */
export function callerToLookUp(offset = 10): { caller: User; letters: string } {
  const caller = demoDirectory.users[FULFILLER_COUNT + offset];
  if (!caller) throw new Error('the demo directory has too few users');
  return { caller, letters: caller.lastName.slice(0, 3).toLowerCase() };
}

/** The directory's users with this display name (names repeat in a directory of thousands). */
export function usersNamed(name: string): User[] {
  return demoDirectory.users.filter((user) => user.name === name);
}

/** A demo account of the desk server (`--demo`): user name and the name the banner shows. */
export interface DemoAccount {
  userName: string;
  name: string;
}

export const DEMO_AGENT: DemoAccount = { userName: 'demo.agent', name: demoAgentName };
/** Seeded by the server beside the generated directory (server/demo/seed.ts). */
export const DEMO_TECHNICIAN: DemoAccount = {
  userName: 'demo.technician',
  name: 'Demo Technician',
};

/** Another Service Desk agent of the generated directory (a desk agent signs in with DEMO_PASSWORD). */
const secondAgent = demoDirectory.users.find(
  (user) => user.id !== DEMO_AGENT_ID && user.roles.includes('agent'),
);
if (!secondAgent) throw new Error('the demo directory has one agent only');
/** A second desk agent: sees every interaction, as a technician (who pulls only its work) does not. */
export const DEMO_SECOND_AGENT: DemoAccount = {
  userName: secondAgent.userName,
  name: secondAgent.name,
};
/** The second desk agent's user id, and the groups it is a member of in the demo directory. */
export const DEMO_SECOND_AGENT_ID: string = secondAgent.id;
export const groupsOf = (userId: string): string[] =>
  demoDirectory.groups.filter((g) => g.memberIds.includes(userId)).map((g) => g.id);
