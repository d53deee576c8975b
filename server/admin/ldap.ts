// Handles the LDAP admin operations: settings (audited, the password never answered nor
// audited), Test connection, Sync now (in the background) and the status. Never logs a password.

import type { FastifyInstance } from 'fastify';
import { LDAP_OPERATIONS } from '../../shared/admin/ldap';
import type { PhoneRegion } from '../directory/phone-e164';
import { ApiError } from '../http/api-error';
import type { RouteDeps } from '../http/route-deps';
import { filterProblem } from '../ldap/ldap-errors';
import { createLdapService } from '../ldap/ldap-runtime';
import type { LdapService } from '../ldap/ldap-service';
import {
  readLdapSettingsView,
  readLdapStatus,
  readStoredPassword,
  saveLdapSettings,
} from '../ldap/ldap-settings-store';
import { registerAdminOperation } from './admin-operations';
import { changedFields, recordAudit } from './audit-log';

export interface LdapRouteOptions {
  /** The process's LDAP service (shared with its schedule); one is made when absent. */
  service?: LdapService;
  phoneRegion?: PhoneRegion;
}

export function registerLdap(
  app: FastifyInstance,
  deps: RouteDeps,
  options: LdapRouteOptions = {},
): void {
  const service =
    options.service ??
    createLdapService({
      db: deps.db,
      pokes: deps.pokes,
      logger: app.log,
      now: deps.now,
      ...(options.phoneRegion ? { phoneRegion: options.phoneRegion } : {}),
    });
  // A Sync now still running when the server closes finishes first (or its lease lapses).
  app.addHook('onClose', async () => {
    await service.idle();
  });
  const ops = LDAP_OPERATIONS;

  registerAdminOperation(app, deps, ops['ldap.settings.get'], () => readLdapSettingsView(deps.db));

  registerAdminOperation(app, deps, ops['ldap.settings.save'], async (input, context) => {
    const fieldErrors: Record<string, string> = {};
    const userProblem = filterProblem(input.userFilter, 'user filter');
    const groupProblem = filterProblem(input.groupFilter, 'group filter');
    if (userProblem) fieldErrors.userFilter = userProblem;
    if (groupProblem) fieldErrors.groupFilter = groupProblem;
    const problems = Object.values(fieldErrors);
    if (problems.length > 0)
      throw new ApiError(400, 'invalid-input', problems.join(' '), { fieldErrors });
    await deps.db.transaction().execute(async (trx) => {
      const at = deps.now();
      const saved = await saveLdapSettings(trx, input, at);
      const passwordChanged = Boolean(input.bindPassword);
      const change = saved.before
        ? changedFields<Record<string, unknown>>(saved.before, saved.after)
        : { before: null, after: { ...saved.after } };
      await recordAudit(trx, {
        at,
        actor: context.actor,
        action: saved.before ? 'ldap.settings-update' : 'ldap.settings-create',
        targetKind: 'ldap-settings',
        targetId: 'ldap',
        targetName: saved.after.url,
        before: change.before,
        // Whether the bind password changed, never the password (recordAudit drops *password* keys).
        after: { ...change.after, ...(passwordChanged ? { bindCredentialChanged: true } : {}) },
      });
    });
    return readLdapSettingsView(deps.db);
  });

  registerAdminOperation(app, deps, ops['ldap.test'], async (input) => {
    const { bindPassword, ...settings } = input;
    const password = bindPassword || (await readStoredPassword(deps.db));
    return service.test(settings, password);
  });

  registerAdminOperation(app, deps, ops['ldap.sync'], async (_input, context) => {
    const start = await service.syncNow();
    if (start.started)
      await recordAudit(deps.db, {
        at: deps.now(),
        actor: context.actor,
        action: 'ldap.sync-now',
        targetKind: 'ldap-settings',
        targetId: 'ldap',
      });
    return start.started
      ? { started: true, message: 'Sync started.' }
      : { started: false, message: start.message };
  });

  registerAdminOperation(app, deps, ops['ldap.status'], () => readLdapStatus(deps.db, deps.now()));
}
