// The kiosk's endpoints (kiosk role only): check in by employee id, email or badge number, or as a
// guest; where one's own visit stands; the exit survey; and a location's walk-up summary for the
// kiosk and lobby pages. Never lists the directory nor names anyone but the person checking in.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Id, type User } from '../../shared/domain/directory';
import type { StoreError } from '../../shared/domain/result';
import type { Visit } from '../../shared/domain/visit';
import type { WalkUpLocation } from '../../shared/domain/walk-up-location';
import { locationSummary } from '../../shared/domain/lobby-board';
import { API_PREFIX } from '../../shared/sync/server-api';
import {
  KioskCheckInRequest,
  KioskSurveyRequest,
  type KioskVisitStatus,
  type WalkUpLocationSummary,
} from '../../shared/sync/walk-up-api';
import { ApiError, parseInput } from '../http/api-error';
import type { RouteDeps } from '../http/route-deps';
import { applyAsKiosk } from './kiosk-apply';
import { identifyPerson, NOT_RECOGNIZED } from './kiosk-identify';
import { kioskStatus } from './kiosk-status';
import { findVisit, findWalkUpLocation, locationVisits } from './walk-up-reads';

const KIOSK = ['kiosk'] as const;
/** The pages beyond the desk read a location's summary; so may the desks (nothing in it is private). */
const WALK_UP_PAGES = ['kiosk', 'lobby', 'agent', 'technician', 'manager', 'admin'] as const;

const IdParam = z.strictObject({ id: Id });

const STATUS: Readonly<Record<StoreError['code'], number>> = {
  'invalid-input': 400,
  'not-found': 404,
  'not-permitted': 403,
  rule: 409,
  conflict: 409,
  'unknown-operation': 400,
  'not-ready': 503,
  internal: 500,
};

const refusal = (reason: StoreError): ApiError =>
  new ApiError(
    STATUS[reason.code],
    reason.code,
    reason.message,
    reason.fieldErrors ? { fieldErrors: reason.fieldErrors } : {},
  );

export function kioskRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, sessions, now } = deps;

  const activeLocation = async (id: string): Promise<WalkUpLocation> => {
    const location = await findWalkUpLocation(db, id);
    if (!location || !location.active)
      throw new ApiError(404, 'not-found', `There is no walk-up location ${id} on the server.`);
    return location;
  };

  /** The visit, when this kiosk account checked it in; any other is none of its business. */
  const ownVisit = async (kiosk: User, id: string): Promise<Visit> => {
    const visit = await findVisit(db, id);
    if (!visit || visit.checkedInBy !== kiosk.id)
      throw new ApiError(404, 'not-found', 'This kiosk has no such visit.');
    return visit;
  };

  const statusOf = async (visit: Visit): Promise<KioskVisitStatus> => {
    const at = now();
    const location = await findWalkUpLocation(db, visit.location);
    const visits = await locationVisits(db, visit.location, at);
    return kioskStatus(visit, location ?? { id: visit.location, vipFirst: false }, visits, at);
  };

  const applyDeps = (request: FastifyRequest) => ({ ...deps, log: request.log });

  app.post(`${API_PREFIX}/kiosk/check-ins`, async (request, reply) => {
    const { agent: kiosk } = await sessions.authenticate(request.headers.authorization, KIOSK);
    const input = parseInput(KioskCheckInRequest, request.body);
    const location = await activeLocation(input.location);
    const existing = await findVisit(db, input.id);
    if (existing) {
      // A retry of this kiosk's own check-in is the same visit; another's id is not for reuse.
      if (existing.checkedInBy !== kiosk.id)
        throw new ApiError(409, 'conflict', 'This check-in id is taken. Start again.');
      return reply.status(200).send(await statusOf(existing));
    }
    let person: { id: string; name: string; vip: boolean } | null = null;
    if (input.identifier !== '') {
      person = (await identifyPerson(db, input.identifier)) ?? null;
      if (!person)
        throw new ApiError(400, 'invalid-input', NOT_RECOGNIZED, {
          fieldErrors: { identifier: NOT_RECOGNIZED },
        });
    }
    const applied = await applyAsKiosk(applyDeps(request), kiosk, 'visit.checkIn', {
      id: input.id,
      location: location.id,
      person: person?.id ?? null,
      guestName: person ? '' : input.guestName,
      displayName: person?.name ?? '',
      vip: person?.vip ?? false,
      reason: input.reason,
      reasonDetail: input.reasonDetail,
      channel: 'kiosk',
    });
    if (!applied.ok) throw refusal(applied.reason);
    const visit = await findVisit(db, input.id);
    if (!visit) throw new Error('a kiosk check-in was applied but its visit is not there');
    return reply.status(201).send(await statusOf(visit));
  });

  app.get(`${API_PREFIX}/kiosk/visits/:id`, async (request): Promise<KioskVisitStatus> => {
    const { agent: kiosk } = await sessions.authenticate(request.headers.authorization, KIOSK);
    const { id } = parseInput(IdParam, request.params);
    return statusOf(await ownVisit(kiosk, id));
  });

  app.post(`${API_PREFIX}/kiosk/visits/:id/survey`, async (request): Promise<KioskVisitStatus> => {
    const { agent: kiosk } = await sessions.authenticate(request.headers.authorization, KIOSK);
    const { id } = parseInput(IdParam, request.params);
    const answer = parseInput(KioskSurveyRequest, request.body);
    await ownVisit(kiosk, id);
    const applied = await applyAsKiosk(applyDeps(request), kiosk, 'visit.rate', { id, ...answer });
    if (!applied.ok) throw refusal(applied.reason);
    return statusOf(await ownVisit(kiosk, id));
  });

  app.get(
    `${API_PREFIX}/walk-up/locations/:id`,
    async (request): Promise<WalkUpLocationSummary> => {
      await sessions.authenticate(request.headers.authorization, WALK_UP_PAGES);
      const { id } = parseInput(IdParam, request.params);
      return locationSummary(await activeLocation(id));
    },
  );
}
