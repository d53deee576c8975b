// Administration's routes: one register function per area (agents, groups, configuration items,
// catalog, knowledge, locations, contact templates, integrations, phone queues, audit, import,
// LDAP), each its operations' handlers. Registers nothing else.

import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../http/route-deps';
import { registerAgents } from './agents';
import { registerImports } from '../import/import-operations';
import { registerLdap } from './ldap';
import { registerAudit } from './audit';
import { registerConfigurationItems } from './configuration-items';
import { registerGroups } from './groups';
import { registerSyncScope } from './sync-scope';
import { registerLocations } from './locations';
import { registerExport } from '../export/export-operations';
import { registerCatalog } from './catalog';
import { registerKnowledge } from './knowledge';
import { registerOverview } from './overview';
import { registerIntegrations } from './integrations';
import { registerPhoneQueues } from './phone-queues';
import { registerTemplates } from './templates';

export function adminRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerOverview(app, deps);
  registerAgents(app, deps);
  registerImports(app, deps);
  registerLdap(app, deps);
  registerGroups(app, deps);
  registerSyncScope(app, deps);
  registerConfigurationItems(app, deps);
  registerLocations(app, deps);
  registerIntegrations(app, deps);
  registerPhoneQueues(app, deps);
  registerTemplates(app, deps);
  registerAudit(app, deps);
  registerCatalog(app, deps);
  registerKnowledge(app, deps);
  registerExport(app, deps);
}
