// The read API over interactions, for integrations and for checking what reached the server:
// a filtered newest-first list with a cursor, and one interaction by number. Read-only; it never
// answers work notes unless the caller named them (`include=workNotes`).

import type { FastifyInstance } from 'fastify';
import {
  API_PREFIX,
  InteractionListQuery,
  InteractionNumberParam,
  InteractionQuery,
  type InteractionList,
  type ReadApiInteraction,
} from '../../shared/sync/server-api';
import { ApiError, parseInput } from '../http/api-error';
import { decodePage, readApiPage, shown } from '../http/read-api';
import { READ_API_ROLES, type RouteDeps } from '../http/route-deps';
import { findInteractionByNumber, listInteractions } from './interaction-store';

export function interactionRoutes(app: FastifyInstance, { db, sessions }: RouteDeps): void {
  app.get(`${API_PREFIX}/interactions`, async (request): Promise<InteractionList> => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const query = parseInput(InteractionListQuery, request.query);
    const rows = await listInteractions(db, {
      state: query.state,
      openedFor: query.openedFor,
      updatedSince: query.updatedSince,
      beforeSeq: decodePage(query.cursor),
      limit: query.limit + 1,
    });
    const page = readApiPage(rows, query.limit, query.include);
    return { interactions: page.records, nextCursor: page.nextCursor };
  });

  app.get(`${API_PREFIX}/interactions/:number`, async (request): Promise<ReadApiInteraction> => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const { number } = parseInput(InteractionNumberParam, request.params);
    const { include } = parseInput(InteractionQuery, request.query);
    const interaction = await findInteractionByNumber(db, number);
    if (!interaction)
      throw new ApiError(404, 'not-found', `There is no interaction ${number} on the server.`);
    return shown(interaction, include);
  });
}
