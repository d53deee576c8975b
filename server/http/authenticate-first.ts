// Refuses a request that needs a session before its body is read: an unauthenticated client gets
// its 401 from the headers alone, so it cannot make the server read and parse megabytes first.
// It never decides roles (the route does, once it knows what is asked) and never reads a body.

import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../shared/sync/server-api';
import type { Sessions } from '../auth/sessions';
import { ANY_ROLE } from './route-deps';

/**
 * The only API routes that take a body without a session: signing in, by password or launch code,
 * the first administrator's setup (its code is checked by the route), and a phone system's CTI
 * events (the integration token in the path is checked by the route).
 */
const OPEN_WITH_BODY = new Set([
  `POST ${API_PREFIX}/sessions`,
  `POST ${API_PREFIX}/sessions/launch`,
  `POST ${API_PREFIX}/setup`,
  `POST ${API_PREFIX}/cti/:token`,
]);

const CARRIES_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function authenticateBeforeBody(
  app: FastifyInstance,
  sessions: Pick<Sessions, 'authenticate'>,
): void {
  app.addHook('onRequest', async (request) => {
    if (!CARRIES_BODY.has(request.method)) return;
    // The route's pattern, not the URL: unknown paths stay 404s, and a query string changes nothing.
    const route = request.routeOptions.url;
    if (route === undefined || !route.startsWith(`${API_PREFIX}/`)) return;
    if (OPEN_WITH_BODY.has(`${request.method} ${route}`)) return;
    // Only "is there a session": what the account may do is the route's to decide.
    await sessions.authenticate(request.headers.authorization, ANY_ROLE, {
      whileMustChangePassword: true,
    });
  });
}
