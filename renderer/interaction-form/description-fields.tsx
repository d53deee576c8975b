// Short description (required, with its count against the limit) and Description.
// The limits come from the shared schema, never restated here.

import {
  DESCRIPTION_MAX,
  INTERACTION_LABELS as L,
  SHORT_DESCRIPTION_MAX,
} from '../../shared/domain/interaction';
import { FormField } from './form-field';
import type { InteractionFormModel } from './use-interaction-form';

export function DescriptionFields({ model }: { model: InteractionFormModel }) {
  const { values, errors, closed, fieldId, edit } = model;
  const count = values.shortDescription.trim().length;
  return (
    <div className="form-row form-row--stack">
      <FormField
        id={fieldId('shortDescription')}
        label={L.shortDescription}
        error={errors.shortDescription}
        hint={
          <>
            Required.{' '}
            <span className={count > SHORT_DESCRIPTION_MAX ? 'count count--over' : 'count'}>
              {count}/{SHORT_DESCRIPTION_MAX} characters
            </span>
          </>
        }
      >
        {(control) => (
          <input
            {...control}
            type="text"
            aria-required="true"
            autoComplete="off"
            readOnly={closed}
            value={values.shortDescription}
            onChange={(e) => edit({ shortDescription: e.target.value })}
          />
        )}
      </FormField>
      <FormField id={fieldId('description')} label={L.description} error={errors.description}>
        {(control) => (
          <textarea
            {...control}
            rows={4}
            maxLength={DESCRIPTION_MAX}
            readOnly={closed}
            value={values.description}
            onChange={(e) => edit({ description: e.target.value })}
          />
        )}
      </FormField>
    </div>
  );
}
