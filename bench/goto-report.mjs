// Issue 16's Go to anything figure as table rows and its README part. Pure: no I/O, no clock; never
// measures anything (goto-bench.mjs does).

import { formatMs, markdownTable, wrap } from './report.mjs';

/** @typedef {import('./bench-types').GoToResults} GoToResults */
/** @typedef {import('./report.mjs').FigureRow} FigureRow */

const TARGET_MS = 30;

/** @param {{ p50: number; p95: number; max: number }} s */
const spread = (s) => `${formatMs(s.p50)} / ${formatMs(s.p95)} / ${formatMs(s.max)}`;

/**
 * @param {GoToResults} g
 * @returns {FigureRow[]}
 */
export function goToFigureRows(g) {
  const held = `${g.records.toLocaleString('en-US')} records`;
  const row = (
    /** @type {string} */ figure,
    /** @type {{ p50: number; p95: number; max: number; count: number }} */ s,
    /** @type {boolean} */ targeted,
  ) => ({
    figure,
    target: targeted ? `p95 ≤ ${TARGET_MS} ms` : '—',
    met: targeted ? s.count > 0 && s.p95 <= TARGET_MS : null,
    deskpad: `${spread(s)} (${s.count.toLocaleString('en-US')} keystrokes)`,
    baseline: '—',
    ratio: '—',
  });
  return [
    row(
      `Go to anything, keystroke → results shown in the app, over a desk of ${held} (p50 / p95 / max)`,
      g.keystrokes,
      true,
    ),
    row('Of which: typing a record number (IMS…, INC…, REQ…)', g.number, false),
    row('Of which: typing a caller’s first and last name', g.caller, false),
    row('Of which: typing two words of a short description', g.words, false),
    row(
      'The same keystrokes with Chromium’s DeferRendererTasksAfterInput off (as the desktop app runs)',
      g.withoutInputDeferral,
      true,
    ),
    ...(g.knowledge
      ? [
          row(
            `Knowledge suggestions beside the form over ${(g.articles ?? 0).toLocaleString('en-US')} published articles: Short description keystroke → the three best shown (p50 / p95 / max, both Chromium runs)`,
            g.knowledge,
            true,
          ),
        ]
      : []),
  ];
}

/** @param {GoToResults} g */
export function goToSection(g) {
  const text = `Produced by \`${g.command}\` in ${Math.round(g.wallSeconds)} s on ${g.date.slice(0, 10)}.
    \`bench/pages/goto.html\` seeds a desk database through the real schema (the app reads the record
    index from it when it opens, as a desk does at a start): ${g.interactions.toLocaleString('en-US')} interactions,
    ${g.incidents.toLocaleString('en-US')} incidents (\`shared/demo/incident-generator.ts\`) and
    ${g.requests.toLocaleString('en-US')} requests over the 5,000-user demo directory (took
    ${Math.round(g.seedSeconds)} s). The app (\`bench/pages/app.html\`, the real UI and store worker)
    opens on it; Playwright presses Ctrl+G and types ${g.texts} texts one key at a time — a record's
    number, a caller's first and last name, two words of a short description, in turn — and each
    keystroke's time is the renderer's own measure (\`goto:keystroke-to-render\`, from the input event
    to the layout effect that shows the results). ${g.found} of the ${g.texts} texts ended with rows
    shown. The store worker's answer arrives as a posted message, which Chromium holds after a key
    press until it has drawn the next frame (up to 16.7 ms, see issue 2's figures above); the last
    row types the same texts with that deferral switched off, as the desktop app runs.${
      g.knowledge
        ? ` The desk also holds ${(g.articles ?? 0).toLocaleString('en-US')} published knowledge articles
    (\`shared/domain/testing/bench-articles.ts\`); after the Go to texts Playwright types
    "${g.articleText ?? ''}" into Short description one key at a time, and each keystroke from the
    second letter on is the renderer's measure \`knowledge:keystroke-to-render\` (the input event to
    the layout effect that shows that text's suggestions), in both runs.`
        : ''
    } Other work
    shared the 2-core machine: its 1-minute load average was ${g.loadAverage.toFixed(1)} at the end.`;
  return [
    '### Go to anything (issue 16)',
    '',
    markdownTable(goToFigureRows(g), 'Figure (one desk)'),
    '',
    wrap(text),
  ].join('\n');
}
