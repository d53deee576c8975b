// Issue 14's figures as table rows and their README part: each report over a month and a year on a
// year of history, volume with and without report_hourly, and the dashboard's first render.
// Pure: no I/O, no clock; never measures anything (reports-bench.mjs does).

import { formatMs, markdownTable, wrap } from './report.mjs';

/** @typedef {import('./bench-types').ReportsBenchResults} ReportsBenchResults */
/** @typedef {import('./bench-types').LatencySpread} LatencySpread */
/** @typedef {import('./report.mjs').FigureRow} FigureRow */

export const REPORT_TARGET_MS = { month: 300, year: 1000 };
export const DASHBOARD_TARGET_MS = 1000;

/** @param {LatencySpread} s */
const spread = (s) => `p50 ${formatMs(s.p50)} / max ${formatMs(s.max)}`;
const thousands = (/** @type {number} */ n) => n.toLocaleString('en-US');

/**
 * A report meets its target when its slowest run does.
 * @param {ReportsBenchResults} r
 * @returns {FigureRow[]}
 */
export function reportsFigureRows(r) {
  const health = `health round trip p50 ${formatMs(r.healthRoundTrip.p50)}`;
  const volumeBy = new Map(r.volume.map((v) => [v.period, v]));
  /** @type {FigureRow[]} */
  const rows = r.reports.map(({ name, period, spread: s }) => {
    const target = REPORT_TARGET_MS[period];
    const plain = volumeBy.get(period);
    return {
      figure: `Report \`${name}\` over a ${period} (GET /api/v1/reports/${name})`,
      target: `≤ ${formatMs(target)}`,
      met: s.max <= target,
      deskpad: spread(s),
      baseline:
        name === 'volume' && plain
          ? `the query alone: ${formatMs(plain.withHourly.p50)} from report_hourly, ${formatMs(plain.without.p50)} without it (${thousands(plain.total)} interactions)`
          : health,
      ratio:
        name === 'volume' && plain
          ? `${(plain.without.p50 / Math.max(plain.withHourly.p50, 0.001)).toFixed(1)}× faster with report_hourly`
          : `${(s.max / target).toFixed(2)} of the target`,
    };
  });
  /** @param {string} figure @param {import('./bench-types').DashboardTimes} d */
  const dashboardRow = (figure, d) => ({
    figure,
    target: `≤ ${formatMs(DASHBOARD_TARGET_MS)}`,
    met: d.today.max <= DASHBOARD_TARGET_MS && (d.first ?? Infinity) <= DASHBOARD_TARGET_MS,
    deskpad: `first opening ${d.first === null ? '—' : formatMs(d.first)}; ${spread(d.today)} over ${d.today.count} openings`,
    baseline: `period changed to the last 28 days → drawn: ${spread(d.month)}`,
    ratio: `${(d.today.max / DASHBOARD_TARGET_MS).toFixed(2)} of the target`,
  });
  rows.push(
    dashboardRow(
      'Dashboard clicked → every chart drawn (Today), a manager’s desk in daily use (its sync caught up), in Chromium',
      r.dashboard,
    ),
  );
  // The worst case, shown beside it: no target of its own (issue 15 makes the first sync small).
  rows.push({
    ...dashboardRow(
      'Dashboard clicked → every chart drawn (Today), a new desk while its first sync of the whole year runs',
      r.dashboardFirstSync,
    ),
    target: '—',
    met: null,
    ratio: `${(r.dashboardFirstSync.today.p50 / Math.max(r.dashboard.today.p50, 0.001)).toFixed(1)}× the caught-up desk`,
  });
  return rows;
}

/** @param {ReportsBenchResults} r */
export function reportsSection(r) {
  const l = r.loaded;
  const text = `Produced by \`${r.command}\` on ${r.date.slice(0, 10)} in ${Math.round(r.wallSeconds)} s.
    One desk server process (\`dist/bench-server/main.js\`, \`--demo --demo-history-days 28\`) on
    ${r.database}. Its demo weeks (${thousands(l.demo.interactions)} interactions, ${thousands(l.demo.visits)}
    visits, ${thousands(l.demo.calls)} calls, ${thousands(l.demo.incidents)} incidents from the history
    generator) are copied in SQL (\`bench/reports-load.mjs\`), each copy moved back a whole number of
    4-week spans within the year, with new ids and numbers and its links following it, to
    ${thousands(l.interactions)} interactions, ${thousands(l.visits)} visits, ${thousands(l.calls)} calls and
    ${thousands(l.incidents)} incidents, in ${Math.round(l.seconds)} s; report_hourly is rebuilt as
    migration 0013 builds it, then VACUUM ANALYZE. Each report is asked ${r.runs} times after one
    warm-up, as demo.manager, in ${r.timeZone}, for the 30 and the 365 days up to the last whole hour;
    a row is met when its slowest answer is. The volume query is also timed alone, on the same
    database, from report_hourly and from the interactions themselves (the same answer, checked).
    The dashboard rows are the real desk (the bench pages' \`desk.html\`, the store host in a
    Worker, IndexedDB, the React UI) signed in as demo.manager in headless Chromium: Interactions,
    then Dashboard clicked, until the status names the figures' time and every chart has its
    picture. The desk in daily use signed in before the year was copied in and had caught up (the
    copies are written in SQL: no desk is poked about them); the new desk signs in after, so its
    first sync pulls the whole year (every record, 500 at a time, until issue 15's scopes) while the
    dashboard is opened. The dashboard's script is fetched while the desk is idle after a manager
    signs in, so the first opening rarely waits for it. Other work shared the machine: its
    1-minute load average went from ${r.loadAverage.min.toFixed(1)} to ${r.loadAverage.max.toFixed(1)}.`;
  return [
    '### The desk manager’s figures over a year (issue 14)',
    '',
    markdownTable(reportsFigureRows(r), 'Figure (real desk server, a year of history)'),
    '',
    wrap(text),
  ].join('\n');
}
