// Checks an operation's name and input against the contract and turns zod's issues into the
// StoreError a person can read. Used on arrival at the store host and, later, at the server.

import type { z } from 'zod';
import { fail, ok, type StoreResult } from '../domain/result';
import { INCIDENT_LABELS } from '../domain/incident';
import { INTERACTION_LABELS } from '../domain/interaction';
import { REQUEST_LABELS } from '../domain/request';
import {
  actionInputs,
  commandInputs,
  isActionName,
  isCommandName,
  isQueryName,
  queryInputs,
  type ActionArgs,
  type ActionName,
  type CommandArgs,
  type CommandName,
  type QueryArgs,
  type QueryName,
} from './contract';

/** Argument names that are not record fields, as a person would name them. */
const ARGUMENT_LABELS: Readonly<Record<string, string>> = {
  interactionId: 'Interaction',
  incidentId: 'Incident',
  componentId: 'Component',
  callerId: 'Caller',
  userId: 'User',
  groupId: 'Assignment group',
  noteId: 'Work note',
  text: 'Work note',
  workNote: 'Work note',
  reason: 'Reason for reopening',
  query: 'Search text',
  recent: 'Recent records',
  timeZone: 'Time zone',
};

/** The labels of the record an operation is named by: `incident.…`, `request.…`, else the interaction's. */
function labelsFor(operation: string | undefined): Readonly<Record<string, string>> {
  const kind = operation?.split('.', 1)[0];
  if (kind === 'incident') return INCIDENT_LABELS;
  if (kind === 'request') return REQUEST_LABELS;
  return INTERACTION_LABELS;
}

const ANSWERS_PREFIX = 'answers.';

/**
 * Turns zod's issues into one sentence and a message per field. `operation` (a command or query
 * name) picks the labels; a catalog answer keeps its key (`answers.<field name>`), since the
 * field's own label is only known to whoever holds the catalog item.
 */
export function describeIssues(
  error: z.ZodError,
  operation?: string,
): {
  message: string;
  fieldErrors: Record<string, string>;
} {
  const labels = labelsFor(operation);
  const labelOf = (field: string): string => labels[field] ?? ARGUMENT_LABELS[field] ?? field;
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    // `changes.shortDescription` and `shortDescription` are the same field to a person.
    const field =
      issue.path.filter((p) => typeof p === 'string' && p !== 'changes').join('.') || '_';
    fieldErrors[field] ??= issue.message;
  }
  const fields = Object.keys(fieldErrors).filter((f) => f !== '_');
  const answers = fields
    .filter((f) => f.startsWith(ANSWERS_PREFIX))
    .map((f) => f.slice(ANSWERS_PREFIX.length));
  const names = fields.filter((f) => !f.startsWith(ANSWERS_PREFIX)).map(labelOf);
  const sentences = [
    ...(names.length > 0 ? [`Check ${names.join(', ')}.`] : []),
    ...(answers.length > 0 ? [`Check the answers: ${answers.join(', ')}.`] : []),
  ];
  const message =
    sentences.length > 0 ? sentences.join(' ') : (error.issues[0]?.message ?? 'Invalid input.');
  return { message, fieldErrors };
}

/** Longer than any operation in the contract; anything longer is not one of ours. */
const MAX_NAME_LENGTH = 64;

/** An unknown operation's name as its message quotes it: cut short, whoever sent it. */
function quotedName(name: unknown): string {
  const text = String(name);
  return text.length > MAX_NAME_LENGTH ? `${text.slice(0, MAX_NAME_LENGTH)}…` : text;
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown, operation: string): StoreResult<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const { message, fieldErrors } = describeIssues(parsed.error, operation);
  return fail('invalid-input', message, fieldErrors);
}

export function parseCommand(
  name: unknown,
  input: unknown,
): StoreResult<{ [N in CommandName]: { name: N; args: CommandArgs<N> } }[CommandName]> {
  if (!isCommandName(name))
    return fail('unknown-operation', `There is no command called ${quotedName(name)}.`);
  const parsed = parseWith(commandInputs[name] as z.ZodType<CommandArgs<typeof name>>, input, name);
  return parsed.ok ? ok({ name, args: parsed.value } as never) : parsed;
}

export function parseQuery(
  name: unknown,
  input: unknown,
): StoreResult<{ [N in QueryName]: { name: N; args: QueryArgs<N> } }[QueryName]> {
  if (!isQueryName(name))
    return fail('unknown-operation', `There is no query called ${quotedName(name)}.`);
  const parsed = parseWith(queryInputs[name] as z.ZodType<QueryArgs<typeof name>>, input, name);
  return parsed.ok ? ok({ name, args: parsed.value } as never) : parsed;
}

export function parseAction(
  name: unknown,
  input: unknown,
): StoreResult<{ [N in ActionName]: { name: N; args: ActionArgs<N> } }[ActionName]> {
  if (!isActionName(name))
    return fail('unknown-operation', `There is no action called ${quotedName(name)}.`);
  const parsed = parseWith(actionInputs[name] as z.ZodType<ActionArgs<typeof name>>, input, name);
  return parsed.ok ? ok({ name, args: parsed.value } as never) : parsed;
}
