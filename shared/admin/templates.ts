// The Contact templates operations of Administration: a location's templates (list, create, edit,
// retire or bring back), which reach that location's desks. Shapes only; never touches a database.

import { z } from 'zod';
import {
  ContactTemplate,
  fillsSomething,
  NOTHING_TO_FILL,
  TemplateFields,
} from '../domain/contact-template';
import { RecordId, SearchText } from './admin-fields';
import { adminOperation } from './operation';

/** A location's template as Administration lists it, with the names its ids stand for. */
export const TemplateAdminView = ContactTemplate.extend({
  locationName: z.string(),
  componentName: z.string().nullable(),
  assignmentGroupName: z.string().nullable(),
});
export type TemplateAdminView = z.infer<typeof TemplateAdminView>;

export const TemplateListInput = z.strictObject({
  /** One location's templates; every location's when absent. */
  location: RecordId.optional(),
  q: SearchText.default(''),
  includeRetired: z.boolean().default(false),
});

export const TemplateCreateInput = TemplateFields.extend({ location: RecordId })
  .strict()
  .refine(fillsSomething, { error: NOTHING_TO_FILL, path: ['shortDescription'] });

export const TemplateUpdateInput = TemplateFields.partial()
  .extend({ id: RecordId })
  .strict()
  .refine((v) => Object.entries(v).some(([key, value]) => key !== 'id' && value !== undefined), {
    error: 'Change the name or a field the template fills.',
  });

export const TemplateSetActiveInput = z.strictObject({ id: RecordId, active: z.boolean() });

const One = z.object({ template: TemplateAdminView });

export const TEMPLATE_OPERATIONS = {
  'templates.list': adminOperation(
    'templates.list',
    TemplateListInput,
    z.object({ templates: z.array(TemplateAdminView) }),
  ),
  'templates.create': adminOperation('templates.create', TemplateCreateInput, One),
  'templates.update': adminOperation('templates.update', TemplateUpdateInput, One),
  'templates.set-active': adminOperation('templates.set-active', TemplateSetActiveInput, One),
} as const;
