// Issue 10's figure as table rows and its README part: /health and sign-in on an idle desk server
// and under attack, side by side. Pure: no I/O, no clock; never measures (dos-bench.mjs does).

import { formatMs, markdownTable, wrap } from './report.mjs';

/** @typedef {import('./dos-types').DosBenchResults} DosBenchResults */
/** @typedef {import('./dos-types').LatencySample} LatencySample */
/** @typedef {import('./report.mjs').FigureRow} FigureRow */

/** @param {number} n */
const count = (n) => n.toLocaleString('en-US');
/** @param {LatencySample} s */
const latency = (s) =>
  `p50 ${formatMs(s.p50)}, p99 ${formatMs(s.p99)}${s.failures > 0 ? ` (${count(s.failures)} failed)` : ''}`;
/** How many times the idle p99 the attacked one is. */
const slower = (/** @type {number} */ idle, /** @type {number} */ attacked) =>
  idle > 0 ? `${(attacked / idle).toFixed(1)}× idle` : '—';

/**
 * @param {DosBenchResults} d
 * @returns {FigureRow[]}
 */
export function dosFigureRows(d) {
  const { idle, attacked, attack, attackers } = d;
  const answers = Object.entries(attack.bodyAnswers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${count(n)} × ${status}`)
    .join(', ');
  const lifetimes = attack.slowLifetimesMs;
  const longest = lifetimes.length > 0 ? Math.max(...lifetimes) : null;
  const under = `while ${attackers.bodies} clients send ${Math.round(attackers.bodyBytes / 1048576)} MiB push bodies without a session and ${attackers.slow} slow connections hang`;
  return [
    {
      figure: `\`/api/v1/health\` (reads the database), ${count(d.healthRequests)} requests, ${d.concurrency} at once, ${under}`,
      target: 'side by side',
      met: null,
      deskpad: latency(attacked.health),
      baseline: `${latency(idle.health)} (idle server)`,
      ratio: slower(idle.health.p99, attacked.health.p99),
    },
    {
      figure: `Sign-in with a correct password, ${count(d.signIns)} sign-ins, ${d.concurrency} at once, under the same attack`,
      target: 'side by side',
      met: null,
      deskpad: latency(attacked.signIn),
      baseline: `${latency(idle.signIn)} (idle server)`,
      ratio: slower(idle.signIn.p99, attacked.signIn.p99),
    },
    {
      figure: `What the server did to the attackers (${Math.round(d.attackSeconds)} s of attack)`,
      target: '—',
      met: null,
      deskpad: `${count(attack.bodyRequests)} big-body requests: ${answers || 'no answers'}, ${count(attack.bodyCutOff)} cut off before their body was sent; ${count(attack.slowClosedByServer)} slow connections closed by the server${longest === null ? '' : ` (the longest after ${formatMs(longest)})`}, ${count(attack.slowOpenAtStop)} open at the end`,
      baseline: '—',
      ratio: '—',
    },
  ];
}

/**
 * The README part: the table and how it was taken.
 * @param {DosBenchResults} d
 */
export function dosSection(d) {
  const text = `Produced by \`${d.command}\` in ${Math.round(d.wallSeconds)} s on ${d.date.slice(0, 10)},
    ${d.cores} cores, the 1-minute load average between ${d.loadAverage.min.toFixed(1)} and
    ${d.loadAverage.max.toFixed(1)} while it ran. One desk server process (\`dist/bench-server/main.js\`)
    on ${d.database}, started as \`npm run server\` starts it (default limits: headers within 10 s, a
    whole request within 30 s). Each request is on its own connection from its own loopback address
    (127.0.x.y), so the per-address sign-in limits never answer instead of the server; each sign-in
    is one of the demo agents with the right password. The attackers run in their own
    process (\`bench/dos-attack.mjs\`): ${d.attackers.bodies} clients each send a push of
    ${Math.round(d.attackers.bodyBytes / 1048576)} MiB without a session, as fast as the server takes
    it, then the next; ${d.attackers.slow} connections hang, half sending a header line every
    ${d.attackers.trickleMs / 1000} s and never ending the headers, half a sign-in body one byte every
    ${d.attackers.trickleMs / 1000} s, each reopened as soon as the server closes it. The attack runs
    for a few seconds before the measuring starts and goes on past the server's 30 s limit for a whole
    request, so its timeouts show in the last row. Everything shares the machine's cores, attackers
    included, so the attacked figures also carry the attackers' own CPU.`;
  return [
    '### A desk server under attack (issue 10)',
    '',
    markdownTable(dosFigureRows(d), 'Figure (desk server on PGlite)'),
    '',
    wrap(text),
  ].join('\n');
}
