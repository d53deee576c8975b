import { describe, expect, it } from 'vitest';
import { deskFigures, localClock } from '../domain/desk-figures';
import { Call } from '../domain/call';
import { Incident } from '../domain/incident';
import { Interaction } from '../domain/interaction';
import { Visit } from '../domain/visit';
import { generateDirectory } from './directory-generator';
import { generateHistory } from './history-generator';
import { DEMO_LOCATIONS, generateDemoVisits } from './walk-up-generator';

const directory = generateDirectory({ users: 600, seed: 1 });
// A Thursday afternoon.
const now = '2026-12-03T15:30:00.000Z';
const firstNumbers = { interaction: 1001, call: 1001, visit: 1025, incident: 1201 };
const history = generateHistory(directory, { seed: 7, now, days: 28, firstNumbers });

describe('generateHistory', () => {
  it('gives the same history for the same seed and clock, and another for another seed', () => {
    expect(generateHistory(directory, { seed: 7, now, days: 28, firstNumbers })).toEqual(history);
    const other = generateHistory(directory, { seed: 8, now, days: 28, firstNumbers });
    expect(other.interactions.map((i) => i.openedAt)).not.toEqual(
      history.interactions.map((i) => i.openedAt),
    );
  });

  it('makes records of the desk types, numbered in time order from the counters', () => {
    for (const i of history.interactions) Interaction.parse(i);
    for (const c of history.calls) Call.parse(c);
    for (const v of history.visits) Visit.parse(v);
    for (const i of history.incidents) Incident.parse(i);
    expect(history.interactions[0]?.number).toBe('IMS0001001');
    expect(history.calls[0]?.number).toBe('CAL0001001');
    expect(history.visits[0]?.number).toBe('VIS0001025');
    expect(history.incidents[0]?.number).toBe('INC0001201');
    const opened = history.interactions.map((i) => i.openedAt);
    expect([...opened].sort()).toEqual(opened);
    expect(new Set(history.interactions.map((i) => i.id)).size).toBe(history.interactions.length);
  });

  it('covers two weeks and today by default', () => {
    const clock = localClock('UTC');
    const recent = generateHistory(directory, { seed: 7, now, firstNumbers });
    const days = new Set(recent.interactions.map((i) => clock.day(i.openedAt)));
    expect(days.size).toBe(15);
    expect(days.has('2026-11-19')).toBe(true);
  });

  it('covers 28 days and today up to now, about 100–150 contacts a business day', () => {
    const clock = localClock('UTC');
    const days = new Set(history.interactions.map((i) => clock.day(i.openedAt)));
    expect(days.size).toBe(29);
    expect(days.has('2026-12-03')).toBe(true);
    expect(days.has('2026-11-05')).toBe(true);
    expect(history.interactions.every((i) => i.openedAt < now)).toBe(true);
    expect(history.interactions.every((i) => i.closedAt === null || i.closedAt < now)).toBe(true);
    // Wednesdays: ordinary business days.
    const wednesdays = ['2026-11-11', '2026-11-18', '2026-11-25', '2026-12-02'];
    for (const day of wednesdays) {
      const count = history.interactions.filter((i) => clock.day(i.openedAt) === day).length;
      expect(count).toBeGreaterThanOrEqual(90);
      expect(count).toBeLessThanOrEqual(150);
    }
  });

  it('has a phone majority, a quarter escalated, a few missed calls and a few still open today', () => {
    const total = history.interactions.length;
    const share = (type: Interaction['type']) =>
      history.interactions.filter((i) => i.type === type).length / total;
    expect(share('Phone')).toBeGreaterThan(0.5);
    expect(share('Phone')).toBeLessThan(0.65);
    expect(share('Walk-in')).toBeGreaterThan(0.1);
    expect(share('Email')).toBeGreaterThan(0.1);
    expect(share('Chat')).toBeGreaterThan(0.08);
    const created = history.interactions.filter((i) =>
      i.relatedRecords.some((r) => r.relation === 'created'),
    ).length;
    expect(created / total).toBeGreaterThan(0.2);
    expect(created / total).toBeLessThan(0.3);
    expect(history.incidents).toHaveLength(created);
    const missed = history.calls.filter((c) => c.state === 'Missed').length;
    expect(missed / history.calls.length).toBeGreaterThan(0.045);
    expect(missed / history.calls.length).toBeLessThan(0.085);
    const open = history.interactions.filter((i) => i.closedAt === null);
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(15);
    expect(open.every((i) => i.openedAt.startsWith('2026-12-03'))).toBe(true);
  });

  it('links each answered call, its interaction, each served visit and each incident both ways', () => {
    const byId = new Map(history.interactions.map((i) => [i.id, i]));
    for (const call of history.calls) {
      if (call.state === 'Missed') {
        expect(call.interaction).toBeNull();
        continue;
      }
      expect(byId.get(call.interaction ?? '')?.call).toBe(call.id);
    }
    for (const visit of history.visits.filter((v) => v.state === 'Done'))
      expect(byId.get(visit.interaction ?? '')?.visit).toBe(visit.id);
    for (const incident of history.incidents) {
      const from = byId.get(incident.relatedInteractions[0]?.id ?? '');
      expect(from?.relatedRecords[0]?.id).toBe(incident.id);
    }
  });

  it('peaks within business hours and is busiest on Mondays', () => {
    const figures = deskFigures(
      { ...history, incidents: history.incidents },
      { from: '2026-11-05T00:00:00Z', to: now, timeZone: 'UTC' },
      Date.parse(now),
    );
    const { byHour, byWeekday } = figures.volume;
    const busiest = byHour.indexOf(Math.max(...byHour));
    expect(busiest).toBeGreaterThanOrEqual(9);
    expect(busiest).toBeLessThanOrEqual(15);
    expect(byWeekday.indexOf(Math.max(...byWeekday))).toBe(0);
    expect((byWeekday[5] ?? 0) + (byWeekday[6] ?? 0)).toBeLessThan((byWeekday[0] ?? 0) / 4);
  });

  it('gives the figures of a real desk', () => {
    // With the walk-up generator's own visits of today, as the seed holds them.
    const visitsBefore = generateDemoVisits(directory, { now, firstNumber: 1001 })
      .map((v) => v.checkedInAt)
      .sort()[0];
    const records = generateHistory(directory, {
      seed: 7,
      now,
      days: 28,
      firstNumbers,
      ...(visitsBefore === undefined ? {} : { visitsBefore }),
    });
    expect(
      records.visits.every((v) => visitsBefore === undefined || v.checkedInAt < visitsBefore),
    ).toBe(true);
    const figures = deskFigures(
      records,
      { from: '2026-11-05T00:00:00Z', to: now, timeZone: 'UTC' },
      Date.parse(now),
    );
    const fcr = figures.firstContactResolution.share ?? 0;
    expect(fcr).toBeGreaterThan(0.55);
    expect(fcr).toBeLessThan(0.85);
    const phone = figures.handleTime.phone.median ?? 0;
    expect(phone).toBeGreaterThanOrEqual(3 * 60);
    expect(phone).toBeLessThanOrEqual(8 * 60);
    expect(figures.walkUpTimes.wait.median ?? Infinity).toBeLessThan(15 * 60);
    expect(figures.abandonment.calls.share ?? 1).toBeLessThan(0.1);
    expect(figures.abandonment.visits.share ?? 1).toBeLessThan(0.1);
    expect(figures.satisfaction.average ?? 0).toBeGreaterThan(3.8);
    expect(new Set(records.visits.map((v) => v.location))).toEqual(
      new Set(DEMO_LOCATIONS.map((l) => l.id)),
    );
  });
});
