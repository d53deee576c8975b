// The work lists of the Incidents and Requests sections: assigned to me, my groups' queue,
// unassigned, or all, narrowed to one state; live, highest priority first. Reads only: opening a
// row is the caller's business, and so is where the filter is kept.

import { useId, useImperativeHandle, useRef, type Ref } from 'react';
import { INCIDENT_STATES, type IncidentState } from '../../shared/domain/incident';
import { REQUEST_STATES, type RequestState } from '../../shared/domain/request';
import type { TaskQueue } from '../../shared/domain/task';
import type { TaskListItemView } from '../../shared/store-api/escalation-contract';
import { useDeskpad } from '../app/deskpad-context';
import { TaskTable } from './task-table';
import { useLiveQuery } from '../hooks/use-live-query';

export type TaskKind = 'incident' | 'request';

/** A work list: one of the agent's queues (or every record), narrowed to one state or not. */
export interface TaskListFilter {
  queue: TaskQueue | 'all';
  state: string | null;
}

export interface TaskListHandle {
  focus(): void;
}

export const QUEUE_LABELS: Readonly<Record<TaskListFilter['queue'], string>> = {
  'assigned-to-me': 'Assigned to me',
  'my-groups': 'My groups',
  unassigned: 'Unassigned',
  all: 'All',
};

/** How an empty list says which queue it is ("No incidents assigned to you."). */
const EMPTY_QUEUE: Readonly<Record<TaskListFilter['queue'], string>> = {
  'assigned-to-me': ' assigned to you',
  'my-groups': ' in your groups’ queue',
  unassigned: ' waiting for someone to take them',
  all: '',
};

const TITLES = { incident: 'Incidents', request: 'Requests' } as const;
const NONE: TaskListItemView[] = [];

interface TaskListProps {
  kind: TaskKind;
  filter: TaskListFilter;
  onFilter: (filter: TaskListFilter) => void;
  selectedId: string | null;
  onOpen: (task: TaskListItemView) => void;
  ref?: Ref<TaskListHandle>;
}

function useTaskRows(kind: TaskKind, filter: TaskListFilter) {
  const queue = filter.queue === 'all' ? {} : { queue: filter.queue };
  const incidents = useLiveQuery(
    'incident.list',
    kind === 'incident'
      ? {
          ...queue,
          ...((INCIDENT_STATES as readonly string[]).includes(filter.state ?? '')
            ? { state: filter.state as IncidentState }
            : {}),
          limit: 200,
        }
      : null,
  );
  const requests = useLiveQuery(
    'request.list',
    kind === 'request'
      ? {
          ...queue,
          ...((REQUEST_STATES as readonly string[]).includes(filter.state ?? '')
            ? { state: filter.state as RequestState }
            : {}),
          limit: 200,
        }
      : null,
  );
  return kind === 'incident' ? incidents : requests;
}

export function TaskList({ kind, filter, onFilter, selectedId, onOpen, ref }: TaskListProps) {
  const { now } = useDeskpad();
  const id = useId();
  const regionRef = useRef<HTMLElement>(null);
  const firstRowRef = useRef<HTMLButtonElement>(null);
  const result = useTaskRows(kind, filter);
  const items = result?.ok ? result.value : NONE;
  const states: readonly string[] = kind === 'incident' ? INCIDENT_STATES : REQUEST_STATES;
  const title = TITLES[kind];

  useImperativeHandle(ref, () => ({
    focus: () => {
      const selected = regionRef.current?.querySelector<HTMLButtonElement>(
        'button.row-open[aria-current="true"]',
      );
      (
        selected ??
        firstRowRef.current ??
        regionRef.current?.querySelector('input:checked')
      )?.focus();
    },
  }));

  return (
    <section
      className="interaction-list task-list"
      aria-labelledby={`${id}-heading`}
      ref={regionRef}
    >
      <h2 id={`${id}-heading`}>{title}</h2>
      <div className="list-controls">
        <fieldset className="segmented">
          <legend className="visually-hidden">Show</legend>
          {(Object.keys(QUEUE_LABELS) as TaskListFilter['queue'][]).map((queue) => (
            <label
              key={queue}
              className={queue === filter.queue ? 'segment is-checked' : 'segment'}
            >
              <input
                type="radio"
                name={`${id}-queue`}
                value={queue}
                checked={queue === filter.queue}
                onChange={() => onFilter({ ...filter, queue })}
              />
              {QUEUE_LABELS[queue]}
            </label>
          ))}
        </fieldset>
        <div className="filters">
          <label htmlFor={`${id}-state`}>Filter by state</label>
          <select
            id={`${id}-state`}
            value={filter.state ?? ''}
            onChange={(e) => onFilter({ ...filter, state: e.target.value || null })}
          >
            <option value="">Any state</option>
            {states.map((state) => (
              <option key={state} value={state}>
                {state}
              </option>
            ))}
          </select>
        </div>
      </div>
      {result === undefined ? (
        <p className="muted">Loading…</p>
      ) : !result.ok ? (
        <p className="error-text">{result.error.message}</p>
      ) : items.length === 0 ? (
        <p className="muted">
          No {title.toLowerCase()}
          {EMPTY_QUEUE[filter.queue]}
          {filter.state ? ` in ${filter.state}` : ''}.
        </p>
      ) : (
        <div className="table-scroll">
          <TaskTable
            items={items}
            columns={
              kind === 'incident' ? ['caller', 'priority', 'assignedTo'] : ['caller', 'assignedTo']
            }
            callerLabel={kind === 'incident' ? 'Caller' : 'Requested for'}
            selectedId={selectedId}
            onOpen={onOpen}
            now={now()}
            firstRowRef={firstRowRef}
          />
        </div>
      )}
    </section>
  );
}
