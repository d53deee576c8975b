// The demo's contact templates: a few for the HQ desk's most frequent contacts, so the `/` search
// in Short description has something to find on a fresh demo. Writes only contact_templates.

import type { Transaction } from 'kysely';
import { SERVICE_DESK_GROUP_ID } from '../../shared/demo/directory-generator';
import { DEMO_HQ_LOCATION_ID } from '../../shared/demo/walk-up-generator';
import type { Directory } from '../../shared/domain/directory';
import type { Database } from '../db/schema';

/** The demo's templates, by name: their ids are fixed so a second seed adds nothing. */
export const DEMO_TEMPLATES = [
  {
    id: 'tpl_demo_password_reset',
    name: 'Password reset',
    component: 'Password reset portal',
    group: SERVICE_DESK_GROUP_ID,
    shortDescription: 'Password reset',
    description: 'Caller identified by employee ID; password reset; the caller signed in again.',
    closesAtOnce: true,
  },
  {
    id: 'tpl_demo_vpn',
    name: 'VPN will not connect',
    component: null,
    group: 'grp_network',
    shortDescription: 'VPN will not connect',
    description: 'Error shown:\nSince when:\nOther sites reachable:',
    closesAtOnce: false,
  },
  {
    id: 'tpl_demo_outlook_password',
    name: 'Outlook asks for the password',
    component: 'Outlook client',
    group: 'grp_desktop_support',
    shortDescription: 'Outlook keeps asking for the password',
    description: '',
    closesAtOnce: false,
  },
] as const;

export async function insertDemoTemplates(
  trx: Transaction<Database>,
  directory: Directory,
  now: Date,
): Promise<void> {
  const itemId = (name: string | null): string | null =>
    name === null ? null : (directory.configurationItems.find((c) => c.name === name)?.id ?? null);
  await trx
    .insertInto('contact_templates')
    .values(
      DEMO_TEMPLATES.map((t) => ({
        id: t.id,
        scope: 'location' as const,
        location: DEMO_HQ_LOCATION_ID,
        owner: null,
        name: t.name,
        type: null,
        component: itemId(t.component),
        assignment_group: t.group,
        short_description: t.shortDescription,
        description: t.description,
        closes_at_once: t.closesAtOnce,
        active: true,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
