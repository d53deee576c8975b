// Migration 0014 on a database at 0013 with an incident reopened twice and three interactions (one
// that made a record, one associated with the incident, one with neither): the new columns are
// filled from each record, the covering indexes replace 0013's, and down undoes all of it.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

const PREVIOUS = '0013-desk-figures';
const THIS = '0014-figure-indexes';

const link = (kind: string, id: string, relation: string) => ({
  kind,
  id,
  number: id.toUpperCase(),
  relation,
  at: '2026-11-23T09:10:00.000Z',
  by: 'agent-1',
});

describeMigration(THIS, (database) => {
  it('fills made_record, linked_incidents and reopened_at, indexes the dates, and goes down', async () => {
    const { db } = database();
    await migrateTo(db, PREVIOUS);
    const json = (value: unknown) => JSON.stringify(value);
    await sql`INSERT INTO incidents (id, seq, number, state, caller, opened_at, updated_at,
          version, change_xid, record)
        VALUES ('inc-1', 1001, 'INC0001001', 'In Progress', 'user-1', '2026-11-23T08:00Z',
          '2026-11-25T10:00Z', 1, pg_current_xact_id(), ${json({
            relatedInteractions: [{ id: 'i-linked' }],
            workNotes: [
              { text: 'Reopened: still broken', at: '2026-11-24T10:00:00.000Z' },
              { text: 'Called the user back', at: '2026-11-24T11:00:00.000Z' },
              { text: 'Reopened: again', at: '2026-11-25T10:00:00.000Z' },
            ],
          })}::jsonb),
        ('inc-2', 1002, 'INC0001002', 'New', 'user-1', '2026-11-23T08:00Z',
          '2026-11-23T08:00Z', 2, pg_current_xact_id(), ${json({ workNotes: [] })}::jsonb)`.execute(
      db,
    );
    const interaction = (id: string, seq: number, relatedRecords: unknown[] | undefined) => sql`
        INSERT INTO interactions (id, seq, number, state, opened_at, updated_at, version,
          change_xid, record)
        VALUES (${id}, ${seq}, ${`IMS000${seq}`}, 'Closed Complete', '2026-11-23T09:00Z',
          '2026-11-23T09:00Z', ${seq}, pg_current_xact_id(),
          ${json(relatedRecords === undefined ? {} : { relatedRecords })}::jsonb)`;
    await interaction('i-made', 1003, [
      link('request', 'req-1', 'created'),
      link('incident', 'inc-2', 'associated'),
    ]).execute(db);
    await interaction('i-linked', 1004, [link('incident', 'inc-1', 'associated')]).execute(db);
    await interaction('i-none', 1005, []).execute(db);
    await interaction('i-old', 1006, undefined).execute(db);

    expect(await migrateTo(db, THIS)).toEqual([THIS]);
    const rows = async (query: ReturnType<typeof sql>) =>
      (await query.execute(db)).rows as Record<string, unknown>[];
    expect(
      await rows(sql`SELECT id, made_record, linked_incidents FROM interactions ORDER BY id`),
    ).toEqual([
      { id: 'i-linked', made_record: false, linked_incidents: ['inc-1'] },
      { id: 'i-made', made_record: true, linked_incidents: ['inc-2'] },
      { id: 'i-none', made_record: false, linked_incidents: null },
      { id: 'i-old', made_record: false, linked_incidents: null },
    ]);
    expect(
      await rows(sql`SELECT id, ARRAY(SELECT to_char(t AT TIME ZONE 'UTC', 'MM-DD HH24')
            FROM unnest(reopened_at) AS t) AS reopens, reopened_at IS NULL AS none,
            related_interactions FROM incidents ORDER BY id`),
    ).toEqual([
      {
        id: 'inc-1',
        reopens: ['11-24 10', '11-25 10'],
        none: false,
        related_interactions: ['i-linked'],
      },
      { id: 'inc-2', reopens: [], none: true, related_interactions: null },
    ]);
    const indexes = async () =>
      (
        await rows(sql`SELECT indexname FROM pg_indexes
            WHERE indexname LIKE '%figures_idx' OR indexname IN ('visits_checked_in_at_idx',
              'calls_rang_at_idx', 'interactions_open_idx')
            ORDER BY indexname`)
      ).map((r) => r.indexname);
    expect(await indexes()).toEqual([
      'calls_figures_idx',
      'incidents_figures_idx',
      'interactions_figures_idx',
      'interactions_open_idx',
      'visits_figures_idx',
    ]);

    expect(await migrateTo(db, PREVIOUS)).toEqual([THIS]);
    await expect(sql`SELECT made_record FROM interactions`.execute(db)).rejects.toThrow();
    await expect(sql`SELECT reopened_at FROM incidents`.execute(db)).rejects.toThrow();
    expect(await indexes()).toEqual(['calls_rang_at_idx', 'visits_checked_in_at_idx']);
    expect(await migrateTo(db, THIS)).toEqual([THIS]);
  });
});
