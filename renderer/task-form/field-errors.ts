// Turns a zod refusal into the per-field messages the dialogs show, keyed as the store answers
// them (`shortDescription`, `answers.model`). Never decides what is valid: the schemas do.

import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** The first message for each field; the path's first two steps name it (`answers.<name>`). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [first, second] = issue.path;
    if (first === undefined) continue;
    const key =
      first === 'answers' && typeof second === 'string' ? `answers.${second}` : String(first);
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Puts the agent on the first field that needs fixing, in the dialog's own order. */
export function focusFirstError(
  errors: FieldErrors,
  order: string[],
  idOf: (key: string) => string,
) {
  const first = order.find((key) => errors[key] !== undefined);
  if (first !== undefined) document.getElementById(idOf(first))?.focus();
}
