// The desk manager's figures (issue 14): volume, first-contact resolution, handle, wait and service
// times, abandonment, callbacks, open incidents and satisfaction, each defined once
// (docs/decisions/0015). Pure: the desk server and the store host (offline too) compute the same
// numbers from the same records. Never reads a clock; `now` and the time zone are parameters.

import { z } from 'zod';
import { isMissed, QUEUE_MAX, type Call } from './call';
import { Id } from './directory';
import { callbacksDue } from './escalation';
import { isOpenIncident, REOPEN_NOTE_PREFIX, type Incident } from './incident';
import { INTERACTION_TYPES, InteractionType, isClosed, type Interaction } from './interaction';
import { median, nearestRank } from './percentile';
import { PRIORITIES } from './priority';
import { relatedRecordsOf } from './related-records';
import type { Visit } from './visit';
import { serviceMinutes } from './walk-up-queue';

// The figures' shapes and their help live in desk-figure-shapes.ts; every reader imports them here.
export * from './desk-figure-shapes';
import {
  CALLBACK_AGE_BUCKETS,
  CALLBACK_OVERDUE_HOURS,
  INCIDENT_AGE_BUCKETS,
  RATINGS,
  type Abandonment,
  type CallbackAgeBucket,
  type Callbacks,
  type DeskFigures,
  type DurationStats,
  type FirstContactResolution,
  type HandleTime,
  type IncidentAgeBucket,
  type OpenIncidents,
  type Rating,
  type Satisfaction,
  type Volume,
  type WalkUpTimes,
} from './desk-figure-shapes';

// ---- the filter ----

/** Whether Intl knows the IANA time zone (no dependency: every runtime here has full ICU). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const instant = (name: string) =>
  z.iso.datetime({
    offset: true,
    message: `Give "${name}" as an ISO date and time, like 2026-12-01T00:00:00Z.`,
  });

/** Which records the figures read: [from, to), and optionally one location, queue, channel, agent. */
export const FigureFilter = z
  .object({
    from: instant('from'),
    to: instant('to'),
    timeZone: z
      .string('Give the time zone as an IANA name, like Europe/Berlin.')
      .refine(isTimeZone, 'Give the time zone as an IANA name, like Europe/Berlin.'),
    location: Id.optional(),
    queue: z
      .string()
      .trim()
      .min(1, 'Name the queue, or leave it out.')
      .max(QUEUE_MAX, `A queue name can be at most ${QUEUE_MAX} characters.`)
      .optional(),
    channel: InteractionType.optional(),
    agent: Id.optional(),
  })
  // Written so an unreadable time (NaN) passes here: its own message says what is wrong.
  .refine((f) => !(Date.parse(f.from) >= Date.parse(f.to)), {
    message: '"from" must be before "to".',
    path: ['to'],
  });
export type FigureFilter = z.infer<typeof FigureFilter>;

/** What the figures are computed from: the records the desk or the server holds. */
export interface DeskRecords {
  interactions: readonly Interaction[];
  visits: readonly Visit[];
  calls: readonly Call[];
  incidents: readonly Incident[];
}

// ---- time ----

const ms = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NaN);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Local calendar readings of instants in one time zone (one Intl formatter, reused). */
export interface LocalClock {
  /** 0–23; -1 for a time that cannot be read. */
  hour(iso: string): number;
  /** 0 = Monday … 6 = Sunday; -1 for a time that cannot be read. */
  weekday(iso: string): number;
  /** yyyy-mm-dd, the local calendar day; '' for a time that cannot be read. */
  day(iso: string): string;
}

/** The time zone this process's clock shows (the desk's, or the server's): "today" where no zone is given. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function localClock(timeZone: string): LocalClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  });
  const parts = (iso: string): Partial<Record<Intl.DateTimeFormatPartTypes, string>> => {
    const t = ms(iso);
    // An unreadable time has no local reading (formatToParts would throw on it).
    if (!Number.isFinite(t)) return {};
    return Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
  };
  return {
    hour: (iso) => {
      const hour = parts(iso).hour;
      return hour === undefined ? -1 : Number(hour) % 24;
    },
    weekday: (iso) => WEEKDAYS.indexOf(parts(iso).weekday as (typeof WEEKDAYS)[number]),
    day: (iso) => {
      const p = parts(iso);
      return p.year === undefined ? '' : `${p.year}-${p.month ?? ''}-${p.day ?? ''}`;
    },
  };
}

// ---- which records a filter keeps ----

/** What the dimension filters compare: where, which phone queue, which channel, which agent. */
interface Dimensions {
  location: string | null;
  queue: string | null;
  channel: InteractionType;
  agent: string | null;
}

