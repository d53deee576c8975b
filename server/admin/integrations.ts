// Registers the Integrations operations of Administration: list, create (the token made here,
// only its hash kept, the token and its endpoint answered once) and revoke. Never logs a token.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ctiEndpointUrl, INTEGRATION_OPERATIONS as OPS } from '../../shared/admin/integrations';
import type { RouteDeps } from '../http/route-deps';
import { hashIntegrationToken, newIntegrationToken } from '../phone/integration-token';
import { registerAdminOperation } from './admin-operations';
import { auditedWrite } from './admin-store-kit';
import { createIntegration, listIntegrations, revokeIntegration } from './integrations-store';

/** The server's address as the asking desk reached it: the phone system is pointed there too. */
const serverUrl = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

export function registerIntegrations(app: FastifyInstance, deps: RouteDeps): void {
  registerAdminOperation(app, deps, OPS['integrations.list'], async (input) => ({
    integrations: await listIntegrations(deps.db, input),
  }));
  registerAdminOperation(app, deps, OPS['integrations.create'], async (input, context) => {
    const token = newIntegrationToken();
    const integration = await auditedWrite(deps, context.actor, (w) =>
      createIntegration(w, randomUUID(), hashIntegrationToken(token), input),
    );
    return { integration, token, endpointUrl: ctiEndpointUrl(serverUrl(context.request), token) };
  });
  registerAdminOperation(app, deps, OPS['integrations.revoke'], async (input, context) => ({
    integration: await auditedWrite(deps, context.actor, (w) => revokeIntegration(w, input.id)),
  }));
}
