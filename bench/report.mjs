// Turns one benchmark run (bench/results.json) into the table `npm run bench` prints and the
// README section between the bench markers. Pure: no I/O, no clock; never measures anything.

import { dosSection } from './dos-report.mjs';
import { organizationSection } from './import-report.mjs';
import { parallelSection } from './parallel-report.mjs';
import { walkupLatencySection } from './walkup-latency-report.mjs';
import { goToSection } from './goto-report.mjs';
import { keysSection } from './keys-report.mjs';
import { walkUpEstimateSection } from './walkup-estimate-report.mjs';
import { phoneSection } from './phone-report.mjs';
import { reportsSection } from './reports-report.mjs';
import { lighthouseSection } from './lighthouse-report.mjs';
import { scopeSection } from './scope-report.mjs';

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';
export const BENCH_COMMAND = 'npm run bench -- --write-readme';

/** @typedef {import('./bench-types').BenchResults} BenchResults */
/** @typedef {import('./bench-types').Spread} Spread */

/**
 * @typedef {object} FigureRow
 * @property {string} figure what was measured
 * @property {string} target the issue's figure to reach, or '—'
 * @property {boolean | null} met whether the target was reached; null without one
 * @property {string} deskpad Deskpad's timing: `p50 / p95 / max` or one value
 * @property {string} baseline the baseline's timing in the same run, or '—'
 * @property {string} ratio how the two compare, or '—'
 */

