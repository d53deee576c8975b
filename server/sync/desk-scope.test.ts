// The server's scope in SQL against the pure one (shared/sync/scope.ts): random organizations are
// stored, pulled by scope page after page, and must give exactly the records scopeOf keeps.

import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { recordKey, type KindedRecord } from '../../shared/commands/record-set';
import { scopeOf } from '../../shared/sync/scope';
import { LOCATIONS, NOW, organization, type Organization } from '../../shared/sync/scope-fixtures';
import { upsertRecords, type FilterValue, type RecordTable } from '../db/record-tables';
import type { ServerDatabase } from '../db/open-database';
import { pullScopeKeys } from '../testing/scope-pull';
import { describeOnDatabases } from '../testing/test-databases';
import { readSnapshot } from './snapshot';

const TABLE_OF = {
  interaction: 'interactions',
  incident: 'incidents',
  request: 'requests',
  visit: 'visits',
  call: 'calls',
} as const satisfies Record<KindedRecord['kind'], RecordTable>;

type Loose = Record<string, unknown> & { id: string; updatedAt: string };

/** The filter columns the push would write, from the fields the fixtures set. */
function columnsOf(kinded: KindedRecord, byKey: Map<string, KindedRecord>) {
  const r = kinded.record as unknown as Loose;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  switch (kinded.kind) {
    case 'interaction': {
      const side = [byKey.get(`visit:${text(r.visit)}`), byKey.get(`call:${text(r.call)}`)].find(
        (s) => s !== undefined,
      );
      const location = side ? text((side.record as unknown as Loose).location) : null;
      return {
        state: r.state,
        assignment_group: r.assignmentGroup,
        assigned_to: r.assignedTo,
        location,
      };
    }
    case 'incident':
      return {
        state: r.state,
        caller: 'caller',
        assignment_group: r.assignmentGroup,
        assigned_to: r.assignedTo,
      };
    case 'request':
      return {
        state: r.state,
        requested_for: 'someone',
        catalog_item: 'item',
        assignment_group: r.assignmentGroup,
        assigned_to: r.assignedTo,
      };
    case 'visit':
      return { state: 'x', location: r.location, ended_at: r.endedAt };
    case 'call':
      return { state: 'x', integration: 'int', call_id: r.id, location: r.location };
  }
}

async function store(database: ServerDatabase, records: readonly KindedRecord[]): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    for (const table of Object.values(TABLE_OF))
      await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
  });
  await restore(database, records, records);
}

/**
 * Stores `org` and answers the desk to read its scope for (serving every location it knows; the
 * server never hears what the agent opened) and the keys the shared scope keeps for that desk.
 */
async function storeForDesk(database: ServerDatabase, org: Organization) {
  await store(database, org.records);
  const ctx = { ...org.ctx, locations: new Set(LOCATIONS), opened: new Map() };
  const expected = [...scopeOf(org.records, ctx).inScope.keys()].sort();
  const desk = {
    agentId: ctx.agentId,
    groupIds: [...ctx.groups],
    recentDays: ctx.recentDays,
    now: NOW,
  };
  return { desk, expected, ctx };
}

/** The `kind:id` of every record a snapshot's lines hold. */
const keysOf = (lines: readonly { kind?: string; records?: { id: string }[] }[]) =>
  lines.flatMap((line) => (line.records ?? []).map((r) => `${line.kind?.slice(0, -1)}:${r.id}`));

