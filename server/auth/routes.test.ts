// The sign-in limits: an office of desks behind one address signs in at once, a password guesser
// is stopped per user name, and a flood per address; each 429 says why in JSON, with Retry-After.

import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../shared/domain/directory';
import { ApiError } from '../http/api-error';
import { registerErrorHandling } from '../http/error-handling';
import type { RouteDeps } from '../http/route-deps';
import { memoryPokeBus } from '../sync/poke-bus';
import type { Sessions } from './sessions';
import { DEFAULT_SIGN_IN_LIMITS, sessionRoutes, type SessionRouteOptions } from './routes';

const OFFICE = '203.0.113.7';
const ELSEWHERE = '198.51.100.20';

const agent = (userName: string): User => ({
  id: userName,
  userName,
  firstName: '',
  lastName: '',
  name: userName,
  email: '',
  phone: '',
  employeeId: '',
  department: '',
  location: '',
  vip: false,
  active: true,
  mobile: '',
  phoneE164: '',
  mobileE164: '',
  roles: ['agent'],
});

/** Sessions that know one password for everyone: the limits are what is under test. */
const sessions: Sessions = {
  signIn: (userName, password) =>
    password === 'right'
      ? Promise.resolve({
          token: 't',
          expiresAt: '2026-12-01T00:00:00.000Z',
          agent: agent(userName),
        })
      : Promise.reject(
          new ApiError(401, 'unauthorized', 'The user name or password is not right.'),
        ),
  authenticate: () => Promise.reject(new Error('not used')),
  signOut: () => Promise.reject(new Error('not used')),
  endAllOf: () => Promise.reject(new Error('not used')),
  createLaunchCode: () => Promise.reject(new Error('not used')),
  exchangeLaunchCode: () => Promise.reject(new Error('not used')),
  living: () => Promise.reject(new Error('not used')),
  openFor: () => Promise.reject(new Error('not used')),
  changePassword: () => Promise.reject(new Error('not used')),
};

let app: FastifyInstance;

const DEFAULTS: SessionRouteOptions = {
  signInRateLimit: DEFAULT_SIGN_IN_LIMITS.perAddress,
  signInPerUserName: DEFAULT_SIGN_IN_LIMITS.perUserName,
};

async function server(options: SessionRouteOptions): Promise<FastifyInstance> {
  const built = Fastify();
  registerErrorHandling(built);
  await built.register(fastifyRateLimit, { global: false });
  sessionRoutes(
    built,
    { sessions, pokes: memoryPokeBus(), db: undefined as unknown as RouteDeps['db'] },
    options,
  );
  await built.ready();
  return built;
}

const signIn = (userName: string, password: string, from = OFFICE) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { userName, password },
    remoteAddress: from,
  });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T09:00:00.000Z'));
});
afterEach(async () => {
  vi.useRealTimers();
  await app.close();
});

describe('sign-in limits', () => {
  it('lets an office of 40 desks behind one address sign in at 9:00, a wrong password or two included', async () => {
    app = await server(DEFAULTS);
    for (let desk = 1; desk <= 40; desk++) {
      if (desk % 5 === 0) expect((await signIn(`agent.${desk}`, 'typo')).statusCode).toBe(401);
      expect((await signIn(`agent.${desk}`, 'right')).statusCode).toBe(201);
    }
  });

  it('stops a guesser after 10 tries a minute for one user name from one address', async () => {
    app = await server(DEFAULTS);
    for (let i = 0; i < 10; i++)
      expect((await signIn('demo.agent', `guess-${i}`)).statusCode).toBe(401);
    const limited = await signIn('DEMO.Agent', 'right');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      error: {
        code: 'too-many-requests',
        message:
          'Too many sign-in attempts for this user name from this network address. Try again in 60 seconds.',
      },
    });
    expect(limited.headers['retry-after']).toBe('60');

    // The rest of the office, and the same agent at another address, are not held up.
    expect((await signIn('demo.technician', 'right')).statusCode).toBe(201);
    expect((await signIn('demo.agent', 'right', ELSEWHERE)).statusCode).toBe(201);

    // A minute later the user name may try again.
    vi.setSystemTime(new Date('2026-11-23T09:00:45.000Z'));
    expect((await signIn('demo.agent', 'right')).headers['retry-after']).toBe('15');
    vi.setSystemTime(new Date('2026-11-23T09:01:00.500Z'));
    expect((await signIn('demo.agent', 'right')).statusCode).toBe(201);
  });

  it('caps all tries from one address, whatever the user names', async () => {
    app = await server({ signInRateLimit: { max: 5, timeWindowMs: 60_000 } });
    for (let i = 0; i < 5; i++) expect((await signIn(`user.${i}`, 'wrong')).statusCode).toBe(401);
    const limited = await signIn('user.5', 'right');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      error: {
        code: 'too-many-requests',
        message: 'Too many sign-in attempts from this network address. Try again in 60 seconds.',
      },
    });
    expect(limited.headers['retry-after']).toBe('60');
    // Bad input counts too: the ceiling is checked before the body is read.
    expect((await signIn('', '')).statusCode).toBe(429);
    expect((await signIn('user.5', 'right', ELSEWHERE)).statusCode).toBe(201);
  });

  it('can be switched off', async () => {
    app = await server({ signInRateLimit: false });
    for (let i = 0; i < 30; i++) expect((await signIn('demo.agent', 'wrong')).statusCode).toBe(401);
  });
});
