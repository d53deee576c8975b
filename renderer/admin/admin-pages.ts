// The pages of the Administration section, in the order its navigation lists them, and who sees
// each: each area adds one line. Composition only; every page owns its own calls and state.

import type { ComponentType } from 'react';
import { ADMINISTRATION_ROLES, KNOWLEDGE_ROLES, type Role } from '../../shared/commands/permission';
import { AgentsPage } from './agents/agents-page';
import { ImportAdminPage } from './import/import-admin-page';
import { LdapAdminPage } from './ldap/ldap-admin-page';
import { AuditPage } from './audit/audit-page';
import { ConfigurationItemsPage } from './configuration-items/configuration-items-page';
import { GroupsPage } from './groups/groups-page';
import { LocationsPage } from './locations/locations-page';
import { CatalogPage } from './catalog/catalog-page';
import { ExportPage } from './export/export-page';
import { OverviewPage } from './overview-page';
import { IntegrationsPage } from './integrations/integrations-page';
import { PhoneQueuesPage } from './phone-queues/phone-queues-page';
import { SyncScopePage } from './sync-scope/sync-scope-page';
import { TemplatesPage } from './templates/templates-page';
import { KnowledgePage } from './knowledge/knowledge-page';

export interface AdminPage {
  /** Stable id, used in the UI state and as the page's DOM id prefix. */
  id: string;
  /** The navigation label and the page's heading. */
  label: string;
  Page: ComponentType;
  /** Who sees the page; the desk server refuses the others its operations. Admins by default. */
  roles?: readonly Role[];
}

export const ADMIN_PAGES: readonly AdminPage[] = [
  { id: 'overview', label: 'Overview', Page: OverviewPage },
  { id: 'agents', label: 'Agents', Page: AgentsPage },
  { id: 'groups', label: 'Groups', Page: GroupsPage },
  { id: 'configuration-items', label: 'Configuration items', Page: ConfigurationItemsPage },
  { id: 'catalog', label: 'Catalog', Page: CatalogPage },
  { id: 'locations', label: 'Locations', Page: LocationsPage },
  { id: 'templates', label: 'Contact templates', Page: TemplatesPage },
  { id: 'knowledge', label: 'Knowledge', Page: KnowledgePage, roles: KNOWLEDGE_ROLES },
  { id: 'integrations', label: 'Integrations', Page: IntegrationsPage },
  { id: 'phone-queues', label: 'Phone queues', Page: PhoneQueuesPage },
  { id: 'desk-storage', label: 'Desk storage', Page: SyncScopePage },
  { id: 'import', label: 'Import', Page: ImportAdminPage },
  { id: 'ldap', label: 'LDAP / Active Directory', Page: LdapAdminPage },
  { id: 'export', label: 'Export', Page: ExportPage },
  { id: 'audit', label: 'Audit log', Page: AuditPage },
];

/**
 * The pages shown to an agent with these roles. While the roles are not known yet (null) every
 * page is offered: the store host and the desk server refuse what is not allowed (decision 0008).
 */
export const adminPagesFor = (roles: readonly string[] | null): readonly AdminPage[] =>
  roles === null
    ? ADMIN_PAGES
    : ADMIN_PAGES.filter((page) =>
        (page.roles ?? ADMINISTRATION_ROLES).some((role) => roles.includes(role)),
      );
