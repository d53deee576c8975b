// Records a change brings into a desk's scope by their link (pull-linked.ts), in the cases a review
// found: a row a past snapshot had shown above its horizon, a row passed earlier in the same
// catch-up, a catch-up from the start (each record once), and a technician's filter.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { KindedRecord } from '../../shared/commands/record-set';
import { NOW, daysAgo, interaction, incident } from '../../shared/sync/scope-fixtures';
import type { Incident } from '../../shared/domain/incident';
import type { Interaction } from '../../shared/domain/interaction';
import { upsertRecords, type FilterValue } from '../db/record-tables';
import type { ServerDatabase } from '../db/open-database';
import { pullScopeKeys } from '../testing/scope-pull';
import { describeOnDatabases } from '../testing/test-databases';
import { pull } from './pull';

const TABLE_OF = { interaction: 'interactions', incident: 'incidents' } as const;
type Loose = Record<string, unknown> & { id: string; updatedAt: string };

function columnsOf(kinded: KindedRecord) {
  const r = kinded.record as unknown as Loose;
  if (kinded.kind === 'interaction')
    return {
      state: r.state,
      assignment_group: r.assignmentGroup,
      assigned_to: r.assignedTo,
      location: null,
    };
  return {
    state: r.state,
    caller: 'caller',
    assignment_group: r.assignmentGroup,
    assigned_to: r.assignedTo,
  };
}
let seq = 1;
async function write(database: ServerDatabase, kinded: KindedRecord): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const r = kinded.record as unknown as Loose;
    await upsertRecords(
      trx,
      TABLE_OF[kinded.kind as 'interaction'],
      [{ record: { ...r, number: `${kinded.kind}-${r.id}`, openedAt: r.updatedAt }, seq: seq++ }],
      () => columnsOf(kinded) as unknown as Record<string, FilterValue>,
    );
  });
}
const desk = { agentId: 'a0', groupIds: ['g0'], recentDays: 7, now: NOW };
/** R's link to incident I, and I's back to R (only the ids the scope reads). */
const link = { relatedRecords: [{ kind: 'incident', id: 'I' }] } as unknown as Partial<Interaction>;
const back = { relatedInteractions: [{ id: 'R' }] } as unknown as Partial<Incident>;

describeOnDatabases('records brought into the scope by their link', (suite) => {
  it('sends each record once in a catch-up from the start, page after page', async () => {
    const database = suite.database();
    await write(database, interaction('R', link));
    await write(database, incident('F1', { state: 'New', updatedAt: daysAgo(1) }));
    await write(database, incident('F2', { state: 'New', updatedAt: daysAgo(1) }));
    await write(database, incident('I', { state: 'New', updatedAt: daysAgo(1), ...back }));
    const { keys } = await pullScopeKeys(database, desk, 2, null);
    expect(keys.filter((k) => k === 'interaction:R').length).toBe(1);
  });

  it('a row a past snapshot saw (committed above its horizon) that a link brings in later', async () => {
    if (suite.backend !== 'postgres') return;
    const database = suite.database();
    await write(database, incident('I', { state: 'Closed', updatedAt: daysAgo(100), ...back }));
    // A long transaction holds the horizon down.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let started: () => void = () => {};
    const isStarted = new Promise<void>((r) => (started = r));
    const long = database.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_current_xact_id()`.execute(trx);
      started();
      await held;
    });
    await isStarted;
    // R written (a late push of an old close): out of scope.
    await write(database, interaction('R', { ...link, updatedAt: daysAgo(100) }));
    const first = await pullScopeKeys(database, desk, 10, null);
    release();
    await long;
    // The incident reopened today: R is in scope by its link.
    await write(database, incident('I', { state: 'New', updatedAt: daysAgo(0), ...back }));
    const after = await pullScopeKeys(database, desk, 10, first.cursor);
    expect(after.keys).toContain('interaction:R');
  });

  it('a row passed during this catch-up, out of scope then, brought in by a link during it', async () => {
    const database = suite.database();
    await write(database, incident('I', { state: 'Closed', updatedAt: daysAgo(100), ...back }));
    const first = await pullScopeKeys(database, desk, 10, null);
    await write(database, interaction('R', { ...link, updatedAt: daysAgo(100) }));
    await write(database, incident('F1', { state: 'New', updatedAt: daysAgo(1) }));
    await write(database, incident('F2', { state: 'New', updatedAt: daysAgo(1) }));
    const keys: string[] = [];
    const answer = await pull(database.db, { clientId: 'desk-p', cursor: first.cursor }, 1, {
      kind: 'everything',
      desk,
    });
    keys.push(...answer.interactions.map((r) => r.id), ...answer.incidents.map((r) => r.id));
    // Meanwhile the incident is reopened.
    await write(database, incident('I', { state: 'New', updatedAt: daysAgo(0), ...back }));
    const rest = await pullScopeKeys(database, desk, 1, answer.cursor);
    expect([...keys, ...rest.keys]).toContain('interaction:R');
  });

  it('technician: a linked record it does not work is not sent; one it works is', async () => {
    const database = suite.database();
    await write(database, interaction('R', { ...link, assignmentGroup: 'other' }));
    await write(
      database,
      interaction('R2', {
        relatedRecords: [{ kind: 'incident', id: 'I' }],
        assignmentGroup: 'g0',
      } as never),
    );
    await write(
      database,
      incident('I', {
        state: 'Closed',
        updatedAt: daysAgo(100),
        assignmentGroup: 'g0',
        relatedInteractions: [{ id: 'R' }, { id: 'R2' }],
      } as never),
    );
    const scope = { kind: 'worked' as const, userId: 'a0', groupIds: ['g0'], desk };
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const a = await pull(database.db, { clientId: 'desk-t', cursor }, 10, scope);
      cursor = a.cursor;
      if (!a.more) break;
    }
    await write(
      database,
      incident('I', {
        state: 'New',
        updatedAt: daysAgo(0),
        assignmentGroup: 'g0',
        relatedInteractions: [{ id: 'R' }, { id: 'R2' }],
      } as never),
    );
    const a = await pull(database.db, { clientId: 'desk-t', cursor }, 10, scope);
    expect(a.interactions.map((r) => r.id)).toEqual(['R2']);
  });
});
