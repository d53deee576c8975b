// The desk manager's figures' shapes and their definitions in words (issue 14, ADR 0015): plain
// data that crosses HTTP and the store port as it is, and the help the dashboard shows. What each
// figure counts is computed in desk-figures.ts (desk) and server/reports (server), never here.

import type { InteractionType } from './interaction';
import type { Priority } from './priority';

// ---- the figures' shapes (plain data: they cross HTTP and the store port as they are) ----

/** A duration figure in whole seconds; `median` and `p90` are null when `count` is 0. */
export interface DurationStats {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface Volume {
  byChannel: Record<InteractionType, number>;
  /** Index = local hour 0–23 in the filter's time zone. */
  byHour: number[];
  /** Index 0 = Monday … 6 = Sunday (ISO order), local to the filter's time zone. */
  byWeekday: number[];
  total: number;
}

export interface FirstContactResolution {
  resolved: number;
  eligible: number;
  /** resolved / eligible, or null when nothing is eligible. */
  share: number | null;
}

export interface HandleTime {
  phone: DurationStats;
  walkIn: DurationStats;
  all: DurationStats;
}

export interface WalkUpTimes {
  wait: DurationStats;
  service: DurationStats;
}

export interface Abandonment {
  calls: { missed: number; total: number; share: number | null };
  visits: { left: number; noShow: number; total: number; share: number | null };
}

export const CALLBACK_AGE_BUCKETS = ['under 4 h', '4–24 h', '1–3 days', 'over 3 days'] as const;
export type CallbackAgeBucket = (typeof CALLBACK_AGE_BUCKETS)[number];
/** A callback still due this many hours after the resolution is overdue. */
export const CALLBACK_OVERDUE_HOURS = 24;

export interface Callbacks {
  due: number;
  overdue: number;
  ages: Record<CallbackAgeBucket, number>;
}

export const INCIDENT_AGE_BUCKETS = ['under 1 day', '1–3 days', '3–7 days', 'over 7 days'] as const;
export type IncidentAgeBucket = (typeof INCIDENT_AGE_BUCKETS)[number];

export interface OpenIncidents {
  total: number;
  byPriority: Record<Priority, number>;
  ageBuckets: Record<IncidentAgeBucket, number>;
}

export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

export interface Satisfaction {
  responses: number;
  /** The mean rating (1–5), or null without responses. */
  average: number | null;
  distribution: Record<Rating, number>;
}

export interface DeskFigures {
  volume: Volume;
  firstContactResolution: FirstContactResolution;
  handleTime: HandleTime;
  walkUpTimes: WalkUpTimes;
  abandonment: Abandonment;
  callbacks: Callbacks;
  openIncidents: OpenIncidents;
  satisfaction: Satisfaction;
}

export type FigureName = keyof DeskFigures;

// ---- the definitions, as the app's help shows them ----

/** Each figure's definition in words; the decision record and the help say exactly this. */
export const FIGURE_HELP: Readonly<Record<FigureName, { title: string; definition: string }>> = {
  volume: {
    title: 'Volume',
    definition:
      'Interactions opened in the period, counted by channel (Type), by hour of day and by weekday in the chosen time zone. An interaction counts at the time it was opened.',
  },
  firstContactResolution: {
    title: 'First-contact resolution',
    definition:
      'Of the interactions opened in the period and closed Closed Complete, the share with no incident or request created from them and no associated incident reopened within 7 days of the close. Open and Closed Abandoned interactions are not counted.',
  },
  handleTime: {
    title: 'Handle time',
    definition:
      'The handle time kept when an interaction is closed: talk + wrap-up for a phone call, opened to closed otherwise (for a walk-in, from Start to Done). Median and 90th percentile (nearest rank) of the closed interactions opened in the period.',
  },
  walkUpTimes: {
    title: 'Walk-up wait and service time',
    definition:
      'Wait: from check-in to Start, for visits checked in in the period that were started. Service: from the call to the station to Done (from Start when never called), for Done visits. Median and 90th percentile (nearest rank).',
  },
  abandonment: {
    title: 'Abandonment',
    definition:
      'Calls: inbound calls that rang in the period and were missed, as a share of those answered or missed (rejected and still ringing calls are left out). Visits: visits checked in in the period that Left or were a No-show, as a share of those finished (Done, Left or No-show).',
  },
  callbacks: {
    title: 'Callbacks due',
    definition:
      'Open interactions linked to a Resolved incident, now: the caller is to be called back. Age is the time since the incident was resolved; overdue from 24 hours on.',
  },
  openIncidents: {
    title: 'Open incidents',
    definition: 'Incidents New, In Progress or On Hold now, by priority and by age since opened.',
  },
  satisfaction: {
    title: 'Satisfaction',
    definition:
      'Exit-survey answers (1 = very unhappy … 5 = very happy) of visits checked in in the period: how many, the mean rating and how many gave each rating.',
  },
};
