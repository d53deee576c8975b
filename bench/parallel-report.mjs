// Issue 9's server figures as table rows and their README part: pushes in parallel (ADR 0007).
// Pure: no I/O, no clock; never measures anything (parallel-bench.mjs does).

import { compare, formatMs, markdownTable, throughputRatio, wrap } from './report.mjs';

/** @typedef {import('./bench-types').ParallelBenchResults} ParallelBenchResults */
/** @typedef {import('./report.mjs').FigureRow} FigureRow */

/** @param {number} n */
const count = (n) => n.toLocaleString('en-US');
/** @param {number} n */
const rate = (n) => Math.round(n).toLocaleString('en-US');
/** @param {{ p50: number; p95: number; p99: number }} s */
const latency = (s) => `${formatMs(s.p50)} / ${formatMs(s.p95)} / ${formatMs(s.p99)}`;

/**
 * @param {ParallelBenchResults} p
 * @returns {FigureRow[]}
 */
export function parallelFigureRows(p) {
  const { alone, together, many, twoInstances } = p;
  const speedUp = together.mutationsPerSecond / alone.mutationsPerSecond;
  const twoFactor = twoInstances.mutationsPerSecond / together.mutationsPerSecond;
  return [
    {
      figure: `${together.desks} desks pushing (${together.mutationsPerPush} mutations each) and pulling at once on PostgreSQL: push latency p50 / p95 / p99 (${count(together.pushes)} pushes)`,
      target: 'p99 ≤ 100 ms',
      met: together.push.p99 <= 100,
      deskpad: latency(together.push),
      baseline: `${latency(alone.push)} (one desk alone, same server)`,
      ratio: compare(alone.push.p99, together.push.p99),
    },
    {
      figure: `${together.desks} desks: throughput`,
      target: '≥ 5× one desk',
      met: speedUp >= 5,
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
      figure: `${many.desks} desks (${many.rounds} pushes of ${many.mutationsPerPush} each): push p50 / p95 / p99 (${count(many.pushes)} pushes); pull p50 / p95 / p99 (${count(many.pulls)} pulls, ${count(many.pulledRows)} rows)`,
      target: 'no errors, p50/p99 reported',
      met: many.errors === 0,
      deskpad: `push ${latency(many.push)}; pull ${latency(many.pull)}; ${many.errors} errors; ${rate(many.mutationsPerSecond)} mutations/s`,
      baseline: '—',
      ratio: '—',
    },
    {
      figure: `Two server instances on one database, ${twoInstances.desks} desks half on each: throughput`,
      target: '≥ 1.6× one instance',
      met: twoFactor >= 1.6,
      deskpad: `${rate(twoInstances.pushesPerSecond)} pushes/s, ${rate(twoInstances.mutationsPerSecond)} mutations/s; push p99 ${formatMs(twoInstances.push.p99)} (the slower instance)`,
      baseline: `${rate(together.mutationsPerSecond)} mutations/s (${together.desks} desks on one instance)`,
      ratio: `${twoFactor.toFixed(1)}× one instance`,
    },
    {
      figure: 'Every run: errors, and interactions created vs on the server afterwards',
      target: 'no errors',
      met:
        [alone, together, many, twoInstances].every((r) => r.errors === 0) &&
        p.interactionsCreated === p.interactionsOnServer,
      deskpad: `${[alone, together, many, twoInstances].reduce((s, r) => s + r.errors, 0)} errors; ${count(p.interactionsCreated)} created, ${count(p.interactionsOnServer)} on the server`,
      baseline: '—',
      ratio: '—',
    },
  ];
}

/**
 * The README part: the table and how it was taken.
 * @param {ParallelBenchResults} p
 */
export function parallelSection(p) {
  const text = `Produced by \`${p.command}\` in ${Math.round(p.wallSeconds)} s on ${p.date.slice(0, 10)},
    ${p.cores} cores, the 1-minute load average between ${p.loadAverage.min.toFixed(1)} and
    ${p.loadAverage.max.toFixed(1)} while it ran (other work on the machine moves these figures).
    Desk server processes (\`dist/bench-server/main.js\`, \`DATABASE_URL\` set) on ${p.database},
    started with fsync and synchronous_commit off. Simulated desks in Node (\`bench/desk-load.mjs\`),
    each with its own clientId and loopback address (127.0.x.y), push batches (creates, updates, work
    notes and closes) and pull after each push until the server has no more; every desk pulls every
    other desk's interactions, from a cursor caught up when its run starts. The desks run on the
    server's machine, so they check only their first pull answer with the shared schema (the rest:
    JSON and the envelope). Pushes lock only the client's row, the records they touch and, last,
    the counter of the numbers they use (docs/decisions/0007); pulls stop their cursor at the oldest
    transaction still running. The two-instance run splits the same desks over two processes on the
    same database and adds their throughputs over the longer wall time.`;
  return [
    '### Pushes in parallel (issue 9)',
    '',
    markdownTable(parallelFigureRows(p), 'Figure (desk servers on PostgreSQL)'),
    '',
    wrap(text),
  ].join('\n');
}
