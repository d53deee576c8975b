// Registers the Configuration items operations of Administration: the tree and search read
// straight from the database, every change through writeDirectory (versioned, audited, desks poked).

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CONFIGURATION_ITEM_OPERATIONS as OPS } from '../../shared/admin/configuration-items';
import type { RouteDeps } from '../http/route-deps';
import { registerAdminOperation } from './admin-operations';
import { adminWrite } from './admin-store-kit';
import {
  createItem,
  listChildren,
  moveItem,
  restoreItem,
  retireItem,
  searchItems,
} from './configuration-items-store';

export function registerConfigurationItems(app: FastifyInstance, deps: RouteDeps): void {
  const { db } = deps;
  registerAdminOperation(app, deps, OPS['configuration-items.children'], (input) =>
    listChildren(db, input),
  );
  registerAdminOperation(app, deps, OPS['configuration-items.search'], (input) =>
    searchItems(db, input),
  );
  registerAdminOperation(app, deps, OPS['configuration-items.create'], async (input, context) => ({
    item: await adminWrite(deps, context, (w) => createItem(w, randomUUID(), input)),
  }));
  registerAdminOperation(app, deps, OPS['configuration-items.move'], async (input, context) => ({
    item: await adminWrite(deps, context, (w) => moveItem(w, input.id, input.parentId)),
  }));
  registerAdminOperation(app, deps, OPS['configuration-items.retire'], (input, context) =>
    adminWrite(deps, context, (w) => retireItem(w, input.id, input.withChildren)),
  );
  registerAdminOperation(app, deps, OPS['configuration-items.restore'], async (input, context) => ({
    item: await adminWrite(deps, context, (w) => restoreItem(w, input.id)),
  }));
}
