// Realistic caller-lookup queries drawn from the directory itself: what an agent types in the
// first keystrokes. Deterministic (fixed seed); never reads the search index it is used to test.

import type { User } from '../../shared/domain/directory';
import { mulberry32 } from '../../shared/demo/directory-generator';

export type QueryKind =
  'first name' | 'last name' | 'full name' | 'user name' | 'email' | 'employee id' | 'phone';

export interface BenchQuery {
  kind: QueryKind;
  text: string;
}

/** How often each kind comes up at a desk: mostly names, now and then an id or a number. */
const MIX: readonly (readonly [QueryKind, number])[] = [
  ['first name', 25],
  ['last name', 25],
  ['full name', 15],
  ['user name', 10],
  ['email', 10],
  ['employee id', 8],
  ['phone', 7],
];
const MIX_TOTAL = MIX.reduce((sum, [, weight]) => sum + weight, 0);

type QueryUser = Pick<
  User,
  'firstName' | 'lastName' | 'userName' | 'email' | 'employeeId' | 'phone'
>;

/** Agents type in lower case, sometimes with the first letter capitalised. */
function typed(text: string, random: () => number): string {
  const lower = text.toLowerCase();
  return random() < 0.2 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
}

const between = (random: () => number, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

function queryFor(kind: QueryKind, user: QueryUser, random: () => number): string {
  switch (kind) {
    case 'first name':
      return typed(user.firstName.slice(0, between(random, 1, 4)), random);
    case 'last name':
      return typed(user.lastName.slice(0, between(random, 1, 4)), random);
    case 'full name':
      // "maria g", "maria ga": the first name, then the start of the last.
      return typed(`${user.firstName} ${user.lastName.slice(0, between(random, 1, 2))}`, random);
    case 'user name':
      return user.userName.slice(0, between(random, 1, 4));
    case 'email': {
      // Up to a few letters past the dot: "maria.ga".
      const dot = user.email.indexOf('.');
      return user.email.slice(0, (dot < 0 ? 0 : dot + 1) + between(random, 1, 3));
    }
    case 'employee id':
      return typed(user.employeeId.slice(0, between(random, 3, 7)), random);
    case 'phone': {
      // The local number, as read out on the phone: "123", "1234", "123 45".
      const local = user.phone.replace(/^\+1 555 /, '');
      return local.slice(0, between(random, 3, 7)).trimEnd();
    }
  }
}

function pickKind(random: () => number): QueryKind {
  let roll = random() * MIX_TOTAL;
  for (const [kind, weight] of MIX) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'first name';
}

/** `count` queries for callers picked at random from `users`. */
export function benchQueries(users: readonly QueryUser[], count: number, seed = 7): BenchQuery[] {
  const random = mulberry32(seed);
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const user = users[Math.floor(random() * users.length)];
    if (!user) break;
    const kind = pickKind(random);
    queries.push({ kind, text: queryFor(kind, user, random) });
  }
  return queries;
}

export function countByKind(queries: readonly BenchQuery[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const q of queries) counts[q.kind] = (counts[q.kind] ?? 0) + 1;
  return counts;
}