/**
 * Milliseconds as a person reads them: 0.012 ms, 0.4 ms, 12.3 ms, 1,234 ms.
 * @param {number} ms
 */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 0.1) return `${ms.toFixed(3)} ms`;
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms).toLocaleString('en-US')} ms`;
}

/** @param {Spread} spread */
export function formatSpread(spread) {
  return `${formatMs(spread.p50)} / ${formatMs(spread.p95)} / ${formatMs(spread.max)}`;
}

/**
 * How Deskpad compares with the baseline: "44× faster" or "1.3× slower".
 * @param {number} baseline
 * @param {number} deskpad
 */
export function compare(baseline, deskpad) {
  if (!(baseline > 0) || !(deskpad > 0)) return '—';
  const factor = baseline >= deskpad ? baseline / deskpad : deskpad / baseline;
  const shown = factor >= 10 ? Math.round(factor).toLocaleString('en-US') : factor.toFixed(1);
  return `${shown}× ${baseline >= deskpad ? 'faster' : 'slower'}`;
}

/**
 * Sorted-sample percentiles (the same rule as electron/store/bench-support.ts).
 * @param {readonly number[]} samples
 * @returns {Spread}
 */
export function spreadOf(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  /** @param {number} q */
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

/**
 * One percentile by the same rule as spreadOf (e.g. 0.99 for p99); 0 for no samples.
 * @param {readonly number[]} samples
 * @param {number} q
 */
export function percentileOf(samples, q) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

/** @param {number} n */
const count = (n) => n.toLocaleString('en-US');

/**
 * The figures of one run, in the order of the issue's "Figures to reach".
 * @param {BenchResults} r
 * @returns {FigureRow[]}
 */
export function figureRows(r) {
  const { storage, search, saves } = r;
  const chunkedRead = storage.chunked.readMs + storage.chunked.decodeMs;
  const miniSample =
    search.miniSearchQueries === search.queries
      ? ''
      : `, first ${count(search.miniSearchQueries)} queries`;
  /** @param {number} value @param {number} limit */
  const within = (value, limit) => value <= limit;
  return [
    {
      figure: `Directory write: column chunks (${count(storage.chunked.rows)} records) vs one record per user`,
      target: '—',
      met: null,
      deskpad: formatMs(storage.chunked.writeMs),
      baseline: `${formatMs(storage.naive.writeMs)} (Dexie bulkPut)`,
      ratio: compare(storage.naive.writeMs, storage.chunked.writeMs),
    },
    {
      figure:
        'Directory read: chunks toArray + decode into columns vs toArray of one record per user',
      target: '—',
      met: null,
      deskpad: formatMs(chunkedRead),
      baseline: `${formatMs(storage.naive.readMs)} (Dexie toArray)`,
      ratio: compare(storage.naive.readMs, chunkedRead),
    },
    {
      figure: `Caller search, store host index alone (${count(search.queries)} queries, p50 / p95 / max)`,
      target: 'p95 ≤ 1 ms',
      met: within(search.index.p95, 1),
      deskpad: formatSpread(search.index),
      baseline: `${formatSpread(search.miniSearch)} (MiniSearch${miniSample})`,
      ratio: compare(search.miniSearch.p95, search.index.p95),
    },
    {
      figure:
        'Caller search through the store host API (`directory.searchUsers`, validation and views)',
      target: 'p95 ≤ 1 ms',
      met: within(search.hostQuery.p95, 1),
      deskpad: formatSpread(search.hostQuery),
      baseline: `${formatSpread(search.miniSearch)} (MiniSearch)`,
      ratio: compare(search.miniSearch.p95, search.hostQuery.p95),
    },
    {
      figure: `Index ready after restart: open the store host → search answers (${r.restarts.length} browser restarts)`,
      target: '≤ 1.5 s',
      met: within(r.restart.max, 1500),
      deskpad: formatSpread(r.restart),
      baseline: `${formatMs(r.naiveReady.totalMs)} (toArray of one record per user + MiniSearch index)`,
      ratio: compare(r.naiveReady.totalMs, r.restart.p50),
    },
    {
      figure: 'First start: generate the directory + index → search answers',
      target: '—',
      met: null,
      deskpad: formatMs(r.firstStart.searchReadyMs),
      baseline: '—',
      ratio: '—',
    },
    {
      figure: 'First start: directory and index on disk',
      target: '—',
      met: null,
      deskpad: formatMs(r.firstStart.storedMs),
      baseline: '—',
      ratio: '—',
    },
    {
      figure: `Keystroke to rendered results in the app's Opened for (${count(r.uiKeystrokes.keystrokes)} keystrokes, ${r.uiKeystrokes.queries} callers)`,
      target: 'p95 ≤ 16 ms',
      met: within(r.uiKeystrokes.spread.p95, 16),
      deskpad: formatSpread(r.uiKeystrokes.spread),
      baseline: '—',
      ratio: '—',
    },
    {
      figure:
        'Of which: the same searches through a port of the app’s store worker (Comlink round trip, no rendering)',
      target: '—',
      met: null,
      deskpad: formatSpread(r.uiKeystrokes.portRoundTrip),
      baseline: '—',
      ratio: '—',
    },
    {
      figure:
        'Keystroke to rendered results with Chromium’s DeferRendererTasksAfterInput off (as the desktop app runs)',
      target: 'p95 ≤ 16 ms',
      met: within(r.uiKeystrokes.withoutInputDeferral.p95, 16),
      deskpad: formatSpread(r.uiKeystrokes.withoutInputDeferral),
      baseline: '—',
      ratio: '—',
    },
    {
      figure: `Save to durable: \`interaction.create\` with its outbox entry, strict durability (${count(saves.create.count)} saves)`,
      target: 'p95 ≤ 50 ms',
      met: within(saves.create.p95, 50),
      deskpad: formatSpread(saves.create),
      baseline: `${formatSpread(saves.barePut)} (one bare strict Dexie put)`,
      ratio: compare(saves.barePut.p95, saves.create.p95),
    },
    {
      figure: `Save in the app: Ctrl+S → "Saved IMS…" shown (${count(r.uiSaves.spread.count)} saves)`,
      target: 'p95 ≤ 50 ms',
      met: within(r.uiSaves.spread.p95, 50),
      deskpad: formatSpread(r.uiSaves.spread),
      baseline: '—',
      ratio: '—',
    },
  ];
}

/**
 * Throughput against a baseline's: "12× the baseline" (or "0.8× the baseline").
 * @param {number} baseline
 * @param {number} deskpad
 */
export function throughputRatio(baseline, deskpad) {
  if (!(baseline > 0) || !(deskpad > 0)) return '—';
  const factor = deskpad / baseline;
  return `${factor >= 10 ? Math.round(factor).toLocaleString('en-US') : factor.toFixed(1)}× the baseline`;
}

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** @param {Spread} spread */
const secondsSpread = (spread) =>
  `${seconds(spread.p50)} / ${seconds(spread.p95)} / ${seconds(spread.max)}`;

/** @param {Spread & { p99: number }} spread */
const latency = (spread) =>
  `${formatMs(spread.p50)} / ${formatMs(spread.p95)} / ${formatMs(spread.p99)}`;

