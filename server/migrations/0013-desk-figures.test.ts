// Migration 0013 on a database at 0012 with a visit, a call, an incident and two interactions: the
// typed columns are filled from each record (an interaction's location from its visit, queue from its
// call), report_hourly holds the interactions per UTC hour; down undoes all of it.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo } from '../db/migrate';
import { describeMigration } from '../testing/test-databases';

const PREVIOUS = '0012-phone';
const THIS = '0013-desk-figures';

describeMigration(THIS, (database) => {
  it('fills the figures’ columns and report_hourly from the records, and goes down', async () => {
    const { db } = database();
    await migrateTo(db, PREVIOUS);
    const json = (value: unknown) => JSON.stringify(value);
    await sql`INSERT INTO visits (id, seq, number, state, location, opened_at, updated_at, version,
          change_xid, record)
        VALUES ('v-1', 1001, 'VIS0001001', 'Done', 'loc-hq', '2026-11-23T09:00Z', '2026-11-23T09:20Z',
          1, pg_current_xact_id(), ${json({
            checkedInAt: '2026-11-23T09:00:00.000Z',
            calledAt: null,
            startedAt: '2026-11-23T09:05:00.000Z',
            endedAt: '2026-11-23T09:20:00.000Z',
            servedBy: 'agent-1',
            survey: { rating: 4, comment: '', at: '2026-11-23T09:21:00.000Z' },
          })}::jsonb)`.execute(db);
    await sql`INSERT INTO calls (id, seq, number, integration, call_id, state, location, queue,
          opened_at, updated_at, version, change_xid, record)
        VALUES ('c-1', 1002, 'CAL0001001', 'int-1', 'abc', 'Ended', 'loc-b2', 'Network',
          '2026-11-23T09:30Z', '2026-11-23T09:40Z', 2, pg_current_xact_id(),
          ${json({ rangAt: '2026-11-23T09:30:00.000Z', direction: 'in' })}::jsonb)`.execute(db);
    await sql`INSERT INTO incidents (id, seq, number, state, caller, opened_at, updated_at,
          version, change_xid, record)
        VALUES ('inc-1', 1003, 'INC0001001', 'Resolved', 'user-1', '2026-11-23T08:00Z',
          '2026-11-23T10:00Z', 3, pg_current_xact_id(),
          ${json({ priority: 2, resolvedAt: '2026-11-23T10:00:00.000Z' })}::jsonb)`.execute(db);
    const interaction = (id: string, seq: number, record: Record<string, unknown>) => sql`
        INSERT INTO interactions (id, seq, number, state, opened_at, updated_at, version,
          change_xid, record)
        VALUES (${id}, ${seq}, ${`IMS000${seq}`}, ${record.state},
          ${record.openedAt}, ${record.openedAt}, ${seq},
          pg_current_xact_id(), ${json(record)}::jsonb)`;
    await interaction('i-1', 1004, {
      state: 'Closed Complete',
      type: 'Walk-in',
      openedAt: '2026-11-23T09:05:00.000Z',
      openedBy: 'agent-1',
      closedAt: '2026-11-23T09:20:00.000Z',
      handleTimeSeconds: 900,
      visit: 'v-1',
      call: null,
    }).execute(db);
    await interaction('i-2', 1005, {
      state: 'Work in Progress',
      type: 'Phone',
      openedAt: '2026-11-23T09:31:00.000Z',
      openedBy: 'agent-2',
      closedAt: null,
      handleTimeSeconds: null,
      call: 'c-1',
    }).execute(db);

    expect(await migrateTo(db, THIS)).toEqual([THIS]);
    const rows = async (query: ReturnType<typeof sql>) =>
      (await query.execute(db)).rows as Record<string, unknown>[];
    expect(
      await rows(sql`SELECT id, type, opened_by, closed_at::text IS NOT NULL AS closed,
          handle_time_seconds, visit_id, call_id, location, queue FROM interactions ORDER BY id`),
    ).toEqual([
      {
        id: 'i-1',
        type: 'Walk-in',
        opened_by: 'agent-1',
        closed: true,
        handle_time_seconds: 900,
        visit_id: 'v-1',
        call_id: null,
        location: 'loc-hq',
        queue: null,
      },
      {
        id: 'i-2',
        type: 'Phone',
        opened_by: 'agent-2',
        closed: false,
        handle_time_seconds: null,
        visit_id: null,
        call_id: 'c-1',
        location: 'loc-b2',
        queue: 'Network',
      },
    ]);
    expect(
      await rows(sql`SELECT served_by, survey_rating,
          extract(epoch from started_at - checked_in_at)::int AS wait FROM visits`),
    ).toEqual([{ served_by: 'agent-1', survey_rating: 4, wait: 300 }]);
    expect(await rows(sql`SELECT direction, rang_at = opened_at AS rang FROM calls`)).toEqual([
      { direction: 'in', rang: true },
    ]);
    expect(
      await rows(sql`SELECT priority, resolved_at = updated_at AS resolved FROM incidents`),
    ).toEqual([{ priority: 2, resolved: true }]);
    expect(
      await rows(sql`SELECT to_char(hour AT TIME ZONE 'UTC', 'HH24:MI') AS hour, location, queue,
          channel, agent, opened, handled, handle_seconds::int AS handle_seconds
          FROM report_hourly ORDER BY channel`),
    ).toEqual([
      {
        hour: '09:00',
        location: 'loc-b2',
        queue: 'Network',
        channel: 'Phone',
        agent: 'agent-2',
        opened: 1,
        handled: 0,
        handle_seconds: 0,
      },
      {
        hour: '09:00',
        location: 'loc-hq',
        queue: '',
        channel: 'Walk-in',
        agent: 'agent-1',
        opened: 1,
        handled: 1,
        handle_seconds: 900,
      },
    ]);

    expect(await migrateTo(db, PREVIOUS)).toEqual([THIS]);
    await expect(sql`SELECT 1 FROM report_hourly`.execute(db)).rejects.toThrow();
    await expect(sql`SELECT type FROM interactions`.execute(db)).rejects.toThrow();
    await expect(sql`SELECT rang_at FROM calls`.execute(db)).rejects.toThrow();
    expect(await rows(sql`SELECT count(*)::int AS n FROM interactions`)).toEqual([{ n: 2 }]);
    expect(await migrateTo(db, THIS)).toEqual([THIS]);
  });
});
