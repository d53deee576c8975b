// The demo desk's past weeks (issue 14): interactions on every channel, the calls and walk-up visits
// they came from, and the incidents escalated from them, so the manager's figures have a history.
// Deterministic from a seed, a clock and a day count; pure. Never writes anything.
//
// Times are UTC (the demo locations carry no time zone): the business day peaks 9–11 and 13–15,
// Monday is the busiest day, weekends are quiet, and today runs up to `now`.

import { directoryRules } from '../domain/assignment';
import type { Call } from '../domain/call';
import type { Directory, User } from '../domain/directory';
import { suggestedCategory } from '../domain/escalation';
import {
  createIncident,
  RESOLUTION_CODES,
  setIncidentState,
  type Incident,
} from '../domain/incident';
import type { Interaction, InteractionType } from '../domain/interaction';
import { serverNumber } from '../domain/numbering';
import type { Visit } from '../domain/visit';
import { mulberry32, SERVICE_DESK_GROUP_ID } from './directory-generator';
import { DEMO_HQ_LOCATION_ID, DEMO_LOCATIONS } from './walk-up-generator';

/** The phone system the demo's past calls came through; the demo never stores its token. */
export const DEMO_HISTORY_INTEGRATION_ID = 'int_demo_phone_system';
/** The queue name the calls came in on: the seed's DEMO_PHONE_QUEUE. */
export const DEMO_HISTORY_QUEUE = 'Service Desk';
/** The desk's own number, as the phone system reports it in `to`. */
export const DEMO_DESK_NUMBER = '+1 555 010 0100';
export const DEFAULT_HISTORY_DAYS = 14;

export interface HistoryOptions {
  seed?: number;
  /** The end of the history: today's activity runs up to it. */
  now: string;
  /** Calendar days before today (UTC) the history starts; today comes on top. 14 by default. */
  days?: number;
  /** The first server sequence number of each kind (the counters' next values). */
  firstNumbers: { interaction: number; call: number; visit: number; incident: number };
  /** Walk-up visits are checked in before this (the walk-up generator's visits follow); `now` by default. */
  visitsBefore?: string;
  /** About this many contacts on an ordinary Wednesday; 120 by default. */
  perBusinessDay?: number;
}

