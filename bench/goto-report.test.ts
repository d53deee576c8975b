// The Go to anything figure's rows and README part: judged against p95 ≤ 30 ms, with what the desk held.

import { describe, expect, it } from 'vitest';
import type { GoToResults } from './bench-types';
import { goToFigureRows, goToSection } from './goto-report.mjs';

const spread = (p50: number, p95: number) => ({ count: 250, p50, p95, max: p95 + 10 });

const results = (over: Partial<GoToResults> = {}): GoToResults => ({
  command: 'npm run bench -- --only goto',
  date: '2026-12-04T17:40:00.000Z',
  records: 60_000,
  interactions: 20_000,
  incidents: 20_000,
  requests: 20_000,
  seedSeconds: 29,
  texts: 60,
  found: 60,
  keystrokes: spread(15, 27),
  number: spread(13, 30),
  caller: spread(14, 22),
  words: spread(16, 29),
  withoutInputDeferral: spread(11, 21),
  loadAverage: 2.5,
  wallSeconds: 92,
  ...over,
});

describe('the Go to anything figure', () => {
  it('judges every keystroke, and the desktop app’s way, against p95 ≤ 30 ms', () => {
    const rows = goToFigureRows(results());
    expect(rows.map((r) => r.met)).toEqual([true, null, null, null, true]);
    expect(rows[0]?.figure).toContain('60,000 records');
    const slow = goToFigureRows(results({ keystrokes: spread(20, 31) }));
    expect(slow[0]?.met).toBe(false);
  });

  it('judges the knowledge suggestions against the same p95 ≤ 30 ms when they were measured', () => {
    const knowledge = { articles: 5000, articleText: 'my printer', knowledge: spread(12, 24) };
    const rows = goToFigureRows(results(knowledge));
    expect(rows).toHaveLength(6);
    expect(rows[5]?.figure).toContain('5,000 published articles');
    expect(rows[5]?.met).toBe(true);
    expect(goToFigureRows(results({ ...knowledge, knowledge: spread(20, 31) }))[5]?.met).toBe(
      false,
    );
    expect(goToSection(results(knowledge))).toContain('`knowledge:keystroke-to-render`');
  });

  it('says how the desk was seeded and typed in the README part', () => {
    const text = goToSection(results());
    expect(text).toContain('### Go to anything (issue 16)');
    expect(text).toContain('20,000');
    expect(text).toContain('`goto:keystroke-to-render`');
  });
});
