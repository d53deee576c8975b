// The read API's history search: `GET /api/v1/search` for integrations and for desks asking about
// records they do not hold. Same roles as every read API route; read-only; never a work note.

import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../shared/sync/server-api';
import { HistorySearchQuery, type HistorySearchResult } from '../../shared/sync/history-search-api';
import { parseInput } from '../http/api-error';
import { READ_API_ROLES, type RouteDeps } from '../http/route-deps';
import { searchHistory } from './history-search';

export function historyRoutes(app: FastifyInstance, { db, sessions }: RouteDeps): void {
  app.get(`${API_PREFIX}/search`, async (request): Promise<HistorySearchResult> => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const query = parseInput(HistorySearchQuery, request.query);
    return searchHistory(db, query);
  });
}
