// Inserts the demo's contact templates (shared/demo/template-generator.ts) for the HQ location.
// Writes only contact_templates; a second seed adds nothing.

import type { Transaction } from 'kysely';
import { demoTemplates } from '../../shared/demo/template-generator';
import type { Directory } from '../../shared/domain/directory';
import type { Database } from '../db/schema';

export async function insertDemoTemplates(
  trx: Transaction<Database>,
  directory: Directory,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('contact_templates')
    .values(
      demoTemplates(directory, now.toISOString()).map((t) => ({
        id: t.id,
        scope: t.scope,
        location: t.location,
        owner: t.owner,
        name: t.name,
        type: t.type,
        component: t.component,
        assignment_group: t.assignmentGroup,
        short_description: t.shortDescription,
        description: t.description,
        closes_at_once: t.closesAtOnce,
        active: t.active,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
