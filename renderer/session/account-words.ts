// What the first-administrator and change-password screens say: the shared schemas' field messages
// and the store host's refusals, in the user's words. Pure; never talks to the store host.

import type { z } from 'zod';
import type { StoreError } from '../../shared/domain/result';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export const ACCOUNT_WORDS = {
  passwordsDiffer: 'The two passwords differ. Type the same password twice.',
  unreachable: 'The desk server cannot be reached. Try again when it answers.',
  checkFields: 'Check the fields marked.',
} as const;

/** The first message per field of a failed parse, for the fields the form shows. */
export function fieldErrorsOf<F extends string>(
  error: z.ZodError,
  fields: readonly F[],
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (fields as readonly string[]).includes(field)) {
      const key = field as F;
      errors[key] ??= issue.message;
    }
  }
  return errors;
}

/** The store host's refusal: a sentence, and the fields it names. */
export function describeAccountError<F extends string>(
  error: StoreError,
  fields: readonly F[],
): { message: string; fieldErrors: FieldErrors<F> } {
  const fieldErrors: FieldErrors<F> = {};
  for (const field of fields) {
    const text = error.fieldErrors?.[field];
    if (text) fieldErrors[field] = text;
  }
  if (error.code === 'not-ready') return { message: ACCOUNT_WORDS.unreachable, fieldErrors };
  return { message: error.message, fieldErrors };
}
