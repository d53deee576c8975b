// Who walks up in the walk-up e2e tests: demo callers (no VIPs, names unique in the directory) and
// their lobby board names. Read-only facts of the demo directory; nothing here writes.

import { FULFILLER_COUNT } from '../../shared/demo/directory-generator';
import type { User } from '../../shared/domain/directory';
import { lobbyName } from '../../shared/domain/walk-up-location';
import { demoDirectory, usersNamed } from './demo-directory';

/** `count` distinct, active, non-VIP callers whose full name no one else has, from `offset` on. */
export function walkUpPeople(count: number, offset = 100): User[] {
  const chosen: User[] = [];
  const boardNames = new Set<string>();
  for (const user of demoDirectory.users.slice(FULFILLER_COUNT + offset)) {
    if (user.vip || !user.active || user.email === '' || user.employeeId === '') continue;
    if (usersNamed(user.name).length !== 1) continue;
    const board = boardName(user.name, '');
    if (boardNames.has(board)) continue;
    boardNames.add(board);
    chosen.push(user);
    if (chosen.length === count) return chosen;
  }
  throw new Error(`the demo directory has fewer than ${count} suitable callers`);
}

/** The name the lobby board shows by the default format (first name and last initial). */
export function boardName(displayName: string, number: string): string {
  return lobbyName({ displayName, number }, 'first-name-last-initial');
}

/** True when each name shows on its own line, in the given order (other lines may come between). */
export function inOrder(lines: readonly string[], names: readonly string[]): boolean {
  const at = names.map((name) => lines.findIndex((line) => line.includes(name)));
  return at.every((index, i) => index >= 0 && (i === 0 || index > (at[i - 1] ?? -1)));
}
