// The read API over walk-up visits: `GET /api/v1/visits?location=&state=&since=` (newest first,
// with a cursor) and `GET /api/v1/visits/{id or number}`. Read-all roles only; never writes.

import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../shared/sync/server-api';
import type { Visit } from '../../shared/domain/visit';
import {
  VISIT_NUMBER,
  VisitListQuery,
  VisitParam,
  type VisitList,
} from '../../shared/sync/visits-read-api';
import { ApiError, parseInput } from '../http/api-error';
import { decodePage, encodePage } from '../http/read-api';
import { READ_API_ROLES, type RouteDeps } from '../http/route-deps';
import { findVisitById, findVisitByNumber, listVisits } from './visit-reads';

export function visitRoutes(app: FastifyInstance, { db, sessions }: RouteDeps): void {
  app.get(`${API_PREFIX}/visits`, async (request): Promise<VisitList> => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const query = parseInput(VisitListQuery, request.query);
    const rows = await listVisits(db, {
      location: query.location,
      state: query.state,
      since: query.since,
      beforeSeq: decodePage(query.cursor),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      visits: page.map((r) => r.record),
      nextCursor: rows.length > query.limit && last ? encodePage(last.seq) : null,
    };
  });

  app.get(`${API_PREFIX}/visits/:visit`, async (request): Promise<Visit> => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const { visit } = parseInput(VisitParam, request.params);
    const found = VISIT_NUMBER.test(visit)
      ? await findVisitByNumber(db, visit)
      : await findVisitById(db, visit);
    if (!found) throw new ApiError(404, 'not-found', `There is no visit ${visit} on the server.`);
    return found;
  });
}
