// The desk's templates exchange (issue 16, item 3): a desk sends the agent's own template changes
// made on it (offline too) and receives, when anything changed, every template the agent may use —
// its own and the locations'. Shapes only, shared by the desk server and the store host.

import { z } from 'zod';
import {
  ContactTemplate,
  fillsSomething,
  NOTHING_TO_FILL,
  OWN_TEMPLATES_MAX,
  TemplateFields,
} from '../domain/contact-template';
import { Id } from '../domain/directory';
import { IsoTimestamp } from './wire';

export const TEMPLATES_SYNC_PATH = '/templates/sync';

/** An own template as the agent last left it on a desk: saved (created, renamed) or deleted. */
export const OwnTemplateChange = z.discriminatedUnion('change', [
  TemplateFields.extend({
    change: z.literal('save'),
    id: Id,
    /** When the agent made the change on the desk: the later of two desks' changes wins. */
    at: IsoTimestamp('at'),
  }).refine(fillsSomething, { error: NOTHING_TO_FILL, path: ['shortDescription'] }),
  z.object({ change: z.literal('delete'), id: Id, at: IsoTimestamp('at') }),
]);
export type OwnTemplateChange = z.infer<typeof OwnTemplateChange>;

export const TemplatesSyncRequest = z.strictObject({
  changes: z.array(OwnTemplateChange).max(OWN_TEMPLATES_MAX),
  /** The digest of the list this desk holds; null when it holds none. */
  digest: z.string().max(100).nullable(),
});
export type TemplatesSyncRequest = z.infer<typeof TemplatesSyncRequest>;

export const TemplatesSyncResponse = z.object({
  digest: z.string(),
  /** Every active template the agent may use, or null when the desk's digest is still current. */
  templates: z.array(ContactTemplate).nullable(),
  /** Changes refused (another agent's id, an own template limit), each with why; never retried. */
  refused: z.array(z.object({ id: Id, message: z.string() })).default([]),
});
export type TemplatesSyncResponse = z.infer<typeof TemplatesSyncResponse>;