/** @param {number} n */
const rate = (n) => Math.round(n).toLocaleString('en-US');

/**
 * Issue 3's figures: each against a baseline measured in the same run.
 * @param {import('./bench-types').SyncBenchResults} sync
 * @returns {FigureRow[]}
 */
export function syncFigureRows(sync) {
  const { directory, offline } = sync;
  const { alone, together } = sync.load;
  const rounds = offline.rounds.length;
  const saves = offline.rounds[0]?.saves ?? 0;
  const pushes = offline.rounds.reduce((sum, r) => sum + r.pushes, 0);
  const handling = offline.rounds.reduce((sum, r) => sum + r.pushHandlingMs, 0);
  const reached = offline.rounds.every(
    (r) => r.reachedServer === r.saves && r.numbered === r.saves,
  );
  const naiveFactor = directory.naiveTotal.p50 / directory.searchable.p50;
  const longest = directory.longTasks.max;
  return [
    {
      figure: `${count(saves)} interactions saved offline: network back → all on the server (read API) and the desk shows 0 changes not synced (${rounds} rounds)`,
      target: '≤ 5 s',
      met: offline.both.max <= 5000 && reached,
      deskpad: secondsSpread(offline.both),
      baseline: `${secondsSpread(offline.bareProtocol)} (the same job over bare HTTP from Node: pushes of 200, then pull)`,
      ratio: compare(offline.bareProtocol.p50, offline.both.p50),
    },
    {
      figure:
        'Of which (p50): on the server, the read API listing the last one / the desk showing 0 waiting',
      target: '—',
      met: null,
      deskpad: `${seconds(offline.server.p50)} / ${seconds(offline.desk.p50)}`,
      baseline: '—',
      ratio: '—',
    },
    {
      figure: `Server throughput on those pushes (${pushes} pushes, ${formatMs(handling)} of push handling in its log)`,
      target: '—',
      met: null,
      deskpad: `${rate(offline.serverMutationsPerSecond.p50)} mutations/s (p50 of rounds)`,
      baseline: '—',
      ratio: '—',
    },
    {
      figure: `Directory of ${count(directory.users)} users on a fresh desk: sign-in → downloaded, stored and searchable (${directory.rounds.length} rounds)`,
      target: '≤ 5 s, ≥ 3× the naive',
      met: directory.searchable.max <= 5000 && naiveFactor >= 3,
      deskpad: secondsSpread(directory.searchable),
      baseline: `${secondsSpread(directory.naiveTotal)} (same pages, Dexie bulkPut of one record per user)`,
      ratio: compare(directory.naiveTotal.p50, directory.searchable.p50),
    },
    {
      figure:
        'The same download against the naive baseline’s Dexie bulkPut alone (its download left out)',
      target: '—',
      met: null,
      deskpad: secondsSpread(directory.searchable),
      baseline: secondsSpread(directory.naivePut),
      ratio: compare(directory.naivePut.p50, directory.searchable.p50),
    },
    {
      figure: 'Long tasks on the UI thread (PerformanceObserver) while the directory downloads',
      target: 'none over 50 ms',
      met: directory.longTasks.count === 0,
      deskpad:
        directory.longTasks.count === 0
          ? 'none'
          : `${directory.longTasks.count}, the longest ${formatMs(longest)}`,
      baseline: '—',
      ratio: '—',
    },
    {
      figure: `${together.desks} desks pushing (${together.mutationsPerPush} mutations each) and pulling at once on one server: push latency p50 / p95 / p99 (${count(together.pushes)} pushes)`,
      target: 'p99 reported',
      met: null,
      deskpad: latency(together.push),
      baseline: `${latency(alone.push)} (one desk alone, same server)`,
      ratio: compare(alone.push.p99, together.push.p99),
    },
    {
      figure: `${together.desks} desks: throughput`,
      target: '—',
      met: null,
      deskpad: `${rate(together.pushesPerSecond)} pushes/s, ${rate(together.mutationsPerSecond)} mutations/s`,
      baseline: `${rate(alone.pushesPerSecond)} pushes/s, ${rate(alone.mutationsPerSecond)} mutations/s (one desk alone)`,
      ratio: throughputRatio(alone.mutationsPerSecond, together.mutationsPerSecond),
    },
    {
      figure: `${together.desks} desks: pull latency p50 / p95 / p99 (${count(together.pulls)} pulls, ${count(together.pulledRows)} rows)`,
      target: '—',
      met: null,
      deskpad: latency(together.pull),
      baseline: `${latency(alone.pull)} (one desk alone)`,
      ratio: compare(alone.pull.p99, together.pull.p99),
    },
    {
      figure: `${together.desks} desks: errors, and interactions created vs on the server afterwards`,
      target: 'no errors',
      met: together.errors === 0 && alone.errors === 0 && together.created === together.onServer,
      deskpad: `${together.errors + alone.errors} errors; ${count(together.created)} created, ${count(together.onServer)} on the server`,
      baseline: '—',
      ratio: '—',
    },
  ];
}

