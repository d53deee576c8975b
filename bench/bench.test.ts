// The benchmark's arithmetic and its README section, without a browser: percentiles, ratios, the
// targets' judgement, and rewriting only the text between the bench markers (`npm run bench` runs it).

import { describe, expect, it } from 'vitest';
import type {
  DeskLoadResult,
  EscalationBenchResults,
  KeyboardEscalationFigure,
  Spread,
  SyncBenchResults,
} from './bench-types';
import {
  README_END,
  README_START,
  compare,
  chromiumVersion,
  describeKeys,
  escalationFigureRows,
  escalationSection,
  formatMs,
  keyboardFigure,
  percentileOf,
  replaceReadmeSection,
  spreadOf,
  syncFigureRows,
  syncSection,
  throughputRatio,
  wrap,
} from './report.mjs';

describe('spreadOf', () => {
  it('takes p50, p95 and max from the sorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(spreadOf(samples)).toEqual({ count: 100, p50: 51, p95: 96, max: 100 });
  });

  it('answers zeros for no samples rather than failing', () => {
    expect(spreadOf([])).toEqual({ count: 0, p50: 0, p95: 0, max: 0 });
  });
});

describe('compare', () => {
  it('says how many times faster or slower Deskpad is than the baseline', () => {
    expect(compare(9180, 569)).toBe('16× faster');
    expect(compare(2.8, 12.4)).toBe('4.4× slower');
    expect(compare(0, 1)).toBe('—');
  });
});

describe('formatMs', () => {
  it('keeps sub-millisecond timings readable and large ones grouped', () => {
    expect(formatMs(0.0421)).toBe('0.042 ms');
    expect(formatMs(0.85)).toBe('0.85 ms');
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatMs(9180.4)).toBe('9,180 ms');
  });
});

describe('chromiumVersion', () => {
  it('reads the version from the DevTools product string', () => {
    expect(chromiumVersion('HeadlessChrome/156.0.8078.79')).toBe('Chromium 156.0.8078.79');
  });
});

describe('replaceReadmeSection', () => {
  const section = `${README_START}\nnew figures\n${README_END}`;

  it('replaces only the text between the markers', () => {
    const readme = `# Deskpad\n\nIntro.\n\n${README_START}\nold figures\n${README_END}\n\n## After\n`;
    expect(replaceReadmeSection(readme, section)).toBe(
      `# Deskpad\n\nIntro.\n\n${section}\n\n## After\n`,
    );
  });

  it('appends the section when the README has no markers yet', () => {
    expect(replaceReadmeSection('# Deskpad\n', section)).toBe(`# Deskpad\n\n${section}\n`);
    expect(replaceReadmeSection('', section)).toBe(`${section}\n`);
  });
});

describe('wrap', () => {
  it('breaks lines between words, never inside one', () => {
    expect(wrap('one two three four', 9)).toBe('one two\nthree\nfour');
  });
});

describe('percentileOf', () => {
  it('takes one percentile by the same rule as spreadOf', () => {
    const samples = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentileOf(samples, 0.99)).toBe(199);
    expect(percentileOf(samples, 0.5)).toBe(spreadOf(samples).p50);
    expect(percentileOf([], 0.99)).toBe(0);
  });
});

describe('throughputRatio', () => {
  it('says how many times the baseline’s throughput Deskpad reached', () => {
    expect(throughputRatio(269, 375)).toBe('1.4× the baseline');
    expect(throughputRatio(10, 250)).toBe('25× the baseline');
    expect(throughputRatio(0, 5)).toBe('—');
  });
});

const spread = (p50: number, max = p50): Spread => ({ count: 3, p50, p95: max, max });

function syncResults(overrides: {
  searchable?: number;
  naiveTotal?: number;
  longTasks?: number[];
  offlineMax?: number;
  onServer?: number;
  errors?: number;
}): SyncBenchResults {
  const round = {
    saves: 1000,
    saveMs: 9000,
    serverMs: 900,
    deskMs: 2300,
    bothMs: overrides.offlineMax ?? 2300,
    pushes: 5,
    pushHandlingMs: 1500,
    pushSpanMs: 1600,
    reachedServer: 1000,
    numbered: 1000,
  };
  const load = (desks: number, errors: number): DeskLoadResult => ({
    database: 'PostgreSQL 15',
    desks,
    rounds: 20,
    mutationsPerPush: 10,
    pushes: desks * 20,
    mutations: desks * 200,
    pulls: desks * 25,
    pulledRows: 1000,
    wallMs: 20_000,
    push: { ...spread(100, 400), p99: 900 },
    pull: { ...spread(50, 200), p99: 300 },
    pushesPerSecond: desks * 2,
    mutationsPerSecond: desks * 20,
    errors,
    errorSamples: [],
    created: 7000,
    onServer: overrides.onServer ?? 7000,
  });
  const download = {
    searchableMs: overrides.searchable ?? 2900,
    signInMs: 60,
    phases: { generating: 300, indexing: 2000, storing: 2700, ready: 2880 },
    searches: 100,
    users: 100_002,
    longTasks: overrides.longTasks ?? [],
  };
  return {
    date: '2026-11-23T15:00:00.000Z',
    command: 'npm run bench -- --write-readme',
    server: 'node dist/bench-server/main.js --port P --data DIR --demo',
    loadAverage: { min: 1.2, max: 3.4 },
    directory: {
      users: 100_002,
      localUsers: 200,
      pageSize: 5000,
      rounds: [download],
      searchable: spread(download.searchableMs),
      naive: [],
      naiveTotal: spread(overrides.naiveTotal ?? 9500),
      naivePut: spread(8000),
      longTasks: spreadOf(download.longTasks),
    },
    offline: {
      savesInFlight: 8,
      rounds: [round],
      both: spread(round.bothMs),
      server: spread(900),
      desk: spread(2300),
      serverMutationsPerSecond: spread(650),
      bareProtocol: spread(1400),
    },
    load: { alone: load(1, 0), together: load(50, overrides.errors ?? 0) },
    wallSeconds: 180,
  };
}

