// The demo's contact templates: a few for the HQ desk's most frequent contacts, so `/` in Short
// description has something to find on a fresh demo (the desk server's and a local desk's alike).
// Pure data; never stores them.

import type { ContactTemplate } from '../domain/contact-template';
import type { Directory } from '../domain/directory';
import { SERVICE_DESK_GROUP_ID } from './directory-generator';
import { DEMO_HQ_LOCATION_ID } from './walk-up-generator';

const DEMO_TEMPLATES = [
  {
    id: 'tpl_demo_password_reset',
    name: 'Password reset',
    component: 'Password reset portal',
    assignmentGroup: SERVICE_DESK_GROUP_ID,
    shortDescription: 'Password reset',
    description: 'Caller identified by employee ID; password reset; the caller signed in again.',
    closesAtOnce: true,
  },
  {
    id: 'tpl_demo_vpn',
    name: 'VPN will not connect',
    component: null,
    assignmentGroup: 'grp_network',
    shortDescription: 'VPN will not connect',
    description: 'Error shown:\nSince when:\nOther sites reachable:',
    closesAtOnce: false,
  },
  {
    id: 'tpl_demo_outlook_password',
    name: 'Outlook asks for the password',
    component: 'Outlook client',
    assignmentGroup: 'grp_desktop_support',
    shortDescription: 'Outlook keeps asking for the password',
    description: '',
    closesAtOnce: false,
  },
] as const;

/** The demo's HQ templates, their components found by name in `directory`; ids are fixed. */
export function demoTemplates(
  directory: Pick<Directory, 'configurationItems'>,
  at: string,
): ContactTemplate[] {
  const itemId = (name: string | null): string | null =>
    name === null ? null : (directory.configurationItems.find((c) => c.name === name)?.id ?? null);
  return DEMO_TEMPLATES.map((t) => ({
    ...t,
    type: null,
    component: itemId(t.component),
    scope: 'location',
    location: DEMO_HQ_LOCATION_ID,
    owner: null,
    active: true,
    updatedAt: at,
  }));
}
