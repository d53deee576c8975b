// The desk manager's dashboard: how the desk is doing today (live, every 30 seconds) or over any
// period, filtered by location, queue, channel and agent. Headline figures, then charts each with
// the table of its numbers one keypress away and a CSV download; Print lays out every table. The
// figures come from the desk server (reports.fetch), computed as My day is (docs/decisions/0015).

import { ARTICLE_FIGURE_HELP, type DashboardFigures } from '../../shared/domain/article-figures';
import { useEffect, useId, useMemo, useState } from 'react';
import { FIGURE_HELP, localTimeZone, type FigureFilter } from '../../shared/domain/desk-figures';
import { INTERACTION_TYPES, type InteractionType } from '../../shared/domain/interaction';
import type { StoreError } from '../../shared/domain/result';
import { useStoreHost } from '../app/deskpad-context';
import { useLiveValue } from '../hooks/use-live-query';
import { ChartFigure } from './chart-figure';
import {
  chartTables,
  dayOf,
  headlines,
  PERIOD_LABELS,
  PERIODS,
  periodRange,
  type Period,
} from './dashboard-data';

/** Today's figures move while the manager watches: fetched again this often. */
export const TODAY_REFRESH_MS = 30_000;

const NO_LOCATIONS: never[] = [];
const NO_USERS: never[] = [];
const QUEUES_ONLY = { filter: 'all', limit: 1 } as const;

interface Filters {
  period: Period;
  first: string;
  last: string;
  location: string;
  queue: string;
  channel: InteractionType | '';
  agent: string;
}

type Loaded =
  | { status: 'loading'; figures: DashboardFigures | null }
  | { status: 'ready'; figures: DashboardFigures; at: Date }
  | { status: 'failed'; figures: DashboardFigures | null; error: StoreError };