describe('syncFigureRows', () => {
  const met = (sync: SyncBenchResults) =>
    Object.fromEntries(
      syncFigureRows(sync)
        .filter((row) => row.met !== null)
        .map((row) => [row.target, row.met]),
    );

  it('judges each of issue 3’s targets from the run’s own numbers', () => {
    expect(met(syncResults({}))).toEqual({
      '≤ 5 s': true,
      '≤ 5 s, ≥ 3× the naive': true,
      'none over 50 ms': true,
      'no errors': true,
    });
  });

  it('fails the directory below 3× the naive baseline even within 5 s', () => {
    expect(met(syncResults({ searchable: 4000, naiveTotal: 9000 }))['≤ 5 s, ≥ 3× the naive']).toBe(
      false,
    );
  });

  it('fails on one long task, a slow round, an error or a record missing on the server', () => {
    expect(met(syncResults({ longTasks: [51] }))['none over 50 ms']).toBe(false);
    expect(met(syncResults({ offlineMax: 5200 }))['≤ 5 s']).toBe(false);
    expect(met(syncResults({ errors: 1 }))['no errors']).toBe(false);
    expect(met(syncResults({ onServer: 6999 }))['no errors']).toBe(false);
  });

  it('compares each figure with the baseline measured beside it', () => {
    const [offline] = syncFigureRows(syncResults({}));
    expect(offline?.ratio).toBe('1.6× slower');
    expect(offline?.deskpad).toBe('2.30 s / 2.30 s / 2.30 s');
  });
});

describe('syncSection', () => {
  it('puts its own table and says how the figures were taken', () => {
    const text = syncSection(syncResults({}));
    expect(text).toContain('### Sync with the desk server (issue 3)');
    expect(text).toContain('| Figure (real desk server) |');
    expect(text).toContain('crbug.com/114475');
  });
});

function issue4Results(overrides: {
  hostP95?: number;
  portP95?: number;
  mismatches?: number;
  keyboard?: KeyboardEscalationFigure;
}): EscalationBenchResults {
  const host = { count: 3000, p50: 0.4, p95: overrides.hostP95 ?? 0.65, max: 4.6 };
  return {
    date: '2026-11-24T10:00:00.000Z',
    command: 'npm run bench -- --only issue4 --write-readme',
    loadAverage: { min: 1.5, max: 2.5 },
    components: {
      seed: {
        users: 50_000,
        components: 10_000,
        incidents: 20_000,
        openIncidents: 16_998,
        leaves: 9337,
        depths: { '1': 13, '2': 38, '3': 64, '4': 192, '5': 1152, '6': 8541 },
        generateMs: 300,
        writeMs: 3900,
        crossOriginIsolated: true,
      },
      searches: 3000,
      limit: 50,
      hostQuery: host,
      portRoundTrip: { ...host, p95: overrides.portP95 ?? 1 },
      index: { count: 3000, p50: 0.005, p95: 0.015, max: 0.03 },
      naive: { count: 3000, p50: 0.22, p95: 1.3, max: 2 },
      naiveFromDb: { count: 30, p50: 269, p95: 276, max: 280 },
      indexBuildMs: 139,
      directoryReadyMs: 760,
      firstSearchMs: 808,
      rebuild: spread(332, 357),
      meanHits: 16.4,
      meanTotal: 16.4,
      sameCallerHits: 800,
      mismatches: overrides.mismatches ?? 0,
    },
    keyboard: overrides.keyboard ?? null,
    wallSeconds: 40,
  };
}

