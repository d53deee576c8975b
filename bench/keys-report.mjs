// Issue 16's key counts (a known caller's call without a phone system, typed and with a contact
// template; a caller who rings back; a caller new to the run for comparison) as table rows and
// their README part. Pure: no I/O, no clock; never measures anything
// (keys-bench.mjs does).

import { formatMs, markdownTable, wrap } from './report.mjs';

/** @typedef {import('./bench-types').KeysResults} KeysResults */
/** @typedef {import('./bench-types').KeysRound} KeysRound */
/** @typedef {import('./report.mjs').FigureRow} FigureRow */

/** The issue's figures: ≤ 9 keys plus the short description typed, ≤ 6 in all with a template. */
const TYPED_TARGET = 9;
const TEMPLATE_TARGET = 6;
/** keys-bench.mjs's HISTORY_SAMPLE_STEP in words. */
const HISTORY_STEP_WORD = '8th';

/** @param {{ p50: number; p95: number; max: number }} s */
const spread = (s) => `${formatMs(s.p50)} / ${formatMs(s.p95)} / ${formatMs(s.max)}`;

/**
 * A round's keys in words: the caller's letters shown, a typed short description counted.
 * @param {KeysRound | undefined} r
 */
export function describeRound(r) {
  if (!r) return '';
  const picked = r.how === 'recent' ? 2 : r.letters + 1;
  const middle = r.keys.slice(1 + picked, -1);
  const what =
    r.how === 'known-typed'
      ? `the short description (${middle.length} characters)`
      : middle.join('');
  const letters = r.keys.slice(1, 1 + r.letters).join('');
  const caller =
    r.how === 'recent'
      ? 'ArrowDown, Enter (the latest caller)'
      : `${r.letters} letter${r.letters === 1 ? '' : 's'} of the caller's name ("${letters}"), Enter`;
  return `Alt+N, ${caller}, ${what}, ${r.keys.at(-1) ?? ''}`;
}

/**
 * @param {KeysResults} k
 * @returns {FigureRow[]}
 */
export function keysFigureRows(k) {
  const of = (/** @type {KeysRound['how']} */ how) => k.rounds.filter((r) => r.how === how);
  const [fresh, known, typed, recent] = [of('new'), of('known'), of('known-typed'), of('recent')];
  const most = (/** @type {number[]} */ n) => Math.max(0, ...n);
  const allKeys = (/** @type {KeysRound[]} */ rounds) => most(rounds.map((r) => r.keys.length));
  const applied = (/** @type {KeysRound[]} */ rounds) =>
    rounds.every((r) => r.shortDescription === k.template);
  const note = (/** @type {KeysRound[]} */ rounds) =>
    `${rounds.length} calls${applied(rounds) ? '' : '; a template was not applied!'}`;
  const knownKeys = allKeys(known);
  const typedKeys = most(typed.map((r) => r.keys.length - r.typed));
  const recentKeys = allKeys(recent);
  const freshKeys = allKeys(fresh);
  const worst = (/** @type {KeysRound[]} */ rounds, /** @type {number} */ keys) =>
    rounds.find((r) => r.keys.length === keys) ?? rounds[0];
  return [
    {
      figure: `A known caller's call without a phone system (a caller of an earlier call, by name), short description typed: keys besides the short description (${typed.length} calls)`,
      target: `≤ ${TYPED_TARGET}`,
      met: typed.length > 0 && typedKeys <= TYPED_TARGET,
      deskpad: `${typedKeys} keys: ${describeRound(typed[0])}`,
      baseline: '—',
      ratio: '—',
    },
    {
      figure: `The same call with the contact template ${k.template} (\`/\` in Short description and letters of its name until it is highlighted, Ctrl+Enter on it): keys in all (${note(known)})`,
      target: `≤ ${TEMPLATE_TARGET}`,
      met: known.length > 0 && applied(known) && knownKeys <= TEMPLATE_TARGET,
      deskpad: `${knownKeys} keys: ${describeRound(worst(known, knownKeys))}`,
      baseline: `${typedKeys} keys + ${typed[0]?.typed ?? 0} characters typed`,
      ratio: '—',
    },
    {
      figure: `The caller rings back: picked from Opened for's recent callers (ArrowDown, Enter in the empty field), the same template: keys in all (${note(recent)})`,
      target: `≤ ${TEMPLATE_TARGET}`,
      met: recent.length > 0 && applied(recent) && recentKeys <= TEMPLATE_TARGET,
      deskpad: recent.length > 0 ? `${recentKeys} keys: ${describeRound(recent[0])}` : 'not run',
      baseline: `${knownKeys} keys by the caller's name`,
      ratio: '—',
    },
    {
      figure: `For comparison: a caller none of this run's calls were for, by name, the same template: keys in all (${note(fresh)})`,
      target: '—',
      met: null,
      deskpad:
        fresh.length > 0
          ? `${freshKeys} keys: ${describeRound(worst(fresh, freshKeys))}`
          : 'not run',
      baseline: '—',
      ratio: '—',
    },
    ...historyRows(k.byHistory ?? [], most(known.map((r) => r.keys.length - r.letters - 3))),
    {
      figure:
        'First key → "Closed IMS…: Closed Complete" on screen, known caller with a template (p50 / p95 / max)',
      target: '—',
      met: null,
      deskpad: spread(k.withTemplate),
      baseline: `${spread(k.typed)} (typed)`,
      ratio: '—',
    },
  ];
}

