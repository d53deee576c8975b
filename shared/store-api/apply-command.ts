// The one place a validated command becomes record changes: which records it touches and what the
// shared mutators make of them. The store host, the desk's rebase and the desk server all run it.
// Pure: it never reads or writes storage, never picks a number itself, never keeps state.

import type { CatalogItem } from '../domain/catalog';
import type { CatalogRules } from '../domain/request';
import {
  addIncidentWorkNote,
  cancelIncident,
  closeIncident,
  reopenIncident,
  resolveIncident,
  setIncidentState,
  updateIncident,
  type Incident,
} from '../domain/incident';
import {
  addWorkNote,
  closeInteraction,
  createInteraction,
  updateInteraction,
  type Interaction,
  type MutationContext,
} from '../domain/interaction';
import {
  associateInteraction,
  createIncidentFromInteraction,
  createRequestFromInteraction,
} from '../domain/escalation';
import {
  addRequestWorkNote,
  setRequestState,
  updateRequest,
  type Request,
} from '../domain/request';
import { fail, ok, type StoreResult } from '../domain/result';
import type { CommandArgs, CommandName } from './contract';

export const RECORD_KINDS = ['interaction', 'incident', 'request'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordTypes {
  interaction: Interaction;
  incident: Incident;
  request: Request;
}

export interface RecordRef {
  kind: RecordKind;
  id: string;
}

/** A record with its kind, as a command's changes and the sync wire carry it. */
export type KindedRecord = {
  [K in RecordKind]: { kind: K; record: RecordTypes[K] };
}[RecordKind];

export type ParsedCommand = { [N in CommandName]: { name: N; args: CommandArgs<N> } }[CommandName];

/** The records a command may read, as its caller loaded them (a missing one is `undefined`). */
export interface RecordSet {
  get<K extends RecordKind>(kind: K, id: string): RecordTypes[K] | undefined;
}

export interface ApplyContext extends MutationContext {
  /** The catalog the request commands check answers against (the desk's cache, the server's table). */
  catalog: CatalogRules;
  /**
   * The number a record created by this command gets: a provisional one on the desk, the next
   * real one on the server. It may be asked and then not used (the create is refused); the
   * caller advances its counter only when `Applied.created` names the kind.
   */
  numberFor(kind: RecordKind, id: string): { number: string; provisional: boolean };
}

export interface Applied {
  /** Every record the command changed, each once, the one it is named by first. Empty: no change. */
  changed: KindedRecord[];
  /** The kind of the record this command created (so a number was used), or null. */
  created: RecordKind | null;
}

/** What `commandInputs` name a record by: its kind per command, the one in `args.id`. */
const PRIMARY_KIND: { [N in CommandName]: RecordKind } = {
  'interaction.create': 'interaction',
  'interaction.update': 'interaction',
  'interaction.addWorkNote': 'interaction',
  'interaction.close': 'interaction',
  'interaction.associateIncident': 'interaction',
  'incident.createFromInteraction': 'incident',
  'incident.update': 'incident',
  'incident.addWorkNote': 'incident',
  'incident.setState': 'incident',
  'incident.resolve': 'incident',
  'incident.close': 'incident',
  'incident.cancel': 'incident',
  'incident.reopen': 'incident',
  'request.createFromInteraction': 'request',
  'request.update': 'request',
  'request.addWorkNote': 'request',
  'request.setState': 'request',
};

export const primaryKindOf = (name: CommandName): RecordKind => PRIMARY_KIND[name];

/**
 * Every record the command reads or writes, the one it is named by (`args.id`) first. A command
 * that links two records names both, so a replay loads both and writes both or neither.
 */
export function recordsOf(command: ParsedCommand): RecordRef[] {
  const primary: RecordRef = { kind: PRIMARY_KIND[command.name], id: command.args.id };
  if (
    command.name === 'incident.createFromInteraction' ||
    command.name === 'request.createFromInteraction'
  )
    return [primary, { kind: 'interaction', id: command.args.interactionId }];
  if (command.name === 'interaction.associateIncident')
    return [primary, { kind: 'incident', id: command.args.incidentId }];
  return [primary];
}

/**
 * The records an outbox entry touches, read from its raw args (entries are checked when made, but
 * an old one may not parse any more): the rebase and Needs attention use it.
 */
export function recordsOfEntry(entry: { name: string; args: unknown }): RecordRef[] {
  const args = entry.args;
  if (typeof args !== 'object' || args === null) return [];
  const kind = (PRIMARY_KIND as Record<string, RecordKind | undefined>)[entry.name];
  const { id, interactionId, incidentId } = args as Record<string, unknown>;
  if (kind === undefined || typeof id !== 'string') return [];
  const refs: RecordRef[] = [{ kind, id }];
  if (typeof interactionId === 'string') refs.push({ kind: 'interaction', id: interactionId });
  if (typeof incidentId === 'string') refs.push({ kind: 'incident', id: incidentId });
  return refs;
}

const LABEL: Record<RecordKind, string> = {
  interaction: 'interaction',
  incident: 'incident',
  request: 'request',
};

const missing = (kind: RecordKind): StoreResult<never> =>
  fail('not-found', `The ${LABEL[kind]} this change belongs to is not here.`);

// Mutators answer the record itself when nothing changed; the linking ones answer a copy.
const sameRecord = (a: object, b: object): boolean =>
  a === b || JSON.stringify(a) === JSON.stringify(b);

function changes(
  list: { before: object | undefined; after: KindedRecord }[],
  created: RecordKind | null = null,
): StoreResult<Applied> {
  return ok({
    changed: list
      .filter(({ before, after }) => before === undefined || !sameRecord(before, after.record))
      .map(({ after }) => after),
    created,
  });
}

const nothing = (): StoreResult<Applied> => ok({ changed: [], created: null });

/** Saving an unchanged form is not a change: nothing to record or to sync. */
const noChanges = (changes: object): boolean =>
  !Object.values(changes).some((v) => v !== undefined);

/**
 * Runs the command over the records it touches. Answers what changed (both records of a linking
 * command, or none when it is the same change again) or a refusal that changes nothing.
 */
export function applyCommand(
  command: ParsedCommand,
  records: RecordSet,
  ctx: ApplyContext,
): StoreResult<Applied> {
  switch (command.name) {
    case 'interaction.create': {
      // The desk chose the id when the form opened: a create seen before is the same record.
      if (records.get('interaction', command.args.id)) return nothing();
      const { number, provisional } = ctx.numberFor('interaction', command.args.id);
      const created = createInteraction(command.args, number, provisional, ctx);
      if (!created.ok) return created;
      return changes(
        [{ before: undefined, after: { kind: 'interaction', record: created.value } }],
        'interaction',
      );
    }
    case 'incident.createFromInteraction':
    case 'request.createFromInteraction': {
      const kind = PRIMARY_KIND[command.name];
      if (records.get(kind, command.args.id)) return nothing();
      const interaction = records.get('interaction', command.args.interactionId);
      if (!interaction) return missing('interaction');
      const { number, provisional } = ctx.numberFor(kind, command.args.id);
      const escalated =
        command.name === 'incident.createFromInteraction'
          ? createIncidentFromInteraction(interaction, command.args, number, provisional, ctx)
          : createRequestFromInteraction(interaction, command.args, number, provisional, ctx);
      if (!escalated.ok) return escalated;
      const record = { kind, record: escalated.value.record } as KindedRecord;
      return changes(
        [
          { before: undefined, after: record },
          {
            before: interaction,
            after: { kind: 'interaction', record: escalated.value.interaction },
          },
        ],
        kind,
      );
    }
    case 'interaction.associateIncident': {
      const interaction = records.get('interaction', command.args.id);
      if (!interaction) return missing('interaction');
      const incident = records.get('incident', command.args.incidentId);
      if (!incident) return missing('incident');
      const associated = associateInteraction(incident, interaction, ctx);
      if (!associated.ok) return associated;
      return changes([
        {
          before: interaction,
          after: { kind: 'interaction', record: associated.value.interaction },
        },
        { before: incident, after: { kind: 'incident', record: associated.value.incident } },
      ]);
    }
    case 'interaction.update':
    case 'interaction.addWorkNote':
    case 'interaction.close': {
      const current = records.get('interaction', command.args.id);
      if (!current) return missing('interaction');
      if (command.name === 'interaction.update' && noChanges(command.args.changes))
        return nothing();
      const next =
        command.name === 'interaction.update'
          ? updateInteraction(current, command.args.changes, ctx)
          : command.name === 'interaction.addWorkNote'
            ? addWorkNote(current, command.args, ctx)
            : closeInteraction(current, command.args, ctx);
      if (!next.ok) return next;
      return changes([{ before: current, after: { kind: 'interaction', record: next.value } }]);
    }
    case 'request.update':
    case 'request.addWorkNote':
    case 'request.setState': {
      const current = records.get('request', command.args.id);
      if (!current) return missing('request');
      if (command.name === 'request.update' && noChanges(command.args.changes)) return nothing();
      const next =
        command.name === 'request.update'
          ? updateRequest(current, command.args.changes, ctx)
          : command.name === 'request.addWorkNote'
            ? addRequestWorkNote(current, command.args, ctx)
            : setRequestState(current, command.args, ctx);
      if (!next.ok) return next;
      return changes([{ before: current, after: { kind: 'request', record: next.value } }]);
    }
    case 'incident.update':
    case 'incident.addWorkNote':
    case 'incident.setState':
    case 'incident.resolve':
    case 'incident.close':
    case 'incident.cancel':
    case 'incident.reopen': {
      const current = records.get('incident', command.args.id);
      if (!current) return missing('incident');
      if (command.name === 'incident.update' && noChanges(command.args.changes)) return nothing();
      const next = incidentMutation(current, command, ctx);
      if (!next.ok) return next;
      return changes([{ before: current, after: { kind: 'incident', record: next.value } }]);
    }
  }
}

type IncidentCommand = Extract<
  ParsedCommand,
  {
    name:
      | 'incident.update'
      | 'incident.addWorkNote'
      | 'incident.setState'
      | 'incident.resolve'
      | 'incident.close'
      | 'incident.cancel'
      | 'incident.reopen';
  }
>;

function incidentMutation(
  current: Incident,
  command: IncidentCommand,
  ctx: MutationContext,
): StoreResult<Incident> {
  switch (command.name) {
    case 'incident.update':
      return updateIncident(current, command.args.changes, ctx);
    case 'incident.addWorkNote':
      return addIncidentWorkNote(current, command.args, ctx);
    case 'incident.setState':
      return setIncidentState(current, command.args, ctx);
    case 'incident.resolve':
      return resolveIncident(current, command.args, ctx);
    case 'incident.close':
      return closeIncident(current, command.args, ctx);
    case 'incident.cancel':
      return cancelIncident(current, command.args, ctx);
    case 'incident.reopen':
      return reopenIncident(current, command.args, ctx);
  }
}

/**
 * The directory facts a replay of these commands may ask about, so a server can load just those
 * before running the (synchronous) mutators: the groups whose members Assigned to is checked
 * against, and the catalog items whose answers are checked. A request created without an
 * assignment group goes to its item's fulfillment group: pass the catalog items once loaded
 * (`catalogItems`) and their groups are named too.
 */
export function directoryNeeds(
  commands: readonly ParsedCommand[],
  records: readonly KindedRecord[],
  catalogItems: readonly Pick<CatalogItem, 'id' | 'fulfillmentGroup'>[] = [],
): { groupIds: string[]; catalogItemIds: string[] } {
  const groupIds = new Set<string>();
  const catalogItemIds = new Set<string>();
  for (const { kind, record } of records) {
    if (record.assignmentGroup) groupIds.add(record.assignmentGroup);
    if (kind === 'request') catalogItemIds.add(record.catalogItem);
  }
  for (const { args } of commands) {
    const fields = [args, 'changes' in args ? args.changes : undefined];
    for (const f of fields) {
      if (f && 'assignmentGroup' in f && typeof f.assignmentGroup === 'string')
        groupIds.add(f.assignmentGroup);
    }
    if ('catalogItem' in args && typeof args.catalogItem === 'string')
      catalogItemIds.add(args.catalogItem);
  }
  for (const item of catalogItems)
    if (catalogItemIds.has(item.id) && item.fulfillmentGroup) groupIds.add(item.fulfillmentGroup);
  return { groupIds: [...groupIds], catalogItemIds: [...catalogItemIds] };
}
