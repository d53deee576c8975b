// The caller log's filters: All, Missed or Answered, the queue and the agent who answered. UI state
// only: choosing a filter never changes a call.

import { useId } from 'react';
import { CALL_LOG_FILTERS, type CallLogFilter } from '../../shared/store-api/call-contract';
import { useUi } from '../app/deskpad-context';

export const CALL_LOG_FILTER_LABELS: Readonly<Record<CallLogFilter, string>> = {
  all: 'All',
  missed: 'Missed',
  answered: 'Answered',
};

export interface AgentOption {
  id: string;
  name: string;
}

export function CallLogControls({
  queues,
  agents,
}: {
  queues: readonly string[];
  agents: readonly AgentOption[];
}) {
  const id = useId();
  const view = useUi((s) => s.callLog);
  const setCallLog = useUi((s) => s.setCallLog);
  // The chosen queue stays listed even when no call of the list has it any more.
  const queueOptions =
    view.queue !== null && !queues.includes(view.queue) ? [...queues, view.queue] : queues;
  return (
    <div className="list-controls call-log-controls">
      <fieldset className="segmented">
        <legend className="visually-hidden">Show</legend>
        {CALL_LOG_FILTERS.map((f) => (
          <label key={f} className={f === view.filter ? 'segment is-checked' : 'segment'}>
            <input
              type="radio"
              name={`${id}-filter`}
              value={f}
              checked={f === view.filter}
              onChange={() => setCallLog({ filter: f })}
            />
            {CALL_LOG_FILTER_LABELS[f]}
          </label>
        ))}
      </fieldset>
      <div className="filters">
        <label htmlFor={`${id}-queue`}>Filter by queue</label>
        <select
          id={`${id}-queue`}
          value={view.queue ?? ''}
          onChange={(e) => setCallLog({ queue: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">Any queue</option>
          {queueOptions.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-agent`}>Filter by agent</label>
        <select
          id={`${id}-agent`}
          value={view.agent ?? ''}
          onChange={(e) => setCallLog({ agent: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">Any agent</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
