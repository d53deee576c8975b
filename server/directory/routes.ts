// Directory endpoints: caller lookup and configuration-item search for integrations, and the
// paged change feed the desks download their offline directory from. Read-only.

import type { FastifyInstance } from 'fastify';
import {
  API_PREFIX,
  ConfigurationItemSearchQuery,
  DirectoryPageQuery,
  UserSearchQuery,
} from '../../shared/sync/server-api';
import { parseInput } from '../http/api-error';
import { READ_API_ROLES, SYNC_ROLES, type RouteDeps } from '../http/route-deps';
import { answerFeedPage } from './feed-pages';
import { createFeedReadAhead } from './feed-read-ahead';
import { searchConfigurationItems, searchUsers } from './directory-store';

export function directoryRoutes(app: FastifyInstance, { db, sessions }: RouteDeps): void {
  app.get(`${API_PREFIX}/users`, async (request) => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const query = parseInput(UserSearchQuery, request.query);
    return { users: await searchUsers(db, query.q, query.limit) };
  });

  app.get(`${API_PREFIX}/configuration-items`, async (request) => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const query = parseInput(ConfigurationItemSearchQuery, request.query);
    return { configurationItems: await searchConfigurationItems(db, query.q, query.limit) };
  });

  const readAhead = createFeedReadAhead();
  app.get(`${API_PREFIX}/directory`, async (request, reply) => {
    await sessions.authenticate(request.headers.authorization, SYNC_ROLES);
    const query = parseInput(DirectoryPageQuery, request.query);
    const body = await answerFeedPage(db, query.cursor, query.limit, readAhead);
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
