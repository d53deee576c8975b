// A Kysely dialect over one embedded PGlite database. It owns the queueing of that single
// connection: a transaction holds it until it ends, so no other query can slip inside it.

import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * PGlite is one Postgres backend with one session. kysely-pglite hands the same session to
 * every caller, so two concurrent Kysely transactions would interleave their BEGIN/COMMIT;
 * here the connection is a mutex instead. The cost: code inside a transaction must use its
 * `trx`, never the outer `db`, or it waits for itself.
 */
class PGliteConnection implements DatabaseConnection {
  private readonly client: PGlite;
  readonly release: () => void;

  constructor(client: PGlite, release: () => void) {
    this.client = client;
    this.release = release;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query<R>(compiled.sql, [...compiled.parameters]);
    return result.affectedRows === undefined
      ? { rows: result.rows }
      : { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) };
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream query results.');
  }
}

class PGliteDriver implements Driver {
  private tail: Promise<void> = Promise.resolve();
  private readonly client: PGlite;
  private readonly closeClient: boolean;

  constructor(client: PGlite, closeClient: boolean) {
    this.client = client;
    this.closeClient = closeClient;
  }

  async init(): Promise<void> {
    await this.client.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.tail;
    this.tail = previous.then(() => released);
    await previous;
    return new PGliteConnection(this.client, release);
  }

  async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    const parts = ['BEGIN'];
    if (settings.isolationLevel)
      parts.push(`ISOLATION LEVEL ${settings.isolationLevel.toUpperCase()}`);
    if (settings.accessMode) parts.push(settings.accessMode.toUpperCase());
    await connection.executeQuery(CompiledQuery.raw(parts.join(' ')));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (connection instanceof PGliteConnection) connection.release();
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    await this.tail;
    if (this.closeClient && !this.client.closed) await this.client.close();
  }
}

/** `closeClient`: whether destroying the Kysely instance closes the PGlite database too. */
export function pgliteDialect(client: PGlite, closeClient = true): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PGliteDriver(client, closeClient),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
