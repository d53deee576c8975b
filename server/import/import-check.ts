// The dry run: reads the whole file and lists every problem by line and column (missing key,
// bad email, duplicate keys, user names taken, unknown members or parents, parent cycles) and how
// many users a full run would deactivate. It only reads: nothing is ever written here.

import { stat } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import {
  IMPORT_PROBLEMS_LISTED,
  type ImportKind,
  type ImportMapping,
  type ImportProblem,
} from '../../shared/admin/import';
import { countMissingUsers } from '../admin/directory-upsert';
import type { Database } from '../db/schema';
import { inJsonTexts } from '../db/values';
import type { PhoneRegion } from '../directory/phone-e164';
import { readCsvRecords, type CsvShape } from './csv-file';
import { rowReader } from './import-rows';
import { KeyLines, estimateRows } from './key-lines';

export interface CheckInput {
  db: Kysely<Database>;
  path: string;
  kind: ImportKind;
  shape: CsvShape;
  mapping: ImportMapping;
  region: PhoneRegion;
  signal?: AbortSignal;
  /** Called every few thousand rows. */
  onProgress?: (rowsDone: number) => void;
}

export interface CheckResult {
  rowsTotal: number;
  problems: ImportProblem[];
  problemCount: number;
  wouldDeactivate: number;
}

/** Problems kept in order of lines, the first IMPORT_PROBLEMS_LISTED listed, all counted. */
export class ProblemList {
  readonly listed: ImportProblem[] = [];
  count = 0;
  add(problem: ImportProblem): void {
    this.count++;
    if (this.listed.length < IMPORT_PROBLEMS_LISTED) this.listed.push(problem);
  }
  sorted(): ImportProblem[] {
    return [...this.listed].sort((a, b) => a.line - b.line);
  }
}

const CHECK_BATCH = 2000;

/** User names (lower case) owned in the database by a user with another (or no) external key. */
async function takenNames(
  db: Kysely<Database>,
  pairs: readonly { name: string; key: string }[],
): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select([sql<string>`lower(user_name)`.as('lower_name'), 'external_key'])
    .where(
      inJsonTexts(
        sql`lower(user_name)`,
        pairs.map((p) => p.name),
      ),
    )
    .execute();
  const owner = new Map(rows.map((r) => [r.lower_name, r.external_key]));
  return new Set(
    pairs.filter((p) => owner.has(p.name) && owner.get(p.name) !== p.key).map((p) => p.name),
  );
}

async function knownMembers(db: Kysely<Database>, names: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  if (names.length === 0) return known;
  const lower = names.map((n) => n.toLowerCase());
  const rows = await db
    .selectFrom('users')
    .select(['external_key', sql<string>`lower(user_name)`.as('lower_name')])
    .where((eb) =>
      eb.or([eb('external_key', 'in', [...names]), eb(sql<string>`lower(user_name)`, 'in', lower)]),
    )
    .execute();
  for (const r of rows) {
    if (r.external_key !== null) known.add(r.external_key);
    known.add(r.lower_name);
  }
  return new Set(names.filter((n) => known.has(n) || known.has(n.toLowerCase())));
}

