// Serves one administrative operation at POST /api/v1/admin/<name>: checks the session and role,
// parses the input with the operation's schema, runs the handler. Never runs a handler unchecked.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { User } from '../../shared/domain/directory';
import { adminPath, type AdminOperation } from '../../shared/admin/operation';
import { ADMINISTRATION_ROLES } from '../../shared/commands/permission';
import type { Role } from '../../shared/sync/server-api';
import { parseInput } from '../http/api-error';
import type { RouteDeps } from '../http/route-deps';
import type { AuditActor } from './audit-log';

/** What a handler is given besides its input: who asks, the route deps, the request. */
export interface AdminContext {
  readonly agent: User;
  /** The agent as the audit log names them. */
  readonly actor: AuditActor;
  readonly deps: RouteDeps;
  readonly request: FastifyRequest;
}

export type AdminHandler<O extends AdminOperation> = (
  input: z.output<O['input']>,
  context: AdminContext,
) => Promise<z.input<O['output']>>;

/** Administration is the admin role's (decision 0008); an area may name others (a manager's reports). */
export const ADMIN_ROLES: readonly Role[] = ADMINISTRATION_ROLES;

export function registerAdminOperation<O extends AdminOperation>(
  app: FastifyInstance,
  deps: RouteDeps,
  operation: O,
  handler: AdminHandler<O>,
  options: { roles?: readonly Role[] } = {},
): void {
  const roles = options.roles ?? ADMIN_ROLES;
  app.post(adminPath(operation.name), async (request) => {
    const { agent } = await deps.sessions.authenticate(request.headers.authorization, roles);
    // A POST with no body at all is an empty input: `{}` for the operations that take nothing.
    const input: z.output<O['input']> = parseInput<O['input']>(operation.input, request.body ?? {});
    const actor: AuditActor = { id: agent.id, name: agent.name };
    return handler(input, { agent, actor, deps, request });
  });
}
