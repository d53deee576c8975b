// Type (the channel the caller used) and Component (the configuration item they call about).
// Never invents a channel: the choices are the shared INTERACTION_TYPES.

import {
  INTERACTION_LABELS as L,
  INTERACTION_TYPES,
  InteractionType,
} from '../../shared/domain/interaction';
import { useLiveValue } from '../hooks/use-live-query';
import { ComponentPicker, parentChain } from './component-picker';
import { FormField } from './form-field';
import type { InteractionFormModel } from './use-interaction-form';

function ComponentHint({ componentId }: { componentId: string | null }) {
  const item = useLiveValue(
    'directory.getConfigurationItem',
    componentId ? { id: componentId } : null,
    null,
  );
  if (!componentId) return 'The configuration item the caller is calling about.';
  if (!item) return null;
  const chain = parentChain(item);
  return `${item.className}${chain ? ` in ${chain}` : ''}`;
}

export function ClassificationFields({ model }: { model: InteractionFormModel }) {
  const { values, errors, closed, fieldId, edit } = model;
  return (
    <div className="form-row">
      <FormField id={fieldId('type')} label={L.type} error={errors.type}>
        {(control) => (
          <select
            {...control}
            disabled={closed}
            value={values.type}
            onChange={(e) => {
              const type = InteractionType.safeParse(e.target.value);
              if (type.success) edit({ type: type.data });
            }}
          >
            {INTERACTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id={fieldId('component')}
        label={L.component}
        error={errors.component}
        hint={<ComponentHint componentId={values.component} />}
        className="field--wide"
      >
        {(control) => (
          <ComponentPicker
            control={control}
            labelId={`${control.id}-label`}
            value={{ id: values.component, text: values.componentName }}
            readOnly={closed}
            onPick={(item) => edit({ component: item.id, componentName: item.name })}
            onClear={() => edit({ component: null, componentName: '' })}
          />
        )}
      </FormField>
    </div>
  );
}
