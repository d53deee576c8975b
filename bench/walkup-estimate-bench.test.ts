// Tests for the walk-up estimate's bench: the simulated day is the same for a seed and plays by the
// rules (nobody called before checking in, one person per counter, counters open), the snapshot
// hides the future, and the report's rows; the estimate beats ServiceNow's formula on it.

import { describe, expect, it } from 'vitest';
import * as queue from '../shared/domain/walk-up-queue';
import type { WalkUpEstimateResults } from './bench-types';
import { DAY, estimateFigures, simulateDay, snapshotAt } from './walkup-estimate-bench.mjs';
import { walkUpEstimateRows, walkUpEstimateSection } from './walkup-estimate-report.mjs';

describe('the simulated walk-up day', () => {
  const day = simulateDay(1);

  it('is the same day for the same seed, and another for another', () => {
    expect(simulateDay(1)).toEqual(day);
    expect(simulateDay(2).visits.length).not.toBe(day.visits.length);
  });

  it('calls everyone once, never before they checked in, at an open counter', () => {
    expect(day.visits.length).toBeGreaterThan(100);
    for (const v of day.visits) {
      expect(v.called).toBeGreaterThanOrEqual(v.checkedIn);
      expect(v.ended).toBeGreaterThan(v.called);
      const hours = DAY.stations[v.station] ?? [];
      expect(hours.some(([from, to]) => v.called >= from && v.called < to)).toBe(true);
    }
  });

  it('serves one person at a time at each counter', () => {
    const byStation = new Map<string, { called: number; ended: number }[]>();
    for (const v of day.visits) byStation.set(v.station, [...(byStation.get(v.station) ?? []), v]);
    for (const served of byStation.values()) {
      const inOrder = [...served].sort((a, b) => a.called - b.called);
      for (let i = 1; i < inOrder.length; i++)
        expect(inOrder[i]?.called).toBeGreaterThanOrEqual(inOrder[i - 1]?.ended ?? Infinity);
    }
  });

  it('shows a desk only what has happened by then; the one checking in is waiting', () => {
    const all = [...day.history, ...day.visits];
    const arriving = day.visits[40];
    if (!arriving) throw new Error('a short day');
    const known = snapshotAt(all, arriving.checkedIn, arriving.id);
    expect(known.find((v) => v.id === arriving.id)?.state).toBe('Waiting');
    expect(known.every((v) => v.calledAt === null || v.calledAt <= v.updatedAt)).toBe(true);
    expect(known.some((v) => v.state === 'Done')).toBe(true);
    expect(known.length).toBe(all.filter((v) => v.checkedIn <= arriving.checkedIn).length);
  });
});

describe('the estimate on simulated days', () => {
  it('errs less than ServiceNow’s formula, for every arrival an estimate', () => {
    const figures = estimateFigures(queue, { seed: 1, days: 2 });
    expect(figures.deskpad.estimated).toBe(figures.arrivals);
    expect(figures.deskpad.medianAbsMinutes).toBeLessThan(figures.serviceNow.medianAbsMinutes);
    expect(figures.perDay.map((d) => d.seed)).toEqual([1, 2]);
  });

  it('reports both side by side, with how the days were drawn', () => {
    const figures = estimateFigures(queue, { seed: 1, days: 1 });
    const results: WalkUpEstimateResults = {
      date: '2026-12-04T06:00:00.000Z',
      command: 'npm run bench -- --only walkup-estimate',
      seed: 1,
      ...figures,
      wallSeconds: 1.5,
    };
    const rows = walkUpEstimateRows(results);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.baseline).toContain('ServiceNow');
    const section = walkUpEstimateSection(results);
    expect(section).toContain('### Walk-up wait estimate (issue 12)');
    expect(section.replace(/\s+/g, ' ')).toContain('a fixed seed (seed 1)');
  });
});
