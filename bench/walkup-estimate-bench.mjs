// Issue 12's wait-estimate figure: a simulated walk-up day (fixed seed) and, for every arrival, the
// estimate at check-in against the wait it then had, for Deskpad's estimateWaits and ServiceNow's
// formula (shared/domain/walk-up-queue.ts). Pure simulation: never starts a server or a browser.

import path from 'node:path';
import { runnerImport } from 'vite';

/** @typedef {import('../shared/domain/visit').Visit} Visit */
/** @typedef {typeof import('../shared/domain/walk-up-queue')} QueueModule */
/** @typedef {import('./bench-types').WalkUpEstimateResults} WalkUpEstimateResults */
/** @typedef {import('./bench-types').EstimateErrors} EstimateErrors */

export const DAY_START = Date.parse('2026-11-23T08:00:00.000Z');
const MINUTE = 60_000;
const LOCATION = { id: 'loc-hq', vipFirst: true };

/**
 * The day's shape, in minutes after 08:00. Arrivals stop at 16:45; Counter 1 stays until the queue
 * is empty. Arrivals an hour: 10 all day, a morning peak of +30 around 09:30, +10 around 13:00.
 */
export const DAY = {
  arrivalsUntil: 525,
  /** Each station's opening hours (minutes after 08:00), so 2–4 serve at a time. */
  stations: /** @type {Record<string, [number, number][]>} */ ({
    'Counter 1': [[0, Infinity]],
    'Counter 2': [
      [0, 240],
      [300, 540],
    ],
    'Counter 3': [
      [60, 270],
      [330, 480],
    ],
    'Counter 4': [[60, 180]],
  }),
  /** Service times: log-normal, median and spread (σ of the log). */
  serviceMedian: 7,
  serviceSigma: 0.55,
  /** From the call until the person reaches the counter. */
  walkMedian: 0.75,
  walkSigma: 0.4,
  vipShare: 0.08,
  noShowShare: 0.04,
  graceMinutes: 3,
  /** Services from the day before, so the first arrivals have a median to read. */
  history: 20,
};

/** @param {number} minuteOfDay arrivals an hour at that time */
export const arrivalRate = (minuteOfDay) => {
  const h = minuteOfDay / 60;
  return (
    10 + 30 * Math.exp(-((h - 1.5) ** 2) / (2 * 0.6 ** 2)) + 10 * Math.exp(-((h - 5) ** 2) / 0.5)
  );
};
const PEAK_RATE = 10 + 30 + 10;

/** mulberry32: a small seeded generator, the same numbers on every machine. @param {number} seed */
export function seeded(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    /** @param {number} median @param {number} sigma */
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
    /** @param {number} rate per minute */
    exponential: (rate) => -Math.log(Math.max(next(), 1e-12)) / rate,
  };
}

/**
 * @typedef {object} SimVisit
 * @property {string} id
 * @property {boolean} vip
 * @property {number} checkedIn minutes after 08:00
 * @property {number} called
 * @property {number | null} started null for a no-show
 * @property {number} ended
 * @property {string} station
 */

/**
 * The day: arrivals (Poisson with the day's rate, by thinning), then each station calls the next
 * in queue order (VIPs first) whenever it is open and free. The estimates never change who is
 * called when, so the day is played once and the estimates read it afterwards.
 * @param {number} seed
 * @returns {{ visits: SimVisit[]; history: SimVisit[] }}
 */
export function simulateDay(seed) {
  const rng = seeded(seed);
  /** @type {SimVisit[]} */
  const visits = [];
  for (let t = rng.exponential(PEAK_RATE / 60); t < DAY.arrivalsUntil;) {
    if (rng.next() < arrivalRate(t) / PEAK_RATE)
      visits.push({
        id: `v${String(visits.length + 1).padStart(4, '0')}`,
        vip: rng.next() < DAY.vipShare,
        checkedIn: t,
        called: NaN,
        started: null,
        ended: NaN,
        station: '',
      });
    t += rng.exponential(PEAK_RATE / 60);
  }
  const history = Array.from({ length: DAY.history }, (_, i) => {
    const started = -900 + i * 10;
    const ended = started + rng.logNormal(DAY.serviceMedian, DAY.serviceSigma);
    return {
      id: `h${i}`,
      vip: false,
      checkedIn: started - 5,
      called: started - 1,
      started,
      ended,
      station: 'Counter 1',
    };
  });

  const free = new Map(Object.keys(DAY.stations).map((s) => [s, 0]));
  const openAt = (/** @type {string} */ station, /** @type {number} */ t) => {
    for (const [from, to] of DAY.stations[station] ?? []) if (t < to) return Math.max(t, from);
    return Infinity;
  };
  /** @type {SimVisit[]} */
  const waiting = [];
  let next = 0;
  for (let served = 0; served < visits.length; served++) {
    // The station that can call soonest: free, open, and someone there to call. Each station's
    // time only grows, so calls are made in time order.
    const firstArrival = Math.min(
      visits[next]?.checkedIn ?? Infinity,
      ...waiting.map((v) => v.checkedIn),
    );
    let station = '';
    let when = Infinity;
    for (const [s, f] of free) {
      const t = openAt(s, Math.max(f, firstArrival));
      if (t < when) [station, when] = [s, t];
    }
    while (next < visits.length && /** @type {SimVisit} */ (visits[next]).checkedIn <= when)
      waiting.push(/** @type {SimVisit} */ (visits[next++]));
    waiting.sort((a, b) => (a.vip !== b.vip ? (a.vip ? -1 : 1) : a.checkedIn - b.checkedIn));
    const visit = /** @type {SimVisit} */ (waiting.shift());
    visit.called = when;
    visit.station = station;
    if (rng.next() < DAY.noShowShare) {
      visit.ended = when + DAY.graceMinutes;
    } else {
      visit.started = when + rng.logNormal(DAY.walkMedian, DAY.walkSigma);
      visit.ended = visit.started + rng.logNormal(DAY.serviceMedian, DAY.serviceSigma);
    }
    free.set(station, visit.ended);
  }
  return { visits, history };
}

