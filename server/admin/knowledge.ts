// Registers the Knowledge area's operations (knowledge.list, get, save, submit, publish, retire)
// for technicians and administrators. Handlers only; the review rules are in knowledge-store.ts.

import type { FastifyInstance } from 'fastify';
import { KNOWLEDGE_OPERATIONS as OPS } from '../../shared/admin/knowledge';
import { KNOWLEDGE_ROLES } from '../../shared/commands/permission';
import type { RouteDeps } from '../http/route-deps';
import { registerAdminOperation, type AdminContext } from './admin-operations';
import {
  getKnowledgeArticle,
  listKnowledge,
  listKnowledgeClasses,
  publishKnowledgeArticle,
  retireKnowledgeArticle,
  saveKnowledgeArticle,
  submitKnowledgeArticle,
} from './knowledge-store';

/** Technicians write what they learn; administrators too (issue 16 item 4). */
export { KNOWLEDGE_ROLES };

const changeBy = (context: AdminContext) => ({ actor: context.actor, at: context.deps.now() });

export function registerKnowledge(app: FastifyInstance, deps: RouteDeps): void {
  const roles = { roles: KNOWLEDGE_ROLES };
  registerAdminOperation(
    app,
    deps,
    OPS['knowledge.list'],
    async (input) => ({ articles: await listKnowledge(deps.db, input.query, input.state) }),
    roles,
  );
  registerAdminOperation(
    app,
    deps,
    OPS['knowledge.get'],
    (input) => getKnowledgeArticle(deps.db, input.id),
    roles,
  );
  registerAdminOperation(
    app,
    deps,
    OPS['knowledge.classes'],
    async () => ({ classes: await listKnowledgeClasses(deps.db) }),
    roles,
  );
  registerAdminOperation(
    app,
    deps,
    OPS['knowledge.save'],
    (article, context) => saveKnowledgeArticle(deps, article, changeBy(context)),
    roles,
  );
  registerAdminOperation(
    app,
    deps,
    OPS['knowledge.submit'],
    (input, context) => submitKnowledgeArticle(deps, input.id, changeBy(context)),
    roles,
  );
  registerAdminOperation(
    app,
    deps,
    OPS['knowledge.publish'],
    (input, context) => publishKnowledgeArticle(deps, input.id, changeBy(context)),
    roles,
  );
  registerAdminOperation(
    app,
    deps,
    OPS['knowledge.retire'],
    (input, context) => retireKnowledgeArticle(deps, input.id, changeBy(context)),
    roles,
  );
}
