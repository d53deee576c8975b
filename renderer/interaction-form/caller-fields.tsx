// Opened for with its autofill, Contact email and Contact phone. The contact fields start as the
// directory's values and the agent may overwrite them; the directory itself never changes.

import type { Ref } from 'react';
import { INTERACTION_LABELS as L } from '../../shared/domain/interaction';
import { telUri } from '../../shared/domain/tel-uri';
import { CallerLookup } from '../caller-lookup/caller-lookup';
import { TelLink } from '../format/tel-link';
import { useLiveValue } from '../hooks/use-live-query';
import { FormField } from './form-field';
import type { InteractionFormModel } from './use-interaction-form';

function CallerHint({ userId }: { userId: string | null }) {
  const user = useLiveValue('directory.getUser', userId ? { id: userId } : null, null);
  if (!userId)
    return 'Type a few letters of the caller’s name, user name, email, employee id or phone.';
  if (!user) return null;
  return (
    <>
      {user.vip && <span className="badge badge--vip">VIP</span>} {user.department} ·{' '}
      {user.location} · employee {user.employeeId}
      {telUri(user.phone, user.phoneE164) && (
        <>
          {' '}
          · <TelLink number={user.phone} e164={user.phoneE164} />
        </>
      )}
    </>
  );
}

/** Click to dial the contact phone (the softphone's `tel:` handler). */
function DialHint({ number }: { number: string }) {
  return telUri(number) ? (
    <>
      Dial <TelLink number={number} />
    </>
  ) : null;
}

export function CallerFields({
  model,
  lookupRef,
}: {
  model: InteractionFormModel;
  lookupRef: Ref<HTMLInputElement>;
}) {
  const { values, errors, closed, fieldId, edit } = model;
  return (
    <div className="form-row form-row--caller">
      <FormField
        id={fieldId('openedFor')}
        label={L.openedFor}
        error={errors.openedFor}
        hint={<CallerHint userId={values.openedFor} />}
        className="field--wide"
      >
        {(control) => (
          <CallerLookup
            control={control}
            labelId={`${control.id}-label`}
            value={{ id: values.openedFor, text: values.openedForName }}
            readOnly={closed}
            onPick={model.pickCaller}
            onClear={() => edit({ openedFor: null, openedForName: '' })}
            inputRef={lookupRef}
          />
        )}
      </FormField>
      <FormField id={fieldId('contactEmail')} label={L.contactEmail} error={errors.contactEmail}>
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="off"
            readOnly={closed}
            value={values.contactEmail}
            onChange={(e) => edit({ contactEmail: e.target.value })}
          />
        )}
      </FormField>
      <FormField
        id={fieldId('contactPhone')}
        label={L.contactPhone}
        error={errors.contactPhone}
        hint={values.contactPhone.trim() !== '' && <DialHint number={values.contactPhone} />}
      >
        {(control) => (
          <input
            {...control}
            type="tel"
            autoComplete="off"
            readOnly={closed}
            value={values.contactPhone}
            onChange={(e) => edit({ contactPhone: e.target.value })}
          />
        )}
      </FormField>
    </div>
  );
}
