// The generic CTI endpoint (Zammad's): `POST /api/v1/cti/{token}` with newCall, answer and hangup
// as JSON or form data. The token names the integration (its hash is looked up; a revoked or
// unknown one is refused and nothing is kept); every event of a known token is kept in cti_events
// with its outcome; the answer is `{}`, or `{"action":"reject"}` for a blocked caller. Bad input
// is a 400 with a clear message; out-of-order and unknown events are answered `{}`, never a 5xx.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CTI_EVENTS, CtiEvent, type CtiReply } from '../../shared/domain/call';
import { API_PREFIX } from '../../shared/sync/server-api';
import { DEFAULT_PHONE_REGION } from '../directory/phone-e164';
import { ApiError, parseInput } from '../http/api-error';
import type { RouteDeps } from '../http/route-deps';
import { applyCti, recordCtiEvent } from './cti-apply';
import { foldedBody, formFields } from './cti-body';
import { integrationByHash, type IntegrationRow } from './cti-lookups';
import { hashIntegrationToken } from './integration-token';
import { coalescePokes } from '../sync/poke-throttle';

export const CTI_ROUTE = `${API_PREFIX}/cti/:token`;

/** Per token: far above what one phone system sends (100 events a second must all pass). */
export const CTI_RATE_LIMIT = { max: 2_000, timeWindowMs: 1_000 };

/**
 * Events within this long of the last poke reach the desks in one poke at its end: a burst of
 * calls makes each desk pull ten times a second, not once per event; a lone call is not delayed.
 */
export const CTI_POKE_WINDOW_MS = 100;

/** A CTI event is a few hundred bytes; a body of more is not one. */
const CTI_BODY_LIMIT = 64 * 1024;

const TokenParam = z.strictObject({
  token: z.string().min(1, 'The CTI token is missing.').max(200, 'This is not a CTI token.'),
});

const tokenOf = (request: FastifyRequest): string => {
  const params = request.params as { token?: unknown };
  return typeof params.token === 'string' ? params.token : '';
};

export function ctiRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const region = deps.phoneRegion ?? DEFAULT_PHONE_REGION;
  const pokes = coalescePokes(deps.pokes, CTI_POKE_WINDOW_MS);
  app.addHook('onClose', async () => {
    await pokes.close();
  });

  const integrationOf = async (token: string): Promise<IntegrationRow> => {
    const integration = await integrationByHash(deps.db, hashIntegrationToken(token));
    if (!integration)
      throw new ApiError(
        404,
        'not-found',
        'No integration has this CTI token: check the URL the phone system calls (Administration → Integrations shows it once, when it is created).',
      );
    if (integration.revoked)
      throw new ApiError(
        401,
        'unauthorized',
        'This CTI token was revoked: create a new integration in Administration → Integrations and give the phone system its URL.',
      );
    return integration;
  };

  // Form data only for this route (its own scope): the other routes take JSON alone.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: CTI_BODY_LIMIT },
      (_request, body, parsed) => {
        parsed(null, formFields(typeof body === 'string' ? body : body.toString('utf8')));
      },
    );
    scope.post(
      CTI_ROUTE,
      {
        bodyLimit: CTI_BODY_LIMIT,
        config: {
          rateLimit: {
            max: CTI_RATE_LIMIT.max,
            timeWindow: CTI_RATE_LIMIT.timeWindowMs,
            // One budget per integration token (hashed: the key never holds the secret).
            keyGenerator: (request: FastifyRequest) =>
              `cti:${hashIntegrationToken(tokenOf(request))}`,
          },
        },
      },
      async (request): Promise<CtiReply> => {
        const { token } = parseInput(TokenParam, request.params);
        const integration = await integrationOf(token);
        const at = deps.now();
        const body = foldedBody(request.body);
        if (body === null) {
          await recordCtiEvent(
            deps.db,
            integration.id,
            '',
            '',
            request.body ?? null,
            'invalid',
            at,
          );
          throw new ApiError(
            400,
            'invalid-input',
            'A CTI event is an object of fields (JSON or form data).',
          );
        }
        const name = body.event;
        const callIdOf = () => (typeof body.callId === 'string' ? body.callId : '');
        // An event this server does not know (a phone system's own): kept and answered, as Zammad does.
        if (
          typeof name === 'string' &&
          name !== '' &&
          !(CTI_EVENTS as readonly string[]).includes(name)
        ) {
          await recordCtiEvent(deps.db, integration.id, callIdOf(), name, body, 'ignored', at);
          return {};
        }
        const parsed = CtiEvent.safeParse(body);
        if (!parsed.success) {
          await recordCtiEvent(
            deps.db,
            integration.id,
            callIdOf(),
            typeof name === 'string' ? name : '',
            body,
            'invalid',
            at,
          );
          parseInput(CtiEvent, body);
          throw new ApiError(400, 'invalid-input', 'This is not a CTI event.');
        }
        const applied = await applyCti(
          { db: deps.db, now: deps.now, region },
          integration,
          parsed.data,
          body,
        );
        await touchIntegration(deps, integration.id, at);
        if (applied.changed)
          // The desks pull now and pop the banner; a lost poke is caught up by the next pull.
          await pokes.publish({ topic: 'interactions' }).catch((error: unknown) => {
            request.log.warn({ err: error }, 'could not poke the desks after a CTI event');
          });
        return applied.reply;
      },
    );
    done();
  });
}

/** last_used_at, at most once a minute per integration (no row lock on every event). */
async function touchIntegration(deps: RouteDeps, id: string, at: Date): Promise<void> {
  await deps.db
    .updateTable('integrations')
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('last_used_at', 'is', null),
        eb('last_used_at', '<', new Date(at.getTime() - 60_000)),
      ]),
    )
    .execute();
}
