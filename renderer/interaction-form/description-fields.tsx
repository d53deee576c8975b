// Short description (required, with its count against the limit; `/` finds a contact template) and
// Description.
// The limits come from the shared schema, never restated here.

import {
  DESCRIPTION_MAX,
  INTERACTION_LABELS as L,
  SHORT_DESCRIPTION_MAX,
} from '../../shared/domain/interaction';
import { KNOWLEDGE_INSTRUMENT } from '../knowledge/article-suggestions';
import { ShortDescriptionInput } from '../templates/short-description-input';
import type { TemplateApply } from '../templates/use-template-apply';
import { FormField } from './form-field';
import type { InteractionFormModel } from './use-interaction-form';

export function DescriptionFields({
  model,
  templates,
}: {
  model: InteractionFormModel;
  templates: Pick<TemplateApply, 'templates' | 'apply'>;
}) {
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
            Required; type / for a template.{' '}
            <span className={count > SHORT_DESCRIPTION_MAX ? 'count count--over' : 'count'}>
              {count}/{SHORT_DESCRIPTION_MAX} characters
            </span>
          </>
        }
      >
        {(control) => (
          <ShortDescriptionInput
            control={control}
            labelId={`${control.id}-label`}
            value={values.shortDescription}
            readOnly={closed}
            templates={templates.templates}
            onChange={(text) => {
              performance.mark(KNOWLEDGE_INSTRUMENT.inputMark);
              edit({ shortDescription: text });
            }}
            onApply={templates.apply}
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
