// The caller-lookup index: prefix search over names, user name, email, employee id and phone
// digits (as written, mobile and E.164), best match first; deactivated users are never found.
// Pure and synchronous; it never touches IndexedDB or the DOM.
//
// Each field keeps its entries sorted by folded key (an Int32Array). Keys are computed from the
// directory's columns on demand, so a search is a binary search plus `limit` steps per field,
// and a restart only loads the stored orders: no sort, no key strings held in memory.

import { digitsOf, foldName, foldText } from '../../shared/domain/search-text';
import { PHONE_KEYS_PER_USER, userPhoneKeys, withoutDialPrefix } from './phone-keys';
import { sortRowsByKey } from './sort-by-key';

/** Bump when folding or the fields change: stored orders of another format are rebuilt. */
export const CALLER_INDEX_FORMAT = 2;

export const CALLER_FIELDS = [
  'fullName',
  'lastFirst',
  'userName',
  'email',
  'employeeId',
  'phone',
] as const;
export type CallerField = (typeof CALLER_FIELDS)[number];
export type CallerOrders = Record<CallerField, Int32Array>;

export interface CallerColumns {
  readonly name: readonly string[];
  readonly firstName: readonly string[];
  readonly lastName: readonly string[];
  readonly userName: readonly string[];
  readonly email: readonly string[];
  readonly employeeId: readonly string[];
  readonly phone: readonly string[];
  /** Absent in directories stored before they existed: no mobile, no E.164 keys. */
  readonly mobile?: readonly string[];
  readonly phoneE164?: readonly string[];
  readonly mobileE164?: readonly string[];
}

const PHONE_VARIANTS = PHONE_KEYS_PER_USER;

function phoneKeys(columns: CallerColumns, user: number): string[] {
  return userPhoneKeys(
    columns.phone[user] ?? '',
    columns.mobile?.[user] ?? '',
    columns.phoneE164?.[user] ?? '',
    columns.mobileE164?.[user] ?? '',
  );
}

const nameKey = (text: string): string => foldName(text).trimEnd();

function keyOf(columns: CallerColumns, field: CallerField, entry: number): string {
  switch (field) {
    case 'fullName':
      return nameKey(columns.name[entry] ?? '');
    case 'lastFirst':
      return nameKey(`${columns.lastName[entry] ?? ''} ${columns.firstName[entry] ?? ''}`);
    case 'userName':
      return foldText(columns.userName[entry] ?? '');
    case 'email':
      return foldText(columns.email[entry] ?? '');
    case 'employeeId':
      return foldText(columns.employeeId[entry] ?? '');
    case 'phone':
      return phoneKeys(columns, Math.floor(entry / PHONE_VARIANTS))[entry % PHONE_VARIANTS] ?? '';
  }
}

const userOf = (field: CallerField, entry: number): number =>
  field === 'phone' ? Math.floor(entry / PHONE_VARIANTS) : entry;

/**
 * Appends the index keys of users [from, to) for one field, each with its entry (the user; for
 * phones the user and which digit group the key starts at). Users in order, so entries ascend.
 */
export function appendCallerKeys(
  columns: CallerColumns,
  field: CallerField,
  from: number,
  to: number,
  keys: string[],
  entries: number[],
): void {
  for (let user = from; user < to; user++) {
    if (field === 'phone') {
      const phone = phoneKeys(columns, user);
      for (let v = 0; v < phone.length; v++) {
        keys.push(phone[v] as string);
        entries.push(user * PHONE_VARIANTS + v);
      }
    } else {
      keys.push(keyOf(columns, field, user));
      entries.push(user);
    }
  }
}

/** Sorts every field once (the expensive part); run when the directory is written, not at start. */
export function buildCallerOrders(columns: CallerColumns): CallerOrders {
  const count = columns.name.length;
  const orders = {} as CallerOrders;
  for (const field of CALLER_FIELDS) {
    const keys: string[] = [];
    const entries: number[] = [];
    appendCallerKeys(columns, field, 0, count, keys, entries);
    orders[field] = Int32Array.from(sortRowsByKey(keys), (row) => entries[row] as number);
  }
  return orders;
}

/** Stored orders belong to this directory (same size): a cheap guard before trusting them. */
export function ordersFit(
  columns: CallerColumns,
  orders: Partial<CallerOrders>,
): orders is CallerOrders {
  const count = columns.name.length;
  return CALLER_FIELDS.every((field) => {
    const order = orders[field];
    return order !== undefined && (field === 'phone' || order.length === count);
  });
}

/**
 * Callers to list first among the prefix matches (the agent's known callers, best first), with
 * their index keys computed once: matching them is then a few `startsWith` per caller.
 */
export interface PreferredCallers {
  readonly rows: readonly number[];
  readonly keys: readonly PreferredKeys[];
}

