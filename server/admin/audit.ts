// Registers the Audit log's operation (audit.list). Read-only; the entries are written by
// recordAudit in each change's own transaction.

import type { FastifyInstance } from 'fastify';
import { AUDIT_OPERATIONS } from '../../shared/admin/audit';
import type { RouteDeps } from '../http/route-deps';
import { registerAdminOperation } from './admin-operations';
import { listAudit } from './audit-list';

export function registerAudit(app: FastifyInstance, deps: RouteDeps): void {
  registerAdminOperation(app, deps, AUDIT_OPERATIONS['audit.list'], (input) =>
    listAudit(deps.db, input),
  );
}
