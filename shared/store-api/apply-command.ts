// The one entry where a validated command becomes record changes: it hands the command to its
// module (shared/commands/) over the records the caller loaded. The store host, the desk's rebase
// and the desk server all run it. Pure: never reads or writes storage, never picks a number itself.

import type { CatalogItem } from '../domain/catalog';
import type { StoreResult } from '../domain/result';
import { recordNamedBy, type Applied, type ApplyContext } from '../commands/command-module';
import type { KindedRecord, RecordRef, RecordSet } from '../commands/record-set';
import { mayRun, permissionTarget, type Actor } from '../commands/permission';
import { commandModule, type CommandName } from '../commands/registry';
import type { CommandArgs } from './contract';

export type { Applied, ApplyContext } from '../commands/command-module';
export {
  RECORD_KINDS,
  recordKey,
  RecordMap,
  type KindedRecord,
  type RecordKind,
  type RecordRef,
  type RecordSet,
  type RecordTypes,
} from '../commands/record-set';
export { primaryKindOf, recordsOfEntry } from '../commands/registry';

export type ParsedCommand = { [N in CommandName]: { name: N; args: CommandArgs<N> } }[CommandName];

/**
 * Every record the command reads or writes, the one it is named by (`args.id`) first. A command
 * that links two records names both, so a replay loads both and writes both or neither.
 */
export const recordsOf = (command: ParsedCommand): RecordRef[] =>
  commandModule(command.name).records(command.args);

/**
 * Runs the command over the records it touches. Answers what changed (both records of a linking
 * command, or none when it is the same change again) or a refusal that changes nothing.
 */
export const applyCommand = (
  command: ParsedCommand,
  records: RecordSet,
  ctx: ApplyContext,
): StoreResult<Applied> => commandModule(command.name).apply(records, command.args, ctx);

/**
 * The permission matrix for this command, on the record it is named by as `records` holds it
 * (decision 0008): the store host asks it before it writes, the server before it replays.
 */
export function commandPermitted(
  command: ParsedCommand,
  records: RecordSet,
  actor: Actor,
  groupName: (groupId: string) => string | null | undefined,
): StoreResult<null> {
  const module = commandModule(command.name);
  const record = recordNamedBy(records, module.kind, command.args.id);
  // The record rule reads an assignment; a visit has none (its commands have no record rule).
  const target =
    record && 'assignmentGroup' in record ? permissionTarget(record, groupName) : undefined;
  return mayRun(module.permission, actor, target);
}

const stringField = (fields: unknown, key: string): string | undefined => {
  if (typeof fields !== 'object' || fields === null) return undefined;
  const value = (fields as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The directory facts a replay of these commands may ask about, so a server can load just those
 * before running the (synchronous) mutators: the groups whose members Assigned to is checked
 * against, the catalog items whose answers are checked, and the callers a work note may name. A
 * request created without an assignment group goes to its item's fulfillment group: pass the
 * catalog items once loaded (`catalogItems`) and their groups are named too. Generic: it reads the
 * fields every command names alike (`assignmentGroup`, `catalogItem`, `openedFor`, in the args or
 * in their `changes`), never a command's name.
 */
export function directoryNeeds(
  commands: readonly ParsedCommand[],
  records: readonly KindedRecord[],
  catalogItems: readonly Pick<CatalogItem, 'id' | 'fulfillmentGroup'>[] = [],
): { groupIds: string[]; catalogItemIds: string[]; userIds: string[] } {
  const groupIds = new Set<string>();
  const catalogItemIds = new Set<string>();
  const userIds = new Set<string>();
  for (const { kind, record } of records) {
    if ('assignmentGroup' in record && record.assignmentGroup) groupIds.add(record.assignmentGroup);
    if (kind === 'request') catalogItemIds.add(record.catalogItem);
  }
  for (const { args } of commands) {
    for (const fields of [args, 'changes' in args ? args.changes : undefined]) {
      const group = stringField(fields, 'assignmentGroup');
      if (group) groupIds.add(group);
      const caller = stringField(fields, 'openedFor');
      if (caller) userIds.add(caller);
    }
    const item = stringField(args, 'catalogItem');
    if (item) catalogItemIds.add(item);
  }
  for (const item of catalogItems)
    if (catalogItemIds.has(item.id) && item.fulfillmentGroup) groupIds.add(item.fulfillmentGroup);
  return { groupIds: [...groupIds], catalogItemIds: [...catalogItemIds], userIds: [...userIds] };
}
