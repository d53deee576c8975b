// Issue 15's slow-link figures as table rows and their README part: Lighthouse's mobile preset on
// the Sign in page and the workspace. Pure: no I/O, no clock; never measures (lighthouse-bench.mjs does).

import { formatMs, markdownTable, wrap } from './report.mjs';

/** @typedef {import('./bench-types').LighthouseResults} LighthouseResults */
/** @typedef {import('./bench-types').LighthouseRun} LighthouseRun */
/** @typedef {import('./report.mjs').FigureRow} FigureRow */

/** Issue 15's targets. */
export const LIGHTHOUSE_TARGETS = { performance: 90, accessibility: 100, bestPractices: 100 };

/** @param {number} bytes */
export const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;

/** @param {LighthouseRun} run */
export const metricsOf = (run) =>
  `FCP ${formatMs(run.fcpMs)}, LCP ${formatMs(run.lcpMs)}, TBT ${formatMs(run.tbtMs)}, ` +
  `CLS ${run.cls.toFixed(3)}, Speed Index ${formatMs(run.speedIndexMs)}; ` +
  `${kib(run.transferBytes)} transferred (scripts ${kib(run.scriptBytes)}) in ${run.requests} requests`;

/**
 * @param {LighthouseResults} l
 * @returns {FigureRow[]}
 */
export function lighthouseFigureRows(l) {
  /** @param {string} page @param {LighthouseRun} run @returns {FigureRow[]} */
  const rows = (page, run) => [
    {
      figure: `Lighthouse mobile, ${page}: performance`,
      target: `≥ ${LIGHTHOUSE_TARGETS.performance}`,
      met: run.performance >= LIGHTHOUSE_TARGETS.performance,
      deskpad: `${run.performance}: ${metricsOf(run)}`,
      baseline: '—',
      ratio: '—',
    },
    {
      figure: `Lighthouse mobile, ${page}: accessibility / best practices`,
      target: `${LIGHTHOUSE_TARGETS.accessibility} / ${LIGHTHOUSE_TARGETS.bestPractices}`,
      met:
        run.accessibility >= LIGHTHOUSE_TARGETS.accessibility &&
        run.bestPractices >= LIGHTHOUSE_TARGETS.bestPractices,
      deskpad: `${run.accessibility} / ${run.bestPractices} (SEO ${run.seo})${
        run.faults.length > 0 ? `; not passed: ${run.faults.join(', ')}` : ''
      }`,
      baseline: '—',
      ratio: '—',
    },
  ];
  return [...rows('Sign in (fresh desk)', l.signIn), ...rows('workspace (signed in)', l.workspace)];
}

/** @param {LighthouseResults} l */
export function lighthouseSection(l) {
  const text = `Produced by \`${l.command}\` in ${Math.round(l.wallSeconds)} s with Lighthouse
    ${l.lighthouseVersion} (npm \`lighthouse\`, its default config: the mobile preset, a simulated
    slow 4G link and a 4× slower CPU) driving ${l.chromium} headless through \`chrome-launcher\`
    (\`bench/lighthouse-bench.mjs\`). One desk server process (\`dist/bench-server/main.js\`,
    embedded PGlite, \`--demo\`) serves the browser build (\`dist/web\`, as \`npm run build:web\`
    makes it) on 127.0.0.1. Sign in is a fresh desk's first screen, storage and caches cleared
    by Lighthouse. Then the demo agent signs in through that page in the same Chromium; for each
    workspace run the app's service worker, its caches and the HTTP cache are cleared, the session
    (IndexedDB) kept: the next start over the network, not from the service worker. Each page's
    figures are the median of ${l.runs} runs by performance score; "not passed" names the weighted
    audits of any category that run did not pass. Lighthouse multiplies the main-thread time it
    observes by 4, so a busy machine raises TBT and lowers performance: the 1-minute load average
    was ${l.loadAverage.toFixed(1)} at the end of this run. SEO is not a target:
    \`robots.txt\` keeps search engines off a desk server on purpose (\`is-crawlable\`).`;
  return [
    '### Slow links: Lighthouse (issue 15)',
    '',
    markdownTable(lighthouseFigureRows(l), 'Figure (served browser build)'),
    '',
    wrap(text),
  ].join('\n');
}
