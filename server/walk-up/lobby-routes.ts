// The lobby board's endpoints (lobby role, read-only): the board of a location now, and its event
// stream that sends a fresh board on every visit change. Thin: walk-up-reads and lobby-feeds do the work.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Id } from '../../shared/domain/directory';
import { lobbyBoard } from '../../shared/domain/lobby-board';
import { API_PREFIX } from '../../shared/sync/server-api';
import type { LobbyBoard } from '../../shared/sync/walk-up-api';
import { ApiError, parseInput } from '../http/api-error';
import type { RouteDeps } from '../http/route-deps';
import { createLobbyFeeds } from './lobby-feeds';
import { findWalkUpLocation, locationVisits } from './walk-up-reads';

/** Only the lobby screen's account reads the board (decision 0008): it may do nothing else. */
export const LOBBY_ROLES = ['lobby'] as const;

const LocationParam = z.strictObject({ location: Id });

export interface LobbyRouteOptions {
  /** A fresh board on every stream at least this often (15 s). */
  refreshMs?: number;
}

export function lobbyRoutes(
  app: FastifyInstance,
  { db, sessions, pokes, now }: RouteDeps,
  options: LobbyRouteOptions = {},
): void {
  const board = async (location: string): Promise<LobbyBoard | null> => {
    const found = await findWalkUpLocation(db, location);
    const at = now();
    return found ? lobbyBoard(found, await locationVisits(db, location, at), at) : null;
  };
  const feeds = createLobbyFeeds(pokes, {
    board,
    refreshMs: options.refreshMs ?? 15_000,
    living: (tokenHashes) => sessions.living(tokenHashes),
    logger: app.log,
  });
  app.addHook('preClose', (done) => {
    feeds.closeAll();
    done();
  });

  const unknown = (location: string): ApiError =>
    new ApiError(404, 'not-found', `There is no walk-up location ${location} on the server.`);

  app.get(`${API_PREFIX}/lobby/:location`, async (request): Promise<LobbyBoard> => {
    await sessions.authenticate(request.headers.authorization, LOBBY_ROLES);
    const { location } = parseInput(LocationParam, request.params);
    const found = await board(location);
    if (!found) throw unknown(location);
    return found;
  });

  // Never compressed: a poke must leave at once, not wait in a compressor (http/compression.ts).
  app.get(`${API_PREFIX}/lobby/:location/events`, { compress: false }, async (request, reply) => {
    const { agent, tokenHash } = await sessions.authenticate(
      request.headers.authorization,
      LOBBY_ROLES,
    );
    const { location } = parseInput(LocationParam, request.params);
    if (!(await findWalkUpLocation(db, location))) throw unknown(location);
    const stream = feeds.open(request.raw, { tokenHash, userId: agent.id }, location);
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      .header('x-accel-buffering', 'no')
      .send(stream);
  });
}