/**
 * Keys as a person reads them, runs folded: "Shift+Tab ×3, Enter, Enter, Tab ×9, Enter".
 * @param {readonly string[]} keys
 */
export function describeKeys(keys) {
  /** @type {{ key: string, n: number }[]} */
  const runs = [];
  for (const key of keys) {
    const last = runs.at(-1);
    if (last && last.key === key && key !== 'Enter') last.n += 1;
    else runs.push({ key, n: 1 });
  }
  return runs.map(({ key, n }) => (n === 1 ? key : `${key} ×${n}`)).join(', ');
}

/**
 * The keyboard escalation's summary: keys per escalation and time to durable over the rounds.
 * @param {import('./bench-types').KeyboardEscalationRound[]} rounds started by the shortcut (Alt+I)
 * @param {import('./bench-types').KeyboardEscalationRound | null} [withoutShortcut] one more started
 *   by tabbing to the Create Incident button instead: the path without the shortcut
 * @returns {import('./bench-types').KeyboardEscalationFigure}
 */
export function keyboardFigure(rounds, withoutShortcut = null) {
  return {
    rounds,
    withoutShortcut,
    keyCount: Math.max(0, ...rounds.map((r) => r.keys.length)),
    durable: spreadOf(rounds.map((r) => r.durableMs)),
  };
}

/** @param {import('./bench-types').IncidentSeedResult} seed */
const treeDepth = (seed) => Math.max(...Object.keys(seed.depths).map(Number));

/**
 * Issue 4's figures: Find existing incidents against the naive scan measured in the same run,
 * and the keyboard escalation once the app offers it.
 * @param {import('./bench-types').EscalationBenchResults} issue4
 * @returns {FigureRow[]}
 */
