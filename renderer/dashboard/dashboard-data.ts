// The dashboard's words and numbers, pure: the period a manager picks as a [from, to) range in the
// desk's time zone, the headline figures, and each chart's table (the numbers it draws, the same
// rows the CSV holds). Nothing here draws or fetches.

import type { DashboardFigures } from '../../shared/domain/article-figures';
import { articleTable } from './article-table';
import {
  CALLBACK_AGE_BUCKETS,
  INCIDENT_AGE_BUCKETS,
  RATINGS,
  type DeskFigures,
  type DurationStats,
} from '../../shared/domain/desk-figures';
import { INTERACTION_TYPES } from '../../shared/domain/interaction';
import { PRIORITIES, PRIORITY_LABELS } from '../../shared/domain/priority';
import { formatDuration } from '../format/format-time';

export const PERIODS = ['today', 'yesterday', 'last-7-days', 'last-28-days', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_LABELS: Readonly<Record<Period, string>> = {
  today: 'Today',
  yesterday: 'Yesterday',
  'last-7-days': 'Last 7 days',
  'last-28-days': 'Last 28 days',
  custom: 'From … to …',
};

/** A day as a date field holds it (yyyy-mm-dd), in the desk's own time zone. */
export function dayOf(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Local midnight of a yyyy-mm-dd day, or null when it is not a day. */
function midnight(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dayOf(at) === day ? at : null;
}

const addDays = (at: Date, days: number): Date =>
  new Date(at.getFullYear(), at.getMonth(), at.getDate() + days);

export type Range = { from: string; to: string } | { error: string };

/**
 * The period as [from, to) instants: whole local days, `to` the midnight after the last day. A
 * custom period names its first and last day (both included).
 */
export function periodRange(
  period: Period,
  now: Date,
  custom: { first: string; last: string } = { first: '', last: '' },
): Range {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const range = (from: Date, to: Date) => ({ from: from.toISOString(), to: to.toISOString() });
  switch (period) {
    case 'today':
      return range(today, addDays(today, 1));
    case 'yesterday':
      return range(addDays(today, -1), today);
    case 'last-7-days':
      return range(addDays(today, -6), addDays(today, 1));
    case 'last-28-days':
      return range(addDays(today, -27), addDays(today, 1));
    case 'custom': {
      const first = midnight(custom.first);
      const last = midnight(custom.last);
      if (!first) return { error: 'Give the first day as a date.' };
      if (!last) return { error: 'Give the last day as a date.' };
      if (last < first) return { error: 'The last day is before the first.' };
      if (addDays(first, 366) < last) return { error: 'Pick at most a year.' };
      return range(first, addDays(last, 1));
    }
  }
}

const percent = (share: number | null): string =>
  share === null ? '—' : `${Math.round(share * 100)} %`;
const duration = (seconds: number | null): string => formatDuration(seconds) || '—';
const spread = (stats: DurationStats): string =>
  stats.count === 0
    ? 'none yet'
    : `median ${duration(stats.median)} · 90th percentile ${duration(stats.p90)} (${stats.count})`;

/** A headline figure: its name, its value and what it is made of. */
export interface Headline {
  label: string;
  value: string;
  detail: string;
}

export function headlines(figures: DeskFigures, waitTargetMinutes: number | null): Headline[] {
  const { volume, firstContactResolution: fcr, handleTime, walkUpTimes, abandonment } = figures;
  const abandoned = abandonment.calls.missed + abandonment.visits.left + abandonment.visits.noShow;
  const offered = abandonment.calls.total + abandonment.visits.total;
  const wait = walkUpTimes.wait;
  return [
    { label: 'Contacts', value: String(volume.total), detail: 'interactions opened' },
    {
      label: 'First-contact resolution',
      value: percent(fcr.share),
      detail: `${fcr.resolved} of ${fcr.eligible} closed complete`,
    },
    {
      label: 'Handle time',
      value: duration(handleTime.all.median),
      detail: spread(handleTime.all),
    },
    {
      label: 'Walk-up wait',
      value: duration(wait.median),
      detail:
        spread(wait) + (waitTargetMinutes === null ? '' : ` · target ${waitTargetMinutes} min`),
    },
    {
      label: 'Abandoned',
      value: percent(offered === 0 ? null : abandoned / offered),
      detail: `${abandonment.calls.missed} missed calls, ${abandonment.visits.left} left, ${abandonment.visits.noShow} no-shows`,
    },
    {
      label: 'Callbacks due',
      value: String(figures.callbacks.due),
      detail: `${figures.callbacks.overdue} overdue`,
    },
    {
      label: 'Open incidents',
      value: String(figures.openIncidents.total),
      detail: `${figures.openIncidents.byPriority[1]} at 1 - Critical`,
    },
    {
      label: 'Satisfaction',
      value:
        figures.satisfaction.average === null
          ? '—'
          : `${figures.satisfaction.average.toFixed(1)} / 5`,
      detail: `${figures.satisfaction.responses} exit-survey answers`,
    },
  ];
}

/** One chart's numbers: what the table shows and the CSV holds, the chart drawn from the same. */
export interface ChartTable {
  id: string;
  title: string;
  /** What the chart shows, in a sentence a screen reader says before the table. */
  description: string;
  /** The column of labels, then one column per series. */
  columns: string[];
  rows: { label: string; values: (number | null)[] }[];
  /** How the values read: counts, or minutes (durations drawn in minutes). */
  unit: 'count' | 'minutes';
  /** A line the chart draws across (the location's wait target), with its words. */
  target?: { value: number; label: string };
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const minutes = (seconds: number | null): number | null =>
  seconds === null ? null : Math.round((seconds / 60) * 10) / 10;

const busiest = (rows: ChartTable['rows']): string => {
  const top = rows.reduce<ChartTable['rows'][number] | null>(
    (best, row) => ((row.values[0] ?? 0) > (best?.values[0] ?? 0) ? row : best),
    null,
  );
  return top ? `The busiest is ${top.label} with ${top.values[0] ?? 0}.` : 'There are none yet.';
};

const countTable = (
  id: string,
  [title, column]: [string, string],
  what: string,
  rows: ChartTable['rows'],
): ChartTable => ({
  id,
  title,
  description: `${what}. ${busiest(rows)}`,
  columns: [column, 'Count'],
  rows,
  unit: 'count',
});

/** The tables of the dashboard's charts, in the order they are shown. */
export function chartTables(
  figures: DashboardFigures,
  waitTargetMinutes: number | null,
): ChartTable[] {
  const { volume, handleTime, walkUpTimes, openIncidents, satisfaction, callbacks } = figures;
  const durationRows = (entries: [string, DurationStats][]) =>
    entries.map(([label, stats]) => ({
      label,
      values: [minutes(stats.median), minutes(stats.p90), stats.count],
    }));
  const wait = walkUpTimes.wait;
  return [
    countTable(
      'by-hour',
      ['Contacts by hour', 'Hour'],
      'Interactions opened in each hour of the day',
      volume.byHour.map((count, hour) => ({
        label: `${String(hour).padStart(2, '0')}:00`,
        values: [count],
      })),
    ),
    countTable(
      'by-weekday',
      ['Contacts by weekday', 'Weekday'],
      'Interactions opened on each day of the week',
      volume.byWeekday.map((count, day) => ({ label: WEEKDAYS[day] ?? '', values: [count] })),
    ),
    countTable(
      'by-channel',
      ['Contacts by channel', 'Channel'],
      'Interactions by channel (Type)',
      INTERACTION_TYPES.map((type) => ({ label: type, values: [volume.byChannel[type]] })),
    ),
    {
      id: 'walk-up',
      title: 'Walk-up wait and service',
      description:
        `Walk-up wait (check-in to start) and service time in minutes: median and 90th percentile. ` +
        (wait.count === 0
          ? 'No visits were started in the period.'
          : `Half waited ${duration(wait.median)} or less.`) +
        (waitTargetMinutes === null ? '' : ` The target is ${waitTargetMinutes} minutes.`),
      columns: ['Time', 'Median (min)', '90th percentile (min)', 'Visits'],
      rows: durationRows([
        ['Wait', walkUpTimes.wait],
        ['Service', walkUpTimes.service],
      ]),
      unit: 'minutes',
      ...(waitTargetMinutes === null
        ? {}
        : { target: { value: waitTargetMinutes, label: `Wait target ${waitTargetMinutes} min` } }),
    },
    {
      id: 'handle-time',
      title: 'Handle time',
      description:
        'Handle time in minutes (phone: talk and wrap-up; walk-in: service): median and 90th percentile.',
      columns: ['Channel', 'Median (min)', '90th percentile (min)', 'Interactions'],
      rows: durationRows([
        ['Phone', handleTime.phone],
        ['Walk-in', handleTime.walkIn],
        ['All', handleTime.all],
      ]),
      unit: 'minutes',
    },
    countTable(
      'open-incidents',
      ['Open incidents by priority', 'Priority'],
      'Incidents open now by priority',
      PRIORITIES.map((p) => ({ label: PRIORITY_LABELS[p], values: [openIncidents.byPriority[p]] })),
    ),
    countTable(
      'incident-age',
      ['Open incidents by age', 'Open for'],
      'Incidents open now by how long they have been open',
      INCIDENT_AGE_BUCKETS.map((b) => ({ label: b, values: [openIncidents.ageBuckets[b]] })),
    ),
    countTable(
      'callback-age',
      ['Callbacks due by age', 'Waiting for'],
      'Callbacks due now by how long they have waited since the incident was resolved',
      CALLBACK_AGE_BUCKETS.map((b) => ({ label: b, values: [callbacks.ages[b]] })),
    ),
    countTable(
      'satisfaction',
      ['Satisfaction by rating', 'Rating'],
      'Exit-survey answers by rating from 1 (poor) to 5 (excellent)',
      RATINGS.map((r) => ({ label: String(r), values: [satisfaction.distribution[r]] })),
    ),
    ...(figures.articles ? [articleTable(figures.articles)] : []),
  ];
}

/** The table as CSV rows: the header, then one row per label (empty for a value not known). */
export function tableRecords(table: ChartTable): (string | number)[][] {
  return [table.columns, ...table.rows.map((r) => [r.label, ...r.values.map((v) => v ?? '')])];
}
