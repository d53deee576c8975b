// Issue 13's figures as table rows and their README part: newCall reaching every desk of the
// queue, answer reaching the answering agent's desk, and a burst of calls with nothing dropped.
// Pure: no I/O, no clock; never measures anything (phone-bench.mjs does).

import { formatMs, markdownTable, wrap } from './report.mjs';

/** @typedef {import('./bench-types').PhoneBenchResults} PhoneBenchResults */
/** @typedef {import('./bench-types').LatencySpread} LatencySpread */
/** @typedef {import('./report.mjs').FigureRow} FigureRow */

const TARGET_MS = 300;

/** @param {LatencySpread} s */
const spread = (s) => `p50 ${formatMs(s.p50)} / p95 ${formatMs(s.p95)} / max ${formatMs(s.max)}`;

/** Events lost anywhere: not answered 2xx, a call not ended as announced, an event not logged. */
export const droppedEvents = (/** @type {PhoneBenchResults['burst']} */ b) =>
  b.non2xx + b.wrongState + Math.max(0, b.events - b.eventsLogged);

/**
 * @param {PhoneBenchResults} p
 * @returns {FigureRow[]}
 */
export function phoneFigureRows(p) {
  const health = `health round trip p95 ${formatMs(p.healthRoundTrip.p95)}`;
  const latency = (/** @type {string} */ figure, /** @type {LatencySpread} */ s) => ({
    figure,
    target: `p95 ≤ ${TARGET_MS} ms`,
    met: s.count > 0 && s.p95 <= TARGET_MS && p.missing === 0,
    deskpad: `${spread(s)} (${s.count} calls${p.missing > 0 ? `; ${p.missing} arrivals never came` : ''})`,
    baseline: `${TARGET_MS} ms target; ${health}`,
    ratio: `${(s.p95 / TARGET_MS).toFixed(2)} of the target`,
  });
  const b = p.burst;
  const dropped = droppedEvents(b);
  return [
    latency(
      `Phone: newCall → the call in the last of ${p.desks} agents' desks' pulls`,
      p.newCallEveryDesk,
    ),
    ...(p.answerFormPrefilled
      ? [
          latency(
            'Phone: answer → the form prefilled on the answering agent’s desk in Chromium (New interaction, the caller in Opened for)',
            p.answerFormPrefilled,
          ),
        ]
      : []),
    latency(
      'Phone: answer → the answered call in the answering agent’s desk’s pull (the data alone)',
      p.answerAgentDesk,
    ),
    {
      figure: `Phone: ${b.rate} calls a second for ${b.seconds} s (${b.calls.toLocaleString('en-US')} calls × newCall, answer, hangup), ${p.desks} desks connected`,
      target: '0 dropped events',
      met: dropped === 0 && b.desksCaughtUpMs !== null,
      deskpad: `${dropped} dropped (${b.non2xx} not 2xx, ${b.wrongState} calls not ended as announced, ${Math.max(0, b.events - b.eventsLogged)} events not logged); the server answered ${(b.events / b.sendSeconds).toFixed(0)} events/s (${b.events.toLocaleString('en-US')} in ${b.sendSeconds.toFixed(1)} s; ${b.announcedPerSecond.toFixed(0)} calls/s offered), each request ${spread(b.request)}${b.desksCaughtUpMs === null ? `; ${b.desksBehind} desk copies still behind` : `; every desk up to date ${formatMs(b.desksCaughtUpMs)} after the last event`}`,
      baseline: health,
      ratio: `request p95 ${(b.request.p95 / Math.max(p.healthRoundTrip.p95, 0.001)).toFixed(1)}× the health round trip`,
    },
  ];
}

/** @param {PhoneBenchResults} p */
export function phoneSection(p) {
  const b = p.burst;
  const text = `Produced by \`${p.command}\` on ${p.date.slice(0, 10)} in ${Math.round(p.wallSeconds)} s.
    One desk server process (\`dist/bench-server/main.js\`, \`--demo\`) on ${p.database}; an
    administrator creates ${p.desks} agents in one group, a CTI integration and a phone queue
    \`helpdesk\` mapped to that group, all through Administration's API. Each agent's desk runs in Node (\`bench/phone-bench.mjs\`):
    its own session and loopback address, its poke stream (\`GET /api/v1/sync/events\`) and a pull on
    every poke until the server has no more, as the store host's sync engine does; a time is taken
    when the pull answer that carries the call arrives.${
      p.answerFormPrefilled
        ? ` The answer → form figure is the whole path on a real desk: Demo Agent, in the queue's group
    too, signed in to the real UI in headless Chromium (the bench pages' \`desk.html\`: the store host in
    a Worker, IndexedDB, the React form), answers ${p.answerFormPrefilled.count} calls one at a time; the
    page notes, checking every frame, when New interaction shows the caller in Opened for, and the
    agent closes each call's interaction before the next.`
        : ''
    } The phone system is
    \`scripts/cti-request.mjs\` on its own address, the simulator's request builder (\`npm run phone-sim\`).
    ${p.calls} calls one at a time, ${p.spacingMs} ms apart, half in JSON and half in form data:
    newCall for the queue, then, once every desk has it, answer naming the agent by user name. The
    newCall request alone took ${spread(p.newCallRequest)}; from its answer on, the last desk took
    ${spread(p.newCallEveryDeskAfterAnswer)}. The baseline is the server's health endpoint from the same
    address: ${spread(p.healthRoundTrip)}. Then ${b.calls.toLocaleString('en-US')} calls at ${b.rate} a
    second (each answered ${b.ringMs} ms after newCall and hung up ${b.talkMs} ms later, normalClearing,
    the encodings alternating), all ${p.desks} desks connected and pulling; ${b.events.toLocaleString('en-US')}
    requests sent in ${b.sendSeconds.toFixed(1)} s (the desks' pulls that failed and were tried again over
    the run: ${b.deskPullErrors}). Offered ${Math.round((b.events / b.seconds) * 10) / 10} events a second,
    the server answered ${(b.events / b.sendSeconds).toFixed(0)}: nothing is dropped, the requests queue
    (the phone system waits up to ${formatMs(b.request.max)} for its answer at the end of the burst), and
    pokes to the desks go out at most ten times a second while it lasts. A call counts as kept when the \`calls\` table has it
    Ended and answered by the agent the phone system named, and an event when the CTI event log has
    it (${b.eventsLogged.toLocaleString('en-US')} of ${b.events.toLocaleString('en-US')}). Other work
    shared the machine: its 1-minute load average went from ${p.loadAverage.min.toFixed(1)} to
    ${p.loadAverage.max.toFixed(1)}.`;
  return [
    '### The phone desk: calls over the generic CTI endpoint (issue 13)',
    '',
    markdownTable(phoneFigureRows(p), 'Figure (real desk server)'),
    '',
    wrap(text),
  ].join('\n');
}