export function escalationFigureRows(issue4) {
  const c = issue4.components;
  const { seed } = c;
  /** @type {FigureRow[]} */
  const rows = [
    {
      figure: `Find existing incidents: \`incident.searchByComponent\` in the store host's Worker over ${count(seed.incidents)} cached incidents (${count(seed.openIncidents)} open) and ${count(seed.components)} components (${count(c.searches)} searches on random leaf components, with the caller)`,
      target: 'p95 ≤ 5 ms',
      met: c.hostQuery.p95 <= 5 && c.mismatches === 0,
      deskpad: formatSpread(c.hostQuery),
      baseline: `${formatSpread(c.naive)} (every open incident in memory, filtered by the parent chain, sorted)`,
      ratio: compare(c.naive.p95, c.hostQuery.p95),
    },
    {
      figure:
        'The same searches from the window, through a port to the store worker (Comlink round trip)',
      target: 'p95 ≤ 5 ms',
      met: c.portRoundTrip.p95 <= 5,
      deskpad: formatSpread(c.portRoundTrip),
      baseline: '—',
      ratio: '—',
    },
    {
      figure:
        'Of which: the component index alone (`ComponentIncidentIndex.search`) vs the naive scan',
      target: '—',
      met: null,
      deskpad: formatSpread(c.index),
      baseline: formatSpread(c.naive),
      ratio: compare(c.naive.p95, c.index.p95),
    },
    {
      figure: `Against no cache at all: the open incidents read from IndexedDB on every search, then the scan (${count(c.naiveFromDb.count)} searches)`,
      target: '—',
      met: null,
      deskpad: formatSpread(c.hostQuery),
      baseline: formatSpread(c.naiveFromDb),
      ratio: compare(c.naiveFromDb.p95, c.hostQuery.p95),
    },
    {
      figure: `Open the store host → the first search answers (${count(seed.users)}-user directory loaded from IndexedDB, component index of ${count(seed.openIncidents)} open incidents built)`,
      target: '—',
      met: null,
      deskpad: formatMs(c.firstSearchMs),
      baseline: '—',
      ratio: '—',
    },
    {
      figure: `Index build on first search: the first search after incidents were written on another connection reads the open incidents and builds the index again (${count(c.rebuild.count)} writes)`,
      target: '—',
      met: null,
      deskpad: formatSpread(c.rebuild),
      baseline: `${formatMs(c.indexBuildMs)} (the same index built from records already in memory)`,
      ratio: '—',
    },
  ];
  const k = issue4.keyboard;
  if (k) {
    const counts = k.rounds.map((r) => r.keys.length);
    const fewest = Math.min(...counts);
    const stored = k.rounds.filter((r) => r.stored).length;
    rows.push(
      {
        figure: `Escalate a saved interaction to an incident by keyboard (Alt+I for Create Incident → Assign to me → Report an Issue, prefilled, submitted by Enter in Short description → Keep it open): keys pressed`,
        target: 'reported',
        met: null,
        deskpad: `${fewest === k.keyCount ? k.keyCount : `${fewest}–${k.keyCount}`} keys: ${describeKeys(k.rounds[0]?.keys ?? [])}${
          k.withoutShortcut
            ? `; ${k.withoutShortcut.keys.length} without the shortcut (${describeKeys(k.withoutShortcut.keys)})${k.withoutShortcut.stored ? '' : ' (not read back!)'}`
            : ''
        }`,
        baseline: '—',
        ratio: '—',
      },
      {
        figure: `The Submit key (Enter in Short description) → "Incident INC… was created." (incident and interaction committed in IndexedDB; ${count(k.durable.count)} escalations, ${stored === k.rounds.length ? 'all' : `only ${count(stored)}`} read back linked both ways, the interaction still open)`,
        target: 'reported',
        met: stored === k.rounds.length ? null : false,
        deskpad: formatSpread(k.durable),
        baseline: '—',
        ratio: '—',
      },
    );
  }
  return rows;
}

/**
 * Issue 4's part of the README section: its table and how it was taken.
 * @param {import('./bench-types').EscalationBenchResults} issue4
 */