export function DashboardSection({ now = () => new Date() }: { now?: () => Date }) {
  const store = useStoreHost();
  const id = useId();
  const [filters, setFilters] = useState<Filters>(() => {
    const today = dayOf(now());
    return {
      period: 'today',
      first: today,
      last: today,
      location: '',
      queue: '',
      channel: '',
      agent: '',
    };
  });
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading', figures: null });
  const [tablesShown, setTablesShown] = useState<ReadonlySet<string>>(() => new Set());
  const locations = useLiveValue('walkUp.locations', {}, NO_LOCATIONS);
  const queues = useLiveValue('call.log', QUEUES_ONLY, null)?.queues ?? [];
  const agents = useLiveValue('directory.agents', {}, NO_USERS);

  const range = periodRange(filters.period, now(), { first: filters.first, last: filters.last });
  const filter: FigureFilter | null =
    'error' in range
      ? null
      : {
          ...range,
          timeZone: localTimeZone(),
          ...(filters.location ? { location: filters.location } : {}),
          ...(filters.queue ? { queue: filters.queue } : {}),
          ...(filters.channel ? { channel: filters.channel } : {}),
          ...(filters.agent ? { agent: filters.agent } : {}),
        };
  const key = filter === null ? '' : JSON.stringify(filter);

  useEffect(() => {
    if (filter === null) return;
    let stopped = false;
    const fetchFigures = async () => {
      setLoaded((l) => ({ status: 'loading', figures: l.figures }));
      const answer = await store.act('reports.fetch', filter);
      if (stopped) return;
      setLoaded((l) =>
        answer.ok
          ? { status: 'ready', figures: answer.value, at: new Date() }
          : { status: 'failed', figures: l.figures, error: answer.error },
      );
    };
    void fetchFigures();
    const timer =
      filters.period === 'today' ? setInterval(() => void fetchFigures(), TODAY_REFRESH_MS) : null;
    return () => {
      stopped = true;
      if (timer !== null) clearInterval(timer);
    };
    // `key` stands for the filter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key, filters.period]);

  const location = locations.find((l) => l.id === filters.location) ?? null;
  // One location's target; for all, the target they share (none when they differ).
  const targets = new Set(locations.filter((l) => l.active).map((l) => l.waitTargetMinutes));
  const waitTarget =
    location?.waitTargetMinutes ?? (targets.size === 1 ? ([...targets][0] ?? null) : null);
  const figures = loaded.figures;
  const tables = useMemo(
    () => (figures ? chartTables(figures, waitTarget) : []),
    [figures, waitTarget],
  );
  const fileSuffix =
    filter === null
      ? 'period'
      : `${dayOf(new Date(filter.from))}-to-${dayOf(new Date(Date.parse(filter.to) - 1))}`;
  const set = <K extends keyof Filters>(name: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [name]: value }));
  const toggleTable = (tableId: string) =>
    setTablesShown((shown) => {
      const next = new Set(shown);
      if (next.has(tableId)) next.delete(tableId);
      else next.add(tableId);
      return next;
    });

  return (
    <section className="dashboard" aria-labelledby={`${id}-heading`}>
      <div className="dashboard__top">
        <h2 id={`${id}-heading`}>Dashboard</h2>
        <button type="button" className="button no-print" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <form
        className="dashboard__filters no-print"
        aria-label="Period and filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="dashboard__filter">
          <label htmlFor={`${id}-period`}>Period</label>
          <select
            id={`${id}-period`}
            value={filters.period}
            onChange={(e) => set('period', e.target.value as Period)}
          >
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {PERIOD_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        {filters.period === 'custom' && (
          <>
            <div className="dashboard__filter">
              <label htmlFor={`${id}-first-day`}>First day</label>
              <input
                id={`${id}-first-day`}
                type="date"
                value={filters.first}
                onChange={(e) => set('first', e.target.value)}
              />
            </div>
            <div className="dashboard__filter">
              <label htmlFor={`${id}-last-day`}>Last day</label>
              <input
                id={`${id}-last-day`}
                type="date"
                value={filters.last}
                onChange={(e) => set('last', e.target.value)}
              />
            </div>
          </>
        )}
        <div className="dashboard__filter">
          <label htmlFor={`${id}-location`}>Location</label>
          <select
            id={`${id}-location`}
            value={filters.location}
            onChange={(e) => set('location', e.target.value)}
          >
            <option value="">All locations</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div className="dashboard__filter">
          <label htmlFor={`${id}-queue`}>Queue</label>
          <select
            id={`${id}-queue`}
            value={filters.queue}
            onChange={(e) => set('queue', e.target.value)}
          >
            <option value="">All queues</option>
            {queues.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </div>
        <div className="dashboard__filter">
          <label htmlFor={`${id}-channel`}>Channel</label>
          <select
            id={`${id}-channel`}
            value={filters.channel}
            onChange={(e) => set('channel', e.target.value as InteractionType | '')}
          >
            <option value="">All channels</option>
            {INTERACTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="dashboard__filter">
          <label htmlFor={`${id}-agent`}>Agent</label>
          <select
            id={`${id}-agent`}
            value={filters.agent}
            onChange={(e) => set('agent', e.target.value)}
          >
            <option value="">All agents</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {'error' in range && (
        <p className="error-text" role="alert">
          {range.error}
        </p>
      )}
      <p className="dashboard__status" role="status">
        {loaded.status === 'loading'
          ? 'Loading the figures…'
          : loaded.status === 'failed'
            ? ''
            : `${PERIOD_LABELS[filters.period]}${filters.period === 'today' ? ', updated every 30 seconds' : ''}: figures as of ${loaded.at.toLocaleTimeString()}.`}
      </p>
      {loaded.status === 'failed' && (
        <p className="error-text" role="alert">
          {loaded.error.message}
        </p>
      )}
      {figures && (
        <>
          <dl className="dashboard__headlines">
            {headlines(figures, waitTarget).map((h) => (
              <div key={h.label} className="headline">
                <dt>{h.label}</dt>
                <dd>
                  <span className="headline__value">{h.value}</span>
                  <span className="headline__detail">{h.detail}</span>
                </dd>
              </div>
            ))}
          </dl>
          <div className="dashboard__charts">
            {tables.map((table) => (
              <ChartFigure
                key={table.id}
                table={table}
                tableShown={tablesShown.has(table.id)}
                onToggleTable={() => toggleTable(table.id)}
                fileSuffix={fileSuffix}
              />
            ))}
          </div>
          <details className="dashboard__help">
            <summary>How each figure is counted</summary>
            <dl>
              {[...Object.values(FIGURE_HELP), ARTICLE_FIGURE_HELP].map((help) => (
                <div key={help.title}>
                  <dt>{help.title}</dt>
                  <dd>{help.definition}</dd>
                </div>
              ))}
            </dl>
          </details>
        </>
      )}
    </section>
  );
}
