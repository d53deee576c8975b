// Administration's routes: one register function per area (agents, groups, configuration items,
// catalog, locations, audit, import, LDAP), each its operations' handlers. Registers nothing else.

import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../http/route-deps';
import { registerOverview } from './overview';

export function adminRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerOverview(app, deps);
}
