import { describe, expect, it } from 'vitest';
import type { PhoneBenchResults } from './bench-types';
import { droppedEvents, phoneFigureRows, phoneSection } from './phone-report.mjs';

const spread = (p50: number, p95: number, count = 40) => ({ count, p50, p95, max: p95 + 10 });

const burst = (over: Partial<PhoneBenchResults['burst']> = {}): PhoneBenchResults['burst'] => ({
  rate: 100,
  seconds: 10,
  ringMs: 1000,
  talkMs: 2000,
  calls: 1000,
  events: 3000,
  announcedPerSecond: 99.6,
  sendSeconds: 13.2,
  request: spread(4, 30, 3000),
  non2xx: 0,
  wrongState: 0,
  eventsLogged: 3000,
  desksCaughtUpMs: 850,
  desksBehind: 0,
  deskPullErrors: 0,
  ...over,
});

const results = (over: Partial<PhoneBenchResults> = {}): PhoneBenchResults => ({
  date: '2026-12-04T10:30:00.000Z',
  command: 'npm run bench -- --only phone',
  database: 'PostgreSQL 15 (throwaway cluster)',
  desks: 50,
  calls: 40,
  spacingMs: 500,
  loadAverage: { min: 1.2, max: 3.4 },
  healthRoundTrip: spread(1, 3, 50),
  newCallRequest: spread(8, 20),
  newCallEveryDesk: spread(60, 180),
  newCallEveryDeskAfterAnswer: spread(50, 160),
  answerAgentDesk: spread(30, 90),
  missing: 0,
  burst: burst(),
  wallSeconds: 120,
  ...over,
});

describe('the phone figures', () => {
  it('judge newCall on every desk and answer on the agent’s desk against p95 ≤ 300 ms', () => {
    const rows = phoneFigureRows(results({ answerAgentDesk: spread(100, 320) }));
    expect(rows.map((r) => [r.target, r.met])).toEqual([
      ['p95 ≤ 300 ms', true],
      ['p95 ≤ 300 ms', false],
      ['0 dropped events', true],
    ]);
    expect(rows[0]?.figure).toContain('last of 50 agents');
    expect(rows[1]?.figure).toContain('the data alone');
    expect(rows[0]?.ratio).toBe('0.60 of the target');
  });

  it('judge the form prefilled in the browser too, when it was measured', () => {
    const rows = phoneFigureRows(results({ answerFormPrefilled: spread(120, 280) }));
    expect(rows.map((r) => [r.figure.slice(0, 40), r.met])).toEqual([
      ['Phone: newCall → the call in the last of', true],
      ['Phone: answer → the form prefilled on th', true],
      ['Phone: answer → the answered call in the', true],
      ['Phone: 100 calls a second for 10 s (1,00', true],
    ]);
    expect(rows[1]?.deskpad).toContain('p95 280 ms');
  });

  it('never count a run where an arrival never came as met', () => {
    const rows = phoneFigureRows(results({ missing: 2 }));
    expect(rows.slice(0, 2).every((r) => r.met === false)).toBe(true);
    expect(rows[0]?.deskpad).toContain('2 arrivals never came');
  });

  it('count every kind of dropped event, and desks that never caught up, against the burst', () => {
    expect(droppedEvents(burst({ non2xx: 1, wrongState: 2, eventsLogged: 2996 }))).toBe(7);
    const [, , dropped] = phoneFigureRows(results({ burst: burst({ wrongState: 1 }) }));
    expect(dropped?.met).toBe(false);
    expect(dropped?.deskpad).toContain('1 dropped (0 not 2xx, 1 calls not ended as announced');
    // How fast the server really took them, beside what was offered.
    expect(dropped?.deskpad).toContain(
      'the server answered 227 events/s (3,000 in 13.2 s; 100 calls/s offered)',
    );
    const [, , behind] = phoneFigureRows(
      results({ burst: burst({ desksCaughtUpMs: null, desksBehind: 12 }) }),
    );
    expect([behind?.met, behind?.deskpad]).toEqual([
      false,
      expect.stringContaining('12 desk copies still behind'),
    ]);
  });

  it('say where it ran, what the baseline was and how busy the machine was', () => {
    const text = phoneSection(results());
    expect(text).toContain('### The phone desk: calls over the generic CTI endpoint (issue 13)');
    expect(text).toContain('PostgreSQL 15');
    expect(text).toContain('health endpoint');
    expect(text).toContain('3.4');
  });
});
