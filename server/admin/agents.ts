// Registers the Agents operations (POST /api/v1/admin/agents.*), admins only: each handler hands
// its checked input and the signed-in admin to agents-actions.ts. No rules of its own.

import type { FastifyInstance } from 'fastify';
import { AGENTS_OPERATIONS } from '../../shared/admin/agents';
import { hashPassword } from '../auth/passwords';
import { directoryWriterFor } from '../auth/directory-writer';
import { DEFAULT_AUTH_SETTINGS } from '../auth/sessions';
import type { RouteDeps } from '../http/route-deps';
import { registerAdminOperation } from './admin-operations';
import { agentActions } from './agents-actions';
import { listAgents } from './agents-store';

export function registerAgents(
  app: FastifyInstance,
  deps: RouteDeps,
  lock = DEFAULT_AUTH_SETTINGS,
): void {
  const actions = agentActions({
    db: deps.db,
    writeDirectory: directoryWriterFor(deps, deps.now),
    now: deps.now,
    hashPassword,
    lock,
    endAllOf: async (userId) => {
      const ended = await deps.sessions.endAllOf(userId);
      // Their event streams close on every instance (the periodic re-check would, later).
      await deps.pokes.publish({ ended: { userId } }).catch(() => undefined);
      return ended;
    },
  });
  const ops = AGENTS_OPERATIONS;
  registerAdminOperation(app, deps, ops['agents.list'], (input) =>
    listAgents(deps.db, input.query, deps.now(), lock),
  );
  registerAdminOperation(app, deps, ops['agents.create'], async (input, { actor }) => ({
    agent: await actions.create(input, actor),
  }));
  registerAdminOperation(app, deps, ops['agents.set-roles'], async (input, { actor }) => ({
    agent: await actions.setRoles(input, actor),
  }));
  registerAdminOperation(app, deps, ops['agents.reset-password'], async (input, { actor }) => ({
    agent: await actions.resetPassword(input, actor),
  }));
  registerAdminOperation(app, deps, ops['agents.set-disabled'], async (input, { actor }) => ({
    agent: await actions.setDisabled(input, actor),
  }));
  registerAdminOperation(app, deps, ops['agents.unlock'], async (input, { actor }) => ({
    agent: await actions.unlock(input, actor),
  }));
  registerAdminOperation(app, deps, ops['agents.sign-out-everywhere'], (input, { actor }) =>
    actions.signOutEverywhere(input, actor),
  );
}
