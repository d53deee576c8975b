// Turns one benchmark run (bench/results.json) into the table `npm run bench` prints and the
// README section between the bench markers. Pure: no I/O, no clock; never measures anything.

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

/** @param {boolean | null} met */
const mark = (met) => (met === null ? '' : met ? ' ✔' : ' ✘');

/**
 * @param {FigureRow[]} rows
 * @returns {string}
 */
export function markdownTable(rows) {
  const escape = (/** @type {string} */ text) => text.replaceAll('|', '\\|');
  const lines = [
    '| Figure (100,000 users) | Target | Deskpad | Baseline, same run | Deskpad vs baseline |',
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
    (\`DeferRendererTasksAfterInput\`), so up to one frame (about 16.7 ms) of that figure is the browser
    waiting. The row after it types the same keys with that feature switched off, as the desktop app
    runs (\`electron/main/chromium-switches.ts\`); a web page cannot switch it off.`,
  ];
  return [
    README_START,
    '',
    markdownTable(figureRows(r)),
    '',
    paragraphs.map((p) => wrap(p)).join('\n\n'),
    '',
    README_END,
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
