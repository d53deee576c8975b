// POST /api/v1/templates/sync: a desk's exchange of contact templates. Applies the agent's own
// changes made on that desk (in one transaction), then answers every template the agent may use
// unless the desk's digest is current. Never changes a location's template.

import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../shared/sync/server-api';
import {
  TEMPLATES_SYNC_PATH,
  TemplatesSyncRequest,
  type TemplatesSyncResponse,
} from '../../shared/sync/templates-api';
import { parseInput } from '../http/api-error';
import { SYNC_ROLES, type RouteDeps } from '../http/route-deps';
import { activeTemplatesFor, applyOwnChanges, templatesDigest } from './template-store';

export function templateRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post(
    `${API_PREFIX}${TEMPLATES_SYNC_PATH}`,
    async (request): Promise<TemplatesSyncResponse> => {
      const { agent } = await deps.sessions.authenticate(request.headers.authorization, SYNC_ROLES);
      const input = parseInput(TemplatesSyncRequest, request.body ?? {});
      const answer = await deps.db.transaction().execute(async (trx) => {
        const outcome = await applyOwnChanges(trx, agent.id, input.changes);
        const digest = await templatesDigest(trx, agent.id);
        const templates = digest === input.digest ? null : await activeTemplatesFor(trx, agent.id);
        return { digest, templates, refused: outcome.refused };
      });
      // The agent's other desks fetch the change at their next sync; poke them now.
      if (input.changes.length > 0)
        await deps.pokes.publish({ topic: 'directory' }).catch(() => undefined);
      return answer;
    },
  );
}