export async function checkImportFile(input: CheckInput): Promise<CheckResult> {
  const { db, kind, shape, mapping } = input;
  const problems = new ProblemList();
  const read = rowReader(kind, {
    columns: shape.columns,
    delimiter: shape.delimiter,
    mapping,
    region: input.region,
    normalizePhones: false,
  });
  // Hashes, not strings: a million keys and user names in tens of MB (key-lines.ts).
  const expected = estimateRows((await stat(input.path)).size, shape.preview);
  const keys = new KeyLines(expected);
  const names = new KeyLines(kind === 'users' ? expected : 16);
  const parents = new Map<string, { parent: string; line: number }>();
  let pendingNames: { name: string; key: string; line: number }[] = [];
  let pendingMembers: { name: string; line: number }[] = [];
  const column = (field: string): string | null => mapping[field] ?? null;

  const flush = async (): Promise<void> => {
    const taken = await takenNames(db, pendingNames);
    for (const p of pendingNames)
      if (taken.has(p.name))
        problems.add({
          line: p.line,
          column: column('userName'),
          message: `The user name ${p.name} belongs to another user already on the server.`,
        });
    const found = await knownMembers(db, [...new Set(pendingMembers.map((m) => m.name))]);
    for (const m of pendingMembers)
      if (!found.has(m.name))
        problems.add({
          line: m.line,
          column: column('members'),
          message: `No user has the key or user name ${m.name}.`,
        });
    pendingNames = [];
    pendingMembers = [];
  };

  let rows = 0;
  let header = true;
  for await (const record of readCsvRecords(input.path, shape.delimiter, input.signal)) {
    if (header) {
      header = false;
      continue;
    }
    rows++;
    const outcome = read(record);
    for (const p of outcome.problems) problems.add(p);
    const item = outcome.item;
    if (item !== null && item.externalKey !== '') {
      const first = keys.add(item.externalKey, record.line);
      if (first !== record.line)
        problems.add({
          line: record.line,
          column: column('externalKey'),
          message: `The key ${item.externalKey} is already on line ${first}.`,
        });
      if ('userName' in item && item.userName !== '') {
        const name = item.userName.toLowerCase();
        const firstName = names.add(name, record.line);
        if (firstName !== record.line)
          problems.add({
            line: record.line,
            column: column('userName'),
            message: `The user name ${item.userName} is already on line ${firstName}.`,
          });
        else {
          pendingNames.push({ name, key: item.externalKey, line: record.line });
        }
      }
      if ('members' in item)
        for (const name of item.members) pendingMembers.push({ name, line: record.line });
      if ('parentKey' in item && item.parentKey !== null)
        parents.set(item.externalKey, { parent: item.parentKey, line: record.line });
    }
    if (pendingNames.length + pendingMembers.length >= CHECK_BATCH) await flush();
    if (rows % 5000 === 0) input.onProgress?.(rows);
  }
  await flush();
  if (kind === 'configuration-items')
    await checkParents(db, keys, parents, problems, column('parentKey'));
  const wouldDeactivate = kind === 'users' ? await countMissingUsers(db, 'csv', keys) : 0;
  input.onProgress?.(rows);
  return {
    rowsTotal: rows,
    problems: problems.sorted(),
    problemCount: problems.count,
    wouldDeactivate,
  };
}

/** Unknown parents (neither in the file nor on the server) and cycles, file over server. */
async function checkParents(
  db: Kysely<Database>,
  keys: KeyLines,
  parents: ReadonlyMap<string, { parent: string; line: number }>,
  problems: ProblemList,
  column: string | null,
): Promise<void> {
  const stored = await db
    .selectFrom('configuration_items as c')
    .leftJoin('configuration_items as p', 'p.id', 'c.parent_id')
    .select(['c.external_key as key', 'p.external_key as parent'])
    .where('c.external_key', 'is not', null)
    .execute();
  const serverParent = new Map(stored.map((r) => [r.key as string, r.parent]));
  const parentOf = (key: string): string | null =>
    parents.get(key)?.parent ?? (keys.has(key) ? null : (serverParent.get(key) ?? null));
  const reported = new Set<string>();
  for (const [key, { parent, line }] of parents) {
    if (!keys.has(parent) && !serverParent.has(parent)) {
      problems.add({
        line,
        column,
        message: `No configuration item has the key ${parent} (the parent of ${key}).`,
      });
      continue;
    }
    const chain = [key];
    for (let node = parentOf(key); node !== null && chain.length <= 1000; node = parentOf(node)) {
      if (node === key) {
        if (!reported.has(key)) {
          for (const k of chain) reported.add(k);
          problems.add({
            line,
            column,
            message: `The parents form a cycle: ${[...chain, key].join(' → ')}.`,
          });
        }
        break;
      }
      if (chain.includes(node)) break;
      chain.push(node);
    }
  }
}