type Dimensional = Pick<FigureFilter, 'location' | 'queue' | 'channel' | 'agent'>;

const passes = (d: Dimensions, f: Dimensional): boolean =>
  (f.location === undefined || d.location === f.location) &&
  (f.queue === undefined || d.queue === f.queue) &&
  (f.channel === undefined || d.channel === f.channel) &&
  (f.agent === undefined || d.agent === f.agent);

/** The records joined once: an interaction's visit and call, an incident's linked interactions. */
class Joined {
  private readonly visitById: Map<string, Visit>;
  private readonly callById: Map<string, Call>;
  readonly interactionById: Map<string, Interaction>;
  readonly incidentById: Map<string, Incident>;

  constructor(records: DeskRecords) {
    this.visitById = new Map(records.visits.map((v) => [v.id, v]));
    this.callById = new Map(records.calls.map((c) => [c.id, c]));
    this.interactionById = new Map(records.interactions.map((i) => [i.id, i]));
    this.incidentById = new Map(records.incidents.map((i) => [i.id, i]));
  }

  /** Location from its visit, else its call; queue from its call; agent: who opened it. */
  interaction(i: Interaction): Dimensions {
    const visit = i.visit ? this.visitById.get(i.visit) : undefined;
    const call = i.call ? this.callById.get(i.call) : undefined;
    return {
      location: visit?.location ?? call?.location ?? null,
      queue: call?.queue ?? null,
      channel: i.type,
      agent: i.openedBy,
    };
  }
}

const visitDimensions = (v: Visit): Dimensions => ({
  location: v.location,
  queue: null,
  channel: 'Walk-in',
  agent: v.servedBy,
});

const callDimensions = (c: Call): Dimensions => ({
  location: c.location,
  queue: c.queue,
  channel: 'Phone',
  agent: c.answeredBy,
});

const inRange = (iso: string, f: Pick<FigureFilter, 'from' | 'to'>): boolean => {
  const t = ms(iso);
  return t >= ms(f.from) && t < ms(f.to);
};

// ---- the figures, one function each ----

const zeros = <K extends string | number>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const shareOf = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Count, median and nearest-rank 90th percentile of whole seconds. */
export function durationStats(seconds: readonly number[]): DurationStats {
  return { count: seconds.length, median: median(seconds), p90: nearestRank(seconds, 90) };
}

/** Interactions by channel, local hour and local weekday (each counted at openedAt; unreadable ones not). */
export function volume(interactions: readonly Interaction[], clock: LocalClock): Volume {
  const byChannel = zeros(INTERACTION_TYPES);
  const byHour = Array.from({ length: 24 }, () => 0);
  const byWeekday = Array.from({ length: 7 }, () => 0);
  let total = 0;
  for (const i of interactions) {
    const hour = clock.hour(i.openedAt);
    const weekday = clock.weekday(i.openedAt);
    if (hour < 0 || weekday < 0) continue;
    byChannel[i.type] += 1;
    byHour[hour] = (byHour[hour] ?? 0) + 1;
    byWeekday[weekday] = (byWeekday[weekday] ?? 0) + 1;
    total += 1;
  }
  return { byChannel, byHour, byWeekday, total };
}

/** How long after an interaction's close a reopen of its associated incident still counts. */
export const REOPEN_WINDOW_DAYS = 7;

/** The times an incident was reopened: its reopen work notes (the record keeps no other history). */
export const reopenTimes = (incident: Pick<Incident, 'workNotes'>): string[] =>
  incident.workNotes.filter((n) => n.text.startsWith(REOPEN_NOTE_PREFIX)).map((n) => n.at);

/** Whether the interaction was resolved on first contact (it must be Closed Complete). */
export function isFirstContactResolution(
  interaction: Interaction,
  incidentById: ReadonlyMap<string, Incident>,
): boolean {
  if (interaction.state !== 'Closed Complete' || interaction.closedAt === null) return false;
  const related = relatedRecordsOf(interaction);
  if (related.some((r) => r.relation === 'created')) return false;
  const closed = ms(interaction.closedAt);
  const until = closed + REOPEN_WINDOW_DAYS * DAY;
  return !related.some((r) => {
    const incident = r.kind === 'incident' ? incidentById.get(r.id) : undefined;
    return (incident ? reopenTimes(incident) : []).some(
      (at) => ms(at) >= closed && ms(at) <= until,
    );
  });
}

export function firstContactResolution(
  interactions: readonly Interaction[],
  incidentById: ReadonlyMap<string, Incident>,
): FirstContactResolution {
  const eligible = interactions.filter((i) => i.state === 'Closed Complete');
  const resolved = eligible.filter((i) => isFirstContactResolution(i, incidentById)).length;
  return { resolved, eligible: eligible.length, share: shareOf(resolved, eligible.length) };
}

