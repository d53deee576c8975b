// My day: the signed-in agent's own figures for today, on their desk, offline too. Computed by the
// store host from what the desk holds (figures.agentToday), with the same definitions as the
// manager's dashboard (docs/decisions/0015). Display only: nothing here takes the focus.

import { FIGURE_HELP } from '../../shared/domain/desk-figures';
import type { AgentTodayView } from '../../shared/store-api/figures-contract';
import { formatDuration } from '../format/format-time';
import { useLiveValue } from '../hooks/use-live-query';

const ARGS = {};

const percent = (share: number | null): string =>
  share === null ? '—' : `${Math.round(share * 100)} %`;

/** The figures as label and value, in the order an agent reads them. */
export function myDayItems(
  today: AgentTodayView,
): { label: string; value: string; title?: string }[] {
  return [
    { label: 'Logged', value: String(today.interactionsLogged) },
    { label: 'Closed', value: String(today.closed) },
    {
      label: 'First-contact resolution',
      value: percent(today.firstContactResolution),
      title: FIGURE_HELP.firstContactResolution.definition,
    },
    {
      label: 'Median handle time',
      value: formatDuration(today.medianHandleSeconds) || '—',
      title: FIGURE_HELP.handleTime.definition,
    },
    { label: 'Calls answered', value: String(today.callsAnswered) },
    { label: 'Visits served', value: String(today.visitsServed) },
  ];
}

/** Until the store host answers: the same figures with dashes, so nothing moves when they come. */
const NOT_YET: AgentTodayView = {
  day: '',
  timeZone: 'UTC',
  interactionsLogged: 0,
  closed: 0,
  firstContactResolution: null,
  medianHandleSeconds: null,
  callsAnswered: 0,
  visitsServed: 0,
};

export function MyDay() {
  const today = useLiveValue('figures.agentToday', ARGS, null);
  const items = myDayItems(today ?? NOT_YET).map((item) =>
    today === null ? { ...item, value: '—' } : item,
  );
  return (
    <section className="my-day" aria-labelledby="my-day-heading">
      <h3 id="my-day-heading" className="my-day__title">
        My day
      </h3>
      <dl className="my-day__figures">
        {items.map((item) => (
          <div key={item.label} className="my-day__figure" title={item.title}>
            <dt>{item.label}</dt>
            <dd>{item.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
