// Rows of incidents and requests (User's Tasks, the work lists): Number opens one, arrows move
// between rows. Display only: the caller gives the rows and says which columns it wants.

import type { Ref } from 'react';
import { PRIORITY_LABELS } from '../../shared/domain/priority';
import type { TaskListItemView } from '../../shared/store-api/escalation-contract';
import { moveBetweenRows, NumberCell, TimeCell } from '../interaction-list/interaction-table';

export type TaskColumn = 'type' | 'caller' | 'priority' | 'assignedTo';

interface TaskTableProps {
  items: readonly TaskListItemView[];
  /** Besides Number, Short description, State and Opened. */
  columns: readonly TaskColumn[];
  /** The caller column's name: Caller (incidents), Requested for (requests). */
  callerLabel?: string;
  selectedId?: string | null;
  onOpen: (task: TaskListItemView) => void;
  now: Date;
  firstRowRef?: Ref<HTMLButtonElement>;
}

export function TaskTable({
  items,
  columns,
  callerLabel = 'Caller',
  selectedId = null,
  onOpen,
  now,
  firstRowRef,
}: TaskTableProps) {
  const show = (column: TaskColumn) => columns.includes(column);
  return (
    <table className="interaction-table">
      <thead>
        <tr>
          <th scope="col">Number</th>
          {show('type') && <th scope="col">Type</th>}
          <th scope="col">Short description</th>
          {show('caller') && <th scope="col">{callerLabel}</th>}
          {show('priority') && <th scope="col">Priority</th>}
          <th scope="col">State</th>
          {show('assignedTo') && <th scope="col">Assigned to</th>}
          <th scope="col">Opened</th>
        </tr>
      </thead>
      <tbody onKeyDown={moveBetweenRows}>
        {items.map((task, index) => {
          const selected = task.id === selectedId;
          return (
            <tr
              key={`${task.kind}:${task.id}`}
              className={selected ? 'is-selected' : undefined}
              onClick={() => onOpen(task)}
            >
              <NumberCell
                number={task.number}
                provisional={task.numberProvisional}
                selected={selected}
                buttonRef={index === 0 ? firstRowRef : undefined}
                onOpen={() => onOpen(task)}
              />
              {show('type') && <td>{task.kind === 'incident' ? 'Incident' : 'Request'}</td>}
              <td>
                <span className="cell-description">{task.shortDescription}</span>
              </td>
              {show('caller') && <td>{task.callerName ?? ''}</td>}
              {show('priority') && (
                <td>{task.priority === null ? '' : PRIORITY_LABELS[task.priority]}</td>
              )}
              <td>
                <span className="state">{task.state}</span>
              </td>
              {show('assignedTo') && <td>{task.assignedToName ?? ''}</td>}
              <TimeCell iso={task.openedAt} now={now} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