const iso = (/** @type {number} */ minute) => new Date(DAY_START + minute * MINUTE).toISOString();

/**
 * The visits as a desk holds them at `t`: what has not happened yet is not known. Someone checking
 * in at `t` (`arriving`) is still waiting, even if a free station calls them that same instant.
 * @param {SimVisit[]} all
 * @param {number} t
 * @param {string} [arriving]
 * @returns {Visit[]}
 */
export function snapshotAt(all, t, arriving) {
  return all
    .filter((v) => v.checkedIn <= t)
    .map((v) => {
      const called = v.called < t || (v.called === t && v.id !== arriving);
      const started = v.started !== null && v.started <= t;
      const ended = v.ended <= t;
      const state = !called
        ? 'Waiting'
        : ended
          ? v.started === null
            ? 'No-show'
            : 'Done'
          : started
            ? 'In service'
            : 'Called';
      return /** @type {Visit} */ ({
        id: v.id,
        number: v.id,
        numberProvisional: false,
        location: LOCATION.id,
        person: null,
        guestName: v.id,
        displayName: v.id,
        vip: v.vip,
        reason: 'Something else',
        reasonDetail: '',
        channel: 'kiosk',
        state,
        checkedInAt: iso(v.checkedIn),
        checkedInBy: 'usr_kiosk',
        calledAt: called ? iso(v.called) : null,
        calledBy: called ? 'usr_agent' : null,
        station: called ? v.station : null,
        startedAt: started && v.started !== null ? iso(v.started) : null,
        servedBy: started ? 'usr_agent' : null,
        endedAt: ended ? iso(v.ended) : null,
        interaction: null,
        survey: null,
        openedAt: iso(v.checkedIn),
        updatedAt: iso(t),
        updatedBy: 'usr_agent',
      });
    });
}

/** @param {number[]} values @param {number} q */
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
};
/** @param {number[]} errors @returns {EstimateErrors} */
const errorsOf = (errors) => ({
  estimated: errors.length,
  medianAbsMinutes: quantile(errors, 0.5),
  p90AbsMinutes: quantile(errors, 0.9),
  within5: errors.filter((e) => e <= 5).length / Math.max(errors.length, 1),
});

/**
 * Every arrival's estimate at check-in against its actual wait (check-in → called), for a day.
 * @param {QueueModule} queue
 * @param {{ visits: SimVisit[]; history: SimVisit[] }} day
 */
export function dayErrors(queue, day) {
  const all = [...day.history, ...day.visits];
  /** @type {{ deskpad: number[]; serviceNow: number[]; waits: number[] }} */
  const found = { deskpad: [], serviceNow: [], waits: [] };
  for (const v of day.visits) {
    const known = snapshotAt(all, v.checkedIn, v.id);
    const now = DAY_START + v.checkedIn * MINUTE;
    const actual = v.called - v.checkedIn;
    found.waits.push(actual);
    const ours = queue.estimateWaits(known, LOCATION, now).minutes.get(v.id);
    if (ours !== undefined) found.deskpad.push(Math.abs(ours - actual));
    const theirs = queue.serviceNowEstimate(known, LOCATION, now).get(v.id);
    if (theirs !== undefined) found.serviceNow.push(Math.abs(theirs - actual));
  }
  return found;
}

/**
 * The figures over `days` simulated days (seeds `seed`, `seed + 1`, …), every arrival pooled.
 * @param {QueueModule} queue
 * @param {{ seed: number; days: number }} options
 */
export function estimateFigures(queue, { seed, days }) {
  /** @type {{ deskpad: number[]; serviceNow: number[]; waits: number[] }} */
  const pooled = { deskpad: [], serviceNow: [], waits: [] };
  const perDay = [];
  for (let d = 0; d < days; d++) {
    const found = dayErrors(queue, simulateDay(seed + d));
    pooled.deskpad.push(...found.deskpad);
    pooled.serviceNow.push(...found.serviceNow);
    pooled.waits.push(...found.waits);
    perDay.push({
      seed: seed + d,
      arrivals: found.waits.length,
      deskpadMedianAbsMinutes: quantile(found.deskpad, 0.5),
      serviceNowMedianAbsMinutes: quantile(found.serviceNow, 0.5),
    });
  }
  const { waits } = pooled;
  return {
    days,
    arrivals: waits.length,
    waits: { median: quantile(waits, 0.5), p90: quantile(waits, 0.9), max: quantile(waits, 1) },
    deskpad: errorsOf(pooled.deskpad),
    serviceNow: errorsOf(pooled.serviceNow),
    perDay,
  };
}

/**
 * @param {{ repoRoot: string; say: (text: string) => void; command: string }} deps
 * @param {{ seed: number; days: number }} options
 * @returns {Promise<WalkUpEstimateResults>}
 */
export async function runWalkUpEstimateBench(deps, options) {
  const started = performance.now();
  const queue = /** @type {QueueModule} */ (
    (
      await runnerImport(path.join(deps.repoRoot, 'shared/domain/walk-up-queue.ts'), {
        configFile: false,
        logLevel: 'warn',
      })
    ).module
  );
  deps.say(
    `Simulating ${options.days} walk-up days (seeds ${options.seed}–${options.seed + options.days - 1}) and their wait estimates…`,
  );
  return {
    date: new Date().toISOString(),
    command: deps.command,
    seed: options.seed,
    ...estimateFigures(queue, options),
    wallSeconds: (performance.now() - started) / 1000,
  };
}
