// One contact template as a list row: its name, whose it is, and what it fills. Display only.

import type { TemplateView } from '../../shared/store-api/template-contract';

/** What a template fills, in a few words: "Service Desk · closes at once". */
export function templateSummary(template: TemplateView): string {
  return [
    template.type,
    template.componentName,
    template.assignmentGroupName,
    template.closesAtOnce ? 'closes at once' : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function TemplateOption({ template }: { template: TemplateView }) {
  const summary = templateSummary(template);
  return (
    <>
      <span className="option-title">
        <span className="option-name">{template.name}</span>
        <span className="option-class">
          {template.scope === 'agent' ? 'Mine' : (template.locationName ?? 'Location')}
        </span>
      </span>
      {summary && <span className="option-detail">{summary}</span>}
    </>
  );
}
