// The Incident's shape: its fields, labels, choice lists, command arguments and how a list reads
// one. Schemas and pure readers only; the mutators that change an incident are in incident.ts.

import { z } from 'zod';
import { Id } from './directory';
import { Impact, Priority, Urgency } from './priority';
import {
  INCIDENT_STATES,
  isOpenIncidentState,
  REQUIREMENT_MESSAGES,
  type TransitionRequirement,
} from './task-states';
import {
  Description,
  RelatedInteraction,
  RequiredUser,
  ShortDescription,
  storableText,
  type TaskListItem,
} from './task';
import { WORK_NOTE_MAX, WorkNote } from './work-note';

export { INCIDENT_STATES, OPEN_INCIDENT_STATES, type IncidentState } from './task-states';

/** ServiceNow's default incident categories. */
export const INCIDENT_CATEGORIES = [
  'Inquiry / Help',
  'Software',
  'Hardware',
  'Network',
  'Database',
] as const;
export const IncidentCategory = z.enum(INCIDENT_CATEGORIES, 'Pick the category.');
export type IncidentCategory = z.infer<typeof IncidentCategory>;

/** What an incident On Hold is waiting for (ServiceNow's On hold reasons). */
export const ON_HOLD_REASONS = [
  'Awaiting Caller',
  'Awaiting Change',
  'Awaiting Problem',
  'Awaiting Vendor',
] as const;
export const OnHoldReason = z.enum(ON_HOLD_REASONS, REQUIREMENT_MESSAGES.onHoldReason);
export type OnHoldReason = z.infer<typeof OnHoldReason>;

export const RESOLUTION_CODES = [
  'Solution provided',
  'Workaround provided',
  'Resolved by caller',
  'Resolved by change',
  'Resolved by problem',
  'Known error',
  'Duplicate',
  'User error',
  'No resolution provided',
] as const;
export const ResolutionCode = z.enum(RESOLUTION_CODES, REQUIREMENT_MESSAGES.resolutionCode);
export type ResolutionCode = z.infer<typeof ResolutionCode>;

export const INCIDENT_LABELS = {
  number: 'Number',
  caller: 'Caller',
  shortDescription: 'Short description',
  description: 'Description',
  component: 'Component',
  category: 'Category',
  impact: 'Impact',
  urgency: 'Urgency',
  priority: 'Priority',
  assignmentGroup: 'Assignment group',
  assignedTo: 'Assigned to',
  state: 'State',
  onHoldReason: 'On hold reason',
  resolutionCode: 'Resolution code',
  resolutionNotes: 'Resolution notes',
  reopenReason: 'Reason for reopening',
  reopenCount: 'Reopen count',
  relatedInteractions: 'Related interactions',
  workNotes: 'Work notes',
  openedAt: 'Opened',
  openedBy: 'Opened by',
  resolvedAt: 'Resolved',
  resolvedBy: 'Resolved by',
  closedAt: 'Closed',
  closedBy: 'Closed by',
} as const;

/** Resolution notes and a reopen reason: as long as a work note may be. */
const LongText = storableText()
  .trim()
  .max(WORK_NOTE_MAX, `Keep it under ${WORK_NOTE_MAX} characters.`);

/** The fields an agent edits on the Report an Issue dialog and the incident form. */
export const IncidentFields = z.object({
  caller: RequiredUser('Caller'),
  shortDescription: ShortDescription,
  description: Description,
  component: Id.nullable(),
  category: IncidentCategory,
  impact: Impact,
  urgency: Urgency,
  assignmentGroup: Id.nullable(),
  assignedTo: Id.nullable(),
});
export type IncidentFields = z.infer<typeof IncidentFields>;

export const IncidentChanges = IncidentFields.partial();
export type IncidentChanges = z.infer<typeof IncidentChanges>;

