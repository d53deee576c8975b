// A location's queue: the order Call next takes people in, the stations serving now, and the wait
// estimate from recent service times. Pure and shared: the store host (offline too), the kiosk and
// the lobby board compute the same numbers from the same visits. Never reads a clock itself.

import { median } from './percentile';
import type { Visit } from './visit';
import type { WalkUpLocation } from './walk-up-location';

/** How many recent services the rolling median reads. */
export const SERVICE_SAMPLE = 20;
/** A station counts as serving when it called or served someone within this window. */
export const STATION_WINDOW_MINUTES = 30;
/** Before a location has any service time: no estimate (the screens say so). */
export const MIN_SAMPLES = 1;

const ms = (iso: string | null): number => (iso === null ? Number.NaN : Date.parse(iso));

/** Check-in order, then the visit's id: the same order on every desk. */
const byCheckIn = (a: Visit, b: Visit): number =>
  a.checkedInAt < b.checkedInAt
    ? -1
    : a.checkedInAt > b.checkedInAt
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

/**
 * Who Call next takes, in order: the waiting visits of the location, VIPs first where the location
 * says so, then first come, first served.
 */
export function queueOrder(
  visits: readonly Visit[],
  location: Pick<WalkUpLocation, 'id' | 'vipFirst'>,
): Visit[] {
  const waiting = visits.filter((v) => v.location === location.id && v.state === 'Waiting');
  return waiting.sort((a, b) =>
    location.vipFirst && a.vip !== b.vip ? (a.vip ? -1 : 1) : byCheckIn(a, b),
  );
}

/** When a station's time with a visit began: the call (walking to the counter takes its time too). */
const stationSince = (visit: Visit): number => ms(visit.calledAt ?? visit.startedAt);

/**
 * Service time of a Done visit in minutes, or null when not measurable: the station's time with the
 * person, from the call to the end (from the start when it was never called). The bench
 * (bench/walkup-estimate-bench.mjs) showed start → end alone leaves out the walk to the counter and
 * makes every wait look shorter than it turns out.
 */
export function serviceMinutes(visit: Visit): number | null {
  if (visit.state !== 'Done') return null;
  const minutes = (ms(visit.endedAt) - stationSince(visit)) / 60_000;
  return Number.isFinite(minutes) && minutes >= 0 ? minutes : null;
}

/** The rolling median of the location's last `SERVICE_SAMPLE` service times, or null without any. */
export function medianServiceMinutes(visits: readonly Visit[], locationId: string): number | null {
  const done = visits
    .filter((v) => v.location === locationId && v.state === 'Done' && v.endedAt !== null)
    .sort((a, b) => ms(b.endedAt) - ms(a.endedAt))
    .slice(0, SERVICE_SAMPLE)
    .flatMap((v) => serviceMinutes(v) ?? []);
  return done.length >= MIN_SAMPLES ? median(done) : null;
}

/**
 * The stations serving now: each station with someone called or in service, and each that called
 * or finished someone within the last `STATION_WINDOW_MINUTES`. At least one while anyone is
 * being served; zero only at an idle location.
 */
export function stationsServing(
  visits: readonly Visit[],
  locationId: string,
  now: number,
): string[] {
  const since = now - STATION_WINDOW_MINUTES * 60_000;
  const stations = new Set<string>();
  for (const v of visits) {
    if (v.location !== locationId || v.station === null) continue;
    const busy = v.state === 'Called' || v.state === 'In service';
    const recent = Math.max(ms(v.calledAt), ms(v.endedAt)) >= since;
    if (busy || recent) stations.add(v.station);
  }
  return [...stations].sort();
}

export interface WaitEstimate {
  /** By visit id: minutes until each waiting visit is likely called. */
  minutes: Map<string, number>;
  medianServiceMinutes: number | null;
  stations: number;
}

/**
 * Estimated waits for everyone waiting, in queue order: each station is free after what is left of
 * its current service (the median minus the time since it called the person it has, never below
 * zero), then serves the next person for the median time. With no service time yet there is no
 * estimate; with no station serving, one is assumed (someone will).
 */
export function estimateWaits(
  visits: readonly Visit[],
  location: Pick<WalkUpLocation, 'id' | 'vipFirst'>,
  now: number,
): WaitEstimate {
  const serviceMedian = medianServiceMinutes(visits, location.id);
  const stations = stationsServing(visits, location.id, now);
  const minutes = new Map<string, number>();
  if (serviceMedian === null)
    return { minutes, medianServiceMinutes: null, stations: stations.length };
  // When each station is next free, in minutes from now.
  const freeAt = new Map<string, number>(stations.map((s) => [s, 0]));
  for (const v of visits) {
    if (v.location !== location.id || v.station === null || !freeAt.has(v.station)) continue;
    if (v.state !== 'In service' && v.state !== 'Called') continue;
    const since = Math.max(0, (now - stationSince(v)) / 60_000);
    const left = Number.isFinite(since) ? serviceMedian - since : serviceMedian;
    freeAt.set(v.station, Math.max(freeAt.get(v.station) ?? 0, left, 0));
  }
  const free = freeAt.size > 0 ? [...freeAt.values()] : [0];
  for (const visit of queueOrder(visits, location)) {
    let first = 0;
    for (let i = 1; i < free.length; i++) if ((free[i] ?? 0) < (free[first] ?? 0)) first = i;
    const at = free[first] ?? 0;
    minutes.set(visit.id, Math.round(at));
    free[first] = at + serviceMedian;
  }
  return { minutes, medianServiceMinutes: serviceMedian, stations: stations.length };
}

/**
 * ServiceNow Walk-up's estimate, for comparison (research/desk-anchors.md): the queue's average
 * wait so far × the people in the queue ahead. Ignores how many agents serve and how long a
 * service takes.
 */
export function serviceNowEstimate(
  visits: readonly Visit[],
  location: Pick<WalkUpLocation, 'id' | 'vipFirst'>,
  now: number,
): Map<string, number> {
  const order = queueOrder(visits, location);
  const waited = order.map((v) => Math.max(0, (now - ms(v.checkedInAt)) / 60_000));
  const average = waited.length === 0 ? 0 : waited.reduce((a, b) => a + b, 0) / waited.length;
  return new Map(order.map((v, i) => [v.id, Math.round(average * (i + 1))]));
}
