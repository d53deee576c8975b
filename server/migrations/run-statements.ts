// Runs a migration's SQL one statement at a time (PGlite's extended protocol takes one per call).
// Migrations are plain SQL on purpose: a reviewer reads the schema as PostgreSQL will see it.

import { sql, type Kysely } from 'kysely';

export async function runStatements(
  db: Kysely<unknown>,
  statements: readonly string[],
): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
