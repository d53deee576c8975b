// The comparison the figures are reported against: MiniSearch 7, a well-kept in-memory search
// library, prefix-searching the same caller fields with the same folding. Measures; never ranks.

import MiniSearch from 'minisearch';
import type { User } from '../../shared/domain/directory';
import { digitsOf, foldText } from '../../shared/domain/search-text';

interface CallerDocument {
  id: number;
  firstName: string;
  lastName: string;
  userName: string;
  email: string;
  employeeId: string;
  /** The store host indexes the number from each digit group on; so does this. */
  phone: string;
}

const FIELDS = ['firstName', 'lastName', 'userName', 'email', 'employeeId', 'phone'] as const;

function phoneVariants(phone: string): string {
  const groups = phone.split(/\D+/).filter((g) => g !== '');
  const variants: string[] = [];
  for (let g = 0; g < groups.length; g++) variants.push(groups.slice(g).join(''));
  return variants.join(' ');
}

export type CallerMiniSearch = MiniSearch<CallerDocument>;

export function buildMiniSearch(users: readonly User[]): CallerMiniSearch {
  const search = new MiniSearch<CallerDocument>({
    fields: [...FIELDS],
    processTerm: (term) => foldText(term),
    searchOptions: { prefix: true, combineWith: 'AND' },
  });
  search.addAll(
    users.map((u, id) => ({
      id,
      firstName: u.firstName,
      lastName: u.lastName,
      userName: u.userName,
      email: u.email,
      employeeId: u.employeeId,
      phone: phoneVariants(u.phone),
    })),
  );
  return search;
}

const LOOKS_LIKE_PHONE = /^[\d\s+()./-]+$/;

/** The ten best matches' rows, as the lookup would show them; MiniSearch ranks them all first. */
export function miniSearchTop(search: CallerMiniSearch, query: string, limit: number): number[] {
  // A number read out in groups ("123 45") is one number, as the store host reads it.
  const text = LOOKS_LIKE_PHONE.test(query) ? digitsOf(query) : query;
  return search
    .search(text)
    .slice(0, limit)
    .map((hit) => hit.id as number);
}
