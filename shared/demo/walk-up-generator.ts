// The demo walk-up desk: two locations (the service desk at HQ with the default reasons, a tech bar
// in building 2, each with its phone wrap-up codes), a badge number for everyone with an employee id, and a few finished visits so a
// fresh demo's wait estimates have service times. Deterministic from a seed and a clock; pure.

import type { Directory, User } from '../domain/directory';
import type { Visit } from '../domain/visit';
import { DEFAULT_REASONS, type WalkUpLocation } from '../domain/walk-up-location';
import { DEMO_AGENT_ID, mulberry32 } from './directory-generator';

export const DEMO_HQ_LOCATION_ID = 'loc_demo_hq';
export const DEMO_TECH_BAR_LOCATION_ID = 'loc_demo_tech_bar';

export const DEMO_LOCATIONS: readonly WalkUpLocation[] = [
  {
    id: DEMO_HQ_LOCATION_ID,
    name: 'Service Desk — HQ',
    description: 'Ground floor, next to reception',
    active: true,
    reasons: [...DEFAULT_REASONS],
    vipFirst: true,
    graceMinutes: 3,
    lobbyNames: 'first-name-last-initial',
    waitTargetMinutes: 10,
    wrapUpCodes: [
      'Password reset',
      'Account unlocked',
      'Hardware',
      'Software',
      'Advice given',
      'Escalated',
      'Wrong number',
    ],
  },
  {
    id: DEMO_TECH_BAR_LOCATION_ID,
    name: 'Tech Bar — Building 2',
    description: 'First floor, open 9:00 to 17:00',
    active: true,
    reasons: [
      'Pick up equipment',
      'Return equipment',
      'Laptop or PC problem',
      'Phone or mobile device',
      'Something else',
    ],
    vipFirst: false,
    graceMinutes: 5,
    lobbyNames: 'first-name',
    waitTargetMinutes: 15,
    wrapUpCodes: [
      'Equipment handed out',
      'Equipment returned',
      'Hardware',
      'Advice given',
      'Escalated',
    ],
  },
];

/** The number on a demo user's badge: 7 and their employee id's digits; none without one. */
export function demoBadgeNumber(user: Pick<User, 'employeeId'>): string {
  const digits = user.employeeId.replace(/\D/g, '');
  return digits === '' ? '' : `7${digits}`;
}

export interface DemoVisitOptions {
  /** Finished visits per location (12 by default). */
  perLocation?: number;
  seed?: number;
  /** The last demo visit ended an hour before this. */
  now: string;
  /** The number of the first visit (VIS0001001 → 1001); the others follow. */
  firstNumber: number;
}

const MINUTE = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();
export const visitNumber = (seq: number): string => `VIS${String(seq).padStart(7, '0')}`;

/**
 * Finished visits at each demo location, oldest first: waits of 2 to 14 minutes, services of about
 * 4 to 16 minutes (skewed to the short end, as desk work is), a rating on some. They end at least
 * an hour before `now`, so no station looks busy in a fresh demo.
 */
export function generateDemoVisits(directory: Directory, options: DemoVisitOptions): Visit[] {
  const random = mulberry32(options.seed ?? 12);
  const perLocation = options.perLocation ?? 12;
  const people = directory.users.filter((u) => u.active && u.roles.length === 0);
  if (people.length === 0) return [];
  const end = Date.parse(options.now) - 60 * MINUTE;
  const visits: Omit<Visit, 'number' | 'id'>[] = [];
  for (const location of DEMO_LOCATIONS) {
    for (let i = 0; i < perLocation; i++) {
      const person = people[Math.floor(random() * people.length)] as User;
      const service = Math.round(4 + 12 * random() * random());
      const wait = 2 + Math.floor(random() * 13);
      // Every 25 minutes back from the end, each location on its own station.
      const endedAt = end - (perLocation - 1 - i) * 25 * MINUTE;
      const startedAt = endedAt - service * MINUTE;
      const calledAt = startedAt - MINUTE;
      const checkedInAt = calledAt - wait * MINUTE;
      const station = location.id === DEMO_HQ_LOCATION_ID ? 'Counter 1' : 'Bar 1';
      const rated = random() < 0.5;
      visits.push({
        numberProvisional: false,
        location: location.id,
        person: person.id,
        guestName: '',
        displayName: person.name,
        vip: person.vip,
        reason:
          location.reasons[Math.floor(random() * location.reasons.length)] ?? 'Something else',
        reasonDetail: '',
        channel: i % 3 === 0 ? 'agent' : 'kiosk',
        state: 'Done',
        checkedInAt: iso(checkedInAt),
        checkedInBy: DEMO_AGENT_ID,
        calledAt: iso(calledAt),
        calledBy: DEMO_AGENT_ID,
        station,
        startedAt: iso(startedAt),
        servedBy: DEMO_AGENT_ID,
        endedAt: iso(endedAt),
        interaction: null,
        survey: rated
          ? { rating: 3 + Math.floor(random() * 3), comment: '', at: iso(endedAt + 2 * MINUTE) }
          : null,
        openedAt: iso(checkedInAt),
        updatedAt: iso(endedAt),
        updatedBy: DEMO_AGENT_ID,
      });
    }
  }
  // Numbered in check-in order, as the server would have numbered them.
  return visits
    .sort((a, b) => (a.checkedInAt < b.checkedInAt ? -1 : a.checkedInAt > b.checkedInAt ? 1 : 0))
    .map((visit, i) => ({
      ...visit,
      id: `vis_demo_${String(i + 1).padStart(6, '0')}`,
      number: visitNumber(options.firstNumber + i),
    }));
}
