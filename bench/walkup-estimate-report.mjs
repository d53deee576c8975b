// The walk-up wait estimate's figures as rows and the README part of the bench report: Deskpad's
// estimate beside ServiceNow's formula on the simulated days. Pure; never measures anything.

import { markdownTable, wrap } from './report.mjs';

/** @typedef {import('./bench-types').WalkUpEstimateResults} WalkUpEstimateResults */
/** @typedef {import('./bench-types').EstimateErrors} EstimateErrors */
/** @typedef {import('./report.mjs').FigureRow} FigureRow */

const min = (/** @type {number} */ m) => `${m.toFixed(1)} min`;
const share = (/** @type {number} */ s) => `${Math.round(s * 100)} %`;
/** @param {EstimateErrors} e */
const described = (e) =>
  `${min(e.medianAbsMinutes)} (p90 ${min(e.p90AbsMinutes)}; ${share(e.within5)} within 5 min)`;

/**
 * @param {WalkUpEstimateResults} w
 * @returns {FigureRow[]}
 */
export function walkUpEstimateRows(w) {
  const first = w.perDay[0];
  return [
    {
      figure: `Walk-up wait estimate at check-in, median absolute error over ${w.arrivals.toLocaleString('en-US')} arrivals on ${w.days} simulated day${w.days === 1 ? '' : 's'} (actual waits: median ${min(w.waits.median)}, p90 ${min(w.waits.p90)})`,
      target: 'report',
      met: w.deskpad.medianAbsMinutes <= w.serviceNow.medianAbsMinutes,
      deskpad: described(w.deskpad),
      baseline: `ServiceNow's formula: ${described(w.serviceNow)}`,
      ratio: `${(w.serviceNow.medianAbsMinutes / Math.max(w.deskpad.medianAbsMinutes, 0.01)).toFixed(1)}× smaller error`,
    },
    ...(first && w.days > 1
      ? [
          {
            figure: `The same on the first day alone (seed ${first.seed}, ${first.arrivals} arrivals)`,
            target: 'report',
            met: first.deskpadMedianAbsMinutes <= first.serviceNowMedianAbsMinutes,
            deskpad: min(first.deskpadMedianAbsMinutes),
            baseline: `ServiceNow's formula: ${min(first.serviceNowMedianAbsMinutes)}`,
            ratio: `${(first.serviceNowMedianAbsMinutes / Math.max(first.deskpadMedianAbsMinutes, 0.01)).toFixed(1)}× smaller error`,
          },
        ]
      : []),
  ];
}

/**
 * The README part: the table and how the days are simulated.
 * @param {WalkUpEstimateResults} w
 */
export function walkUpEstimateSection(w) {
  const days = w.perDay
    .map((d) => `${min(d.deskpadMedianAbsMinutes)} vs ${min(d.serviceNowMedianAbsMinutes)}`)
    .join('; ');
  const paragraphs = [
    `Produced by \`${w.command}\` on ${w.date.slice(0, 10)} (${w.wallSeconds.toFixed(1)} s; a
    simulation in Node, \`bench/walkup-estimate-bench.mjs\`, no server or browser). Each day is drawn
    from a fixed seed (${w.days === 1 ? `seed ${w.seed}` : `seeds ${w.seed}–${w.seed + w.days - 1}`}): check-ins from 08:00 to 16:45 arrive
    as a Poisson process of 10 an hour with a morning peak of +30 around 09:30 and +10 around 13:00;
    2 to 4 counters are open as the day goes (4 from 09:00 to 11:00, 2 over lunch); each calls the
    next person in queue order (VIPs, 8 %, first) when free; the walk to the counter is log-normal
    (median 0.75 min), the service log-normal (median 7 min, σ 0.55), 4 % of calls are no-shows
    released after the 3-minute grace. Twenty services from the day before give the first arrivals a
    median to read.`,
    `At every check-in, both estimates read exactly what a desk would hold at that moment (the visits
    so far, their states and times) through \`shared/domain/walk-up-queue.ts\`: Deskpad's
    \`estimateWaits\` (the rolling median of the last 20 services, measured from the call to the end,
    and a per-station simulation of the queue over the stations that served in the last 30 minutes)
    and \`serviceNowEstimate\` (the queue's average wait so far × the place in the queue). The error
    is |estimate − actual wait until called|. Measuring services from the start instead of the call
    (the walk to the counter left out) gave a pooled median error of 3.4 min (p90 18.1 min) and
    underestimated the waits, which is why the call is the start. Per day, Deskpad vs ServiceNow: ${days}.`,
  ];
  return [
    '### Walk-up wait estimate (issue 12)',
    '',
    markdownTable(walkUpEstimateRows(w), 'Figure (simulated days)'),
    '',
    paragraphs.map((p) => wrap(p)).join('\n\n'),
  ].join('\n');
}
