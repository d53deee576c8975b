// Registers the Phone queues operations of Administration: list, add, rename or change the group,
// remove; each change audited. Never writes a group or a call.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PHONE_QUEUE_OPERATIONS as OPS } from '../../shared/admin/phone-queues';
import type { RouteDeps } from '../http/route-deps';
import { registerAdminOperation } from './admin-operations';
import { auditedWrite } from './admin-store-kit';
import {
  createPhoneQueue,
  listPhoneQueues,
  removePhoneQueue,
  updatePhoneQueue,
} from './phone-queues-store';

export function registerPhoneQueues(app: FastifyInstance, deps: RouteDeps): void {
  registerAdminOperation(app, deps, OPS['phone-queues.list'], async () => ({
    queues: await listPhoneQueues(deps.db),
  }));
  registerAdminOperation(app, deps, OPS['phone-queues.create'], async (input, context) => ({
    queue: await auditedWrite(deps, context.actor, (w) => createPhoneQueue(w, randomUUID(), input)),
  }));
  registerAdminOperation(app, deps, OPS['phone-queues.update'], async (input, context) => ({
    queue: await auditedWrite(deps, context.actor, (w) => updatePhoneQueue(w, input)),
  }));
  registerAdminOperation(app, deps, OPS['phone-queues.remove'], async (input, context) => ({
    removed: await auditedWrite(deps, context.actor, (w) => removePhoneQueue(w, input.id)),
  }));
}
