// Reads and writes the CTI integrations for Administration and the command line: a new one with
// its token's hash (the token itself is the caller's to show once), and revocation, each audited
// in the caller's transaction. Never stores, logs or audits a token.

import { sql } from 'kysely';
import type { z } from 'zod';
import type { IntegrationCreateInput, IntegrationView } from '../../shared/admin/integrations';
import { recordAudit } from './audit-log';
import { notFound, refused, type AuditedWrite, type Db } from './admin-store-kit';

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

function integrations(db: Db) {
  return db
    .selectFrom('integrations as i')
    .leftJoin('locations as l', 'l.id', 'i.location')
    .select([
      'i.id',
      'i.name',
      'i.location',
      'l.name as location_name',
      'i.created_by',
      'i.created_at',
      'i.last_used_at',
      'i.revoked_at',
    ]);
}

type IntegrationRow = Awaited<ReturnType<ReturnType<typeof integrations>['execute']>>[number];

function toView(row: IntegrationRow): IntegrationView {
  return {
    id: row.id,
    name: row.name,
    kind: 'cti',
    locationId: row.location,
    locationName: row.location === null ? null : (row.location_name ?? ''),
    createdBy: row.created_by,
    createdAt: iso(row.created_at) ?? '',
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

/** Live ones first (newest first), then the revoked ones (latest revoked first). */
export async function listIntegrations(
  db: Db,
  input: { includeRevoked: boolean },
): Promise<IntegrationView[]> {
  let query = integrations(db);
  if (!input.includeRevoked) query = query.where('i.revoked_at', 'is', null);
  const rows = await query
    .orderBy(sql`i.revoked_at IS NOT NULL`)
    .orderBy(sql`coalesce(i.revoked_at, i.created_at)`, 'desc')
    .orderBy('i.id')
    .limit(500)
    .execute();
  return rows.map(toView);
}

export async function getIntegration(db: Db, id: string): Promise<IntegrationView> {
  const row = await integrations(db).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('integration', id);
  return toView(row);
}

/** The location an integration serves, which must exist and be active; its name for the audit. */
async function servedLocation(db: Db, id: string | null): Promise<string | null> {
  if (id === null) return null;
  const row = await db
    .selectFrom('locations')
    .select(['name', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw refused(`There is no location with id ${id}.`, 'locationId');
  if (!row.active)
    throw refused(`${row.name} is deactivated: choose an active location.`, 'locationId');
  return row.name;
}

export async function createIntegration(
  w: AuditedWrite,
  id: string,
  tokenHash: string,
  input: z.output<typeof IntegrationCreateInput>,
): Promise<IntegrationView> {
  const locationName = await servedLocation(w.trx, input.locationId);
  const taken = await w.trx
    .selectFrom('integrations')
    .select('id')
    .where(sql<string>`lower(name)`, '=', input.name.toLowerCase())
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (taken) throw refused(`There is already an integration named ${input.name}.`, 'name');
  await w.trx
    .insertInto('integrations')
    .values({
      id,
      name: input.name,
      kind: 'cti',
      token_hash: tokenHash,
      location: input.locationId,
      created_by: w.actor.name,
      created_at: w.now,
      version: 1,
    })
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'integration.create',
    targetKind: 'integration',
    targetId: id,
    targetName: input.name,
    before: null,
    after: { name: input.name, kind: 'cti', location: locationName },
  });
  return getIntegration(w.trx, id);
}

/** Revokes it at once: the CTI endpoint refuses its token from this commit on. */
export async function revokeIntegration(w: AuditedWrite, id: string): Promise<IntegrationView> {
  const row = await w.trx
    .selectFrom('integrations')
    .select(['name', 'revoked_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('integration', id);
  if (row.revoked_at !== null) return getIntegration(w.trx, id);
  await w.trx
    .updateTable('integrations')
    .set({ revoked_at: w.now, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'integration.revoke',
    targetKind: 'integration',
    targetId: id,
    targetName: row.name,
    before: { revoked: false },
    after: { revoked: true },
  });
  return getIntegration(w.trx, id);
}
