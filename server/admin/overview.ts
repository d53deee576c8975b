// Handles `overview.get`: the counts on Administration's landing page, read in one statement.
// Read-only; never returns a row, only counts.

import { sql, type Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { DESK_ROLES } from '../../shared/commands/permission';
import { OVERVIEW_OPERATIONS, type AdminOverview } from '../../shared/admin/overview';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';
import type { RouteDeps } from '../http/route-deps';
import { registerAdminOperation } from './admin-operations';

type Counted = Record<string, string | number | bigint | null>;

export async function readOverview(db: Kysely<Database>): Promise<AdminOverview> {
  const deskRoles = sql.join(DESK_ROLES.map((role) => sql.lit(role)));
  const { rows } = await sql<Counted>`SELECT
      (SELECT count(*) FROM users WHERE active) AS users_active,
      (SELECT count(*) FROM users WHERE NOT active) AS users_deactivated,
      (SELECT count(*) FROM users WHERE roles && ARRAY[${deskRoles}]::text[] AND active AND NOT sign_in_disabled) AS agents_active,
      (SELECT count(*) FROM users WHERE roles && ARRAY[${deskRoles}]::text[] AND (NOT active OR sign_in_disabled)) AS agents_disabled,
      (SELECT count(*) FROM groups WHERE active) AS groups,
      (SELECT count(*) FROM configuration_items WHERE active) AS cis_active,
      (SELECT count(*) FROM configuration_items WHERE NOT active) AS cis_retired,
      (SELECT count(*) FROM catalog_items WHERE state = 'draft') AS catalog_draft,
      (SELECT count(*) FROM catalog_items WHERE state = 'published') AS catalog_published,
      (SELECT count(*) FROM catalog_items WHERE state = 'retired') AS catalog_retired,
      (SELECT count(*) FROM locations WHERE active) AS locations,
      (SELECT max(at) FROM audit_log) AS last_change_at`.execute(db);
  const row = rows[0] ?? {};
  const n = (key: string): number => toNumber(row[key] ?? 0);
  const last = row.last_change_at as unknown;
  return {
    users: { active: n('users_active'), deactivated: n('users_deactivated') },
    agents: { active: n('agents_active'), disabled: n('agents_disabled') },
    groups: n('groups'),
    configurationItems: { active: n('cis_active'), retired: n('cis_retired') },
    catalogItems: {
      draft: n('catalog_draft'),
      published: n('catalog_published'),
      retired: n('catalog_retired'),
    },
    locations: n('locations'),
    lastChangeAt:
      last === null || last === undefined ? null : new Date(last as string).toISOString(),
  };
}

export function registerOverview(app: FastifyInstance, deps: RouteDeps): void {
  registerAdminOperation(app, deps, OVERVIEW_OPERATIONS['overview.get'], () =>
    readOverview(deps.db),
  );
}