export function escalationSection(issue4) {
  const c = issue4.components;
  const { seed } = c;
  const depths = Object.entries(seed.depths)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([depth, n]) => `${count(n)} at depth ${depth}`)
    .join(', ');
  const clock = seed.crossOriginIsolated
    ? 'the worker is cross-origin isolated (timers ≈ 5 µs)'
    : 'the worker is not cross-origin isolated (timers ≈ 100 µs)';
  const agreed =
    c.mismatches === 0
      ? "its hits agreed with the store host's answers on every search (same incidents, order and marks)"
      : `its hits differed from the store host's answers on ${count(c.mismatches)} searches`;
  const median =
    c.naive.p50 < c.hostQuery.p50
      ? ` At the median the scan is the quicker of the two: most of the store host's
        ${formatMs(c.hostQuery.p50)} goes outside the index (validation, the revision read, the
        views), the index itself taking ${formatMs(c.index.p50)}.`
      : '';
  const paragraphs = [
    `Issue 4's figures, produced by \`${issue4.command}\` on ${issue4.date.slice(0, 10)} (they took
    ${Math.round(issue4.wallSeconds)} s; other work shared the machine, its 1-minute load average went
    from ${issue4.loadAverage.min.toFixed(1)} to ${issue4.loadAverage.max.toFixed(1)}).`,
    `Find existing incidents runs in \`bench/pages/incidents.html\`: a dedicated Worker seeds a desk
    database as a synced desk holds it (a ${count(seed.users)}-user directory stored as a download
    leaves it, and ${count(seed.incidents)} incidents from \`shared/demo/incident-generator.ts\`,
    ${count(seed.openIncidents)} of them open), then opens the real store host (\`openStoreHost\`) on
    it in Chromium's IndexedDB; ${clock}. The ${count(seed.components)} components form a tree
    ${treeDepth(seed)} levels deep (\`bench/pages/component-tree.ts\`: sites → buildings → floors →
    network segments → switches, printers and access points → PCs; ${depths}). Each search asks for
    a random leaf (${count(seed.leaves)} of them, mostly PCs five parents below their site) with a
    random caller, every fourth one a caller who already reported a match, limit ${c.limit}, after 100
    warm-up searches; on average ${c.meanTotal.toFixed(1)} open incidents matched and
    ${c.meanHits.toFixed(1)} came back.`,
    `The store host's figure is \`host.query\` timed inside the worker: validation, the revision check
    (one IndexedDB read), the index, the views with display names. The window's
    figure adds the message round trip. The naive baseline runs in the same worker on the same
    queries: the open incidents already in an array, each search walks the parent chain, then
    filters and sorts the whole array; ${agreed}.${median} The store host builds its component index when it
    opens, before the first search answers, and builds it again on the first search after incidents
    were written on another connection (another window, or anything that moves their revision
    without telling the index); that row writes one incident from a second connection, then
    searches.`,
  ];
  const k = issue4.keyboard;
  if (k)
    paragraphs.push(
      `The keyboard escalation runs in the app (\`bench/pages/app.html\`, the real UI on a local desk
      with the demo directory, its store host in a SharedWorker). Each round first saves a new
      interaction (caller, a printer as Component, a short description typed last, Ctrl+S; not
      counted), then Playwright presses only keys, finding each control by the issue's accessible
      names and pressing Enter only once that control has focus (a Tab, counted, whenever it has
      not): Alt+I (Create Incident's shortcut) from the Short description field; Enter on \`Assign
      to me\` (the interaction has no assignee yet, and the dialog starts there); Enter in Short
      description of \`Report an Issue\`, prefilled from the interaction, where the dialog puts focus,
      as any form submits on Enter; on the closing question, Enter on \`Keep it open\` (where it
      starts). One more round${k.withoutShortcut ? '' : ' (not run here)'} goes without the shortcut:
      Tab or Shift+Tab, towards where the button lies, to \`Create Incident\`, then Enter. Over
      ${count(k.durable.count)} rounds, the time runs from the Submit key's keydown until "Incident
      INC… was created." is on screen: the store host answers only once the incident and the
      interaction's link have committed with strict durability; each round then reads both
      records back from IndexedDB on a connection of its own, the interaction still open.`,
    );
  return [
    '### Escalation (issue 4)',
    '',
    markdownTable(escalationFigureRows(issue4), 'Figure (issue 4)'),
    '',
    paragraphs.map((p) => wrap(p)).join('\n\n'),
  ].join('\n');
}

/** @param {boolean | null} met */
const mark = (met) => (met === null ? '' : met ? ' ✔' : ' ✘');

/**
 * @param {FigureRow[]} rows
 * @param {string} [heading] the first column's heading
 * @returns {string}
 */
export function markdownTable(rows, heading = 'Figure (100,000 users)') {
  const escape = (/** @type {string} */ text) => text.replaceAll('|', '\\|');
  const lines = [
    `| ${heading} | Target | Deskpad | Baseline, same run | Deskpad vs baseline |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${escape(row.figure)} | ${row.target}${mark(row.met)} | ${row.deskpad} | ${escape(row.baseline)} | ${row.ratio} |`,
    ),
  ];
  return lines.join('\n');
}

/**
 * The console's version: one block per figure, readable in an 80-column terminal.
 * @param {FigureRow[]} rows
 */
export function textTable(rows) {
  return rows
    .map((row) =>
      [
        `${row.figure.replaceAll('`', '')}`,
        `    Deskpad  ${row.deskpad}${row.target === '—' ? '' : `   target ${row.target}${mark(row.met)}`}`,
        row.baseline === '—' ? null : `    baseline ${row.baseline}   → ${row.ratio}`,
      ]
        .filter((line) => line !== null)
        .join('\n'),
    )
    .join('\n');
}

/**
 * "Chromium 156.0.8078.79" from a user agent; the UA itself if it names no Chrome version.
 * @param {string} userAgent
 */
export function chromiumVersion(userAgent) {
  const found = /(?:HeadlessChrome|Chrome)\/([\d.]+)/.exec(userAgent);
  return found ? `Chromium ${found[1]}` : userAgent;
}

/**
 * Fills lines up to `width` characters, breaking only between words.
 * @param {string} text
 * @param {number} [width]
 */
export function wrap(text, width = 100) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * The README section: the table, how it was produced, on what, and how to read it.
 * @param {BenchResults} r
 */