interface PreferredKeys {
  names: string[];
  texts: string[];
  phones: string[];
}

/** At most this many preferred callers go before the rest: the others stay in a short list. */
export const PREFERRED_FIRST = 5;

export class CallerSearch {
  private readonly columns: CallerColumns;
  private readonly orders: CallerOrders;
  private readonly isActive: (user: number) => boolean;

  /** `isActive`: deactivated users stay in the index (for a reactivation) but are never found. */
  constructor(
    columns: CallerColumns,
    orders: CallerOrders,
    isActive: (user: number) => boolean = () => true,
  ) {
    this.columns = columns;
    this.orders = orders;
    this.isActive = isActive;
  }

  /** The keys `search` would match `rows` by, for `preferred` (computed once per known set). */
  preferredCallers(rows: readonly number[]): PreferredCallers {
    const { columns } = this;
    const keys = rows.map((row) => ({
      names: [keyOf(columns, 'fullName', row), keyOf(columns, 'lastFirst', row)],
      texts: [
        keyOf(columns, 'userName', row),
        keyOf(columns, 'email', row),
        keyOf(columns, 'employeeId', row),
      ],
      phones: phoneKeys(columns, row),
    }));
    return { rows, keys };
  }

  /**
   * Row indexes of matching users, best first: exact matches (a full name, "last first", user
   * name, email, employee id or phone number; preferred callers first among them), then up to
   * PREFERRED_FIRST preferred callers matching a prefix (in their order), then the other prefix
   * matches: full name, last name, then ids.
   */
  search(query: string, limit: number, preferred?: PreferredCallers): number[] {
    const name = foldName(query);
    const text = foldText(query).trim();
    if (text === '') return [];
    const looksLikePhone = /^[\d\s+()./-]+$/.test(query);
    const digits = looksLikePhone ? digitsOf(query) : '';
    const dialed = withoutDialPrefix(digits);

    const found: number[] = [];
    const seen = new Set<number>();
    const take = (field: CallerField, q: string, exact: boolean): boolean => {
      if (q === '') return false;
      const order = this.orders[field];
      for (let p = this.lowerBound(field, q); p < order.length; p++) {
        const entry = order[p] as number;
        const key = keyOf(this.columns, field, entry);
        if (exact ? key !== q : !key.startsWith(q)) break;
        const user = userOf(field, entry);
        if (seen.has(user)) continue;
        seen.add(user);
        if (!this.isActive(user)) continue;
        found.push(user);
        if (found.length >= limit) return true;
      }
      return false;
    };

    const nameExact = name.trimEnd();
    const steps: [CallerField, string, boolean][] = [
      ['fullName', nameExact, true],
      ['lastFirst', nameExact, true],
      ['userName', text, true],
      ['email', text, true],
      ['employeeId', text, true],
      ['phone', digits, true],
      ['phone', dialed, true],
      ['fullName', name, false],
      ['lastFirst', name, false],
      ['userName', text, false],
      ['email', text, false],
      ['employeeId', text, false],
      ['phone', digits, false],
      ['phone', dialed, false],
    ];
    const exactSteps = steps.slice(0, 7);
    const prefixSteps = steps.slice(7);
    for (const [field, q, exact] of exactSteps) if (take(field, q, exact)) break;
    if (preferred === undefined || preferred.rows.length === 0) {
      if (found.length < limit)
        for (const [field, q, exact] of prefixSteps) if (take(field, q, exact)) break;
      return found;
    }
    // Exact matches stay first; a preferred one among them moves to their front.
    const isPreferred = new Set(preferred.rows);
    const exactFound = [
      ...found.filter((row) => isPreferred.has(row)),
      ...found.filter((row) => !isPreferred.has(row)),
    ];
    found.length = 0;
    found.push(...exactFound);
    let promoted = 0;
    for (let i = 0; i < preferred.rows.length && found.length < limit; i++) {
      if (promoted >= PREFERRED_FIRST) break;
      const row = preferred.rows[i] as number;
      const keys = preferred.keys[i];
      if (keys === undefined || seen.has(row) || !this.isActive(row)) continue;
      const matches =
        (name !== '' && keys.names.some((k) => k.startsWith(name))) ||
        keys.texts.some((k) => k.startsWith(text)) ||
        (digits !== '' && keys.phones.some((k) => k.startsWith(digits))) ||
        (dialed !== '' && keys.phones.some((k) => k.startsWith(dialed)));
      if (!matches) continue;
      seen.add(row);
      found.push(row);
      promoted += 1;
    }
    if (found.length < limit)
      for (const [field, q, exact] of prefixSteps) if (take(field, q, exact)) break;
    return found;
  }

  private lowerBound(field: CallerField, q: string): number {
    const order = this.orders[field];
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keyOf(this.columns, field, order[mid] as number) < q) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
