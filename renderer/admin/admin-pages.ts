// The pages of the Administration section with their screens (admin-page-list.ts lists them, in
// order, and who sees each): each area adds one line there and one here. Composition only; every
// page owns its own calls and state.

import type { ComponentType } from 'react';
import {
  ADMIN_PAGE_LIST,
  pageShownTo,
  type AdminPageEntry,
  type AdminPageId,
} from './admin-page-list';
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

export interface AdminPage extends AdminPageEntry {
  Page: ComponentType;
}

/** Each page's screen, by id: a page listed without one does not compile. */
const SCREENS: Readonly<Record<AdminPageId, ComponentType>> = {
  overview: OverviewPage,
  agents: AgentsPage,
  groups: GroupsPage,
  'configuration-items': ConfigurationItemsPage,
  catalog: CatalogPage,
  locations: LocationsPage,
  templates: TemplatesPage,
  knowledge: KnowledgePage,
  integrations: IntegrationsPage,
  'phone-queues': PhoneQueuesPage,
  'desk-storage': SyncScopePage,
  import: ImportAdminPage,
  ldap: LdapAdminPage,
  export: ExportPage,
  audit: AuditPage,
};

export const ADMIN_PAGES: readonly AdminPage[] = ADMIN_PAGE_LIST.map((page) => ({
  ...page,
  Page: SCREENS[page.id],
}));

/**
 * The pages shown to an agent with these roles. While the roles are not known yet (null) every
 * page is offered: the store host and the desk server refuse what is not allowed (decision 0008).
 */
export const adminPagesFor = (roles: readonly string[] | null): readonly AdminPage[] =>
  roles === null ? ADMIN_PAGES : ADMIN_PAGES.filter((page) => pageShownTo(page, roles));
