// `GET /api/v1/export/{interactions|incidents|requests}.csv?from=&to=`: the CSV export for the
// read API's roles, by token or by a single-use download link. Never buffers the export whole.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ExportFile, ExportQuery, kindOfFile } from '../../shared/admin/export';
import { API_PREFIX } from '../../shared/sync/server-api';
import { ApiError, parseInput } from '../http/api-error';
import { READ_API_ROLES, type RouteDeps } from '../http/route-deps';
import { exportCsv, exportFileName, type ExportOptions } from './export-csv';
import { spendExportLink } from './export-links';

const ExportParams = z.strictObject({ file: z.string() });

export function exportRoutes(
  app: FastifyInstance,
  { db, sessions, now }: RouteDeps,
  options: ExportOptions = {},
): void {
  app.get(`${API_PREFIX}/export/:file`, async (request, reply) => {
    const { file } = parseInput(ExportParams, request.params);
    const known = ExportFile.safeParse(file);
    if (!known.success)
      throw new ApiError(
        404,
        'not-found',
        `There is no export ${file}: use interactions.csv, incidents.csv or requests.csv.`,
      );
    const kind = kindOfFile(known.data);
    const byLink =
      typeof request.query === 'object' && request.query !== null && 'link' in request.query;
    if (!byLink) await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const query = parseInput(ExportQuery, request.query);
    if (query.link !== undefined) {
      const userId = await spendExportLink(db, now(), query.link, { kind, ...query });
      // The link's agent must still be able to sign in, in a role that may read every record.
      const user = await db
        .selectFrom('users')
        .select(['roles', 'active', 'sign_in_disabled'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!user?.active || user.sign_in_disabled)
        throw new ApiError(401, 'unauthorized', 'This account cannot sign in any more.');
      if (!user.roles.some((role) => (READ_API_ROLES as readonly string[]).includes(role)))
        throw new ApiError(403, 'forbidden', 'Your role does not let you export records.');
    }
    const range = { from: query.from, to: query.to };
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${exportFileName(kind, range)}"`)
      .header('cache-control', 'no-store')
      .send(exportCsv(db, kind, range, options));
  });
}
