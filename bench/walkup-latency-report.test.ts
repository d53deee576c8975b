import { describe, expect, it } from 'vitest';
import type { WalkupLatencyResults } from './bench-types';
import { walkupLatencyFigureRows, walkupLatencySection } from './walkup-latency-report.mjs';

const spread = (p50: number, p95: number) => ({ count: 40, p50, p95, max: p95 + 10 });

const results = (over: Partial<WalkupLatencyResults> = {}): WalkupLatencyResults => ({
  command: 'npm run bench -- --only walkup-latency',
  desks: 20,
  checkIns: 40,
  spacingMs: 1000,
  checkInPath: 'kiosk',
  checkIn: spread(20, 40),
  loadAverage: 1.5,
  lobby: spread(60, 120),
  lobbyAfterAnswer: spread(30, 80),
  desk: spread(90, 200),
  everyDesk: spread(150, 480),
  everyDeskAfterAnswer: spread(120, 440),
  missing: 0,
  wallSeconds: 95,
  ...over,
});

describe('the walk-up latency figures', () => {
  it('judge the board and every desk against p95 ≤ 500 ms', () => {
    const rows = walkupLatencyFigureRows(results());
    expect(rows.map((r) => [r.met, r.target])).toEqual([
      [true, 'p95 ≤ 500 ms'],
      [true, 'p95 ≤ 500 ms'],
    ]);
    expect(rows[1]?.figure).toContain('last of 20 desks');
  });

  it('never count a run where some arrivals never came as met', () => {
    const rows = walkupLatencyFigureRows(results({ missing: 3 }));
    expect(rows.every((r) => !r.met)).toBe(true);
    expect(rows[0]?.deskpad).toContain('3 never arrived');
  });

  it('say how the check-ins were made and how busy the machine was', () => {
    const text = walkupLatencySection(results({ checkInPath: 'push', loadAverage: 12.3 }));
    expect(text).toContain('### Walk-up check-in to lobby board and desks (issue 12)');
    expect(text).toContain('`visit.checkIn` pushed by a desk');
    expect(text).toContain('12.3');
  });
});