/**
 * The agent's known callers from the desk's history: how many letters each needed, and the keys a
 * call with the template would then take (Alt+N, the letters, Enter, the template's keys as the
 * run's known calls took them, Ctrl+Enter).
 * @param {NonNullable<KeysResults['byHistory']>} sample
 * @param {number} templateKeys `/` and the letters that highlighted the template (2 when unknown)
 * @returns {FigureRow[]}
 */
export function historyRows(sample, templateKeys = 2) {
  if (sample.length === 0) return [];
  const letters = sample.map((s) => s.letters).sort((a, b) => a - b);
  const median = letters[Math.floor((letters.length - 1) / 2)] ?? 0;
  const count = (/** @type {(n: number) => boolean} */ which) => letters.filter(which).length;
  const unmarked = sample.filter((s) => !s.known).length;
  const keys = (/** @type {number} */ n) => n + 3 + (templateKeys > 0 ? templateKeys : 2);
  return [
    {
      figure: `The agent's known callers from the desk's demo history (every ${HISTORY_STEP_WORD} of them by frecency, ${sample.length} callers${unmarked === 0 ? '' : `; ${unmarked} not marked known!`}): letters of the name until they are the first match, and keys with the template`,
      target: '—',
      met: null,
      deskpad: `1 letter: ${count((n) => n === 1)}, 2: ${count((n) => n === 2)}, 3 or more: ${count((n) => n >= 3)}; median ${median} (${keys(median)} keys), at most ${letters.at(-1) ?? 0} (${keys(letters.at(-1) ?? 0)} keys)`,
      baseline: '—',
      ratio: '—',
    },
  ];
}

/** @param {KeysResults} k */
export function keysSection(k) {
  const text = `Produced by \`${k.command}\` in ${Math.round(k.wallSeconds)} s on ${k.date.slice(0, 10)}.
    A desk server on PGlite with the demo seeded (its history and its three HQ contact templates
    among it) serves the browser build; Playwright signs in as demo.agent and logs ${k.rounds.length}
    calls in turn, pressing only keys: Alt+N, then the caller as an agent finds them — the surname,
    then the given name, typed a letter at a time until the first match is the caller, and Enter
    (focus moves on to Short description) — then either the short description typed in full or
    \`/\` and the letters of ${k.template} until it is the highlighted template (a bare \`/\` lists
    the agent's most used template first), and Ctrl+Enter (on the highlighted template it applies
    it, then saves and closes). In turn: two callers none of the run's calls
    were for, the older of them again (template), the other again (typed), then the latest caller
    ringing back (ArrowDown in the empty Opened for lists the agent's latest callers, Enter picks).
    Then, logging nothing, every ${HISTORY_STEP_WORD} of the agent's known callers from the desk's
    14 days of demo history (ranked as the store host ranks them) is typed the same way.
    A known caller needs few letters because the lookup lists the agent's known callers first
    among a prefix's matches (frecency over the agent's interactions on the desk,
    docs/decisions/0019-contact-templates.md). Every key is counted. Other work shared the 2-core
    machine: its 1-minute load average was ${k.loadAverage.toFixed(1)} at the end.`;
  return [
    '### Keys for a known caller’s call, with and without a template (issue 16)',
    '',
    markdownTable(keysFigureRows(k), 'Figure (one desk)'),
    '',
    wrap(text),
  ].join('\n');
}