describe('escalationFigureRows', () => {
  it('judges p95 ≤ 5 ms in the store host and through the port, from the run’s own numbers', () => {
    const [host, port] = escalationFigureRows(issue4Results({}));
    expect(host?.met).toBe(true);
    expect(port?.met).toBe(true);
    expect(escalationFigureRows(issue4Results({ hostP95: 5.1 }))[0]?.met).toBe(false);
    expect(escalationFigureRows(issue4Results({ portP95: 6 }))[1]?.met).toBe(false);
  });

  it('fails the search figure when the naive scan found other matches (not the same job)', () => {
    expect(escalationFigureRows(issue4Results({ mismatches: 1 }))[0]?.met).toBe(false);
  });

  it('compares the store host and the index alone with the naive scan by p95', () => {
    const rows = escalationFigureRows(issue4Results({}));
    expect(rows[0]?.ratio).toBe('2.0× faster');
    expect(rows[2]?.ratio).toBe('87× faster');
    expect(rows[3]?.ratio).toBe('425× faster');
  });

  it('adds the keyboard rows only once they were measured', () => {
    expect(escalationFigureRows(issue4Results({}))).toHaveLength(6);
    const keys = ['Alt+I', 'Enter', 'Enter', 'Enter'];
    const keyboard = keyboardFigure([
      { keys, durableMs: 40, incidentNumber: 'INC-P0001', stored: true },
      { keys, durableMs: 60, incidentNumber: 'INC-P0002', stored: true },
    ]);
    const rows = escalationFigureRows(issue4Results({ keyboard }));
    expect(rows).toHaveLength(8);
    expect(rows[6]?.deskpad).toBe('4 keys: Alt+I, Enter, Enter, Enter');
    expect(rows[6]?.figure).toContain('Alt+I for Create Incident');
    expect(rows[7]?.deskpad).toBe('60.0 ms / 60.0 ms / 60.0 ms');
    expect(rows[7]?.met).toBeNull();
  });

  it('shows a range of key counts, and fails the time when a record was not read back', () => {
    const keyboard = keyboardFigure([
      { keys: ['Enter', 'Enter'], durableMs: 40, incidentNumber: 'INC-P0001', stored: true },
      {
        keys: ['Tab', 'Enter', 'Enter'],
        durableMs: 50,
        incidentNumber: 'INC-P0002',
        stored: false,
      },
    ]);
    const rows = escalationFigureRows(issue4Results({ keyboard }));
    expect(rows[6]?.deskpad).toMatch(/^2–3 keys: /);
    expect(rows[7]?.met).toBe(false);
    expect(rows[7]?.figure).toContain('only 1 read back');
  });

  it('adds the keys without the shortcut when that round ran', () => {
    const round = { keys: ['Alt+I', 'Enter'], durableMs: 40, incidentNumber: 'a', stored: true };
    const tabbed = { ...round, keys: ['Shift+Tab', 'Shift+Tab', 'Enter', 'Enter'] };
    const [, , , , , , keys] = escalationFigureRows(
      issue4Results({ keyboard: keyboardFigure([round], tabbed) }),
    );
    expect(keys?.deskpad).toBe(
      '2 keys: Alt+I, Enter; 4 without the shortcut (Shift+Tab ×2, Enter, Enter)',
    );
  });
});

describe('describeKeys', () => {
  it('folds runs of the same key, but lists each Enter (each one acts)', () => {
    expect(describeKeys(['Tab', 'Tab', 'Tab', 'Enter', 'Enter', 'Shift+Tab'])).toBe(
      'Tab ×3, Enter, Enter, Shift+Tab',
    );
    expect(describeKeys([])).toBe('');
  });
});

describe('keyboardFigure', () => {
  it('counts the keys of the longest escalation and spreads the times to durable', () => {
    const figure = keyboardFigure([
      { keys: ['Enter'], durableMs: 30, incidentNumber: 'a', stored: true },
      { keys: ['Tab', 'Enter'], durableMs: 10, incidentNumber: 'b', stored: true },
    ]);
    expect(figure.keyCount).toBe(2);
    expect(figure.durable).toEqual({ count: 2, p50: 30, p95: 30, max: 30 });
  });
});

describe('escalationSection', () => {
  it('puts its own table and describes the tree the searches walked', () => {
    const text = escalationSection(issue4Results({}));
    const prose = text.replace(/\s+/g, ' ');
    expect(text).toContain('### Escalation (issue 4)');
    expect(text).toContain('| Figure (issue 4) |');
    expect(prose).toContain('6 levels deep');
    expect(prose).toContain('8,541 at depth 6');
    expect(prose).toContain("agreed with the store host's answers on every search");
    expect(prose).toContain('At the median the scan is the quicker');
    expect(prose).not.toContain('Keep it open');
    const keyboard = keyboardFigure([
      {
        keys: ['Alt+I', 'Enter', 'Enter', 'Enter'],
        durableMs: 40,
        incidentNumber: 'a',
        stored: true,
      },
    ]);
    const withKeys = escalationSection(issue4Results({ keyboard })).replace(/\s+/g, ' ');
    expect(withKeys).toContain("Alt+I (Create Incident's shortcut)");
    expect(withKeys).toContain('One more round (not run here) goes without the shortcut');
    expect(escalationSection(issue4Results({ mismatches: 2 })).replace(/\s+/g, ' ')).toContain(
      'differed from the store host',
    );
  });
});
