// Issue 16's key counts (a known caller's call without a phone system, typed and with a contact
// template) as table rows and their README part. Pure: no I/O, no clock; never measures anything
// (keys-bench.mjs does).

import { formatMs, markdownTable, wrap } from './report.mjs';

/** @typedef {import('./bench-types').KeysResults} KeysResults */
/** @typedef {import('./bench-types').KeysRound} KeysRound */
/** @typedef {import('./report.mjs').FigureRow} FigureRow */

/** The figures: ≤ 9 keys plus the short description typed, ≤ 6 in all with a template. */
const TYPED_TARGET = 9;
const TEMPLATE_TARGET = 6;

/** @param {{ p50: number; p95: number; max: number }} s */
const spread = (s) => `${formatMs(s.p50)} / ${formatMs(s.p95)} / ${formatMs(s.max)}`;

/** The keys of a round that are not the caller's letters (those come right after Alt+N). */
const besidesCaller = (/** @type {KeysRound} */ r) => {
  const pick = r.keys.indexOf('ArrowDown');
  return r.keys.length - Math.max(0, pick - 1);
};

/**
 * A round's keys in words: the caller's letters and a typed short description counted, not listed.
 * @param {KeysRound | undefined} r
 */
export function describeRound(r) {
  if (!r) return '';
  const pick = r.keys.indexOf('ArrowDown');
  const middle = r.keys.slice(pick + 2, -1);
  const what =
    r.how === 'typed' ? `the short description (${middle.length} characters)` : middle.join('');
  const caller =
    pick === 1
      ? 'ArrowDown, Enter (the latest caller)'
      : `${pick - 1} letters of the caller, ArrowDown, Enter`;
  return `Alt+N, ${caller}, ${what}, ${r.keys.at(-1) ?? ''}`;
}

/**
 * @param {KeysResults} k
 * @returns {FigureRow[]}
 */
export function keysFigureRows(k) {
  const template = k.rounds.filter((r) => r.how === 'template');
  const recent = k.rounds.filter((r) => r.how === 'recent');
  const typed = k.rounds.filter((r) => r.how === 'typed');
  const most = (/** @type {number[]} */ n) => Math.max(0, ...n);
  const templateKeys = most(template.map((r) => r.keys.length));
  const templateBesides = most(template.map(besidesCaller));
  const typedKeys = most(typed.map((r) => r.keys.length - r.typed));
  const right = template.every((r) => r.shortDescription === k.template);
  const recentKeys = most(recent.map((r) => r.keys.length));
  const recentRight = recent.every((r) => r.shortDescription === k.template);
  return [
    {
      figure: `A known caller's call without a phone system, short description typed: keys besides the short description (${typed.length} calls)`,
      target: `≤ ${TYPED_TARGET}`,
      met: typed.length > 0 && typedKeys <= TYPED_TARGET,
      deskpad: `${typedKeys} keys: ${describeRound(typed[0])}`,
      baseline: '—',
      ratio: '—',
    },
    {
      figure: `The same call with the contact template ${k.template} (\`/\` and a letter in Short description, Ctrl+Enter on it): keys in all (${template.length} calls${right ? '' : '; a template was not applied!'})`,
      target: `≤ ${TEMPLATE_TARGET}`,
      met: template.length > 0 && right && templateKeys <= TEMPLATE_TARGET,
      deskpad: `${templateKeys} keys: ${describeRound(template[0])}`,
      baseline: `${typedKeys} keys + ${typed[0]?.typed ?? 0} characters typed`,
      ratio: '—',
    },
    {
      figure: `The caller rings back: picked from Opened for's recent callers (ArrowDown, Enter in the empty field), the same template: keys in all (${recent.length} calls${recentRight ? '' : '; a template was not applied!'})`,
      target: `≤ ${TEMPLATE_TARGET}`,
      met: recent.length > 0 && recentRight && recentKeys <= TEMPLATE_TARGET,
      deskpad: recent.length > 0 ? `${recentKeys} keys: ${describeRound(recent[0])}` : 'not run',
      baseline: `${templateKeys} keys by the caller's name`,
      ratio: '—',
    },
    {
      figure:
        'Of which: keys besides the caller’s letters (Alt+N, the pick, the template, Ctrl+Enter)',
      target: '—',
      met: null,
      deskpad: `${templateBesides} keys`,
      baseline: '—',
      ratio: '—',
    },
    {
      figure:
        'First key → "Closed IMS…: Closed Complete" on screen, with a template (p50 / p95 / max)',
      target: '—',
      met: null,
      deskpad: spread(k.withTemplate),
      baseline: `${spread(k.typed)} (typed)`,
      ratio: '—',
    },
  ];
}

/** @param {KeysResults} k */
export function keysSection(k) {
  const text = `Produced by \`${k.command}\` in ${Math.round(k.wallSeconds)} s on ${k.date.slice(0, 10)}.
    A desk server on PGlite with the demo seeded (its three HQ contact templates among it) serves
    the browser build; Playwright signs in as demo.agent and logs ${k.rounds.length} calls in turn,
    pressing only keys: Alt+N, a caller's first four letters (a different caller each call), ArrowDown
    and Enter to pick them (focus moves on to Short description), then either the short description
    typed in full or \`/p\` to list the templates with ${k.template} highlighted, and Ctrl+Enter (on the
    highlighted template it applies it, then saves and closes). Every third call is the previous
    caller ringing back: ArrowDown in the empty Opened for lists the agent's latest callers, newest
    first, and Enter picks them. Every key is counted. The issue's "≤ 6 in total" holds for a caller who
    rang lately; it cannot while the caller is looked up by typing: Alt+N, one letter and the pick are
    already 4 keys; besides the caller's letters the template path is within 6. Other work shared the
    2-core machine: its 1-minute load average was ${k.loadAverage.toFixed(1)} at the end.`;
  return [
    '### Keys for a known caller’s call, with and without a template (issue 16)',
    '',
    markdownTable(keysFigureRows(k), 'Figure (one desk)'),
    '',
    wrap(text),
  ].join('\n');
}
