// The escalation step of both seeds: an incident or request made from an open interaction, an
// interaction associated with an existing incident, the callbacks a resolved incident makes due.
// Each mutator answers both records changed together, or a refusal that changes neither.

import { z } from 'zod';
import type { CatalogItem } from './catalog';
import { Id } from './directory';
import {
  affectedCallers,
  createIncident,
  CreateIncidentArgs,
  isOpenIncident,
  type Incident,
  type IncidentCategory,
} from './incident';
import { isClosed, type Interaction, type MutationContext } from './interaction';
import { DEFAULT_IMPACT, DEFAULT_URGENCY } from './priority';
import {
  linkRecordToInteraction,
  type InteractionWithRelatedRecords,
  type RelatedRecord,
} from './related-records';
import { createRequest, CreateRequestArgs, type Request, type RequestContext } from './request';
import { fail, ok, type StoreResult } from './result';
import { appendWorkNote, type RelatedInteraction } from './task';

type LinkableInteraction = Interaction & { relatedRecords?: RelatedRecord[] };

export interface Escalated<T> {
  record: T;
  interaction: InteractionWithRelatedRecords;
}

/**
 * Why the interaction cannot be escalated yet, or null. The first seed: the fulfiller assigns
 * the interaction (Assign to me) before Create Incident or Create Request.
 */
export function escalationBlocker(interaction: Interaction): string | null {
  if (isClosed(interaction.state))
    return `${interaction.number} is ${interaction.state}: only an open interaction can be escalated.`;
  if (interaction.assignedTo === null)
    return 'Assign the interaction to a fulfiller first (Assign to me), then create the incident or request.';
  return null;
}

function relatedFrom(
  interaction: Interaction,
  relation: RelatedInteraction['relation'],
  ctx: MutationContext,
): RelatedInteraction {
  return {
    id: interaction.id,
    number: interaction.number,
    caller: interaction.openedFor,
    relation,
    at: ctx.now,
    by: ctx.actorId,
  };
}

// ---- Create Incident (first seed) / register a new incident (second seed) ----

const COMPONENT_CATEGORY: Readonly<Record<string, IncidentCategory>> = {
  'Floor network': 'Network',
  'Network switch': 'Network',
  'Wireless access point': 'Network',
  Printer: 'Hardware',
  Laptop: 'Hardware',
  Desktop: 'Hardware',
  Application: 'Software',
  'Business service': 'Software',
};

/** The category the Report an Issue dialog starts with, from the component's class. */
export const suggestedCategory = (
  componentClassName: string | null | undefined,
): IncidentCategory =>
  (componentClassName ? COMPONENT_CATEGORY[componentClassName] : undefined) ?? 'Inquiry / Help';

/**
 * What Report an Issue opens with: the interaction's caller, short description, description,
 * component and assignment group. Assigned to stays empty: the group decides who works it.
 */
export function incidentDraftFromInteraction(
  interaction: Interaction,
  component: { className: string } | null = null,
): Omit<CreateIncidentArgs, 'id'> {
  return {
    caller: interaction.openedFor ?? '',
    shortDescription: interaction.shortDescription,
    description: interaction.description,
    component: interaction.component,
    category: suggestedCategory(component?.className),
    impact: DEFAULT_IMPACT,
    urgency: DEFAULT_URGENCY,
    assignmentGroup: interaction.assignmentGroup,
    assignedTo: null,
  };
}

export const CreateIncidentFromInteractionArgs = CreateIncidentArgs.extend({ interactionId: Id });
export type CreateIncidentFromInteractionArgs = z.infer<typeof CreateIncidentFromInteractionArgs>;

/**
 * What Create Incident and Create Request share: the interaction must be the one named, open and
 * assigned; the new record names it as its origin, and the interaction gets the link and a work
 * note naming the record. Either both records change or neither.
 */
function createFromInteraction<R extends Incident | Request, A extends { interactionId: string }>(
  kind: 'incident' | 'request',
  interaction: LinkableInteraction,
  args: A,
  ctx: MutationContext,
  create: (recordArgs: Omit<A, 'interactionId'>) => StoreResult<R>,
): StoreResult<Escalated<R>> {
  if (args.interactionId !== interaction.id)
    return fail('invalid-input', `The ${kind} names another interaction than the one given.`);
  const blocker = escalationBlocker(interaction);
  if (blocker) return fail('rule', blocker);
  const { interactionId: _interactionId, ...recordArgs } = args;
  const created = create(recordArgs);
  if (!created.ok) return created;
  const record: R = {
    ...created.value,
    relatedInteractions: [relatedFrom(interaction, 'origin', ctx)],
  };
  const label = kind === 'incident' ? 'Incident' : 'Request';
  return ok({
    record,
    interaction: linkRecordToInteraction(
      interaction,
      { kind, id: record.id, number: record.number, relation: 'created' },
      {
        id: `${record.id}:created`,
        text: `${label} ${record.number} created from this interaction: ${record.shortDescription}`,
      },
      ctx,
    ),
  });
}

export function createIncidentFromInteraction(
  interaction: LinkableInteraction,
  args: CreateIncidentFromInteractionArgs,
  number: string,
  numberProvisional: boolean,
  ctx: MutationContext,
): StoreResult<Escalated<Incident>> {
  return createFromInteraction('incident', interaction, args, ctx, (incidentArgs) =>
    createIncident(incidentArgs, number, numberProvisional, ctx),
  );
}

