// The read API over interactions, for integrations and for checking what reached the server:
// a filtered newest-first list with a cursor, and one interaction by number. Read-only; it never
// answers work notes unless the caller named them (`include=workNotes`).

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Interaction } from '../../shared/domain/interaction';
import {
  API_PREFIX,
  InteractionListQuery,
  InteractionNumberParam,
  InteractionQuery,
  type InteractionList,
  type ReadApiInteraction,
} from '../../shared/sync/server-api';
import { ApiError, parseInput } from '../http/api-error';
import { READ_API_ROLES, type RouteDeps } from '../http/route-deps';
import { findByNumber, listInteractions } from './interaction-store';

const PageCursor = z.strictObject({ before: z.int().min(1).max(Number.MAX_SAFE_INTEGER) });

const encodePage = (seq: number): string =>
  Buffer.from(JSON.stringify({ before: seq })).toString('base64url');

function decodePage(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  try {
    return PageCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).before;
  } catch {
    throw new ApiError(400, 'invalid-input', 'The cursor is not one this server gave out.', {
      fieldErrors: { cursor: 'Use nextCursor from the previous page, or none for the first page.' },
    });
  }
}

/** Work notes are internal: an integration gets them only by asking for them. */
function shown(record: Interaction, include: 'workNotes' | undefined): ReadApiInteraction {
  if (include === 'workNotes') return record;
  const { workNotes: _internal, ...rest } = record;
  return rest;
}

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
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      interactions: page.map((r) => shown(r.record, query.include)),
      nextCursor: rows.length > query.limit && last ? encodePage(last.seq) : null,
    };
  });

  app.get(`${API_PREFIX}/interactions/:number`, async (request): Promise<ReadApiInteraction> => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const { number } = parseInput(InteractionNumberParam, request.params);
    const { include } = parseInput(InteractionQuery, request.query);
    const interaction = await findByNumber(db, number);
    if (!interaction)
      throw new ApiError(404, 'not-found', `There is no interaction ${number} on the server.`);
    return shown(interaction, include);
  });
}