export const Incident = IncidentFields.extend({
  id: Id,
  number: z.string(),
  /** True until the desk server has given the record its real number. */
  numberProvisional: z.boolean(),
  /** Always priorityOf(impact, urgency); stored so lists and the read API can sort by it. */
  priority: Priority,
  state: z.enum(INCIDENT_STATES),
  onHoldReason: OnHoldReason.nullable(),
  resolutionCode: ResolutionCode.nullable(),
  resolutionNotes: z.string().nullable(),
  reopenCount: z.int().nonnegative(),
  relatedInteractions: z.array(RelatedInteraction),
  workNotes: z.array(WorkNote),
  openedAt: z.string(),
  openedBy: Id,
  resolvedAt: z.string().nullable(),
  resolvedBy: Id.nullable(),
  /** When it was Closed or Canceled. */
  closedAt: z.string().nullable(),
  closedBy: Id.nullable(),
  updatedAt: z.string(),
  updatedBy: Id,
});
export type Incident = z.infer<typeof Incident>;

// ---- command arguments (what the outbox records and the server replays) ----

export const CreateIncidentArgs = IncidentFields.extend({
  /** Chosen by the desk when the dialog opens, so a retried or double-clicked Submit is one record. */
  id: Id,
  workNote: storableText().trim().max(WORK_NOTE_MAX).optional(),
});
export type CreateIncidentArgs = z.infer<typeof CreateIncidentArgs>;

export const UpdateIncidentArgs = z.object({ id: Id, changes: IncidentChanges });
export type UpdateIncidentArgs = z.infer<typeof UpdateIncidentArgs>;

/**
 * Any state change. What a transition requires (INCIDENT_MACHINE) is checked by the mutator, so
 * the machine stays the one place that says it; the named commands below make it required.
 */
export const SetIncidentStateArgs = z.object({
  id: Id,
  state: z.enum(INCIDENT_STATES, 'Pick a state.'),
  onHoldReason: OnHoldReason.optional(),
  resolutionCode: ResolutionCode.optional(),
  resolutionNotes: LongText.optional(),
  reopenReason: LongText.optional(),
  /** The work note a reopen writes; the desk picks its id so a retry writes one note. */
  noteId: Id.optional(),
  /** Unsaved edits on the form are saved with the state change, atomically. */
  changes: IncidentChanges.optional(),
});
export type SetIncidentStateArgs = z.infer<typeof SetIncidentStateArgs>;

const required = (requirement: TransitionRequirement) =>
  storableText()
    .trim()
    .min(1, REQUIREMENT_MESSAGES[requirement])
    .max(WORK_NOTE_MAX, `Keep it under ${WORK_NOTE_MAX} characters.`);

export const ResolveIncidentArgs = z.object({
  id: Id,
  resolutionCode: ResolutionCode,
  resolutionNotes: required('resolutionNotes'),
  changes: IncidentChanges.optional(),
});
export type ResolveIncidentArgs = z.infer<typeof ResolveIncidentArgs>;

export const CloseIncidentArgs = z.object({ id: Id });
export type CloseIncidentArgs = z.infer<typeof CloseIncidentArgs>;

export const CancelIncidentArgs = z.object({ id: Id });
export type CancelIncidentArgs = z.infer<typeof CancelIncidentArgs>;

export const ReopenIncidentArgs = z.object({
  id: Id,
  noteId: Id,
  reason: required('reopenReason'),
});
export type ReopenIncidentArgs = z.infer<typeof ReopenIncidentArgs>;

// ---- reading an incident ----

export const isOpenIncident = (incident: Pick<Incident, 'state'>): boolean =>
  isOpenIncidentState(incident.state);

/** The callers who reported it: its Caller and every linked interaction's Opened for. */
export function affectedCallerIds(
  incident: Pick<Incident, 'caller' | 'relatedInteractions'>,
): string[] {
  const ids = new Set<string>([incident.caller]);
  for (const related of incident.relatedInteractions) if (related.caller) ids.add(related.caller);
  return [...ids];
}

export const affectedCallers = (
  incident: Pick<Incident, 'caller' | 'relatedInteractions'>,
): number => affectedCallerIds(incident).length;

export function incidentListItem(incident: Incident): TaskListItem {
  return {
    kind: 'incident',
    id: incident.id,
    number: incident.number,
    numberProvisional: incident.numberProvisional,
    shortDescription: incident.shortDescription,
    state: incident.state,
    open: isOpenIncident(incident),
    priority: incident.priority,
    callerId: incident.caller,
    assignmentGroup: incident.assignmentGroup,
    assignedTo: incident.assignedTo,
    openedAt: incident.openedAt,
    updatedAt: incident.updatedAt,
  };
}