export function readmeSection(r) {
  const clock = r.clock.crossOriginIsolated
    ? 'a cross-origin isolated page, so timers resolve to ≈ 5 µs'
    : `timer resolution ${formatMs(r.clock.resolutionMs)}`;
  const mini =
    r.search.miniSearchQueries === r.search.queries
      ? 'MiniSearch ran all of them'
      : `MiniSearch ran the first ${count(r.search.miniSearchQueries)} of them within its time budget`;
  const paragraphs = [
    `Produced by \`${BENCH_COMMAND}\` in ${Math.round(r.wallSeconds)} s (\`npm run bench\` alone
    prints the table and writes \`bench/results.json\`) on ${r.date.slice(0, 10)}: ${r.machine.platform},
    ${r.machine.cores} cores, Node ${r.machine.node}, ${r.machine.chromium} headless, in ${clock}.
    Each p50/p95/max is over the samples its row names; a single value is one measurement.
    Timings are noisy on a shared machine; each comparison is between two measurements of the same
    run. ✔ reached, ✘ not reached (targets from issue 2).`,
    `Search queries (${count(r.search.queries)}, fixed seed) are what an agent starts typing for a caller
    drawn from the directory: 1–4 letters of a first name, last name or user name, a first name and
    the start of the last, an email up to a few letters past the dot, 3–7 characters of an employee
    id or 3–7 digits of a phone number. MiniSearch 7 prefix-searches the same fields with the same
    folding (AND of terms) and its top 10 are taken; ${mini}.`,
    `Keystroke to rendered results is the renderer's own measure (\`lookup:keystroke-to-render\`, from
    the input event to the layout effect that shows the matches), read while Playwright types each
    caller into the built app one key at a time; from the keydown instead it is
    ${formatSpread(r.uiKeystrokes.fromKeydown)}. The store worker's answer arrives as a posted message,
    and Chromium holds such tasks after a key press until it has produced the next frame
    (\`DeferRendererTasksAfterInput\`): up to one frame (about 16.7 ms) of waiting, which a web page
    cannot switch off. So the lookup asks the store host ahead (\`directory.searchUsersAhead\`) what
    each likely next key (a–z, 0–9, space, dot, @, hyphen) would find, and shows that answer with the
    key press itself; the search for the typed text still runs and replaces it if the directory changed
    meanwhile (\`shared/domain/lookahead.ts\`, tested against \`directory.searchUsers\` for every key).
    The row after it types the same keys with the deferral switched off, as the desktop app runs
    (\`electron/main/chromium-switches.ts\`).`,
  ];
  return [
    README_START,
    '',
    markdownTable(figureRows(r)),
    '',
    paragraphs.map((p) => wrap(p)).join('\n\n'),
    ...(r.sync ? ['', syncSection(r.sync)] : []),
    ...(r.issue4 ? ['', escalationSection(r.issue4)] : []),
    ...(r.parallel ? ['', parallelSection(r.parallel)] : []),
    ...(r.dos ? ['', dosSection(r.dos)] : []),
    ...(r.walkupLatency ? ['', walkupLatencySection(r.walkupLatency)] : []),
    ...(r.goTo ? ['', goToSection(r.goTo)] : []),
    ...(r.keys ? ['', keysSection(r.keys)] : []),
    ...(r.walkUpEstimate ? ['', walkUpEstimateSection(r.walkUpEstimate)] : []),
    ...(r.phone ? ['', phoneSection(r.phone)] : []),
    ...(r.reports ? ['', reportsSection(r.reports)] : []),
    ...(r.lighthouse ? ['', lighthouseSection(r.lighthouse)] : []),
    ...(r.scope ? ['', scopeSection(r.scope)] : []),
    ...(r.import || r.ldap ? ['', organizationSection(r.import, r.ldap)] : []),
    '',
    README_END,
  ].join('\n');
}

/**
 * The sync figures' part of the README section: their table and how they were taken.
 * @param {import('./bench-types').SyncBenchResults} sync
 */
