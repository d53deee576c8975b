// The directory references a pushed change sets (callers, requesters, assignees, groups, configuration
// items), checked against the server's directory. Pure; the push loads what is known, one query a kind.

import type { RecordSet } from '../../shared/commands/record-set';
import { fail, ok, type StoreResult } from '../../shared/domain/result';
import { recordsOf, type ParsedCommand } from '../../shared/store-api/apply-command';

export type ReferenceKind = 'user' | 'group' | 'configurationItem';

/**
 * The fields that name a directory entry, wherever a command carries them (in its args or in their
 * `changes`): read by name like directoryNeeds does, so no command is listed here.
 */
const REFERENCE_FIELDS: Readonly<Record<string, ReferenceKind>> = {
  openedFor: 'user',
  caller: 'user',
  requestedFor: 'user',
  /** The walk-up visitor (a guest has none). */
  person: 'user',
  assignedTo: 'user',
  assignmentGroup: 'group',
  component: 'configurationItem',
};

const WHAT: Readonly<Record<ReferenceKind, string>> = {
  user: 'user',
  group: 'assignment group',
  configurationItem: 'configuration item',
};

export interface Reference {
  field: string;
  kind: ReferenceKind;
  id: string;
}

const fieldsOf = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/**
 * The references a command sets. A value the record it is named by already holds is no new claim
 * (a Save carries every field of the form) and is left out: a record written before these checks
 * can still be worked.
 */
export function referencesOf(command: ParsedCommand, loaded: RecordSet): Reference[] {
  const [named] = recordsOf(command);
  const current = fieldsOf(named ? loaded.get(named.kind, named.id) : undefined);
  const args = fieldsOf(command.args);
  const out: Reference[] = [];
  for (const fields of [args, fieldsOf(args?.changes)]) {
    for (const [field, kind] of Object.entries(REFERENCE_FIELDS)) {
      const id = fields?.[field];
      if (typeof id !== 'string' || id === '' || current?.[field] === id) continue;
      out.push({ field, kind, id });
    }
  }
  return out;
}

/** The ids of each kind the commands reference, for one query a kind. */
export function referencedIds(
  commands: readonly ParsedCommand[],
  loaded: RecordSet,
): Record<ReferenceKind, string[]> {
  const ids = {
    user: new Set<string>(),
    group: new Set<string>(),
    configurationItem: new Set<string>(),
  };
  for (const command of commands)
    for (const ref of referencesOf(command, loaded)) ids[ref.kind].add(ref.id);
  return {
    user: [...ids.user],
    group: [...ids.group],
    configurationItem: [...ids.configurationItem],
  };
}

export type KnownReferences = (kind: ReferenceKind, id: string) => boolean;

/**
 * The command when everything it references is in the directory; else a refusal naming the first
 * unknown entry (it lands in Needs attention with its data, like any refusal).
 */
export function checkReferences(
  command: ParsedCommand,
  loaded: RecordSet,
  known: KnownReferences,
): StoreResult<ParsedCommand> {
  const unknown = referencesOf(command, loaded).filter((ref) => !known(ref.kind, ref.id));
  const [first] = unknown;
  if (!first) return ok(command);
  const message = (ref: (typeof unknown)[number]) =>
    `No ${WHAT[ref.kind]} ${ref.id} in the directory.`;
  return fail(
    'rule',
    message(first),
    Object.fromEntries(unknown.map((ref) => [ref.field, message(ref)])),
  );
}
