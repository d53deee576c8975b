import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../testing/test-databases';
import { PARALLEL_WORKERS_PER_QUERY } from './open-database';

describeOnDatabases('a desk server connection', (suite) => {
  // PGlite is one process: there are no workers to start.
  it.runIf(suite.backend === 'postgres')(
    'plans no parallel workers on PostgreSQL: a pull’s small statements would wait for them',
    async () => {
      const shown = await Promise.all(
        // Several at once, so that the pool opens more than one connection.
        Array.from({ length: 3 }, () =>
          sql<{
            max_parallel_workers_per_gather: string;
          }>`SHOW max_parallel_workers_per_gather`.execute(suite.database().db),
        ),
      );
      for (const { rows } of shown)
        expect(rows[0]?.max_parallel_workers_per_gather).toBe(String(PARALLEL_WORKERS_PER_QUERY));
    },
  );
});
