// The answers being typed into a catalog item's form, with the user references' names and the
// messages per field, for every screen that shows the form (Create Request, the Catalog preview).
// Holds no item and never checks answers itself: validateAnswers does.

import { useCallback, useState } from 'react';
import type { AnswerDraft } from './catalog-item-form';
import type { FieldErrors } from '../task-form/field-errors';

export interface AnswerDraftState {
  answers: AnswerDraft;
  /** Display names of the user references picked, by field name. */
  userNames: Record<string, string>;
  errors: FieldErrors;
  setErrors: (errors: FieldErrors) => void;
  /** An answer typed or picked: its message goes, as the agent is fixing it. */
  onAnswer: (name: string, value: string | boolean, userName?: string) => void;
  clearError: (key: string) => void;
  /** A new item, or a new start: no answers, no messages. */
  reset: () => void;
}

export function useAnswerDraft(): AnswerDraftState {
  const [answers, setAnswers] = useState<AnswerDraft>({});
  const [userNames, setUserNames] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const clearError = useCallback(
    (key: string) => setErrors(({ [key]: _gone, ...rest }) => rest),
    [],
  );
  const onAnswer = useCallback(
    (name: string, value: string | boolean, userName?: string) => {
      setAnswers((a) => ({ ...a, [name]: value }));
      if (userName !== undefined) setUserNames((n) => ({ ...n, [name]: userName }));
      clearError(`answers.${name}`);
    },
    [clearError],
  );
  const reset = useCallback(() => {
    setAnswers({});
    setUserNames({});
    setErrors({});
  }, []);
  return { answers, userNames, errors, setErrors, onAnswer, clearError, reset };
}