const handleSeconds = (interactions: readonly Interaction[]): number[] =>
  interactions.flatMap((i) =>
    isClosed(i.state) && i.handleTimeSeconds !== null ? [i.handleTimeSeconds] : [],
  );

/** The handle time kept at close, of closed interactions: phone, walk-in and every channel. */
export function handleTime(interactions: readonly Interaction[]): HandleTime {
  return {
    phone: durationStats(handleSeconds(interactions.filter((i) => i.type === 'Phone'))),
    walkIn: durationStats(handleSeconds(interactions.filter((i) => i.type === 'Walk-in'))),
    all: durationStats(handleSeconds(interactions)),
  };
}

/** Wait: check-in → Start of started visits. Service: walk-up-queue's serviceMinutes of Done visits. */
export function walkUpTimes(visits: readonly Visit[]): WalkUpTimes {
  const wait = visits.flatMap((v) => {
    const seconds = Math.round((ms(v.startedAt) - ms(v.checkedInAt)) / 1000);
    return Number.isFinite(seconds) && seconds >= 0 ? [seconds] : [];
  });
  const service = visits.flatMap((v) => {
    const minutes = serviceMinutes(v);
    return minutes === null ? [] : [Math.round(minutes * 60)];
  });
  return { wait: durationStats(wait), service: durationStats(service) };
}

/**
 * Today's walk-up wait at a place, as the Dashboard counts it (check-in → Start), over the visits
 * checked in on `now`'s local day in `timeZone`: what the lobby board and the agent's header show.
 */
export function todaysWalkUpWait(
  visits: readonly Visit[],
  now: number,
  timeZone: string,
): DurationStats {
  const clock = localClock(timeZone);
  const today = clock.day(new Date(now).toISOString());
  return walkUpTimes(visits.filter((v) => clock.day(v.checkedInAt) === today)).wait;
}

/** Whole minutes of a median in seconds, or null without one. */
export const medianMinutes = (stats: DurationStats): number | null =>
  stats.median === null ? null : Math.round(stats.median / 60);

/** Missed inbound calls of those answered or missed; visits that Left or No-show of those finished. */
export function abandonment(calls: readonly Call[], visits: readonly Visit[]): Abandonment {
  const decided = calls.filter(
    (c) => c.direction === 'in' && (isMissed(c) || c.state === 'Answered' || c.state === 'Ended'),
  );
  const missed = decided.filter(isMissed).length;
  const finished = visits.filter(
    (v) => v.state === 'Done' || v.state === 'Left' || v.state === 'No-show',
  );
  const left = finished.filter((v) => v.state === 'Left').length;
  const noShow = finished.filter((v) => v.state === 'No-show').length;
  return {
    calls: { missed, total: decided.length, share: shareOf(missed, decided.length) },
    visits: {
      left,
      noShow,
      total: finished.length,
      share: shareOf(left + noShow, finished.length),
    },
  };
}

const callbackBucket = (ageMs: number): CallbackAgeBucket =>
  ageMs < 4 * HOUR
    ? 'under 4 h'
    : ageMs < DAY
      ? '4–24 h'
      : ageMs < 3 * DAY
        ? '1–3 days'
        : 'over 3 days';

/** Callbacks due now (escalation.ts's callbacksDue), aged from the incident's resolution. */
export function callbacks(
  incidents: readonly Incident[],
  interactionById: (id: string) => Interaction | undefined,
  now: number,
): Callbacks {
  const ages = zeros(CALLBACK_AGE_BUCKETS);
  let overdue = 0;
  const due = callbacksDue(incidents, interactionById);
  for (const callback of due) {
    const age = Math.max(0, now - ms(callback.resolvedAt));
    ages[callbackBucket(age)] += 1;
    if (age >= CALLBACK_OVERDUE_HOURS * HOUR) overdue += 1;
  }
  return { due: due.length, overdue, ages };
}

const incidentBucket = (ageMs: number): IncidentAgeBucket =>
  ageMs < DAY
    ? 'under 1 day'
    : ageMs < 3 * DAY
      ? '1–3 days'
      : ageMs < 7 * DAY
        ? '3–7 days'
        : 'over 7 days';

/** Incidents open now (New, In Progress, On Hold), by priority and by age since opened. */
export function openIncidents(incidents: readonly Incident[], now: number): OpenIncidents {
  const byPriority = zeros(PRIORITIES);
  const ageBuckets = zeros(INCIDENT_AGE_BUCKETS);
  const open = incidents.filter(isOpenIncident);
  for (const incident of open) {
    byPriority[incident.priority] += 1;
    ageBuckets[incidentBucket(Math.max(0, now - ms(incident.openedAt)))] += 1;
  }
  return { total: open.length, byPriority, ageBuckets };
}

