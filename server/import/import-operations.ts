// Registers the import: the raw upload route and the `imports.*` admin operations, over one
// ImportJobs per server. Admins only; the handlers only translate, the jobs do the work.

import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { IMPORT_OPERATIONS } from '../../shared/admin/import';
import { registerAdminOperation } from '../admin/admin-operations';
import { DEFAULT_PHONE_REGION } from '../directory/phone-e164';
import type { RouteDeps } from '../http/route-deps';
import { createImportJobs, type ImportJobs } from './import-jobs';
import { asApiError, registerImportUpload } from './routes';

export function registerImports(app: FastifyInstance, deps: RouteDeps): ImportJobs {
  const jobs = createImportJobs({
    db: deps.db,
    writeDeps: {
      db: deps.db,
      pokes: deps.pokes,
      warn: (message, error) => app.log.warn({ err: error }, message),
    },
    dir: deps.importDir ?? path.join(tmpdir(), `deskpad-imports-${process.pid}`),
    region: deps.phoneRegion ?? DEFAULT_PHONE_REGION,
    now: deps.now,
  });
  registerImportUpload(app, deps, jobs);
  const answer = async <T>(work: () => T | Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw asApiError(error);
    }
  };
  const ops = IMPORT_OPERATIONS;
  registerAdminOperation(app, deps, ops['imports.run'], (input, { actor }) =>
    answer(() => jobs.run(input, actor)),
  );
  registerAdminOperation(app, deps, ops['imports.status'], (input) =>
    answer(() => jobs.status(input.importId)),
  );
  registerAdminOperation(app, deps, ops['imports.cancel'], (input) =>
    answer(() => jobs.cancel(input.importId)),
  );
  registerAdminOperation(app, deps, ops['imports.list'], () =>
    answer(() => ({ imports: jobs.list() })),
  );
  return jobs;
}
