// The Incidents and Requests sections: the work list beside the record it opened (or a word on
// where to pick one). Composition only; the list and panels live in escalation/.

import type { Ref } from 'react';
import { IncidentPanel } from '../incident/incident-panel';
import { RequestPanel } from '../request/request-panel';
import { TaskList, type TaskKind, type TaskListHandle } from '../task-list/task-list';
import { useUi } from './deskpad-context';

/** The incident or request open in its section, or a word on where to pick one. */
export function TaskPanel({ kind }: { kind: TaskKind }) {
  const id = useUi((s) => s.openTasks[kind]);
  const openAnyRecord = useUi((s) => s.openAnyRecord);
  const openInteraction = (interactionId: string) => openAnyRecord('interaction', interactionId);
  if (id === null) {
    return (
      <section className="form-placeholder" aria-labelledby={`pick-${kind}`}>
        <h2 id={`pick-${kind}`}>{kind === 'incident' ? 'Incident' : 'Request'}</h2>
        <p className="muted">
          Open one from the list: its number opens it here, to assign it, change its state and add
          work notes.
        </p>
      </section>
    );
  }
  return kind === 'incident' ? (
    <IncidentPanel key={id} incidentId={id} onOpenInteraction={openInteraction} />
  ) : (
    <RequestPanel key={id} requestId={id} onOpenInteraction={openInteraction} />
  );
}

/** The section's work list, with the filter and open record the UI state keeps. */
export function TaskSide({ kind, listRef }: { kind: TaskKind; listRef: Ref<TaskListHandle> }) {
  const filter = useUi((s) => s.taskLists[kind]);
  const setTaskList = useUi((s) => s.setTaskList);
  const selectedId = useUi((s) => s.openTasks[kind]);
  const openTask = useUi((s) => s.openTask);
  return (
    <TaskList
      ref={listRef}
      kind={kind}
      filter={filter}
      onFilter={(next) => setTaskList(kind, next)}
      selectedId={selectedId}
      onOpen={(task) => openTask(task.kind, task.id)}
    />
  );
}
