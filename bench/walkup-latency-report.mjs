// Issue 12's latency figure as table rows and its README part: a kiosk check-in reaching the lobby
// board and every desk. Pure: no I/O, no clock; never measures anything (walkup-latency-bench.mjs does).

import { formatMs, markdownTable, wrap } from './report.mjs';

/** @typedef {import('./bench-types').WalkupLatencyResults} WalkupLatencyResults */
/** @typedef {import('./report.mjs').FigureRow} FigureRow */

const TARGET_MS = 500;

/** @param {{ p50: number; p95: number; max: number }} s */
const spread = (s) => `p50 ${formatMs(s.p50)} / p95 ${formatMs(s.p95)} / max ${formatMs(s.max)}`;

/**
 * @param {WalkupLatencyResults} w
 * @returns {FigureRow[]}
 */
export function walkupLatencyFigureRows(w) {
  const via = w.checkInPath === 'kiosk' ? 'kiosk check-in' : 'check-in (push, channel kiosk)';
  const row = (
    /** @type {string} */ figure,
    /** @type {{ p50: number; p95: number; max: number; count: number }} */ s,
  ) => ({
    figure,
    target: `p95 ≤ ${TARGET_MS} ms`,
    met: s.count > 0 && s.p95 <= TARGET_MS && w.missing === 0,
    deskpad: `${spread(s)} (${s.count} samples${w.missing > 0 ? `; ${w.missing} never arrived` : ''})`,
    baseline: `${TARGET_MS} ms target`,
    ratio: `${(s.p95 / TARGET_MS).toFixed(2)} of the target`,
  });
  return [
    row(`Walk-up ${via} → on the lobby board's stream, ${w.desks} desks connected`, w.lobby),
    row(`Walk-up ${via} → in the last of ${w.desks} desks' pulls (every desk has it)`, w.everyDesk),
  ];
}

/** @param {WalkupLatencyResults} w */
export function walkupLatencySection(w) {
  const text = `Produced by \`${w.command}\` in ${Math.round(w.wallSeconds)} s. One desk server
    process (\`dist/bench-server/main.js\`, embedded PGlite, \`--demo\`) with ${w.desks} desks in Node
    (\`bench/walkup-latency-bench.mjs\`), each signed in with its own session and loopback address,
    holding its poke stream (\`GET /api/v1/sync/events\`) and pulling on every poke until the server
    has no more, as the store host's sync engine does; the time is taken when the pull answer that
    carries the visit arrives (the desk's IndexedDB write after it is not included). A lobby account
    holds the board's stream (\`GET /api/v1/lobby/{location}/events\`); its time is the first board
    that lists the person. ${w.checkIns} check-ins, one every ${w.spacingMs} ms, ${
      w.checkInPath === 'kiosk'
        ? 'at the kiosk endpoint (`POST /api/v1/kiosk/check-ins`, kiosk account)'
        : 'as `visit.checkIn` pushed by a desk (the kiosk endpoint was not on this server)'
    }; the clock starts when the request is sent. All processes share the machine: the check-in
    request alone took ${spread(w.checkIn)}, and the 1-minute load average was
    ${w.loadAverage.toFixed(1)} at the end. From the check-in's answer on, the board took
    ${spread(w.lobbyAfterAnswer)} and the last desk ${spread(w.everyDeskAfterAnswer)}.`;
  return [
    '### Walk-up check-in to lobby board and desks (issue 12)',
    '',
    markdownTable(walkupLatencyFigureRows(w), 'Figure (real desk server)'),
    '',
    wrap(text),
  ].join('\n');
}
