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

type Field = keyof IncidentTemplateFill;

/** Each field a template brings to an incident: its label, the template's value, and whether the form's is empty or the same. */
const FIELDS: readonly {
  field: Field;
  label: string;
  from: (t: TemplateView) => IncidentTemplateFill[Field] | undefined;
  empty: (v: IncidentTemplateValues) => boolean;
  same: (t: TemplateView, v: IncidentTemplateValues) => boolean;
}[] = [
  {
    field: 'component',
    label: 'Component',
    from: (t) =>
      t.component === null ? undefined : { id: t.component, name: t.componentName ?? '' },
    empty: (v) => v.component === null,
    same: (t, v) => v.component === t.component,
  },
  {
    field: 'assignmentGroup',
    label: 'Assignment group',
    from: (t) => t.assignmentGroup ?? undefined,
    empty: (v) => v.assignmentGroup === null,
    same: (t, v) => v.assignmentGroup === t.assignmentGroup,
  },
  {
    field: 'description',
    label: 'Description',
    from: (t) => (t.description.trim() === '' ? undefined : t.description),
    empty: (v) => v.description.trim() === '',
    same: (t, v) => v.description === t.description,
  },
];

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
  const fill: Record<string, unknown> = {};
  const replace: Record<string, unknown> = {};
  const filled: string[] = [];
  const kept: string[] = [];
  for (const { field, label, from, empty, same } of FIELDS) {
    const value = from(template);
    if (value === undefined || same(template, values)) continue;
    const [into, names] = empty(values) ? [fill, filled] : [replace, kept];
    into[field] = value;
    names.push(label);
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