export function syncSection(sync) {
  const { directory, offline, load } = sync;
  const { together } = load;
  const phases = directory.rounds.at(-1)?.phases ?? {};
  const phase = (/** @type {string} */ name) =>
    phases[name] === undefined ? '—' : formatMs(/** @type {number} */ (phases[name]));
  const paragraphs = [
    `Issue 3's figures, produced by \`${sync.command}\` on ${sync.date.slice(0, 10)} (they took
    ${Math.round(sync.wallSeconds)} s), each against a real desk server child process (\`${sync.server}\`, built by Vite as
    \`npm run server\` builds it, serving the bench pages at \`/\`). The desk is \`bench/pages/desk.html\`:
    the real UI in the window and the browser build's store host with \`sync: { serverUrl }\` in a
    dedicated Worker, in a Chromium profile of its own. A figure in seconds is p50 / p95 / max over the
    rounds its row names. Other work shared the machine: its 1-minute load average went from
    ${sync.loadAverage.min.toFixed(1)} to ${sync.loadAverage.max.toFixed(1)} while these figures ran.`,
    `Offline: the desk signs in (\`session.signIn\`), Playwright takes the network away
    (\`context.setOffline(true)\`), the desk saves ${count(offline.rounds[0]?.saves ?? 0)}
    \`interaction.create\` commands (${offline.savesInFlight} at a time, the UI open; they took
    ${seconds(offline.rounds[0]?.saveMs ?? 0)}), then the network comes back; the clock runs
    from \`setOffline(false)\` until the read API (\`GET /api/v1/interactions\`, Bearer token) lists the
    last of them and the store host reports 0 changes waiting (the UI's sync mark then reads "0
    changes not synced"; every round also checks that each saved interaction is on the server with
    a number). Chromium fires no \`online\`/\`offline\` events in a worker (crbug.com/114475), so the
    page relays the window's events to its store worker, as the browser build must. The server's
    throughput is the mutations over the time its log says it spent handling those pushes.`,
    `Directory: a fresh desk (its own database, ${count(directory.localUsers)} local demo users) signs in
    as demo.agent; the clock runs until \`directory.searchUsers\` finds \`demo.admin\`, whom only the
    server's directory has, asked through a port of the store worker every 100 ms while pages arrive and every 5 ms once the store host says it is storing. The store host
    replaces its directory only once it is stored, so that answer means downloaded, stored and
    searchable. In the last round the store host's progress events said: every page downloaded
    ${phase('indexing')}, the caller index built ${phase('storing')}, stored and ready ${phase('ready')}
    after sign-in. The naive baseline fetches the same
    pages (${count(directory.pageSize)} rows each) in a Worker and stores each page's users with one
    Dexie \`bulkPut\` of one record per user (strict durability, as the store host), with no search
    index at all.`,
    `Desks at once: ${together.desks} simulated desks in Node (\`bench/desk-load.mjs\`), each with its
    own clientId and loopback address, signed in as the demo agents in turn, push
    ${together.rounds} batches of ${together.mutationsPerPush} mutations (creates, then updates, work
    notes and closes of their own interactions, checked with the shared \`PushRequest\` schema) and
    pull after each push until the server has no more, all at once, against a server on
    ${together.database}, a cluster started by \`server/testing/pg-cluster.ts\` with fsync and
    synchronous_commit off (no disk flush per commit). The baseline is one desk doing the same alone
    on the same server. Every push queues on one row lock (docs/decisions/0004) and every desk pulls
    every other desk's interactions, so the desks wait their turn: together they moved
    ${(together.mutationsPerSecond / load.alone.mutationsPerSecond).toFixed(1)}× the mutations a
    second of one desk alone. Pushes of ${together.mutationsPerPush} also carry more fixed cost per
    mutation than the offline desk's pushes of 200. Figures 1 and 2 ran on the default embedded PGlite, in a temporary data
    directory.`,
  ];
  return [
    '### Sync with the desk server (issue 3)',
    '',
    markdownTable(syncFigureRows(sync), 'Figure (real desk server)'),
    '',
    paragraphs.map((p) => wrap(p)).join('\n\n'),
  ].join('\n');
}

/**
 * Puts `section` (markers included) in place of the one in `readme`, or appends it when the
 * README has none yet. Never touches text outside the markers.
 * @param {string} readme
 * @param {string} section
 */
export function replaceReadmeSection(readme, section) {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END, start);
  if (start < 0 || end < 0) {
    const separator =
      readme === '' || readme.endsWith('\n\n') ? '' : readme.endsWith('\n') ? '\n' : '\n\n';
    return `${readme}${separator}${section}\n`;
  }
  return readme.slice(0, start) + section + readme.slice(end + README_END.length);
}
