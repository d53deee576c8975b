// Issue 15's scope figures as table rows and their README part: a fresh desk on five years of
// history stored and searchable beside today's full pull, its storage, and a week offline caught
// up. Pure: no I/O, no clock; never measures anything (scope-bench.mjs does).

import { formatMs, markdownTable, wrap } from './report.mjs';

/** @typedef {import('./scope-types').ScopeBenchResults} ScopeBenchResults */
/** @typedef {import('./report.mjs').FigureRow} FigureRow */

export const TARGETS = { freshMs: 10_000, storageBytes: 200 * 1024 * 1024, weekMs: 5_000 };

const MB = 1024 * 1024;
const count = (/** @type {number | null} */ n) => (n === null ? '?' : n.toLocaleString('en-US'));
const mb = (/** @type {number | null} */ bytes) =>
  bytes === null ? 'not given by the browser' : `${(bytes / MB).toFixed(1)} MB`;

/**
 * The slower of the two signals, stored (caught up) and searchable (found by number and word);
 * null when the desk had not caught up when the bench stopped waiting.
 */
const readyMs = (/** @type {{ caughtUpMs: number | null; searchableMs: number | null }} */ d) =>
  d.caughtUpMs === null || d.searchableMs === null ? null : Math.max(d.caughtUpMs, d.searchableMs);

/** What the full pull took, or that it had not finished (a lower bound) and what it held then. */
function fullPull(/** @type {ScopeBenchResults['baseline']} */ b) {
  const ms = readyMs(b);
  const what = `today's full pull of ${count(b.history.interactions)} interactions`;
  return ms === null
    ? `${what}: not caught up after ${formatMs(b.timeoutMs)} (${mb(b.storage.usageBytes)} stored by then)`
    : `${what}: ${formatMs(ms)} (${count(b.storage.records)} records)`;
}

/**
 * @param {ScopeBenchResults} s
 * @returns {FigureRow[]}
 */
export function scopeFigureRows(s) {
  const fresh = readyMs(s.scoped) ?? Infinity;
  const full = readyMs(s.baseline);
  const faster =
    full === null
      ? `over ${(s.baseline.timeoutMs / fresh).toFixed(1)}× faster than the full pull`
      : `${(full / Math.max(fresh, 1)).toFixed(1)}× faster than the full pull`;
  const usage = s.scoped.storage.usageBytes;
  const week = Math.max(s.week.caughtUpMs, s.week.lastChangeFoundMs);
  return [
    {
      figure: `Scope: a fresh desk signs in on ${count(s.history.interactions)} interactions (five years) → its scope stored and searchable (caught up; the latest interaction found by number and by a word)`,
      target: `≤ ${formatMs(TARGETS.freshMs)}`,
      met: fresh <= TARGETS.freshMs,
      deskpad: `${formatMs(fresh)} (caught up ${formatMs(s.scoped.caughtUpMs ?? Infinity)}, found ${formatMs(s.scoped.searchableMs ?? Infinity)}; ${count(s.scoped.storage.records)} records held; the server's own time on its ${s.scoped.serverPulls.count} pulls ${formatMs(s.scoped.serverPulls.ms)})`,
      baseline: fullPull(s.baseline),
      ratio: faster,
    },
    {
      figure: 'Scope: the desk’s storage after that (navigator.storage.estimate().usage)',
      target: `≤ ${TARGETS.storageBytes / MB} MB`,
      met: usage === null ? null : usage <= TARGETS.storageBytes,
      deskpad: `${mb(usage)} (IndexedDB ${mb(s.scoped.storage.indexedDbBytes)})`,
      baseline: `full pull: ${mb(s.baseline.storage.usageBytes)}${readyMs(s.baseline) === null ? ' when the bench stopped waiting' : ''}`,
      ratio:
        usage === null
          ? '—'
          : `${(usage / TARGETS.storageBytes).toFixed(2)} of the target; full pull ${((s.baseline.storage.usageBytes ?? 0) / Math.max(usage, 1)).toFixed(1)}× as much`,
    },
    {
      figure: `Scope: the desk back after a week offline (${count(s.week.interactions)} new interactions, ${count(s.week.incidents)} incidents, ${count(s.week.updates)} changes to held records) → caught up, the last change found`,
      target: `≤ ${formatMs(TARGETS.weekMs)}`,
      met: week <= TARGETS.weekMs && s.week.pendingChanges === 0,
      deskpad: `${formatMs(week)} (caught up ${formatMs(s.week.caughtUpMs)}, found ${formatMs(s.week.lastChangeFoundMs)}; the server's own time on its ${s.week.serverPulls.count} pulls ${formatMs(s.week.serverPulls.ms)})`,
      baseline: `the fresh desk: ${formatMs(fresh)}`,
      ratio: `${(week / TARGETS.weekMs).toFixed(2)} of the target`,
    },
  ];
}

