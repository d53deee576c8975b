// One contact template as a list row: its name, whose it is (and that the agent used it lately),
// and what it fills. Display only.

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

/** A template used about this much lately (`uses`: a use today weighs up to 3) is marked so. */
const USED_LATELY = 1;

export function TemplateOption({ template }: { template: TemplateView }) {
  const summary = templateSummary(template);
  const whose = template.scope === 'agent' ? 'Mine' : (template.locationName ?? 'Location');
  return (
    <>
      <span className="option-title">
        <span className="option-name">{template.name}</span>
        <span className="option-class">
          {template.uses >= USED_LATELY ? `${whose} · used lately` : whose}
        </span>
      </span>
      {summary && <span className="option-detail">{summary}</span>}
    </>
  );
}
