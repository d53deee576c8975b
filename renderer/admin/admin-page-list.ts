// The pages of the Administration section without their screens: ids, labels and who sees each,
// in the order its navigation lists them. The main navigation reads it to know whether to offer
// the section at all, without loading the pages (they are their own chunk: load-administration).

import { ADMINISTRATION_ROLES, KNOWLEDGE_ROLES, type Role } from '../../shared/commands/permission';

export interface AdminPageEntry {
  /** Stable id, used in the UI state and as the page's DOM id prefix. */
  readonly id: string;
  /** The navigation label and the page's heading. */
  readonly label: string;
  /** Who sees the page; the desk server refuses the others its operations. Admins by default. */
  readonly roles?: readonly Role[];
}

export const ADMIN_PAGE_LIST = [
  { id: 'overview', label: 'Overview' },
  { id: 'agents', label: 'Agents' },
  { id: 'groups', label: 'Groups' },
  { id: 'configuration-items', label: 'Configuration items' },
  { id: 'catalog', label: 'Catalog' },
  { id: 'locations', label: 'Locations' },
  { id: 'templates', label: 'Contact templates' },
  { id: 'knowledge', label: 'Knowledge', roles: KNOWLEDGE_ROLES },
  { id: 'integrations', label: 'Integrations' },
  { id: 'phone-queues', label: 'Phone queues' },
  { id: 'desk-storage', label: 'Desk storage' },
  { id: 'import', label: 'Import' },
  { id: 'ldap', label: 'LDAP / Active Directory' },
  { id: 'export', label: 'Export' },
  { id: 'audit', label: 'Audit log' },
] as const satisfies readonly AdminPageEntry[];

export type AdminPageId = (typeof ADMIN_PAGE_LIST)[number]['id'];

/** Whether an agent with these roles sees this page. */
export const pageShownTo = (page: AdminPageEntry, roles: readonly string[]): boolean =>
  (page.roles ?? ADMINISTRATION_ROLES).some((role) => roles.includes(role));
