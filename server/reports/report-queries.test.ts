// The desk figures in SQL on small hand-built data sets, on PGlite and PostgreSQL: each answer is
// worked out here by hand AND equals deskFigures (shared/domain) over the same records, so the
// server and the desk agree. Filters, a DST night, a half-hour zone, empty ranges.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  deskFigures,
  type DeskFigures,
  type DeskRecords,
  type FigureFilter,
} from '../../shared/domain/desk-figures';
import { closed } from '../../shared/domain/testing/desk-records';
import { describeOnDatabases } from '../testing/test-databases';
import { deskFiguresInSql, volumeFigure } from './report-queries';
import { MONDAY, mondayRecords, NOW, storeRecords } from './report-testing';

const hours = (counts: Record<number, number>): number[] =>
  Array.from({ length: 24 }, (_, h) => counts[h] ?? 0);
const weekdays = (counts: Record<number, number>): number[] =>
  Array.from({ length: 7 }, (_, d) => counts[d] ?? 0);

describeOnDatabases('the desk figures in SQL', (suite) => {
  /** The server's figures, after checking they are the desk's for the same records. */
  async function figures(
    records: DeskRecords,
    filter: Partial<FigureFilter> = {},
    now = NOW,
  ): Promise<DeskFigures> {
    const f: FigureFilter = { ...MONDAY, ...filter };
    const server = await deskFiguresInSql(suite.database().db, f, now);
    expect(server).toEqual(deskFigures(records, f, Date.parse(now)));
    return server;
  }

  it('answers every figure of the hand-worked Monday, as the desk does', async () => {
    const records = mondayRecords();
    await storeRecords(suite.database().db, records);
    const all = await figures(records);
    expect(all.volume).toEqual({
      byChannel: { Chat: 1, Email: 1, Phone: 2, 'Walk-in': 3, 'Self-service': 0 },
      byHour: hours({ 9: 4, 10: 1, 11: 1, 12: 1 }),
      byWeekday: weekdays({ 0: 7 }),
      total: 7,
    });
    // i1, i6, i8 resolved; i2's incident reopened 3 minutes after its close; i3 made a request.
    expect(all.firstContactResolution).toEqual({ resolved: 3, eligible: 5, share: 0.6 });
    expect(all.handleTime).toEqual({
      phone: { count: 2, median: 210, p90: 300 },
      walkIn: { count: 3, median: 900, p90: 1800 },
      all: { count: 5, median: 600, p90: 1800 },
    });
    expect(all.walkUpTimes).toEqual({
      wait: { count: 3, median: 420, p90: 1200 },
      service: { count: 3, median: 720, p90: 1860 },
    });
    expect(all.abandonment).toEqual({
      calls: { missed: 2, total: 4, share: 0.5 },
      visits: { left: 1, noShow: 1, total: 5, share: 0.4 },
    });
    // i5 (resolved 23 h ago) and i9 (resolved exactly 3 days ago); i7 is closed.
    expect(all.callbacks).toEqual({
      due: 2,
      overdue: 1,
      ages: { 'under 4 h': 0, '4–24 h': 1, '1–3 days': 0, 'over 3 days': 1 },
    });
    expect(all.openIncidents).toEqual({
      total: 3,
      byPriority: { 1: 1, 2: 1, 3: 0, 4: 1 },
      ageBuckets: { 'under 1 day': 1, '1–3 days': 0, '3–7 days': 1, 'over 7 days': 1 },
    });
    expect(all.satisfaction).toEqual({
      responses: 3,
      average: 4,
      distribution: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 },
    });
  });

  it('filters by location, queue, channel and agent as the desk does', async () => {
    const records = mondayRecords();
    await storeRecords(suite.database().db, records);

    // loc-b2: i8 (its visit v6's location), visits v4 and v6, no calls.
    const b2 = await figures(records, { location: 'loc-b2' });
    expect(b2.volume.total).toBe(1);
    expect(b2.walkUpTimes.wait).toEqual({ count: 1, median: 120, p90: 120 });
    expect(b2.abandonment).toEqual({
      calls: { missed: 0, total: 0, share: null },
      visits: { left: 0, noShow: 1, total: 2, share: 0.5 },
    });
    expect(b2.satisfaction.average).toBe(4);
    expect(b2.openIncidents.total).toBe(0);

    // Network: i4 (its call c4's queue), calls c3 (missed) and c4; no visits.
    const network = await figures(records, { queue: 'Network' });
    expect(network.volume.byChannel.Phone).toBe(1);
    expect(network.abandonment.calls).toEqual({ missed: 1, total: 2, share: 0.5 });
    expect(network.abandonment.visits.total).toBe(0);
    expect(network.satisfaction.responses).toBe(0);

    const walkIns = await figures(records, { channel: 'Walk-in' });
    expect(walkIns.volume.total).toBe(3);
    expect(walkIns.abandonment.calls.total).toBe(0);
    expect(walkIns.abandonment.visits.total).toBe(5);
    expect(walkIns.handleTime.phone.count).toBe(0);

    // agent-2 opened i3, i4 and i6 and i9 (a callback); assigned no open incident.
    const agent2 = await figures(records, { agent: 'agent-2' });
    expect(agent2.volume.total).toBe(3);
    expect(agent2.firstContactResolution).toEqual({ resolved: 1, eligible: 2, share: 0.5 });
    expect(agent2.callbacks.due).toBe(1);
    expect(agent2.openIncidents.total).toBe(0);
    expect(agent2.walkUpTimes.wait).toEqual({ count: 1, median: 1200, p90: 1200 });

    await figures(records, { agent: 'tech-1' });
    await figures(records, { location: 'loc-hq', channel: 'Phone', agent: 'agent-1' });
  });

  it('answers empty ranges with zeros and nulls, never NaN', async () => {
    const records = mondayRecords();
    await storeRecords(suite.database().db, records);
    const empty = await figures(records, {
      from: '2026-06-01T00:00:00Z',
      to: '2026-06-02T00:00:00Z',
    });
    expect(empty.volume.total).toBe(0);
    expect(empty.firstContactResolution).toEqual({ resolved: 0, eligible: 0, share: null });
    expect(empty.handleTime.all).toEqual({ count: 0, median: null, p90: null });
    expect(empty.satisfaction).toEqual({
      responses: 0,
      average: null,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
    });
    // Callbacks and open incidents are "now", not dated.
    expect(empty.callbacks.due).toBe(2);
  });

  it('reads hours and weekdays in the time zone, across the night summer time ends', async () => {
    // New York, Sunday 1 November 2026: 06:00 UTC is 02:00 EDT turning back into 01:00 EST.
    const records: DeskRecords = {
      interactions: [
        closed('n1', 0, 60, { openedAt: '2026-11-01T05:30:00.000Z' }), // 01:30 EDT
        closed('n2', 0, 60, { openedAt: '2026-11-01T06:30:00.000Z' }), // 01:30 EST
        closed('n3', 0, 60, { openedAt: '2026-11-01T07:30:00.000Z' }), // 02:30 EST
        closed('n4', 0, 60, { openedAt: '2026-11-01T04:10:00.000Z' }), // 00:10 EDT
        closed('n5', 0, 60, { openedAt: '2026-11-01T04:40:00.000Z' }), // 00:40 EDT
      ],
      visits: [],
      calls: [],
      incidents: [],
    };
    await storeRecords(suite.database().db, records);
    const night = { from: '2026-11-01T04:00:00Z', to: '2026-11-01T08:00:00Z' };
    const newYork = await figures(records, { ...night, timeZone: 'America/New_York' });
    expect(newYork.volume.byHour).toEqual(hours({ 0: 2, 1: 2, 2: 1 }));
    expect(newYork.volume.byWeekday).toEqual(weekdays({ 6: 5 }));
    // Kolkata is UTC+05:30: 04:10 and 04:40 UTC fall in two local hours (09:40 and 10:10), so
    // the UTC hours rolled up cannot answer and the interactions are read themselves.
    const kolkata = await figures(records, { ...night, timeZone: 'Asia/Kolkata' });
    expect(kolkata.volume.byHour).toEqual(hours({ 9: 1, 10: 1, 11: 1, 12: 1, 13: 1 }));
    // A range that is not whole hours reads the interactions too.
    const part = await figures(records, { from: '2026-11-01T04:20:00Z', to: night.to });
    expect(part.volume.total).toBe(4);

    // Which one answered: with report_hourly's counts made wrong on purpose, New York's whole
    // hours read them, while Kolkata and the part-hour range count the interactions themselves.
    const { db } = suite.database();
    await sql`UPDATE report_hourly SET opened = opened + 100`.execute(db);
    const volume = (filter: Partial<FigureFilter>) =>
      volumeFigure(db, { ...MONDAY, ...night, ...filter }).then((v) => v.total);
    expect(await volume({ timeZone: 'America/New_York' })).toBe(5 + 4 * 100);
    expect(await volume({ timeZone: 'Asia/Kolkata' })).toBe(5);
    expect(await volume({ from: '2026-11-01T04:20:00Z' })).toBe(4);
  });
});
