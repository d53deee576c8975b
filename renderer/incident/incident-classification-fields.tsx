// Category, Impact, Urgency and the Priority they give (the 3×3 matrix, shown live), for Report an
// Issue and the incident form alike. Never stores Priority: the mutators compute it again.

import {
  INCIDENT_CATEGORIES,
  INCIDENT_LABELS as L,
  type IncidentCategory,
} from '../../shared/domain/incident';
import {
  LEVEL_LABELS,
  LEVELS,
  PRIORITY_LABELS,
  priorityOf,
  type Level,
} from '../../shared/domain/priority';
import { FormField } from '../interaction-form/form-field';

export interface Classification {
  category: IncidentCategory;
  impact: Level;
  urgency: Level;
}

interface IncidentClassificationFieldsProps {
  idOf: (field: 'category' | 'impact' | 'urgency' | 'priority') => string;
  values: Classification;
  errors: Partial<Record<string, string>>;
  readOnly?: boolean;
  onChange: (changes: Partial<Classification>) => void;
}

export function IncidentClassificationFields({
  idOf,
  values,
  errors,
  readOnly = false,
  onChange,
}: IncidentClassificationFieldsProps) {
  const level = (field: 'impact' | 'urgency') => (
    <FormField id={idOf(field)} label={L[field]} error={errors[field]}>
      {(control) => (
        <select
          {...control}
          disabled={readOnly}
          value={values[field]}
          onChange={(e) => onChange({ [field]: Number(e.target.value) as Level })}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
  return (
    <div className="form-row form-row--narrow">
      <FormField id={idOf('category')} label={L.category} error={errors.category}>
        {(control) => (
          <select
            {...control}
            disabled={readOnly}
            value={values.category}
            onChange={(e) => onChange({ category: e.target.value as IncidentCategory })}
          >
            {INCIDENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {level('impact')}
      {level('urgency')}
      <div className="field">
        <span id={idOf('priority')} className="field-label">
          {L.priority}
        </span>
        <output aria-labelledby={idOf('priority')} aria-live="polite">
          {PRIORITY_LABELS[priorityOf(values.impact, values.urgency)]}
        </output>
      </div>
    </div>
  );
}
