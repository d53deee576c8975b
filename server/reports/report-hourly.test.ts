// report_hourly stays what a recount of the interactions gives: after the stores' writes, after an
// interaction moves from open to closed, and through the real push path, where a walk-up's visit and
// its interaction arrive in one push and the interaction still gets the visit's location.

import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { at } from '../../shared/domain/testing/desk-records';
import type { PushResponse } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { upsertInteractions } from '../interactions/interaction-store';
import { DeskOutbox, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { mondayRecords, storeRecords } from './report-testing';

interface HourlyRow {
  hour: string;
  location: string;
  queue: string;
  channel: string;
  agent: string;
  opened: number;
  handled: number;
  handle_seconds: number;
}

const ROW = sql`to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24') AS hour, location, queue,
  channel, agent`;

/** The table as kept, without the keys whose counts went back to zero. */
const kept = async (db: Kysely<Database>): Promise<HourlyRow[]> =>
  (
    await sql<HourlyRow>`SELECT ${ROW}, opened, handled, handle_seconds::int AS handle_seconds
      FROM report_hourly WHERE opened <> 0 OR handled <> 0 OR handle_seconds <> 0
      ORDER BY 1, 2, 3, 4, 5`.execute(db)
  ).rows;

/** The table as a recount of the interactions gives it. */
const recounted = async (db: Kysely<Database>): Promise<HourlyRow[]> =>
  (
    await sql<HourlyRow>`SELECT ${ROW}, opened, handled, handle_seconds FROM (
      SELECT date_trunc('hour', opened_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour,
        COALESCE(location, '') AS location, COALESCE(queue, '') AS queue, type AS channel,
        COALESCE(opened_by, '') AS agent, count(*)::int AS opened,
        (count(*) FILTER (WHERE state IN ('Closed Complete', 'Closed Abandoned')
          AND handle_time_seconds IS NOT NULL))::int AS handled,
        COALESCE(sum(handle_time_seconds) FILTER (
          WHERE state IN ('Closed Complete', 'Closed Abandoned')), 0)::int AS handle_seconds
      FROM interactions GROUP BY 1, 2, 3, 4, 5) AS counted
      ORDER BY 1, 2, 3, 4, 5`.execute(db)
  ).rows;

describeOnDatabases('report_hourly', (suite) => {
  it('matches a recount after the stores write and after an interaction is closed', async () => {
    const { db } = suite.database();
    const records = mondayRecords();
    await storeRecords(db, records);
    expect(await kept(db)).toEqual(await recounted(db));
    expect(await kept(db)).toContainEqual({
      hour: '2026-11-23T09',
      location: 'loc-hq',
      queue: 'Service desk',
      channel: 'Phone',
      agent: 'agent-1',
      opened: 1,
      handled: 1,
      handle_seconds: 300,
    });

    // i5 (Email, opened 11:00 by agent-1) is closed with 4 minutes of handle time.
    const i5 = records.interactions.find((i) => i.id === 'i5');
    if (!i5) throw new Error('i5 is in the records');
    const email = (opened: number, handled: number, seconds: number): HourlyRow => ({
      hour: '2026-11-23T11',
      location: '',
      queue: '',
      channel: 'Email',
      agent: 'agent-1',
      opened,
      handled,
      handle_seconds: seconds,
    });
    expect(await kept(db)).toContainEqual(email(1, 0, 0));
    await db.transaction().execute((trx) =>
      upsertInteractions(trx, [
        {
          record: {
            ...i5,
            state: 'Closed Complete',
            closedAt: at(130),
            closedBy: 'agent-1',
            handleTimeSeconds: 240,
          },
          seq: 5005,
        },
      ]),
    );
    expect(await kept(db)).toContainEqual(email(1, 1, 240));
    // Reopened to Work in Progress (as a retried or refused write might leave it): counts go back.
    await db
      .transaction()
      .execute((trx) =>
        upsertInteractions(trx, [{ record: { ...i5, updatedAt: at(200) }, seq: 5005 }]),
      );
    expect(await kept(db)).toContainEqual(email(1, 0, 0));
    expect(await kept(db)).toEqual(await recounted(db));
  });

  it('is kept by the push path: a visit and its interaction in one push', async () => {
    const database = suite.database();
    await seedDirectory(database);
    const app = await testServer(database);
    try {
      const ana = await signIn(app, 'ana.agent');
      const desk = new DeskOutbox('desk-a', 'agent-1');
      const reply = await ana.post<PushResponse>(
        '/api/v1/sync/push',
        desk.push([
          desk.mutation(
            'visit.checkIn',
            {
              id: 'v-1',
              location: 'loc-hq',
              person: 'caller-1',
              guestName: '',
              displayName: 'Carla Caller',
              vip: false,
              reason: 'Laptop',
              reasonDetail: '',
              channel: 'agent',
            },
            '2026-11-23T10:00:00.000Z',
          ),
          desk.mutation(
            'visit.start',
            {
              id: 'v-1',
              interactionId: 'i-1',
              station: 'Counter 1',
              contactEmail: '',
              contactPhone: '',
            },
            '2026-11-23T10:03:00.000Z',
          ),
          desk.mutation(
            'interaction.close',
            { id: 'i-1', state: 'Closed Complete', visit: 'v-1' },
            '2026-11-23T10:10:00.000Z',
          ),
        ]),
      );
      expect(reply.status).toBe(200);
      const rows = await kept(database.db);
      expect(rows).toEqual(await recounted(database.db));
      expect(rows).toEqual([
        {
          hour: '2026-11-23T10',
          location: 'loc-hq',
          queue: '',
          channel: 'Walk-in',
          agent: 'agent-1',
          opened: 1,
          handled: 1,
          handle_seconds: 7 * 60,
        },
      ]);
    } finally {
      await app.close();
    }
  });
});
