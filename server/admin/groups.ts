// Registers the Groups operations of Administration: reads straight from the database, every
// change through writeDirectory (versioned, audited, desks poked). Never deletes a group.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { GROUP_OPERATIONS as OPS } from '../../shared/admin/groups';
import type { RouteDeps } from '../http/route-deps';
import { registerAdminOperation } from './admin-operations';
import { adminWrite } from './admin-store-kit';
import {
  changeMember,
  createGroup,
  findUsers,
  getGroup,
  listGroups,
  setGroupActive,
  updateGroup,
} from './groups-store';

export function registerGroups(app: FastifyInstance, deps: RouteDeps): void {
  const { db } = deps;
  registerAdminOperation(app, deps, OPS['groups.list'], (input) => listGroups(db, input));
  registerAdminOperation(app, deps, OPS['groups.get'], async (input) => ({
    group: await getGroup(db, input.id),
  }));
  registerAdminOperation(app, deps, OPS['groups.find-users'], async (input) => ({
    users: await findUsers(db, input.q),
  }));
  registerAdminOperation(app, deps, OPS['groups.create'], async (input, context) => ({
    group: await adminWrite(deps, context, (w) => createGroup(w, randomUUID(), input)),
  }));
  registerAdminOperation(app, deps, OPS['groups.update'], async (input, context) => ({
    group: await adminWrite(deps, context, (w) => updateGroup(w, input)),
  }));
  registerAdminOperation(app, deps, OPS['groups.set-active'], async (input, context) => ({
    group: await adminWrite(deps, context, (w) => setGroupActive(w, input.id, input.active)),
  }));
  registerAdminOperation(app, deps, OPS['groups.add-member'], async (input, context) => ({
    group: await adminWrite(deps, context, (w) =>
      changeMember(w, input.groupId, input.userId, true),
    ),
  }));
  registerAdminOperation(app, deps, OPS['groups.remove-member'], async (input, context) => ({
    group: await adminWrite(deps, context, (w) =>
      changeMember(w, input.groupId, input.userId, false),
    ),
  }));
}
