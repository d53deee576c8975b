// Checks an operation's name and input against the contract and turns zod's issues into the
// StoreError a person can read. Used on arrival at the store host and, later, at the server.

import type { z } from 'zod';
import { fail, ok, type StoreResult } from '../domain/result';
import { INTERACTION_LABELS } from '../domain/interaction';
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

const labelOf = (field: string): string =>
  (INTERACTION_LABELS as Record<string, string>)[field] ?? field;

export function describeIssues(error: z.ZodError): {
  message: string;
  fieldErrors: Record<string, string>;
} {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    // `changes.shortDescription` and `shortDescription` are the same field to a person.
    const field =
      issue.path.filter((p) => typeof p === 'string' && p !== 'changes').join('.') || '_';
    fieldErrors[field] ??= issue.message;
  }
  const names = Object.keys(fieldErrors)
    .filter((f) => f !== '_')
    .map(labelOf);
  const message =
    names.length > 0
      ? `Check ${names.join(', ')}.`
      : (error.issues[0]?.message ?? 'Invalid input.');
  return { message, fieldErrors };
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): StoreResult<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const { message, fieldErrors } = describeIssues(parsed.error);
  return fail('invalid-input', message, fieldErrors);
}

export function parseCommand(
  name: unknown,
  input: unknown,
): StoreResult<{ [N in CommandName]: { name: N; args: CommandArgs<N> } }[CommandName]> {
  if (!isCommandName(name))
    return fail('unknown-operation', `There is no command called ${String(name)}.`);
  const parsed = parseWith(commandInputs[name] as z.ZodType<CommandArgs<typeof name>>, input);
  return parsed.ok ? ok({ name, args: parsed.value } as never) : parsed;
}

export function parseQuery(
  name: unknown,
  input: unknown,
): StoreResult<{ [N in QueryName]: { name: N; args: QueryArgs<N> } }[QueryName]> {
  if (!isQueryName(name))
    return fail('unknown-operation', `There is no query called ${String(name)}.`);
  const parsed = parseWith(queryInputs[name] as z.ZodType<QueryArgs<typeof name>>, input);
  return parsed.ok ? ok({ name, args: parsed.value } as never) : parsed;
}

export function parseAction(
  name: unknown,
  input: unknown,
): StoreResult<{ [N in ActionName]: { name: N; args: ActionArgs<N> } }[ActionName]> {
  if (!isActionName(name))
    return fail('unknown-operation', `There is no action called ${String(name)}.`);
  const parsed = parseWith(actionInputs[name] as z.ZodType<ActionArgs<typeof name>>, input);
  return parsed.ok ? ok({ name, args: parsed.value } as never) : parsed;
}
