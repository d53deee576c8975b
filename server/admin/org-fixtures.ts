// Test fixtures for the organization's administration (groups, locations, configuration items,
// audit): calling an operation as an agent, the directory version, feed and audit rows. Tests only.

import { sql } from 'kysely';
import { adminPath } from '../../shared/admin/operation';
import type { ServerDatabase } from '../db/open-database';
import { toNumber } from '../db/values';
import { directoryFeedPage } from '../directory/directory-feed';
import type { ApiClient, Reply } from '../testing/fixtures';

export function callAdmin<T = Record<string, unknown>>(
  client: ApiClient,
  name: string,
  input: unknown,
): Promise<
  Reply<T & { error?: { code: string; message: string; fieldErrors?: Record<string, string> } }>
> {
  return client.post(adminPath(name), input);
}

export async function directoryVersion(database: Pick<ServerDatabase, 'db'>): Promise<number> {
  const { rows } = await sql<{ version: string | number }>`SELECT version FROM sync_state`.execute(
    database.db,
  );
  return toNumber(rows[0]?.version ?? 0);
}

/** What the desks' directory feed sends after `version`, parsed. */
export async function feedAfter(database: Pick<ServerDatabase, 'db'>, version: number) {
  const page = await directoryFeedPage(database.db, version, 1000);
  return {
    groups: JSON.parse(page.groups) as { id: string; name: string; memberIds: string[] }[],
    configurationItems: JSON.parse(page.configurationItems) as {
      id: string;
      name: string;
      parentId: string | null;
      active?: boolean;
    }[],
  };
}

export async function auditRows(database: Pick<ServerDatabase, 'db'>) {
  const rows = await database.db
    .selectFrom('audit_log')
    .select([
      'actor_id',
      'actor_name',
      'action',
      'target_kind',
      'target_id',
      'target_name',
      'before',
      'after',
    ])
    .orderBy('id')
    .execute();
  return rows;
}

/** Everything an admin change may touch, to prove a refused one changed nothing. */
export async function snapshot(database: Pick<ServerDatabase, 'db'>): Promise<string> {
  const db = database.db;
  return JSON.stringify([
    await db.selectFrom('groups').selectAll().orderBy('id').execute(),
    await db
      .selectFrom('group_members')
      .selectAll()
      .orderBy('group_id')
      .orderBy('user_id')
      .execute(),
    await db.selectFrom('configuration_items').selectAll().orderBy('id').execute(),
    await db.selectFrom('locations').selectAll().orderBy('id').execute(),
    await db.selectFrom('audit_log').select('id').execute(),
    await directoryVersion(database),
  ]);
}
