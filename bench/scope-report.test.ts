import { describe, expect, it } from 'vitest';
import type { FreshDeskFigure, ScopeBenchResults, ScopeHistory } from './scope-types';
import { scopeFigureRows, scopeSection } from './scope-report.mjs';

const MB = 1024 * 1024;

const desk = (over: Partial<FreshDeskFigure> = {}): FreshDeskFigure => ({
  caughtUpMs: 6000,
  searchableMs: 6100,
  goToOnScreenMs: 300,
  timeoutMs: 480_000,
  serverPulls: { count: 90, ms: 2500 },
  attempts: { pull: { count: 1, ms: 5200 }, directory: { count: 2, ms: 400 } },
  storage: {
    usageBytes: 60 * MB,
    indexedDbBytes: 58 * MB,
    records: 40_000,
    ceilingBytes: 200 * MB,
    measuredAfterPull: true,
  },
  ...over,
});

const history = (interactions: number): ScopeHistory => ({
  interactions,
  incidents: interactions / 3,
  visits: interactions / 5,
  calls: interactions / 2,
  openInteractions: 0,
  openIncidents: 2000,
  recentInteractions: 17_000,
});

const results = (over: Partial<ScopeBenchResults> = {}): ScopeBenchResults => ({
  date: '2026-12-05T02:30:00.000Z',
  command: 'npm run bench -- --only scope',
  database: 'PostgreSQL 15 (throwaway cluster, shared_buffers 1GB)',
  agent: 'demo.agent',
  history: { ...history(1_000_000), loadSeconds: 150 },
  scoped: desk(),
  week: {
    interactions: 20_000,
    incidents: 5000,
    updates: 2000,
    caughtUpMs: 3000,
    lastChangeFoundMs: 3100,
    pendingChanges: 0,
    attempts: { pull: { count: 1, ms: 2900 } },
    serverPulls: { count: 50, ms: 900 },
  },
  baseline: {
    ...desk({ caughtUpMs: 120_000, searchableMs: 121_000 }),
    storage: {
      usageBytes: 400 * MB,
      indexedDbBytes: 390 * MB,
      records: 200_000,
      ceilingBytes: 20_000 * MB,
      measuredAfterPull: true,
    },
    history: history(100_000),
    recentDays: 3650,
  },
  loadAverage: { min: 2.1, max: 6.4 },
  wallSeconds: 540,
  ...over,
});

describe('the scope figures', () => {
  it('judge the fresh desk, its storage and the week offline against 10 s, 200 MB and 5 s', () => {
    const rows = scopeFigureRows(results());
    expect(rows.map((r) => [r.target, r.met])).toEqual([
      ['≤ 10,000 ms', true],
      ['≤ 200 MB', true],
      ['≤ 5,000 ms', true],
    ]);
    expect(rows[0]?.figure).toContain('1,000,000 interactions');
    // The slower of caught up and searchable is the figure; the full pull is the baseline.
    expect(rows[0]?.deskpad).toContain('6,100 ms');
    expect(rows[0]?.deskpad).toContain('40,000 records held');
    expect(rows[0]?.baseline).toContain('full pull of 100,000 interactions: 121,000 ms');
    expect(rows[0]?.ratio).toBe('19.8× faster than the full pull');
    expect(rows[1]?.deskpad).toBe('60.0 MB (IndexedDB 58.0 MB)');
    expect(rows[2]?.figure).toContain('20,000 new interactions');
  });

  it('fail each figure over its target, and a week with changes left waiting', () => {
    const rows = scopeFigureRows(
      results({
        scoped: desk({
          searchableMs: 10_500,
          storage: { ...desk().storage, usageBytes: 201 * MB },
        }),
        week: { ...results().week, pendingChanges: 1 },
      }),
    );
    expect(rows.map((r) => r.met)).toEqual([false, false, false]);
  });

  it('show a full pull that had not finished as a lower bound, with what it stored by then', () => {
    const r = results();
    const rows = scopeFigureRows(
      results({
        baseline: { ...r.baseline, caughtUpMs: null, searchableMs: null, timeoutMs: 240_000 },
      }),
    );
    expect(rows[0]?.met).toBe(true);
    expect(rows[0]?.baseline).toBe(
      "today's full pull of 100,000 interactions: not caught up after 240,000 ms (400.0 MB stored by then)",
    );
    expect(rows[0]?.ratio).toBe('over 39.3× faster than the full pull');
    expect(rows[1]?.baseline).toContain('when the bench stopped waiting');
  });

  it('say so when the browser gives no storage figure, rather than judge it', () => {
    const rows = scopeFigureRows(
      results({ scoped: desk({ storage: { ...desk().storage, usageBytes: null } }) }),
    );
    expect(rows[1]?.met).toBeNull();
    expect(rows[1]?.deskpad).toContain('not given by the browser');
  });

  it('write a README part that says how the histories and the full pull were made', () => {
    const section = scopeSection(results());
    expect(section.split('\n')[0]).toBe('### A desk holds what it needs: sync scopes (issue 15)');
    expect(section).toContain('npm run bench -- --only scope');
    expect(section).toContain('3650 days');
    expect(section).toContain('from 2.1 to 6.4');
    expect(section).not.toContain('had not measured again');
  });
});
