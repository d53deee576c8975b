// Checks a directory page from the desk server by hand: exactly what the shared zod schema
// (DirectoryPage) accepts, at a fraction of its cost on 5,000 rows. Never changes the page.
//
// Why not zod: the store host runs zod without eval (the pages' CSP), which makes a 100,000-user
// download spend its time walking schemas. directory-page-check.test.ts proves the two agree.
// Catalog items, knowledge articles and walk-up locations are the exception: a few hundred rows with nested fields,
// checked by their own schemas (their cost is nothing next to one page of users, and their rules
// stay in one place).

import type { ZodType } from 'zod';
import { ROLES } from '../../../shared/sync/server-api';
import { CatalogItem } from '../../../shared/domain/catalog';
import { WalkUpLocation } from '../../../shared/domain/walk-up-location';
import { KnowledgeFeedEntry, type DirectoryPage } from '../../../shared/sync/protocol';

/** The first thing wrong with a page, in words: where, and what was expected there. */
export type PageCheck = { ok: true; page: DirectoryPage } | { ok: false; problem: string };

const ROLE_NAMES: ReadonlySet<unknown> = new Set<unknown>(ROLES);

/** Code points, as zod counts a string's length: a surrogate pair is one character. */
function lengthOf(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

function textOfLength(value: unknown, min: number, max: number): boolean {
  if (typeof value !== 'string') return false;
  // A code point is one or two units: only between the bounds' doubles is the count in doubt.
  if (value.length >= min && value.length <= max) return true;
  if (value.length < min || value.length > 2 * max) return false;
  const length = lengthOf(value);
  return length >= min && length <= max;
}

const isId = (value: unknown): boolean => textOfLength(value, 1, 64);

type Row = Record<string, unknown>;
const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const USER_TEXT = [
  'userName',
  'firstName',
  'lastName',
  'name',
  'email',
  'phone',
  'employeeId',
  'department',
  'location',
] as const;

function userProblem(row: Row): string | null {
  if (!isId(row.id)) return 'id is not an id (text of 1 to 64 characters)';
  for (const field of USER_TEXT) if (typeof row[field] !== 'string') return `${field} is not text`;
  if (typeof row.vip !== 'boolean') return 'vip is not true or false';
  const roles = row.roles;
  if (!Array.isArray(roles)) return 'roles is not a list';
  for (let i = 0; i < roles.length; i++)
    if (!ROLE_NAMES.has(roles[i])) return `roles[${i}] is not one of ${ROLES.join(', ')}`;
  return null;
}

function groupProblem(row: Row): string | null {
  if (!isId(row.id)) return 'id is not an id (text of 1 to 64 characters)';
  if (typeof row.name !== 'string') return 'name is not text';
  if (typeof row.description !== 'string') return 'description is not text';
  const members = row.memberIds;
  if (!Array.isArray(members)) return 'memberIds is not a list';
  for (let i = 0; i < members.length; i++)
    if (!isId(members[i])) return `memberIds[${i}] is not an id (text of 1 to 64 characters)`;
  return null;
}

function itemProblem(row: Row): string | null {
  if (!isId(row.id)) return 'id is not an id (text of 1 to 64 characters)';
  if (typeof row.name !== 'string') return 'name is not text';
  if (typeof row.className !== 'string') return 'className is not text';
  if (row.parentId !== null && !isId(row.parentId))
    return 'parentId is neither null nor an id (text of 1 to 64 characters)';
  if (typeof row.location !== 'string') return 'location is not text';
  if (row.active !== undefined && typeof row.active !== 'boolean')
    return 'active is not true or false';
  return null;
}

function listProblem(
  page: Row,
  list: 'users' | 'groups' | 'configurationItems',
  problemOf: (row: Row) => string | null,
): string | null {
  const rows = page[list];
  if (!Array.isArray(rows)) return `${list} is not a list`;
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    if (!isRow(row)) return `${list}[${i}] is not an object`;
    const problem = problemOf(row);
    if (problem !== null) return `${list}[${i}].${problem}`;
  }
  return null;
}

/** Where a zod issue points, as the other problems say it: `fields[0].options`. */
function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/**
 * The rows of a short list as `schema` reads them (absent is none, as the page's default says;
 * names come trimmed, unknown fields dropped), or the first problem.
 */
function checkSchemaRows<T>(
  list: 'catalogItems' | 'knowledgeArticles' | 'locations',
  value: unknown,
  schema: ZodType<T>,
): { ok: true; rows: T[] } | { ok: false; problem: string } {
  if (value === undefined) return { ok: true, rows: [] };
  if (!Array.isArray(value)) return { ok: false, problem: `${list} is not a list` };
  const rows: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const row: unknown = value[i];
    if (!isRow(row)) return { ok: false, problem: `${list}[${i}] is not an object` };
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `.${pathOf(issue.path)}` : '';
      return { ok: false, problem: `${list}[${i}]${where}: ${issue?.message ?? 'not valid'}` };
    }
    rows.push(parsed.data);
  }
  return { ok: true, rows };
}

/**
 * The page as the schema would accept it, or the first problem. Fields the schema does not know
 * are left in place (zod would drop them): the desk copies only the fields it knows.
 */
export function checkDirectoryPage(value: unknown): PageCheck {
  if (!isRow(value)) return { ok: false, problem: 'the page is not an object' };
  const problem =
    listProblem(value, 'users', userProblem) ??
    listProblem(value, 'groups', groupProblem) ??
    listProblem(value, 'configurationItems', itemProblem);
  if (problem !== null) return { ok: false, problem };
  const catalog = checkSchemaRows('catalogItems', value.catalogItems, CatalogItem);
  if (!catalog.ok) return catalog;
  const knowledge = checkSchemaRows(
    'knowledgeArticles',
    value.knowledgeArticles,
    KnowledgeFeedEntry,
  );
  if (!knowledge.ok) return knowledge;
  const locations = checkSchemaRows('locations', value.locations, WalkUpLocation);
  if (!locations.ok) return locations;
  const rest =
    (textOfLength(value.cursor, 1, 100) ? null : 'cursor is not text of 1 to 100 characters') ??
    (typeof value.more === 'boolean' ? null : 'more is not true or false') ??
    (typeof value.reset === 'boolean' ? null : 'reset is not true or false');
  if (rest !== null) return { ok: false, problem: rest };
  // A new object for the page, its rows as they came: only the catalog and the locations are
  // the schemas' copies.
  return {
    ok: true,
    page: {
      ...(value as unknown as DirectoryPage),
      catalogItems: catalog.rows,
      knowledgeArticles: knowledge.rows,
      locations: locations.rows,
    },
  };
}
