// How a desk names other agents' changes that wait for them, and how a switch of agent reads. Words
// only; never decides who may send what (the store host and the server do).

import type { WaitingForAgent } from '../../shared/store-api/contract';

const changes = (count: number): string => (count === 1 ? '1 change' : `${count} changes`);

/** "2 changes by Alex Smith wait until they sign in again." */
export const waitingWords = (waiting: WaitingForAgent): string =>
  `${changes(waiting.count)} by ${waiting.name} ${waiting.count === 1 ? 'waits' : 'wait'} until they sign in again.`;

/** What the switch prompt says about the agent signed in now. */
export const switchWords = (from: string, to: string, unsynced: number): string =>
  unsynced === 0
    ? `${from} is signed in on this desk. Switching signs ${to} in instead.`
    : `${from} is signed in on this desk and has ${changes(unsynced)} not synced yet. ` +
      `${unsynced === 1 ? 'It stays' : 'They stay'} on this desk and ${unsynced === 1 ? 'is' : 'are'} sent when ${from} signs in again.`;
