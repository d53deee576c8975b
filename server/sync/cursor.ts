// Pull cursors: the database's id and a change version, opaque to the desks. A cursor from
// another database, or from a future this database never reached, starts the desk over.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';

export const encodeCursor = (databaseId: string, version: number): string =>
  `${databaseId}.${version}`;

export interface CursorPosition {
  /** Changes with a greater version are new to the desk. */
  after: number;
  /** The desk must drop what it holds of the server's state and start over. */
  reset: boolean;
}

export function decodeCursor(
  cursor: string | null | undefined,
  databaseId: string,
  head: number,
): CursorPosition {
  if (cursor === null || cursor === undefined) return { after: 0, reset: false };
  const match = /^([0-9a-f]{32})\.(\d{1,15})$/.exec(cursor);
  if (!match) {
    throw new ApiError(400, 'invalid-input', 'The cursor is not one this server gave out.', {
      fieldErrors: { cursor: 'Use the cursor from the previous answer, or none to start over.' },
    });
  }
  const version = Number(match[2]);
  if (match[1] !== databaseId || version > head) return { after: 0, reset: true };
  return { after: version, reset: false };
}

export async function readDatabaseId(
  db: Kysely<Database> | Transaction<Database>,
): Promise<string> {
  const row = await db
    .selectFrom('server_meta')
    .select('value')
    .where('key', '=', 'database_id')
    .executeTakeFirst();
  if (!row) throw new Error('server_meta has no database_id: the database was not migrated');
  return row.value;
}

export async function readHead(db: Kysely<Database> | Transaction<Database>): Promise<number> {
  const row = await sql<{
    version: string;
  }>`SELECT version::text AS version FROM sync_state WHERE id = 1`.execute(db);
  return Number(row.rows[0]?.version ?? 0);
}
