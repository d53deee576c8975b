// Report an Issue's suggested contact template: the one the short description names (see
// suggestTemplateForIncident), offered under the form's heading. Using it fills the incident's
// empty Component, Assignment group and Description from it; what was already filled stays, the
// line after says which, and a second button replaces those too when the agent asks.

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
): {
  fill: IncidentTemplateFill;
  filled: string[];
  replace: IncidentTemplateFill;
  kept: string[];
} {
  const fill: IncidentTemplateFill = {};
  const replace: IncidentTemplateFill = {};
  const filled: string[] = [];
  const kept: string[] = [];
  if (template.component !== null && values.component !== template.component) {
    const component = { id: template.component, name: template.componentName ?? '' };
    if (values.component === null) {
      fill.component = component;
      filled.push('Component');
    } else {
      replace.component = component;
      kept.push('Component');
    }
  }
  if (template.assignmentGroup !== null && values.assignmentGroup !== template.assignmentGroup) {
    if (values.assignmentGroup === null) {
      fill.assignmentGroup = template.assignmentGroup;
      filled.push('Assignment group');
    } else {
      replace.assignmentGroup = template.assignmentGroup;
      kept.push('Assignment group');
    }
  }
  if (template.description.trim() !== '' && values.description !== template.description) {
    if (values.description.trim() === '') {
      fill.description = template.description;
      filled.push('Description');
    } else {
      replace.description = template.description;
      kept.push('Description');
    }
  }
  return { fill, filled, replace, kept };
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
  /** After Use: what the agent had filled and the template would change, offered on its own. */
  const [offer, setOffer] = useState<{ fill: IncidentTemplateFill; names: string[] } | null>(null);
  const plan = suggested ? templateFill(suggested, values) : null;
  const differs = plan !== null && plan.filled.length + plan.kept.length > 0;

  const use = (): void => {
    if (!suggested || !plan) return;
    onUse(plan.fill);
    const filled =
      plan.filled.length > 0
        ? `Filled ${list(plan.filled)} from the template ${suggested.name}`
        : `Nothing was empty for the template ${suggested.name} to fill`;
    const kept = plan.kept.length > 0 ? `; kept your ${list(plan.kept)}` : '';
    setSaid(`${filled}${kept}.`);
    setOffer(plan.kept.length > 0 ? { fill: plan.replace, names: plan.kept } : null);
  };
  const replace = (): void => {
    if (!suggested || !offer) return;
    onUse(offer.fill);
    setSaid(`Replaced ${list(offer.names)} with the template ${suggested.name}'s.`);
    setOffer(null);
  };

  return (
    <>
      {suggested && differs && said === null && (
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
      {offer && (
        <p>
          <button type="button" className="button" onClick={replace}>
            Replace {list(offer.names)} too
          </button>
        </p>
      )}
    </>
  );
}