/** The exit survey's answers: how many, the mean rating and each rating's count. */
export function satisfaction(visits: readonly Visit[]): Satisfaction {
  const distribution = zeros(RATINGS);
  const ratings = visits.flatMap((v) => (v.survey ? [v.survey.rating] : []));
  for (const rating of ratings) {
    if ((RATINGS as readonly number[]).includes(rating)) distribution[rating as Rating] += 1;
  }
  const average = ratings.length === 0 ? null : ratings.reduce((a, b) => a + b, 0) / ratings.length;
  return { responses: ratings.length, average, distribution };
}

// ---- all of them ----

/**
 * Every figure for the filter. Dated figures read the records of [from, to): interactions by
 * openedAt, visits by checkedInAt, calls by rangAt. Callbacks and open incidents are "now".
 */
export function deskFigures(records: DeskRecords, filter: FigureFilter, now: number): DeskFigures {
  const joined = new Joined(records);
  const clock = localClock(filter.timeZone);
  const interactionPasses = (i: Interaction): boolean => passes(joined.interaction(i), filter);
  const interactions = records.interactions.filter(
    (i) => inRange(i.openedAt, filter) && interactionPasses(i),
  );
  const visits = records.visits.filter(
    (v) => inRange(v.checkedInAt, filter) && passes(visitDimensions(v), filter),
  );
  const calls = records.calls.filter(
    (c) => inRange(c.rangAt, filter) && passes(callDimensions(c), filter),
  );
  // Callbacks: the interaction to call back from passes; open incidents: Assigned to is the
  // agent, and a location, queue or channel asks for a linked interaction that passes.
  const { agent, ...where } = filter;
  const linkedPasses = (incident: Incident): boolean =>
    (where.location === undefined && where.queue === undefined && where.channel === undefined) ||
    incident.relatedInteractions.some((r) => {
      const i = joined.interactionById.get(r.id);
      return i !== undefined && passes(joined.interaction(i), where);
    });
  const open = records.incidents.filter(
    (incident) => (agent === undefined || incident.assignedTo === agent) && linkedPasses(incident),
  );
  return {
    volume: volume(interactions, clock),
    firstContactResolution: firstContactResolution(interactions, joined.incidentById),
    handleTime: handleTime(interactions),
    walkUpTimes: walkUpTimes(visits),
    abandonment: abandonment(calls, visits),
    callbacks: callbacks(
      records.incidents,
      (id) => {
        const i = joined.interactionById.get(id);
        return i && interactionPasses(i) ? i : undefined;
      },
      now,
    ),
    openIncidents: openIncidents(open, now),
    satisfaction: satisfaction(visits),
  };
}

// ---- the agent's own day ----

export interface AgentToday {
  /** Interactions the agent opened today. */
  interactionsLogged: number;
  /** Interactions the agent closed today (either closed state). */
  closed: number;
  /** First-contact resolution of the interactions the agent closed today, or null without any. */
  firstContactResolution: number | null;
  /** Median handle time, whole seconds, of the interactions the agent closed today. */
  medianHandleSeconds: number | null;
  /** Calls the agent answered today. */
  callsAnswered: number;
  /** Visits the agent served to Done today. */
  visitsServed: number;
}

/** The agent's figures for today: the local calendar day of `now` in `timeZone`. */
export function agentToday(
  records: DeskRecords,
  agentId: string,
  now: number,
  timeZone: string,
): AgentToday {
  const clock = localClock(timeZone);
  const today = Number.isFinite(now) ? clock.day(new Date(now).toISOString()) : '';
  const isToday = (iso: string | null | undefined): boolean =>
    !!iso && today !== '' && clock.day(iso) === today;
  const incidentById = new Map(records.incidents.map((i) => [i.id, i]));
  const closed = records.interactions.filter(
    (i) => isClosed(i.state) && i.closedBy === agentId && isToday(i.closedAt),
  );
  return {
    interactionsLogged: records.interactions.filter(
      (i) => i.openedBy === agentId && isToday(i.openedAt),
    ).length,
    closed: closed.length,
    firstContactResolution: firstContactResolution(closed, incidentById).share,
    medianHandleSeconds: median(handleSeconds(closed)),
    callsAnswered: records.calls.filter((c) => c.answeredBy === agentId && isToday(c.answeredAt))
      .length,
    visitsServed: records.visits.filter(
      (v) => v.state === 'Done' && v.servedBy === agentId && isToday(v.endedAt),
    ).length,
  };
}
