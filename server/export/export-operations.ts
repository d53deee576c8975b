// Registers `export.link`: the Export page's single-use download link, for the read API's roles
// (the same who may call GET /api/v1/export/… with a token). Never streams the export itself.

import type { FastifyInstance } from 'fastify';
import { EXPORT_OPERATIONS } from '../../shared/admin/export';
import { registerAdminOperation } from '../admin/admin-operations';
import { READ_API_ROLES, type RouteDeps } from '../http/route-deps';
import { createExportLink } from './export-links';

export function registerExport(app: FastifyInstance, deps: RouteDeps): void {
  registerAdminOperation(
    app,
    deps,
    EXPORT_OPERATIONS['export.link'],
    (input, context) => createExportLink(deps.db, deps.now(), context.agent.id, input),
    { roles: READ_API_ROLES },
  );
}
