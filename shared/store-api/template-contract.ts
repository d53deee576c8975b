// The store API addition for contact templates (issue 16, item 3): the templates this desk offers
// (the agent's own and its location's, offline too), and the agent's own saved, renamed or deleted
// on the desk (actions: kept on the desk and sent with the next sync). Shaped to be spread into
// contract.ts's maps. Never handles them.

import { z } from 'zod';
import {
  fillsSomething,
  NOTHING_TO_FILL,
  TemplateFields,
  TemplateName,
  type ContactTemplate,
} from '../domain/contact-template';
import { Id } from '../domain/directory';

export const templateQueryInputs = {
  /**
   * The templates the form offers: the agent's own and those of `location` (every location's when
   * null: a desk that serves no walk-up location), the agent's own first, then by name.
   */
  'template.list': z.object({ location: Id.nullable().default(null) }),
} as const;

/** A template as the form lists it, with the names its ids stand for. */
export interface TemplateView extends ContactTemplate {
  componentName: string | null;
  assignmentGroupName: string | null;
  /** The location's name (scope `location`); null for the agent's own. */
  locationName: string | null;
  /** An own template saved on this desk and not yet on the desk server. */
  pending: boolean;
  /** How much the agent used it lately (`templateUses`): the `/` list puts the most used first. */
  uses: number;
}

export interface TemplateQueryOutputs {
  'template.list': TemplateView[];
}

export const templateActionInputs = {
  /** Saves one of the agent's own templates (a new id creates it: Save as template). */
  'template.save': TemplateFields.extend({ id: Id }).refine(fillsSomething, {
    error: NOTHING_TO_FILL,
    path: ['shortDescription'],
  }),
  'template.rename': z.strictObject({ id: Id, name: TemplateName }),
  'template.delete': z.strictObject({ id: Id }),
} as const;

export interface TemplateActionOutputs {
  'template.save': TemplateView;
  'template.rename': TemplateView;
  'template.delete': { id: string };
}