// ---- Associate (second seed) ----

/** `interaction.associateIncident`: named by the interaction, like every interaction command. */
export const AssociateInteractionArgs = z.object({ id: Id, incidentId: Id });
export type AssociateInteractionArgs = z.infer<typeof AssociateInteractionArgs>;

/**
 * Links the interaction to an existing open incident: a work note on the incident names the
 * interaction and its caller (who now counts among the affected), another on the interaction
 * names the incident. Associating twice is the same association.
 */
export function associateInteraction(
  incident: Incident,
  interaction: LinkableInteraction,
  ctx: MutationContext,
): StoreResult<{ incident: Incident; interaction: InteractionWithRelatedRecords }> {
  const linkBack = () =>
    linkRecordToInteraction(
      interaction,
      { kind: 'incident', id: incident.id, number: incident.number, relation: 'associated' },
      {
        id: `${incident.id}:associated`,
        text: `Associated with incident ${incident.number}: ${incident.shortDescription}`,
      },
      ctx,
    );
  if (incident.relatedInteractions.some((r) => r.id === interaction.id))
    return ok({ incident, interaction: linkBack() });
  if (isClosed(interaction.state))
    return fail(
      'rule',
      `${interaction.number} is ${interaction.state}: only an open interaction can be associated.`,
    );
  if (!isOpenIncident(incident)) {
    return fail(
      'rule',
      incident.state === 'Resolved'
        ? `${incident.number} is Resolved: reopen it if the problem is back, then associate.`
        : `${incident.number} is ${incident.state}: create a new incident instead.`,
    );
  }
  const linked: Incident = {
    ...incident,
    relatedInteractions: [
      ...incident.relatedInteractions,
      relatedFrom(interaction, 'associated', ctx),
    ],
  };
  const caller =
    interaction.openedFor === null
      ? 'An unnamed caller'
      : ctx.directory.userName(interaction.openedFor);
  const count = affectedCallers(linked);
  const text =
    `Interaction ${interaction.number} associated: ${caller} reported "${interaction.shortDescription}". ` +
    `${count} ${count === 1 ? 'caller' : 'callers'} affected.`;
  return ok({
    incident: appendWorkNote(linked, `${interaction.id}:associated`, text, ctx),
    interaction: linkBack(),
  });
}

// ---- Create Request (first seed) ----

/** What the chosen item's form opens with: Requested for is the interaction's caller. */
export function requestDraftFromInteraction(
  interaction: Interaction,
  item: Pick<CatalogItem, 'id' | 'fulfillmentGroup'>,
): Omit<CreateRequestArgs, 'id'> {
  return {
    requestedFor: interaction.openedFor ?? '',
    catalogItem: item.id,
    answers: {},
    assignmentGroup: item.fulfillmentGroup,
    assignedTo: null,
  };
}

export const CreateRequestFromInteractionArgs = CreateRequestArgs.extend({ interactionId: Id });
export type CreateRequestFromInteractionArgs = z.infer<typeof CreateRequestFromInteractionArgs>;

export function createRequestFromInteraction(
  interaction: LinkableInteraction,
  args: CreateRequestFromInteractionArgs,
  number: string,
  numberProvisional: boolean,
  ctx: RequestContext,
): StoreResult<Escalated<Request>> {
  return createFromInteraction('request', interaction, args, ctx, (requestArgs) =>
    createRequest(requestArgs, number, numberProvisional, ctx),
  );
}

// ---- Callbacks due (second seed) ----

export interface CallbackDue {
  incidentId: string;
  incidentNumber: string;
  incidentShortDescription: string;
  resolvedAt: string;
  resolutionNotes: string | null;
  interactionId: string;
  interactionNumber: string;
  interactionShortDescription: string;
  callerId: string | null;
}

/**
 * One row per open interaction linked to a Resolved incident: the agent calls the user back,
 * then closes the interaction or reopens the incident. Oldest resolution first. Interactions
 * this desk does not hold are left out: it could not tell whether they are still open.
 */
export function callbacksDue(
  incidents: Iterable<Incident>,
  interactionById: (id: string) => Interaction | undefined,
): CallbackDue[] {
  const due: CallbackDue[] = [];
  for (const incident of incidents) {
    if (incident.state !== 'Resolved') continue;
    for (const related of incident.relatedInteractions) {
      const interaction = interactionById(related.id);
      if (!interaction || isClosed(interaction.state)) continue;
      due.push({
        incidentId: incident.id,
        incidentNumber: incident.number,
        incidentShortDescription: incident.shortDescription,
        resolvedAt: incident.resolvedAt ?? incident.updatedAt,
        resolutionNotes: incident.resolutionNotes,
        interactionId: interaction.id,
        interactionNumber: interaction.number,
        interactionShortDescription: interaction.shortDescription,
        callerId: interaction.openedFor,
      });
    }
  }
  return due.sort((a, b) =>
    a.resolvedAt === b.resolvedAt
      ? a.interactionNumber.localeCompare(b.interactionNumber)
      : a.resolvedAt < b.resolvedAt
        ? -1
        : 1,
  );
}
