// The sync endpoints: push outbox mutations, pull changes since a cursor, and the event stream
// that pokes desks to pull. Thin handlers: push.ts, pull.ts and event-stream.ts do the work.

import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  POKE_STREAM_HEADER,
  PokeStreamId,
  PullRequest,
  PushRequest,
  SnapshotRequest,
  SYNC_LIMITS,
} from '../../shared/sync/protocol';
import { API_PREFIX } from '../../shared/sync/server-api';
import { parseInput } from '../http/api-error';
import { dataScopeOf } from '../../shared/commands/permission';
import type { User } from '../../shared/domain/directory';
import { SYNC_ROLES, type RouteDeps } from '../http/route-deps';
import { groupsOfUser } from '../directory/directory-store';
import { readScopeSettings } from './scope-settings';
import type { EventStreams } from './event-stream';
import { EVERYTHING, pullJson, type PullScope } from './pull';
import { createRecordTexts } from './record-texts';
import { applyPush } from './push';
import { readSnapshot } from './snapshot';

/** A full push of long interactions fits; the default 1 MiB would not. */
const PUSH_BODY_LIMIT = 8 * 1024 * 1024;

const PushHeaders = z.object({ [POKE_STREAM_HEADER]: PokeStreamId.optional() });

export function syncRoutes(app: FastifyInstance, deps: RouteDeps, streams: EventStreams): void {
  const { db, sessions, pokes, now } = deps;
  // This instance's texts of record versions read lately: the next desks' pulls reuse them.
  const records = createRecordTexts();

  /**
   * Kiosk and lobby accounts were refused by SYNC_ROLES already; a technician pulls what it works.
   * Every desk — an agent's, a manager's or an administrator's — pulls its sync scope (ADR 0020):
   * every desk evicts by it, so a wider pull would only bring rows to evict.
   */
  const scopeOf = async (agent: User, recentDays: number): Promise<PullScope> => {
    const groupIds = await groupsOfUser(db, agent.id);
    const desk = { agentId: agent.id, groupIds, recentDays, now: now() };
    return dataScopeOf(agent.roles) === 'everything'
      ? { ...EVERYTHING, desk }
      : { kind: 'worked', userId: agent.id, groupIds, desk };
  };

  app.post(`${API_PREFIX}/sync/push`, { bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    const { agent } = await sessions.authenticate(request.headers.authorization, SYNC_ROLES);
    const push = parseInput(PushRequest, request.body);
    const { [POKE_STREAM_HEADER]: pusherStream } = parseInput(PushHeaders, {
      [POKE_STREAM_HEADER]: request.headers[POKE_STREAM_HEADER],
    });
    const { changed, clockAdjusted, ...response } = await applyPush(db, push, agent, now);
    if (clockAdjusted.length > 0) {
      // Applied at the server's bounds, marked in the mutations log and by a work note (ADR 0008).
      request.log.warn(
        { clientId: push.clientId, pushedBy: agent.id, clockAdjusted },
        "a desk's clock is out of bounds: its changes were applied at the server's time",
      );
    }
    if (changed) {
      // The pusher's own stream is skipped: its desk pulls after this answer anyway.
      const poke = pusherStream
        ? { topic: 'interactions' as const, except: pusherStream }
        : { topic: 'interactions' as const };
      await pokes.publish(poke).catch((error: unknown) => {
        // The change is committed; desks still catch up on their next pull or reconnect.
        request.log.warn({ err: error }, 'could not poke the other desks');
      });
    }
    return response;
  });

  app.post(`${API_PREFIX}/sync/pull`, async (request, reply) => {
    const { agent } = await sessions.authenticate(request.headers.authorization, SYNC_ROLES);
    // The settings travel with every answer: a desk evicts after a complete pull, by them.
    const settings = await readScopeSettings(db);
    const json = await pullJson(
      db,
      parseInput(PullRequest, request.body),
      SYNC_LIMITS.recordsPerPull,
      records,
      await scopeOf(agent, settings.recentDays),
      settings,
    );
    return reply.type('application/json; charset=utf-8').send(json);
  });

  // A first sync: the desk's whole scope as NDJSON, compressed as it streams (ADR 0020). The
  // transaction reads at the database's pace into the stream, never at the client's.
  app.post(`${API_PREFIX}/sync/snapshot`, async (request, reply) => {
    const { agent } = await sessions.authenticate(request.headers.authorization, SYNC_ROLES);
    const input = parseInput(SnapshotRequest, request.body);
    const settings = await readScopeSettings(db);
    const scope = await scopeOf(agent, settings.recentDays);
    const desk = scope.desk;
    if (!desk) throw new Error('every desk pulls by its scope');
    const out = new PassThrough();
    readSnapshot(db, input, { ...scope, desk }, settings, (line) => out.write(`${line}\n`)).then(
      () => out.end(),
      (error: unknown) => {
        // The end line never comes: the desk sees a cut-off answer and asks again later.
        request.log.error({ err: error }, 'the snapshot could not be read');
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return reply
      .type('application/x-ndjson; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(out);
  });

  // Never compressed: a poke must leave at once, not wait in a compressor (http/compression.ts).
  app.get(`${API_PREFIX}/sync/events`, { compress: false }, async (request, reply) => {
    const { agent, tokenHash } = await sessions.authenticate(
      request.headers.authorization,
      SYNC_ROLES,
    );
    const stream = streams.open(request.raw, { tokenHash, userId: agent.id });
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      .header('x-accel-buffering', 'no')
      .send(stream);
  });
}
