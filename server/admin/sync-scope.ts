// Registers the sync scope's settings in Administration (ADR 0020): read, and saved audited. Desks
// receive them with every pull (server/sync/routes.ts) and the server's scoped pull uses N at once.

import type { FastifyInstance } from 'fastify';
import { SYNC_SCOPE_OPERATIONS as OPS } from '../../shared/admin/sync-scope';
import type { RouteDeps } from '../http/route-deps';
import { readScopeSettings, writeScopeSettings } from '../sync/scope-settings';
import { registerAdminOperation } from './admin-operations';
import { auditedWrite } from './admin-store-kit';
import { changedFields, recordAudit } from './audit-log';

export function registerSyncScope(app: FastifyInstance, deps: RouteDeps): void {
  registerAdminOperation(app, deps, OPS['sync-scope.get'], () => readScopeSettings(deps.db));
  registerAdminOperation(app, deps, OPS['sync-scope.save'], (input, context) =>
    auditedWrite(deps, context.actor, async ({ trx, actor, now }) => {
      const before = await readScopeSettings(trx);
      await writeScopeSettings(trx, input);
      const change = changedFields<Record<string, unknown>>({ ...before }, { ...input });
      await recordAudit(trx, {
        at: now,
        actor,
        action: 'sync-scope.update',
        targetKind: 'sync-scope',
        targetId: 'sync-scope',
        targetName: 'Sync scope',
        before: change.before,
        after: change.after,
      });
      return readScopeSettings(trx);
    }),
  );
}
