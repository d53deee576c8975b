// The lobby board's content from a location and its visits: the queue in Call next's order with each
// person's position and estimated wait, who is called or served at which station, privacy-safe names.
// Pure and shared (the server builds the board, tests check it); never reads a clock or a store.

import type { LobbyBoard, LobbyLine, WalkUpLocationSummary } from '../sync/walk-up-api';
import { localTimeZone, medianMinutes, todaysWalkUpWait } from './desk-figures';
import type { Visit } from './visit';
import { estimateWaits, queueOrder } from './walk-up-queue';
import { lobbyName, type WalkUpLocation } from './walk-up-location';

/** What a walk-up page may read about a location: never its settings that only desks need. */
export const locationSummary = (location: WalkUpLocation): WalkUpLocationSummary => ({
  id: location.id,
  name: location.name,
  reasons: location.reasons,
  lobbyNames: location.lobbyNames,
  waitTargetMinutes: location.waitTargetMinutes,
});

/** Someone checking in now: the last of the queue, never a VIP (the board's "wait now"). */
const NEWCOMER_ID = '\uffff-newcomer';

const newcomer = (location: string, at: string): Visit => ({
  id: NEWCOMER_ID,
  number: '',
  numberProvisional: false,
  location,
  person: null,
  guestName: '',
  displayName: '',
  vip: false,
  reason: '',
  reasonDetail: '',
  channel: 'kiosk',
  state: 'Waiting',
  checkedInAt: at,
  checkedInBy: '',
  calledAt: null,
  calledBy: null,
  station: null,
  startedAt: null,
  servedBy: null,
  endedAt: null,
  interaction: null,
  survey: null,
  openedAt: at,
  updatedAt: at,
  updatedBy: '',
});

const byTime =
  (field: 'calledAt' | 'startedAt', order: 1 | -1) =>
  (a: Visit, b: Visit): number =>
    (a[field] ?? '') < (b[field] ?? '') ? -order : (a[field] ?? '') > (b[field] ?? '') ? order : 0;

/**
 * The board at `now`: `visits` are the location's visits the server holds that matter to it (the
 * queue, those being served, and the recent finished ones the estimate reads).
 */
export function lobbyBoard(
  location: WalkUpLocation,
  visits: readonly Visit[],
  now: Date,
  /** Whose day "today" is: the server's own time zone unless told. */
  timeZone = localTimeZone(),
): LobbyBoard {
  const at = now.toISOString();
  const here = visits.filter((v) => v.location === location.id);
  const estimate = estimateWaits(here, location, now.getTime());
  const withNewcomer = estimateWaits([...here, newcomer(location.id, at)], location, now.getTime());
  const line = (visit: Visit, position: number | null): LobbyLine => ({
    number: visit.number,
    name: lobbyName(visit, location.lobbyNames),
    state: visit.state,
    position,
    estimatedWaitMinutes: position === null ? null : (estimate.minutes.get(visit.id) ?? null),
    station: visit.station,
    calledAt: visit.calledAt,
    checkedInAt: visit.checkedInAt,
  });
  return {
    location: locationSummary(location),
    waiting: queueOrder(here, location).map((v, i) => line(v, i + 1)),
    // The latest call first: the line the board highlights.
    called: here
      .filter((v) => v.state === 'Called')
      .sort(byTime('calledAt', -1))
      .map((v) => line(v, null)),
    inService: here
      .filter((v) => v.state === 'In service')
      .sort(byTime('startedAt', 1))
      .map((v) => line(v, null)),
    estimatedWaitMinutes: withNewcomer.minutes.get(NEWCOMER_ID) ?? null,
    stationsServing: estimate.stations,
    todayMedianWaitMinutes: medianMinutes(todaysWalkUpWait(here, now.getTime(), timeZone)),
    generatedAt: at,
  };
}
