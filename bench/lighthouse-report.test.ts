import { describe, expect, it } from 'vitest';
import type { LighthouseResults, LighthouseRun } from './bench-types';
import { lighthouseFigureRows, lighthouseSection } from './lighthouse-report.mjs';

const run = (over: Partial<LighthouseRun> = {}): LighthouseRun => ({
  performance: 95,
  accessibility: 100,
  bestPractices: 100,
  seo: 69,
  fcpMs: 1800,
  lcpMs: 1900,
  tbtMs: 120,
  speedIndexMs: 1800,
  cls: 0,
  transferBytes: 133_000,
  scriptBytes: 124_000,
  requests: 12,
  faults: ['seo: is-crawlable'],
  ...over,
});

const results = (over: Partial<LighthouseResults> = {}): LighthouseResults => ({
  command: 'npm run bench -- --only lighthouse',
  date: '2026-12-04T17:30:00.000Z',
  lighthouseVersion: '12.8.2',
  chromium: 'Chrome/150.0.7871.100',
  runs: 3,
  signIn: run(),
  workspace: run({ performance: 84, tbtMs: 380 }),
  loadAverage: 2.5,
  wallSeconds: 120,
  ...over,
});

describe('the Lighthouse figures', () => {
  it('judge each page against performance ≥ 90, accessibility and best practices 100', () => {
    const rows = lighthouseFigureRows(results());
    expect(rows.map((r) => [r.figure, r.met])).toEqual([
      ['Lighthouse mobile, Sign in (fresh desk): performance', true],
      ['Lighthouse mobile, Sign in (fresh desk): accessibility / best practices', true],
      ['Lighthouse mobile, workspace (signed in): performance', false],
      ['Lighthouse mobile, workspace (signed in): accessibility / best practices', true],
    ]);
  });

  it('say the key metrics and what did not pass', () => {
    const [performance, audits] = lighthouseFigureRows(results());
    expect(performance?.deskpad).toBe(
      '95: FCP 1,800 ms, LCP 1,900 ms, TBT 120 ms, CLS 0.000, Speed Index 1,800 ms; 130 KiB transferred (scripts 121 KiB) in 12 requests',
    );
    expect(audits?.deskpad).toBe('100 / 100 (SEO 69); not passed: seo: is-crawlable');
  });

  it('count an accessibility score below 100 as not met', () => {
    const rows = lighthouseFigureRows(results({ signIn: run({ accessibility: 96 }) }));
    expect(rows[1]?.met).toBe(false);
  });

  it('write a README part that says how it was measured', () => {
    const section = lighthouseSection(results());
    expect(section).toContain('### Slow links: Lighthouse (issue 15)');
    expect(section).toContain('Lighthouse 12.8.2');
    expect(section).toContain('median of 3 runs');
  });
});
