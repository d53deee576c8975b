// One labelled text or password input of the account screens (first administrator, change your
// password), with its error from the form. Never validates: the screen does, with the shared schema.

import type { Ref } from 'react';
import { FormField } from '../interaction-form/form-field';

export interface AccountFieldProps {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function AccountField({
  id,
  label,
  value,
  error,
  onChange,
  type = 'text',
  autoComplete,
  hint,
  inputRef,
}: AccountFieldProps) {
  return (
    <FormField id={id} label={label} error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          type={type}
          autoComplete={autoComplete}
          autoCapitalize={type === 'text' ? undefined : 'none'}
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
