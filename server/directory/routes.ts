// Directory endpoints: caller lookup and configuration-item search for integrations, and the
// paged change feed the desks download their offline directory from. Read-only.

import type { FastifyInstance } from 'fastify';
import type { DirectoryPage } from '../../shared/sync/protocol';
import {
  API_PREFIX,
  ConfigurationItemSearchQuery,
  DirectoryPageQuery,
  UserSearchQuery,
} from '../../shared/sync/server-api';
import { parseInput } from '../http/api-error';
import { ANY_ROLE, READ_API_ROLES, type RouteDeps } from '../http/route-deps';
import { decodeCursor, encodeCursor, readDatabaseId, readHead } from '../sync/cursor';
import { directoryChanges, searchConfigurationItems, searchUsers } from './directory-store';

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

  app.get(`${API_PREFIX}/directory`, async (request): Promise<DirectoryPage> => {
    await sessions.authenticate(request.headers.authorization, ANY_ROLE);
    const query = parseInput(DirectoryPageQuery, request.query);
    // One snapshot: the page, the head and the group members agree with each other.
    return db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const databaseId = await readDatabaseId(trx);
        const head = await readHead(trx);
        const position = decodeCursor(query.cursor, databaseId, head);
        const changes = await directoryChanges(trx, position.after, query.limit);
        return {
          users: changes.users,
          groups: changes.groups,
          configurationItems: changes.configurationItems,
          cursor: encodeCursor(
            databaseId,
            changes.more ? changes.lastVersion : Math.max(head, position.after),
          ),
          more: changes.more,
          reset: position.reset,
        };
      });
  });
}