/** A desk's pulls by scope from `from`, page after page: the records' keys, and the cursor. */
describeOnDatabases('the sync scope in SQL', (suite) => {
  it('pulls, page after page, exactly the records the shared scope keeps', async () => {
    const database = suite.database();
    await fc.assert(
      fc.asyncProperty(organization, fc.integer({ min: 1, max: 7 }), async (org, limit) => {
        const { desk, expected } = await storeForDesk(database, org);
        const { keys } = await pullScopeKeys(database, desk, limit, null);
        expect(keys.sort()).toEqual(expected);
      }),
      { numRuns: suite.backend === 'pglite' ? 40 : 60, seed: 20 },
    );
  }, 120_000);

  it('gives, as a snapshot read by index, exactly the records the shared scope keeps', async () => {
    const database = suite.database();
    let linkedRuns = 0;
    await fc.assert(
      fc.asyncProperty(organization, fc.integer({ min: 1, max: 7 }), async (org, pageSize) => {
        const { desk, expected } = await storeForDesk(database, org);
        const lines: {
          type: string;
          total?: number;
          kind?: string;
          records?: { id: string }[];
        }[] = [];
        await readSnapshot(
          database.db,
          { clientId: 'desk-s' },
          { kind: 'everything', desk },
          undefined,
          (line) => lines.push(JSON.parse(line) as (typeof lines)[number]),
          pageSize,
        );
        expect(keysOf(lines).sort()).toEqual(expected);
        // The first totals count the records in scope by themselves, whose pages come first; a
        // second start line then counts the linked ones too, and their pages follow it.
        expect(lines[0]?.type).toBe('start');
        const totalAt = lines.findIndex((l, i) => i > 0 && l.type === 'start');
        const sizes = (from: number, to?: number) =>
          lines.slice(from, to).reduce((n, l) => n + (l.records?.length ?? 0), 0);
        expect(lines[0]?.total).toBe(sizes(1, totalAt < 0 ? undefined : totalAt));
        if (totalAt >= 0) {
          linkedRuns += 1;
          expect(lines[totalAt]?.total).toBe(expected.length);
          expect(sizes(totalAt)).toBe(expected.length - (lines[0]?.total ?? 0));
        } else expect(lines[0]?.total).toBe(expected.length);
        expect(lines.at(-1)?.type).toBe('end');
        expect(lines.slice(1, -1).every((l) => (l.records?.length ?? 0) <= pageSize)).toBe(true);
        // A technician of the same groups: its snapshot is what its pulls bring.
        const worked = { userId: desk.agentId, groupIds: desk.groupIds };
        const technician: typeof lines = [];
        await readSnapshot(
          database.db,
          { clientId: 'desk-t' },
          { kind: 'worked', ...worked, desk },
          undefined,
          (line) => technician.push(JSON.parse(line) as (typeof lines)[number]),
          pageSize,
        );
        const pulled = await pullScopeKeys(database, desk, 7, null, worked);
        expect(keysOf(technician).sort()).toEqual(pulled.keys.sort());
      }),
      { numRuns: suite.backend === 'pglite' ? 30 : 40, seed: 21 },
    );
    // The organizations drawn hold records in scope only by their link.
    expect(linkedRuns).toBeGreaterThan(0);
  }, 120_000);

  it('brings, after changes, every record now in scope to a desk that held the scope before, including those a change brings in by their link', async () => {
    const database = suite.database();
    await fc.assert(
      fc.asyncProperty(
        organization,
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (org, limit, picks) => {
          const { desk, ctx } = await storeForDesk(database, org);
          const before = await pullScopeKeys(database, desk, limit, null);
          // Some records change today (a work note, say): in scope again, and whatever they link
          // to with them, though those did not change.
          const changed = org.records.map((kinded, i) =>
            picks.some((p) => p % org.records.length === i)
              ? ({
                  ...kinded,
                  record: { ...kinded.record, updatedAt: NOW.toISOString() },
                } as KindedRecord)
              : kinded,
          );
          await restore(
            database,
            changed.filter((k, i) => k !== org.records[i]),
            changed,
          );
          const expected = [...scopeOf(changed, ctx).inScope.keys()].sort();
          const after = await pullScopeKeys(database, desk, limit, before.cursor);
          const held = new Set([...before.keys, ...after.keys]);
          expect(expected.filter((key) => !held.has(key))).toEqual([]);
          expect(after.keys.filter((key) => !expected.includes(key))).toEqual([]);
        },
      ),
      { numRuns: suite.backend === 'pglite' ? 30 : 40, seed: 22 },
    );
  }, 120_000);
});

/** Writes `records` (each at a new change position) of `all`, their filter columns read among them. */
async function restore(
  database: ServerDatabase,
  records: readonly KindedRecord[],
  all: readonly KindedRecord[],
): Promise<void> {
  const byKey = new Map(all.map((r) => [recordKey({ kind: r.kind, id: r.record.id }), r]));
  await database.db.transaction().execute(async (trx) => {
    for (const kinded of records) {
      const r = kinded.record as unknown as Loose;
      const columns = columnsOf(kinded, byKey) as unknown as Record<string, FilterValue>;
      await upsertRecords(
        trx,
        TABLE_OF[kinded.kind],
        [
          {
            record: { ...r, number: `${kinded.kind}-${r.id}`, openedAt: r.updatedAt },
            // Numbers are unique: each record's place among them all.
            seq: all.indexOf(kinded) + 1,
          },
        ],
        () => columns,
      );
    }
  });
}
