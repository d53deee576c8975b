// The User's Tasks related list: the caller's incidents (as Caller) and requests (as Requested
// for), live, highest priority first. Never lists anyone else's; opening one is the caller's choice.

import { useId } from 'react';
import { PRIORITY_LABELS } from '../../shared/domain/priority';
import type { TaskListItemView } from '../../shared/store-api/escalation-contract';
import { formatFullTime, formatShortTime } from '../format/format-time';
import { useEscalation } from './escalation-context';
import { usePortQuery } from './use-port-query';

const NONE: TaskListItemView[] = [];

interface UsersTasksProps {
  userId: string | null;
  onOpen: (task: Pick<TaskListItemView, 'kind' | 'id'>) => void;
}

export function UsersTasks({ userId, onOpen }: UsersTasksProps) {
  const { now } = useEscalation();
  const headingId = useId();
  const result = usePortQuery('task.listForUser', userId ? { userId, limit: 50 } : null);
  const items = result?.ok ? result.value : NONE;
  const today = now();
  return (
    <section className="related-list" aria-labelledby={headingId}>
      <h3 id={headingId}>User&apos;s Tasks</h3>
      {!userId ? (
        <p className="muted">Pick the caller in Opened for to see their incidents and requests.</p>
      ) : result === undefined ? (
        <p className="muted">Loading…</p>
      ) : !result.ok ? (
        <p className="error-text">{result.error.message}</p>
      ) : items.length === 0 ? (
        <p className="muted">No incidents or requests for this caller yet.</p>
      ) : (
        <table className="interaction-table">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Type</th>
              <th scope="col">Short description</th>
              <th scope="col">Priority</th>
              <th scope="col">State</th>
              <th scope="col">Opened</th>
            </tr>
          </thead>
          <tbody>
            {items.map((task) => (
              <tr key={task.id}>
                <td className="cell-number">
                  <button type="button" className="row-open" onClick={() => onOpen(task)}>
                    {task.number}
                  </button>
                  {task.numberProvisional && (
                    <span className="badge badge--provisional" title="Numbered when it syncs">
                      not synced
                    </span>
                  )}
                </td>
                <td>{task.kind === 'incident' ? 'Incident' : 'Request'}</td>
                <td className="cell-description">{task.shortDescription}</td>
                <td>{task.priority === null ? '' : PRIORITY_LABELS[task.priority]}</td>
                <td>
                  <span className="state">{task.state}</span>
                </td>
                <td className="cell-time">
                  <time dateTime={task.openedAt} title={formatFullTime(task.openedAt)}>
                    {formatShortTime(task.openedAt, today)}
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
