// The User's Tasks related list: the caller's incidents (as Caller) and requests (as Requested
// for), live, highest priority first. Never lists anyone else's; opening one is the agent's choice.

import { useId } from 'react';
import type { TaskListItemView } from '../../shared/store-api/escalation-contract';
import { useDeskpad } from '../app/deskpad-context';
import { TaskTable } from './task-table';
import { useLiveQuery } from '../hooks/use-live-query';

const NONE: TaskListItemView[] = [];

interface UsersTasksProps {
  userId: string | null;
  onOpen: (task: Pick<TaskListItemView, 'kind' | 'id'>) => void;
}

export function UsersTasks({ userId, onOpen }: UsersTasksProps) {
  const { now } = useDeskpad();
  const headingId = useId();
  const result = useLiveQuery('task.listForUser', userId ? { userId, limit: 50 } : null);
  const items = result?.ok ? result.value : NONE;
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
        <div className="table-scroll">
          <TaskTable items={items} columns={['type', 'priority']} onOpen={onOpen} now={now()} />
        </div>
      )}
    </section>
  );
}
