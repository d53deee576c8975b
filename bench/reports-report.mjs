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
  rows.push({
    figure: 'Dashboard clicked → every chart drawn on a real desk in Chromium (Today)',
    target: `≤ ${formatMs(DASHBOARD_TARGET_MS)}`,
    met:
      r.dashboardFirstRender.max <= DASHBOARD_TARGET_MS &&
      (r.dashboardColdRender ?? Infinity) <= DASHBOARD_TARGET_MS,
    deskpad: `first opening ${r.dashboardColdRender === null ? '—' : formatMs(r.dashboardColdRender)}; ${spread(r.dashboardFirstRender)} over ${r.dashboardFirstRender.count} openings`,
    baseline: `period changed to the last 28 days → drawn: ${spread(r.dashboardMonth)}`,
    ratio: `${(r.dashboardFirstRender.max / DASHBOARD_TARGET_MS).toFixed(2)} of the target`,
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
    warm-up, as demo.admin, in ${r.timeZone}, for the 30 and the 365 days up to the last whole hour;
    a row is met when its slowest answer is. The volume query is also timed alone, on the same
    database, from report_hourly and from the interactions themselves (the same answer, checked).
    The dashboard row is the real desk (the bench pages' \`desk.html\`, the store host in a Worker)
    signed in as demo.admin in headless Chromium while its first sync runs: Interactions, then
    Dashboard clicked, until the status names the figures' time and every chart has its picture;
    the first opening also loads the dashboard's script. Other work shared the machine: its
    1-minute load average went from ${r.loadAverage.min.toFixed(1)} to ${r.loadAverage.max.toFixed(1)}.`;
  return [
    '### The desk manager’s figures over a year (issue 14)',
    '',
    markdownTable(reportsFigureRows(r), 'Figure (real desk server, a year of history)'),
    '',
    wrap(text),
  ].join('\n');
}