/** @param {ScopeBenchResults} s */
export function scopeSection(s) {
  const h = s.history;
  const b = s.baseline.history;
  const text = `Produced by \`${s.command}\` on ${s.date.slice(0, 10)} in ${Math.round(s.wallSeconds)} s.
    One desk server process (\`dist/bench-server/main.js\`, \`--demo\` with its last 28 days) on
    ${s.database}; its demo weeks are copied in SQL (\`bench/scope-load.mjs\`, the reports bench's
    copier over 65 four-week spans) to five years: ${count(h.interactions)} interactions,
    ${count(h.incidents)} incidents, ${count(h.visits)} visits and ${count(h.calls)} calls (loaded in
    ${Math.round(h.loadSeconds)} s). Copies older than the demo's weeks have their open work closed,
    but one copy in 50 (the long-running few): ${count(h.openInteractions)} interactions and
    ${count(h.openIncidents)} incidents open, ${count(h.recentInteractions)} interactions changed in
    the last 30 days. The desk is the bench pages' \`desk.html\` served by that server (the real UI,
    the store host in a Worker, IndexedDB) in headless Chromium on a new profile; it signs in as
    \`${s.agent}\` and is timed as a black box: until \`sync.status\` says online with a complete
    pull behind it, and until Go to anything's query finds the latest interaction (given a word no
    other record has) by its number and by that word; then Ctrl+G and the number typed showed its row
    in ${formatMs(s.scoped.goToOnScreenMs ?? Infinity)}. Storage is the browser's \`navigator.storage.estimate()\`
    after the store host's own measure following its first eviction${s.scoped.storage.measuredAfterPull ? '' : ' (it had not measured again within 30 s: read as the pull left it)'}.
    The full pull beside it is a second database made the same way with ${count(b.interactions)}
    interactions (${count(b.incidents)} incidents, ${count(b.visits)} visits, ${count(b.calls)}
    calls) whose administrator setting N is ${s.baseline.recentDays} days (and the ceiling 20 GB):
    every row is in the desk's scope, so the desk receives what an unscoped pull sends, by the same
    path; ${
      s.baseline.caughtUpMs === null
        ? `the bench stopped waiting after ${formatMs(s.baseline.timeoutMs)}, the desk still pulling (its storage then is the row's figure)`
        : `it caught up in ${formatMs(s.baseline.caughtUpMs)} and found the latest in ${formatMs(s.baseline.searchableMs ?? Infinity)}`
    }. For the week, the first desk goes offline
    (\`context.setOffline(true)\`) while the server takes, in SQL with new versions and transaction
    ids as any write, copies of the demo's last 7 days: ${count(s.week.interactions)} new
    interactions with the ${count(s.week.incidents)} incidents they escalated, then
    ${count(s.week.updates)} held open incidents and interactions changed; back online, until a
    complete pull and the week's last change found (a week of 100 agents at about 40 contacts a day
    each, as the issue puts it; the five-year history itself averages some 3,800 interactions a week,
    and its volume is a 100-agent desk's while its agents are the demo's six). Where the time goes:
    the server's own time, from its request log, is in the rows: the fresh desk's is one streamed
    snapshot; the week's pulls (up to 5,000 records a page) are each asked for while the desk stores
    the one before. The rest is each answer's way into the store host (decompressed, parsed and
    checked) and the desk storing and indexing it, closed records a hundred to an IndexedDB row (ADR
    0020, "Packs"). The loader's writes are on disk (CHECKPOINT, sync) before each desk is timed;
    the desk, its server and PostgreSQL then share the 2-core machine (ADR 0020, "The week's pulls
    made cheaper at both ends"); the machine's 1-minute load average went from ${s.loadAverage.min.toFixed(1)} to ${s.loadAverage.max.toFixed(1)}.`;
  return [
    '### A desk holds what it needs: sync scopes (issue 15)',
    '',
    markdownTable(scopeFigureRows(s), 'Figure (real desk server, desk in Chromium)'),
    '',
    wrap(text),
  ].join('\n');
}
