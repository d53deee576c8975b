// The read API over incidents and requests, for integrations and for checking what reached the
// server: filtered newest-first lists with a cursor, and one record by number, each with its related
// interactions. Read-only; it never answers work notes unless the caller named them (`include=workNotes`).

import type { FastifyInstance } from 'fastify';
import {
  API_PREFIX,
  IncidentListQuery,
  IncidentNumberParam,
  InteractionQuery,
  RequestListQuery,
  RequestNumberParam,
  type IncidentList,
  type ReadApiIncident,
  type ReadApiRequest,
  type RequestList,
} from '../../shared/sync/server-api';
import { ApiError, parseInput } from '../http/api-error';
import { decodePage, readApiPage, shown } from '../http/read-api';
import { READ_API_ROLES, type RouteDeps } from '../http/route-deps';
import {
  findIncidentByNumber,
  findRequestByNumber,
  listIncidents,
  listRequests,
} from './task-store';

export function taskRoutes(app: FastifyInstance, { db, sessions }: RouteDeps): void {
  app.get(`${API_PREFIX}/incidents`, async (request): Promise<IncidentList> => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const query = parseInput(IncidentListQuery, request.query);
    const rows = await listIncidents(db, {
      state: query.state,
      component: query.component,
      caller: query.caller,
      updatedSince: query.updatedSince,
      beforeSeq: decodePage(query.cursor),
      limit: query.limit + 1,
    });
    const page = readApiPage(rows, query.limit, query.include);
    return { incidents: page.records, nextCursor: page.nextCursor };
  });

  app.get(`${API_PREFIX}/incidents/:number`, async (request): Promise<ReadApiIncident> => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const { number } = parseInput(IncidentNumberParam, request.params);
    const { include } = parseInput(InteractionQuery, request.query);
    const incident = await findIncidentByNumber(db, number);
    if (!incident)
      throw new ApiError(404, 'not-found', `There is no incident ${number} on the server.`);
    return shown(incident, include);
  });

  app.get(`${API_PREFIX}/requests`, async (request): Promise<RequestList> => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const query = parseInput(RequestListQuery, request.query);
    const rows = await listRequests(db, {
      state: query.state,
      requestedFor: query.requestedFor,
      updatedSince: query.updatedSince,
      beforeSeq: decodePage(query.cursor),
      limit: query.limit + 1,
    });
    const page = readApiPage(rows, query.limit, query.include);
    return { requests: page.records, nextCursor: page.nextCursor };
  });

  app.get(`${API_PREFIX}/requests/:number`, async (request): Promise<ReadApiRequest> => {
    await sessions.authenticate(request.headers.authorization, READ_API_ROLES);
    const { number } = parseInput(RequestNumberParam, request.params);
    const { include } = parseInput(InteractionQuery, request.query);
    const found = await findRequestByNumber(db, number);
    if (!found)
      throw new ApiError(404, 'not-found', `There is no request ${number} on the server.`);
    return shown(found, include);
  });
}
