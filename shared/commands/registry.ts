// The one list of commands: every module registered here, and what the contract, the store host,
// the rebase, the server and Needs attention look up by a command's name. Never applies one itself.

import type { z } from 'zod';
import type { AnyOutputView, CommandKind, CommandModule, OutputOf } from './command-module';
import { incidentAddWorkNote } from './incident/add-work-note';
import { incidentCancel } from './incident/cancel';
import { incidentClose } from './incident/close';
import { incidentCreateFromInteraction } from './incident/create-from-interaction';
import { incidentReopen } from './incident/reopen';
import { incidentResolve } from './incident/resolve';
import { incidentSetState } from './incident/set-state';
import { incidentUpdate } from './incident/update';
import { interactionAddWorkNote } from './interaction/add-work-note';
import { interactionAssociateIncident } from './interaction/associate-incident';
import { interactionClose } from './interaction/close';
import { interactionCreate } from './interaction/create';
import { interactionEndCall } from './interaction/end-call';
import { interactionSave } from './interaction/save';
import { interactionStartCall } from './interaction/start-call';
import { interactionUpdate } from './interaction/update';
import type { RecordKind, RecordRef } from './record-set';
import { knowledgeRate } from './knowledge/rate';
import { requestAddWorkNote } from './request/add-work-note';
import { requestCreateFromInteraction } from './request/create-from-interaction';
import { requestSetState } from './request/set-state';
import { requestUpdate } from './request/update';
import { callLink } from './call/link';
import { callMarkSeen } from './call/mark-seen';
import { visitCall } from './visit/call';
import { visitCheckIn } from './visit/check-in';
import { visitFinish } from './visit/finish';
import { visitMarkLeft } from './visit/mark-left';
import { visitNoShow } from './visit/no-show';
import { visitRate } from './visit/rate';
import { visitReturnToQueue } from './visit/return-to-queue';
import { visitStart } from './visit/start';

/** Adding a command: its module, its fixtures, and one line here. */
export const COMMAND_MODULES = [
  interactionCreate,
  interactionUpdate,
  interactionAddWorkNote,
  interactionClose,
  interactionSave,
  interactionAssociateIncident,
  interactionStartCall,
  interactionEndCall,
  incidentCreateFromInteraction,
  incidentUpdate,
  incidentAddWorkNote,
  incidentSetState,
  incidentResolve,
  incidentClose,
  incidentCancel,
  incidentReopen,
  requestCreateFromInteraction,
  requestUpdate,
  requestAddWorkNote,
  requestSetState,
  visitCheckIn,
  visitCall,
  visitReturnToQueue,
  visitStart,
  visitFinish,
  visitNoShow,
  visitMarkLeft,
  visitRate,
  callMarkSeen,
  callLink,
  knowledgeRate,
] as const;

type Registered = (typeof COMMAND_MODULES)[number];
export type CommandName = Registered['name'];
type ModuleOf<N extends CommandName> = Extract<Registered, { name: N }>;

/** Each command's argument schema, by name: the contract's `commandInputs`. */
export type CommandInputs = { [N in CommandName]: ModuleOf<N>['args'] };
/** What each command answers, by name: the contract's `CommandOutputs`. */
export type CommandOutputs = { [N in CommandName]: OutputOf<ModuleOf<N>['output']> };

/** Any registered module, its arguments read as the schema's output of an unknown command. */
export type AnyCommandModule = CommandModule<CommandName, z.ZodType, AnyOutputView>;

const BY_NAME: ReadonlyMap<string, AnyCommandModule> = new Map(
  COMMAND_MODULES.map((module): [string, AnyCommandModule] => [module.name, module]),
);

export const commandInputs = Object.fromEntries(
  COMMAND_MODULES.map((module) => [module.name, module.args]),
) as CommandInputs;

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && BY_NAME.has(name);

/** The module of a registered command. */
export function commandModule(name: CommandName): AnyCommandModule {
  const module = BY_NAME.get(name);
  if (!module) throw new Error(`${name} is not a registered command`);
  return module;
}

/** The module of a name an outbox entry or a push carries, or undefined for one not registered. */
export const findCommandModule = (name: string): AnyCommandModule | undefined => BY_NAME.get(name);

/** The kind of the record a command is named by (`args.id`). */
export const primaryKindOf = (name: CommandName): CommandKind => commandModule(name).kind;

/**
 * The records an outbox entry touches, from its raw args (entries are checked when made, but an
 * old one may not parse any more): the ids its module names that are strings, none when the one
 * it is named by is not. Never parses (the rebase asks this of every waiting entry).
 */
export function recordsOfEntry(entry: { name: string; args: unknown }): RecordRef[] {
  const module = findCommandModule(entry.name);
  const args = entry.args;
  if (!module || typeof args !== 'object' || args === null) return [];
  // `records` only reads ids off its args, so raw args are read the same; their types are checked here.
  const refs: { kind: RecordKind; id: unknown }[] = module.records(args);
  if (typeof refs[0]?.id !== 'string') return [];
  return refs.filter((ref): ref is RecordRef => typeof ref.id === 'string');
}
