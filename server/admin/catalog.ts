// Registers the Catalog area's operations (catalog.list, get, save, publish, retire, discard-draft)
// for administrators. Handlers only; the rules of drafts and publishing are in catalog-store.ts.

import type { FastifyInstance } from 'fastify';
import { CATALOG_OPERATIONS as OPS } from '../../shared/admin/catalog';
import type { RouteDeps } from '../http/route-deps';
import { registerAdminOperation, type AdminContext } from './admin-operations';
import {
  discardCatalogDraft,
  getCatalogItem,
  listCatalog,
  publishCatalogItem,
  retireCatalogItem,
  saveCatalogItem,
} from './catalog-store';

const changeBy = (context: AdminContext) => ({ actor: context.actor, at: context.deps.now() });

export function registerCatalog(app: FastifyInstance, deps: RouteDeps): void {
  registerAdminOperation(app, deps, OPS['catalog.list'], async (input) => ({
    items: await listCatalog(deps.db, input.query, input.state),
  }));
  registerAdminOperation(app, deps, OPS['catalog.get'], (input) =>
    getCatalogItem(deps.db, input.id),
  );
  registerAdminOperation(app, deps, OPS['catalog.save'], (item, context) =>
    saveCatalogItem(deps, item, changeBy(context)),
  );
  registerAdminOperation(app, deps, OPS['catalog.publish'], (input, context) =>
    publishCatalogItem(deps, input.id, changeBy(context)),
  );
  registerAdminOperation(app, deps, OPS['catalog.retire'], (input, context) =>
    retireCatalogItem(deps, input.id, changeBy(context)),
  );
  registerAdminOperation(app, deps, OPS['catalog.discard-draft'], (input, context) =>
    discardCatalogDraft(deps, input.id, changeBy(context)),
  );
}
