// What incidents and requests share (ServiceNow calls both "tasks"): their text fields, the list
// of related interactions, work notes, the User's Tasks row and the work queues. Pure.

import { z } from 'zod';
import { Id } from './directory';
import { DESCRIPTION_MAX, SHORT_DESCRIPTION_MAX } from './interaction';
import type { Priority } from './priority';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './storable-text';

export { withoutUndefined } from './record-changes';
export { appendWorkNote, workNoteFrom } from './work-note';

/** Text the desk server can store; anything else is refused with a message a person can act on. */
export const storableText = () => z.string().refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

export const ShortDescription = storableText()
  .trim()
  .min(1, 'Short description is required.')
  .max(
    SHORT_DESCRIPTION_MAX,
    `Short description can be at most ${SHORT_DESCRIPTION_MAX} characters.`,
  );

export const Description = storableText().max(
  DESCRIPTION_MAX,
  `Description can be at most ${DESCRIPTION_MAX} characters.`,
);

/** A required reference to a person, with the field's own label in the message. */
export const RequiredUser = (label: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? `${label} is required.`
          : `${label} must name a user.`,
    })
    .min(1, `${label} is required.`)
    .max(64);

/**
 * An interaction a task came from (`origin`) or that was linked to it later (`associated`). The
 * number is the one the interaction had when the link was made; the server links with real ones.
 */
export const RelatedInteraction = z.object({
  id: Id,
  number: z.string(),
  /** The interaction's Opened for: the caller counted among those affected. */
  caller: Id.nullable(),
  relation: z.enum(['origin', 'associated']),
  at: z.string(),
  by: Id,
});
export type RelatedInteraction = z.infer<typeof RelatedInteraction>;

/** A row of the User's Tasks related list and of the work queues: incidents and requests alike. */
export interface TaskListItem {
  kind: 'incident' | 'request';
  id: string;
  number: string;
  numberProvisional: boolean;
  shortDescription: string;
  state: string;
  /** Still being worked (incident New/In Progress/On Hold; request Open/Work in Progress). */
  open: boolean;
  /** Incidents only. */
  priority: Priority | null;
  /** The incident's Caller or the request's Requested for. */
  callerId: string;
  assignmentGroup: string | null;
  assignedTo: string | null;
  openedAt: string;
  updatedAt: string;
}

export const TASK_QUEUES = ['assigned-to-me', 'my-groups', 'unassigned'] as const;
export type TaskQueue = (typeof TASK_QUEUES)[number];

export interface QueueAgent {
  id: string;
  /** The assignment groups the agent is a member of. */
  groupIds: ReadonlySet<string>;
}

/**
 * Whether an open task belongs in one of the agent's queues. `unassigned` is the work waiting in
 * the agent's groups for someone to take it, plus work no group was chosen for yet.
 */
export function inTaskQueue(
  queue: TaskQueue,
  task: Pick<TaskListItem, 'open' | 'assignmentGroup' | 'assignedTo'>,
  agent: QueueAgent,
): boolean {
  if (!task.open) return false;
  switch (queue) {
    case 'assigned-to-me':
      return task.assignedTo === agent.id;
    case 'my-groups':
      return task.assignmentGroup !== null && agent.groupIds.has(task.assignmentGroup);
    case 'unassigned':
      return (
        task.assignedTo === null &&
        (task.assignmentGroup === null || agent.groupIds.has(task.assignmentGroup))
      );
  }
}

/** The queue order: highest priority first, then oldest first. */
export function compareTasks(a: TaskListItem, b: TaskListItem): number {
  // A request ranks as 4 - Low, ServiceNow's default priority for one.
  const pa = a.priority ?? 4;
  const pb = b.priority ?? 4;
  if (pa !== pb) return pa - pb;
  if (a.openedAt !== b.openedAt) return a.openedAt < b.openedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