export interface DemoHistory {
  interactions: Interaction[];
  calls: Call[];
  visits: Visit[];
  incidents: Incident[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (ms: number): string => new Date(ms).toISOString();

/** Arrivals by UTC hour on a business day: two peaks, 9–11 and 13–15. */
const HOUR_WEIGHTS: Readonly<Record<number, number>> = {
  7: 1,
  8: 4,
  9: 9,
  10: 10,
  11: 8,
  12: 5,
  13: 8,
  14: 9,
  15: 7,
  16: 5,
  17: 2,
  18: 1,
};
/** Monday first (ISO order), as a multiple of an ordinary Wednesday. */
const WEEKDAY_LOAD = [1.25, 1.05, 1, 0.95, 0.8, 0.06, 0.04] as const;

/** The channel mix of contacts: phone the majority. Missed calls are on top of the Phone share. */
const CHANNELS: readonly (readonly [InteractionType, number])[] = [
  ['Phone', 0.55],
  ['Walk-in', 0.15],
  ['Email', 0.15],
  ['Chat', 0.12],
  ['Self-service', 0.03],
];

/** The share of each channel's completed contacts an incident is created from. */
const ESCALATION: Readonly<Record<InteractionType, number>> = {
  Phone: 0.22,
  'Walk-in': 0.3,
  Email: 0.32,
  Chat: 0.18,
  'Self-service': 0.12,
};

const MISSED_CALL_SHARE = 0.065;
const LEFT_SHARE = 0.03;
const NO_SHOW_SHARE = 0.02;
/** Caller gone before the contact was finished (dropped call, closed chat window). */
const ABANDONED: Readonly<Record<InteractionType, number>> = {
  Phone: 0.025,
  'Walk-in': 0,
  Email: 0.01,
  Chat: 0.08,
  'Self-service': 0.05,
};
/** Exit-survey ratings 1–5, skewed high as desks' are. */
const RATING_WEIGHTS = [0.03, 0.05, 0.12, 0.35, 0.45] as const;

const SUBJECTS: Readonly<Record<InteractionType, readonly string[]>> = {
  Phone: [
    'Password reset',
    'Account locked out',
    'VPN will not connect',
    'Outlook keeps asking for the password',
    'Cannot print to the floor printer',
    'Teams calls drop',
    'New starter needs access',
    'MFA app on a new phone',
  ],
  'Walk-in': [
    'Laptop will not boot',
    'Screen cracked',
    'Collect a loan laptop',
    'Docking station not detected',
    'Phone set up for email',
    'Password reset',
  ],
  Email: [
    'Shared mailbox access',
    'Software install request',
    'Question about the expenses portal',
    'Distribution list change',
    'Phishing email reported',
  ],
  Chat: [
    'How do I share a calendar',
    'VPN is slow',
    'File share permission',
    'Password expiry question',
    'Printer queue stuck',
  ],
  'Self-service': ['Password reset failed', 'Portal form error', 'Knowledge article unclear'],
};

/** Log-normal with the given median (ms) and spread; the long tail real handle times have. */
function logNormal(random: () => number, median: number, sigma: number): number {
  const u1 = Math.max(random(), 1e-12);
  const u2 = random();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return median * Math.exp(sigma * z);
}

function pickWeighted<T>(random: () => number, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let target = random() * total;
  for (const [value, weight] of entries) {
    target -= weight;
    if (target < 0) return value;
  }
  return (entries[entries.length - 1] as readonly [T, number])[0];
}

const HOURS = Object.entries(HOUR_WEIGHTS).map(([h, w]) => [Number(h), w] as const);

/** The arrival times of one UTC day, sorted; a weekend day gets a trickle. */
function arrivalsOn(dayStart: number, random: () => number, perBusinessDay: number): number[] {
  // getUTCDay: 0 = Sunday; the load table is Monday first.
  const weekday = (new Date(dayStart).getUTCDay() + 6) % 7;
  const load = WEEKDAY_LOAD[weekday] ?? 1;
  const count = Math.round(perBusinessDay * load * (0.9 + 0.2 * random()));
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const hour = pickWeighted(random, HOURS);
    times.push(dayStart + hour * HOUR + Math.floor(random() * HOUR));
  }
  return times.sort((a, b) => a - b);
}

const byTime =
  <T>(time: (t: T) => string) =>
  (a: T, b: T): number =>
    time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : 0;

/**
 * The demo's last `days` days and today up to `now`. Phone contacts ring first (a few are missed,
 * with no interaction); walk-ins check in at a demo location and are served (a few leave or are
 * no-shows); the rest are emails, chats and self-service. About a quarter of the completed
 * contacts create an incident, which is mostly resolved by now. Records are numbered in time order
 * from `firstNumbers`.
 */
export function generateHistory(directory: Directory, options: HistoryOptions): DemoHistory {
  const random = mulberry32(options.seed ?? 14);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const now = Date.parse(options.now);
  const days = Math.max(0, Math.floor(options.days ?? DEFAULT_HISTORY_DAYS));
  const visitsBefore = Date.parse(options.visitsBefore ?? options.now);
  const perBusinessDay = options.perBusinessDay ?? 120;
  const rules = directoryRules(directory);
  const agents =
    directory.groups.find((g) => g.id === SERVICE_DESK_GROUP_ID)?.memberIds.slice() ?? [];
  const callers = directory.users.filter((u) => u.active && u.roles.length === 0);
  const components = directory.configurationItems;
  const empty: DemoHistory = { interactions: [], calls: [], visits: [], incidents: [] };
  if (agents.length === 0 || callers.length === 0) return empty;

  type Draft<T> = Omit<T, 'id' | 'number'> & { key: number };
  const interactions: Draft<Interaction>[] = [];
  const calls: Draft<Call>[] = [];
  const visits: Draft<Visit>[] = [];
  // Escalations are made once every interaction has its number.
  const escalations: { key: number; at: number; agent: string; caller: User; subject: string }[] =
    [];
  let key = 0;

  const today = now - (now % DAY);
  for (let d = days; d >= 0; d--) {
    const dayStart = today - d * DAY;
    for (const arrival of arrivalsOn(dayStart, random, perBusinessDay)) {
      if (arrival >= now) continue;
      const type = pickWeighted(random, CHANNELS);
      const caller = pick(callers);
      const agent = pick(agents);
      const subject = pick(SUBJECTS[type]);
      const interactionKey = (key += 1);
      let opened = arrival;
      let closed: number;
      let handleSeconds: number;
      let callFields: Partial<Interaction> = {};
      let visitKey: number | null = null;

      if (type === 'Phone') {
        const callKey = (key += 1);
        const base: Draft<Call> = {
          key: callKey,
          numberProvisional: false,
          callId: `demo-history-${callKey}`,
          integration: DEMO_HISTORY_INTEGRATION_ID,
          location: DEMO_HQ_LOCATION_ID,
          direction: 'in',
          from: caller.phone,
          to: DEMO_DESK_NUMBER,
          numberE164: caller.phoneE164,
          caller: caller.id,
          candidates: [caller.id],
          queue: DEMO_HISTORY_QUEUE,
          notify: agents,
          state: 'Missed',
          rangAt: iso(arrival),
          answeredAt: null,
          answeredBy: null,
          answeringNumber: null,
          endedAt: null,
          cause: null,
          interaction: null,
          seenBy: [],
          openedAt: iso(arrival),
          updatedAt: iso(arrival),
          updatedBy: DEMO_HISTORY_INTEGRATION_ID,
        };
        if (random() < MISSED_CALL_SHARE) {
          const hungUp = arrival + Math.round(logNormal(random, 45 * SECOND, 0.6));
          if (hungUp >= now) continue;
          calls.push({
            ...base,
            endedAt: iso(hungUp),
            cause: 'cancel',
            // Missed calls of earlier days were seen on every desk; today's are still to see.
            seenBy: hungUp < today ? agents : [],
            updatedAt: iso(hungUp),
          });
          continue;
        }
        const answered = arrival + Math.round(logNormal(random, 18 * SECOND, 0.7));
        const talk = Math.round(logNormal(random, 4 * MINUTE, 0.55) / SECOND);
        const wrapUp = Math.round(logNormal(random, 45 * SECOND, 0.6) / SECOND);
        const ended = answered + talk * SECOND;
        closed = ended + wrapUp * SECOND;
        // A call still going or in wrap-up would pop on the demo's desks: today ends before it.
        if (closed >= now) continue;
        opened = answered;
        handleSeconds = talk + wrapUp;
        callFields = {
          call: `cal_hist_${callKey}`,
          talkStartedAt: iso(answered),
          talkEndedAt: iso(ended),
          talkSeconds: talk,
          wrapUpSeconds: wrapUp,
        };
        calls.push({
          ...base,
          state: 'Ended',
          answeredAt: iso(answered),
          answeredBy: agent,
          endedAt: iso(ended),
          cause: 'normalClearing',
          interaction: `ims_hist_${interactionKey}`,
          updatedAt: iso(ended),
          updatedBy: DEMO_HISTORY_INTEGRATION_ID,
        });
      } else if (type === 'Walk-in') {
        if (arrival >= visitsBefore) continue;
        const location = random() < 0.65 ? DEMO_LOCATIONS[0] : DEMO_LOCATIONS[1];
        if (!location) continue;
        const wait = Math.min(60 * MINUTE, Math.round(logNormal(random, 6 * MINUTE, 0.7)));
        const called = arrival + wait;
        const service = Math.round(logNormal(random, 8 * MINUTE, 0.5));
        const station = `${location.id === DEMO_HQ_LOCATION_ID ? 'Counter' : 'Bar'} ${2 + Math.floor(random() * 2)}`;
        const gone = random();
        const visit: Draft<Visit> = {
          key: (key += 1),
          numberProvisional: false,
          location: location.id,
          person: caller.id,
          guestName: '',
          displayName: caller.name,
          vip: caller.vip,
          reason: pick(location.reasons),
          reasonDetail: '',
          channel: random() < 0.7 ? 'kiosk' : 'agent',
          state: 'Done',
          checkedInAt: iso(arrival),
          checkedInBy: agent,
          calledAt: null,
          calledBy: null,
          station: null,
          startedAt: null,
          servedBy: null,
          endedAt: null,
          interaction: null,
          survey: null,
          openedAt: iso(arrival),
          updatedAt: iso(arrival),
          updatedBy: agent,
        };
        if (gone < LEFT_SHARE) {
          const left = arrival + Math.round(wait * 0.7);
          if (left >= now) continue;
          visits.push({ ...visit, state: 'Left', endedAt: iso(left), updatedAt: iso(left) });
          continue;
        }
        const calledFields = { calledAt: iso(called), calledBy: agent, station };
        if (gone < LEFT_SHARE + NO_SHOW_SHARE) {
          const noShow = called + location.graceMinutes * MINUTE;
          if (noShow >= now) continue;
          visits.push({
            ...visit,
            ...calledFields,
            state: 'No-show',
            endedAt: iso(noShow),
            updatedAt: iso(noShow),
          });
          continue;
        }
        opened = called + MINUTE;
        closed = opened + service;
        if (closed >= now) continue;
        handleSeconds = Math.round(service / SECOND);
        visitKey = visit.key;
        const rated = random() < 0.4;
        visits.push({
          ...visit,
          ...calledFields,
          startedAt: iso(opened),
          servedBy: agent,
          endedAt: iso(closed),
          interaction: `ims_hist_${interactionKey}`,
          survey: rated
            ? {
                rating: pickWeighted(
                  random,
                  RATING_WEIGHTS.map((w, i) => [i + 1, w] as const),
                ),
                comment: '',
                at: iso(closed + 2 * MINUTE),
              }
            : null,
          updatedAt: iso(closed),
        });
      } else {
        // Chat and self-service are worked within minutes; an email waits in the inbox first.
        const pickedUp =
          type === 'Email' ? Math.round(logNormal(random, 40 * MINUTE, 0.8)) : 30 * SECOND;
        opened = arrival + pickedUp;
        const work = Math.round(logNormal(random, type === 'Email' ? 9 * MINUTE : 7 * MINUTE, 0.6));
        closed = opened + work;
        handleSeconds = Math.round(work / SECOND);
        if (opened >= now) continue;
      }

      // Still being worked now; an email of the last two hours often waits on the caller's answer.
      const stillOpen =
        closed >= now || (type === 'Email' && now - opened < 2 * HOUR && random() < 0.5);
      const abandoned = !stillOpen && random() < ABANDONED[type];
      const escalated = !stillOpen && !abandoned && random() < ESCALATION[type];
      const wrapUpCodes = DEMO_LOCATIONS[0]?.wrapUpCodes ?? [];
      interactions.push({
        key: interactionKey,
        numberProvisional: false,
        openedFor: caller.id,
        contactEmail: caller.email,
        contactPhone: caller.phone,
        type,
        component: null,
        assignmentGroup: SERVICE_DESK_GROUP_ID,
        assignedTo: agent,
        shortDescription: subject,
        description: '',
        state: stillOpen ? 'Work in Progress' : abandoned ? 'Closed Abandoned' : 'Closed Complete',
        workNotes: [],
        openedAt: iso(opened),
        openedBy: agent,
        closedAt: stillOpen ? null : iso(closed),
        closedBy: stillOpen ? null : agent,
        handleTimeSeconds: stillOpen ? null : handleSeconds,
        updatedAt: iso(stillOpen ? opened : closed),
        updatedBy: agent,
        relatedRecords: [],
        visit: visitKey === null ? null : `vis_hist_${visitKey}`,
        call: null,
        ...callFields,
        ...(type === 'Phone' && !stillOpen
          ? { wrapUpCode: escalated ? 'Escalated' : pick(wrapUpCodes.slice(0, 5)) }
          : {}),
      });
      if (escalated)
        escalations.push({
          key: interactionKey,
          at: closed - 30 * SECOND,
          agent,
          caller,
          subject,
        });
    }
  }

  // Numbered in time order, as the server would have numbered them; ids by key, so the links
  // made above hold.
  function numbered<T extends { id: string; number: string }>(
    drafts: Draft<T>[],
    time: (t: Draft<T>) => string,
    prefix: string,
    kind: 'interaction' | 'call' | 'visit',
  ): T[] {
    return drafts.sort(byTime(time)).map(({ key: k, ...rest }, i) => ({
      ...rest,
      id: `${prefix}_hist_${k}`,
      number: serverNumber(kind, options.firstNumbers[kind] + i),
    })) as unknown as T[];
  }
  const doneInteractions = numbered(interactions, (i) => i.openedAt, 'ims', 'interaction');
  const doneCalls = numbered(calls, (c) => c.rangAt, 'cal', 'call');
  const doneVisits = numbered(visits, (v) => v.checkedInAt, 'vis', 'visit');

  const interactionById = new Map(doneInteractions.map((i) => [i.id, i]));
  const incidents: Incident[] = [];
  escalations.sort((a, b) => a.at - b.at);
  escalations.forEach((e, i) => {
    const interaction = interactionById.get(`ims_hist_${e.key}`);
    if (!interaction) return;
    const component = components.length > 0 ? pick(components) : null;
    const ctx = { now: iso(e.at), actorId: e.agent, directory: rules };
    const made = createIncident(
      {
        id: `inc_hist_${String(i + 1).padStart(6, '0')}`,
        caller: e.caller.id,
        shortDescription: e.subject,
        description: `Escalated from ${interaction.number}.`,
        component: component?.id ?? null,
        category: suggestedCategory(component?.className),
        impact: 3,
        urgency: random() < 0.3 ? 2 : 3,
        assignmentGroup: SERVICE_DESK_GROUP_ID,
        assignedTo: null,
      },
      serverNumber('incident', options.firstNumbers.incident + i),
      false,
      ctx,
    );
    if (!made.ok) throw new Error(`demo history incident ${i}: ${made.error.message}`);
    let incident: Incident = {
      ...made.value,
      relatedInteractions: [
        {
          id: interaction.id,
          number: interaction.number,
          caller: interaction.openedFor,
          relation: 'origin',
          at: ctx.now,
          by: e.agent,
        },
      ],
    };
    // Second line takes it on within the hour, resolves most within a couple of days and closes
    // them three days later.
    const taken = setIncidentState(
      incident,
      { id: incident.id, state: 'In Progress' },
      { ...ctx, now: iso(Math.min(e.at + HOUR, now)) },
    );
    if (taken.ok) incident = taken.value;
    const resolvedAt = e.at + Math.round(logNormal(random, 30 * HOUR, 0.9));
    if (resolvedAt < now) {
      const resolved = setIncidentState(
        incident,
        {
          id: incident.id,
          state: 'Resolved',
          resolutionCode: pick(RESOLUTION_CODES),
          resolutionNotes: 'Fixed and checked with the caller.',
        },
        { ...ctx, now: iso(resolvedAt) },
      );
      if (resolved.ok) incident = resolved.value;
      const closedAt = resolvedAt + 3 * DAY;
      if (resolved.ok && closedAt < now) {
        const done = setIncidentState(
          incident,
          { id: incident.id, state: 'Closed' },
          { ...ctx, now: iso(closedAt) },
        );
        if (done.ok) incident = done.value;
      }
    }
    incidents.push(incident);
    interactionById.set(interaction.id, {
      ...interaction,
      relatedRecords: [
        {
          kind: 'incident',
          id: incident.id,
          number: incident.number,
          relation: 'created',
          at: ctx.now,
          by: e.agent,
        },
      ],
    });
  });

  return {
    interactions: doneInteractions.map((i) => interactionById.get(i.id) ?? i),
    calls: doneCalls,
    visits: doneVisits,
    incidents,
  };
}
