// The read API over calls: `GET /api/v1/calls?state=&queue=&caller=&since=` (newest first, with a
// cursor) and `GET /api/v1/calls/{id or number}`. Read-all roles only; never writes.

import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Call } from '../../shared/domain/call';
import {
  CALL_NUMBER,
  CallListQuery,
  CallParam,
  type CallList,
} from '../../shared/sync/calls-read-api';
import { API_PREFIX } from '../../shared/sync/server-api';
import { findByNumber } from '../db/record-tables';
import { toNumber } from '../db/values';
import { ApiError, parseInput } from '../http/api-error';
import { decodePage, encodePage } from '../http/read-api';
import { READ_API_ROLES, type RouteDeps } from '../http/route-deps';

export function callRoutes(app: FastifyInstance, { db, sessions }: RouteDeps): void {
  app.get(`${API_PREFIX}/calls`, async (request): Promise<CallList> => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const query = parseInput(CallListQuery, request.query);
    let select = db.selectFrom('calls').select(['record', 'seq']);
    if (query.state) select = select.where('state', '=', query.state);
    if (query.queue) select = select.where('queue', '=', query.queue);
    if (query.caller) select = select.where('caller', '=', query.caller);
    if (query.since)
      select = select.where('updated_at', '>=', sql<Date>`${query.since}::timestamptz`);
    const before = decodePage(query.cursor);
    if (before !== undefined) select = select.where('seq', '<', before);
    const rows = await select
      .orderBy('seq', 'desc')
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      // The record column holds only what the CTI reducer and the shared mutators produced.
      calls: page.map((r) => r.record as Call),
      nextCursor: rows.length > query.limit && last ? encodePage(toNumber(last.seq)) : null,
    };
  });

  app.get(`${API_PREFIX}/calls/:call`, async (request): Promise<Call> => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const { call } = parseInput(CallParam, request.params);
    const found = CALL_NUMBER.test(call)
      ? await findByNumber<Call>(db, 'calls', call)
      : ((await db.selectFrom('calls').select('record').where('id', '=', call).executeTakeFirst())
          ?.record as Call | undefined);
    if (!found) throw new ApiError(404, 'not-found', `There is no call ${call} on the server.`);
    return found;
  });
}
