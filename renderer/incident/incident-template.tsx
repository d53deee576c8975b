// Report an Issue's suggested contact template: the one the short description names (see
// suggestTemplateForIncident), offered under the form's heading. Using it fills the incident's
// empty Component, Assignment group and Description from it; what the agent already filled stays,
// and the line after says which.

import { useMemo, useState } from 'react';
import { suggestTemplateForIncident } from '../../shared/domain/contact-template';
import type { TemplateView } from '../../shared/store-api/template-contract';
import { useDeskTemplates } from '../templates/use-template-apply';

export interface IncidentTemplateFill {
  component?: { id: string; name: string };
  assignmentGroup?: string;
  description?: string;
}

interface IncidentTemplateValues {
  shortDescription: string;
  description: string;
  component: string | null;
  assignmentGroup: string | null;
}

/** What the template would fill, and what it leaves because the agent filled it already. */
export function templateFill(
  template: TemplateView,
  values: IncidentTemplateValues,
): { fill: IncidentTemplateFill; filled: string[]; kept: string[] } {
  const fill: IncidentTemplateFill = {};
  const filled: string[] = [];
  const kept: string[] = [];
  if (template.component !== null) {
    if (values.component === null) {
      fill.component = { id: template.component, name: template.componentName ?? '' };
      filled.push('Component');
    } else if (values.component !== template.component) kept.push('Component');
  }
  if (template.assignmentGroup !== null) {
    if (values.assignmentGroup === null) {
      fill.assignmentGroup = template.assignmentGroup;
      filled.push('Assignment group');
    } else if (values.assignmentGroup !== template.assignmentGroup) kept.push('Assignment group');
  }
  if (template.description.trim() !== '') {
    if (values.description.trim() === '') {
      fill.description = template.description;
      filled.push('Description');
    } else if (values.description !== template.description) kept.push('Description');
  }
  return { fill, filled, kept };
}

const list = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

export function IncidentTemplateSuggestion({
  values,
  onUse,
}: {
  values: IncidentTemplateValues;
  onUse: (fill: IncidentTemplateFill) => void;
}) {
  const templates = useDeskTemplates();
  const suggested = useMemo(
    () => suggestTemplateForIncident(templates, values.shortDescription),
    [templates, values.shortDescription],
  );
  const [said, setSaid] = useState<string | null>(null);
  const plan = suggested ? templateFill(suggested, values) : null;

  const use = (): void => {
    if (!suggested || !plan) return;
    onUse(plan.fill);
    const filled = plan.filled.length > 0 ? `Filled ${list(plan.filled)}` : 'Nothing to fill';
    const kept = plan.kept.length > 0 ? `; kept your ${list(plan.kept)}` : '';
    setSaid(`${filled} from the template ${suggested.name}${kept}.`);
  };

  return (
    <>
      {suggested && plan && plan.filled.length > 0 && (
        <p className="template-suggestion">
          Suggested template: <strong>{suggested.name}</strong>
          {[suggested.componentName, suggested.assignmentGroupName].some(Boolean) &&
            ` (${[suggested.componentName, suggested.assignmentGroupName].filter(Boolean).join(', ')})`}{' '}
          <button type="button" className="button" onClick={use}>
            Use {suggested.name}
          </button>
        </p>
      )}
      <p className="muted" role="status">
        {said}
      </p>
    </>
  );
}
