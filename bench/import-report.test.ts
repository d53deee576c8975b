// Issue 11's import figures judge what the issue asks: 100,000 users committed within 10 s and
// found on a desk within 15 s of the import's start, 1,000,000 rows under 300 MB on PostgreSQL.

import { describe, expect, it } from 'vitest';
import type { ImportBenchResults, ImportRun, LdapBenchResults } from './bench-types';
import { importFigureRows, organizationSection } from './import-report.mjs';

const run = (
  database: string,
  rows: number,
  committedMs: number,
  peakRssMiB: number,
): ImportRun => ({
  database,
  rows,
  bytes: rows * 110,
  uploadMs: 300,
  checkMs: 2000,
  committedMs,
  rowsPerSecond: Math.round(rows / (committedMs / 1000)),
  counts: { created: rows, updated: 0, unchanged: 0, deactivated: 0 },
  rssBeforeMiB: 110,
  rssMaxSampledMiB: peakRssMiB,
  peakRssMiB,
  loadAverage: { atStart: 1.5, max: 2.5 },
});

const results = (foundOnDeskMs: number | null): ImportBenchResults => ({
  command: 'npm run bench -- --only import',
  date: '2026-12-04T06:00:00.000Z',
  users: run('PGlite', 100_000, 9_000, 900),
  usersPostgres: run('PostgreSQL', 100_000, 11_000, 200),
  foundOnDeskMs,
  big: run('PostgreSQL', 1_000_000, 90_000, 270),
  bigPglite: run('PGlite', 1_000_000, 120_000, 620),
  loadAverage: 2,
});

const ldap: LdapBenchResults = {
  date: '2026-12-04T06:00:00.000Z',
  command: 'npm run bench -- --only ldap',
  database: 'PGlite',
  users: 10_000,
  groups: 8,
  changes: 10,
  loadAverage: { min: 1, max: 2 },
  first: {
    serverMs: 8000,
    wallMs: 8100,
    entriesRead: 20_000,
    usersWritten: 10_000,
    deactivated: 0,
  },
  incremental: { serverMs: 500, wallMs: 510, entriesRead: 10_000, usersWritten: 6, deactivated: 2 },
  wallSeconds: 30,
};

describe('importFigureRows', () => {
  it('judges each figure against its target, the memory on PostgreSQL in MB', () => {
    const rows = importFigureRows(results(12_000));
    expect(rows.map((r) => r.met)).toEqual([true, false, true, true, null]);
    expect(rows[3]?.deskpad).toMatch(/^283 MB peak/);
    expect(rows[3]?.baseline).toBe('on PGlite: 650 MB');
  });

  it('says so when the desk never found the caller', () => {
    const found = importFigureRows(results(null))[2];
    expect(found?.met).toBe(false);
    expect(found?.deskpad).toBe('not found within 120 s');
  });
});

describe('organizationSection', () => {
  it('puts the LDAP and import figures under one heading, with how they were taken', () => {
    const section = organizationSection(results(12_000), ldap);
    expect(section).toMatch(/^### Bring your own organization \(issue 11\)/);
    expect(section).toContain('LDAP first sync of 10,000 users');
    expect(section).toContain('1,000,000 rows');
    expect(section).toContain('PostgreSQL path');
  });

  it('leaves out what a run did not measure', () => {
    const section = organizationSection(undefined, ldap);
    expect(section).toContain('LDAP first sync');
    expect(section).not.toContain('CSV import');
  });
});
