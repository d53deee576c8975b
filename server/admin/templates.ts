// Registers the Contact templates operations of Administration: a location's templates (list,
// create, edit, retire or bring back), each change audited; the desks are poked to fetch them.
// Never touches an agent's own templates.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { TEMPLATE_OPERATIONS as OPS } from '../../shared/admin/templates';
import type { RouteDeps } from '../http/route-deps';
import { registerAdminOperation } from './admin-operations';
import { auditedWrite } from './admin-store-kit';
import {
  createLocationTemplate,
  listLocationTemplates,
  setLocationTemplateActive,
  updateLocationTemplate,
} from '../templates/template-store';

export function registerTemplates(app: FastifyInstance, deps: RouteDeps): void {
  /** After the commit: the desks sync, and their templates exchange brings the change. */
  const poke = async <T>(result: T): Promise<T> => {
    await deps.pokes.publish({ topic: 'directory' }).catch(() => undefined);
    return result;
  };
  registerAdminOperation(app, deps, OPS['templates.list'], async (input) => ({
    templates: await listLocationTemplates(deps.db, input),
  }));
  registerAdminOperation(app, deps, OPS['templates.create'], async (input, context) => ({
    template: await poke(
      await auditedWrite(deps, context.actor, (w) =>
        createLocationTemplate(w, randomUUID(), input),
      ),
    ),
  }));
  registerAdminOperation(app, deps, OPS['templates.update'], async (input, context) => ({
    template: await poke(
      await auditedWrite(deps, context.actor, (w) => updateLocationTemplate(w, input)),
    ),
  }));
  registerAdminOperation(app, deps, OPS['templates.set-active'], async (input, context) => ({
    template: await poke(
      await auditedWrite(deps, context.actor, (w) =>
        setLocationTemplateActive(w, input.id, input.active),
      ),
    ),
  }));
}
