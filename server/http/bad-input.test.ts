import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/sync/server-api';
import { createArgs, seedDirectory, signIn, testServer, type ApiClient } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

describeOnDatabases('bad input over HTTP', (suite) => {
  let app: FastifyInstance;
  let desk: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    desk = await signIn(app);
  });
  afterEach(() => app.close());

  const raw = (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: string,
    contentType = 'application/json',
  ) =>
    app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${desk.token ?? ''}`,
        ...(payload === undefined ? {} : { 'content-type': contentType }),
      },
      ...(payload === undefined ? {} : { payload }),
    });

  const errorOf = (body: string): ApiErrorBody['error'] => (JSON.parse(body) as ApiErrorBody).error;

  const mutation = {
    mutationId: 1,
    name: 'interaction.create',
    args: createArgs('i-1'),
    at: '2026-11-23T10:00:00Z',
    actorId: 'agent-1',
  };

  it('answers 400 with a readable message to malformed JSON', async () => {
    for (const body of ['{', '{"clientId": }', 'null x', '']) {
      const reply = await raw('POST', '/api/v1/sync/push', body);
      expect(reply.statusCode, body).toBe(400);
      expect(errorOf(reply.body).code).toBe('invalid-input');
    }
    expect(errorOf((await raw('POST', '/api/v1/sync/pull', '{')).body).message).toBe(
      'The request body is not valid JSON.',
    );
  });

  it('answers 400 naming the field for wrong types, unknown fields and huge values', async () => {
    const cases: [unknown, string][] = [
      [{ clientId: 5, mutations: [mutation] }, 'clientId'],
      [{ clientId: 'desk', mutations: 'all of them' }, 'mutations'],
      [{ clientId: 'desk', mutations: [] }, 'mutations'],
      [
        { clientId: 'desk', mutations: [{ ...mutation, mutationId: 1.5 }] },
        'mutations.0.mutationId',
      ],
      [
        { clientId: 'desk', mutations: [{ ...mutation, mutationId: 2 ** 60 }] },
        'mutations.0.mutationId',
      ],
      [
        { clientId: 'desk', mutations: [{ ...mutation, mutationId: -1 }] },
        'mutations.0.mutationId',
      ],
      [{ clientId: 'desk', mutations: [{ ...mutation, at: 'yesterday' }] }, 'mutations.0.at'],
      [
        { clientId: 'desk', mutations: [{ ...mutation, at: '0000-01-01T00:00:00Z' }] },
        'mutations.0.at',
      ],
      [
        { clientId: 'desk', mutations: [{ ...mutation, at: '2026-02-30T10:00:00Z' }] },
        'mutations.0.at',
      ],
      [{ clientId: 'desk', mutations: [{ ...mutation, colour: 'blue' }] }, 'mutations.0'],
      [{ clientId: 'desk', mutations: [mutation], extra: true }, '_'],
      [{ clientId: 'x'.repeat(65), mutations: [mutation] }, 'clientId'],
      [
        { clientId: 'desk', mutations: [mutation, { ...mutation, mutationId: 3 }] },
        'mutations.1.mutationId',
      ],
      [
        {
          clientId: 'desk',
          mutations: Array.from({ length: 201 }, (_, i) => ({ ...mutation, mutationId: i + 1 })),
        },
        'mutations',
      ],
      [[mutation], '_'],
      ['push', '_'],
    ];
    for (const [body, field] of cases) {
      const reply = await raw('POST', '/api/v1/sync/push', JSON.stringify(body));
      expect(reply.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      const error = errorOf(reply.body);
      expect(error.code).toBe('invalid-input');
      expect(Object.keys(error.fieldErrors ?? {}), JSON.stringify(body).slice(0, 80)).toContain(
        field,
      );
    }
    const pullCases = [
      { clientId: 'd' },
      { clientId: 'd', cursor: null, firstPendingMutationId: 0 },
      { clientId: 'd', cursor: {} },
    ];
    for (const body of pullCases)
      expect((await raw('POST', '/api/v1/sync/pull', JSON.stringify(body))).statusCode).toBe(400);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { userName: 'a', password: 'b', admin: true },
    });
    expect(signIn.statusCode).toBe(400);
  });

  it('refuses a body that is too large, or not JSON, with 413 and 415', async () => {
    const big = JSON.stringify({
      clientId: 'desk',
      cursor: null,
      padding: 'x'.repeat(2 * 1024 * 1024),
    });
    const tooLarge = await raw('POST', '/api/v1/sync/pull', big);
    expect(tooLarge.statusCode).toBe(413);
    expect(errorOf(tooLarge.body).code).toBe('payload-too-large');
    const text = await raw(
      'POST',
      '/api/v1/sync/pull',
      'clientId=desk',
      'application/x-www-form-urlencoded',
    );
    expect(text.statusCode).toBe(415);
    expect(errorOf(text.body).code).toBe('unsupported-media-type');
  });

  it('answers 400, not 500, to deeply nested JSON, and stores nothing of it', async () => {
    const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const objects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const pushWithArgs = (args: string) =>
      `{"clientId":"desk","mutations":[${JSON.stringify({ ...mutation, args: 0 }).replace('"args":0', `"args":${args}`)}]}`;
    for (const depth of [33, 100, 3000, 20_000, 200_000]) {
      for (const nested of [arrays(depth), objects(depth)]) {
        const reply = await raw('POST', '/api/v1/sync/push', pushWithArgs(nested));
        expect(reply.statusCode, `depth ${depth}`).toBe(400);
        const error = errorOf(reply.body);
        expect(error.code).toBe('invalid-input');
        expect(error.fieldErrors?.['mutations.0.args']).toMatch(/nested more than 32 levels/);
      }
    }
    expect(
      await suite.database().db.selectFrom('mutations').select('mutation_id').execute(),
    ).toEqual([]);
    // Up to the limit the push is read, and the mutation refused on its own like any bad args.
    const fine = await raw('POST', '/api/v1/sync/push', pushWithArgs(objects(31)));
    expect(fine.statusCode).toBe(200);
    expect(fine.json()).toMatchObject({ lastMutationId: 1, refused: [{ mutationId: 1 }] });

    // Bodies with no place for nesting are refused at their shape, at any depth.
    for (const depth of [100, 200_000]) {
      const deepPull = await raw(
        'POST',
        '/api/v1/sync/pull',
        `{"clientId":"d","cursor":${arrays(depth)}}`,
      );
      expect(deepPull.statusCode).toBe(400);
      const deepSignIn = await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        headers: { 'content-type': 'application/json' },
        payload: `{"userName":${arrays(depth)},"password":${objects(depth / 2)}}`,
      });
      expect(deepSignIn.statusCode).toBe(400);
      expect(errorOf(deepSignIn.body).code).toBe('invalid-input');
    }
    // Query strings do not nest: brackets are part of the name, which the strict schemas refuse.
    const bracketed = await raw('GET', `/api/v1/interactions?${'state['.repeat(500)}=New`);
    expect(bracketed.statusCode).toBe(400);
    const users = await raw('GET', `/api/v1/users?q[a][b][c]=x`);
    expect(users.statusCode).toBe(400);
  });

  it('refuses prototype pollution', async () => {
    const reply = await raw(
      'POST',
      '/api/v1/sync/pull',
      '{"clientId":"d","cursor":null,"__proto__":{"admin":true}}',
    );
    expect(reply.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers 400, not 500, to text PostgreSQL cannot store', async () => {
    // In a mutation's args: that one mutation is refused and the ones after it still go through.
    const nul = JSON.stringify({
      clientId: 'desk',
      mutations: [
        { ...mutation, args: createArgs('i-1', { description: 'a\u0000b' }) },
        { ...mutation, mutationId: 2, args: createArgs('i-2') },
      ],
    });
    const pushed = await raw('POST', '/api/v1/sync/push', nul);
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json()).toEqual({
      lastMutationId: 2,
      refused: [
        {
          mutationId: 1,
          reason: {
            code: 'invalid-input',
            message: 'Text may not contain the NUL character or broken Unicode.',
            fieldErrors: {
              description: 'Remove the NUL character or broken Unicode from this text.',
            },
          },
        },
      ],
    });
    const stored = await suite
      .database()
      .db.selectFrom('mutations')
      .select('args')
      .where('mutation_id', '=', 1)
      .executeTakeFirstOrThrow();
    expect((stored.args as { description: string }).description).toBe('a\ufffdb');
    const surrogate = await raw(
      'POST',
      '/api/v1/sync/pull',
      '{"clientId":"d","cursor":null,"x\\ud800":1}',
    );
    expect(surrogate.statusCode).toBe(400);
    const lone = await raw(
      'POST',
      '/api/v1/sync/push',
      JSON.stringify({ clientId: 'desk', mutations: [{ ...mutation, actorId: '\ud800' }] }),
    );
    expect(lone.statusCode).toBe(400);
    const signInNul = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { userName: 'a\u0000', password: 'b' },
    });
    expect(signInNul.statusCode).toBe(400);
    expect((await raw('GET', '/api/v1/users?q=%00')).statusCode).toBe(400);
    expect((await raw('GET', '/api/v1/interactions/IMS%00')).statusCode).toBe(400);
    expect((await raw('GET', '/api/v1/search?q=printer%00')).statusCode).toBe(400);
  });

  it('answers 404 in the same shape for an unknown API path', async () => {
    const reply = await raw('GET', '/api/v1/tickets');
    expect(reply.statusCode).toBe(404);
    expect(errorOf(reply.body)).toEqual({
      code: 'not-found',
      message: 'There is no GET /api/v1/tickets in the Deskpad API (/api/v1).',
    });
  });

  it('never answers 500 to any JSON at all, on any endpoint', async () => {
    const endpoints = ['/api/v1/sync/push', '/api/v1/sync/pull', '/api/v1/sessions'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        fc.jsonValue({ stringUnit: 'binary' }),
        async (url, body) => {
          const reply = await raw('POST', url, JSON.stringify(body));
          expect(reply.statusCode).toBeLessThan(500);
          expect(errorOf(reply.body).code).toEqual(expect.any(String));
        },
      ),
      { numRuns: 60 },
    );
    const pushShaped = fc.record({
      clientId: fc
        .string({ minLength: 1, maxLength: 8 })
        .map((s) => s.replace(/[^A-Za-z0-9]/g, 'a') || 'a'),
      mutations: fc.array(
        fc.record({
          mutationId: fc.constant(1),
          name: fc.constantFrom(
            'interaction.create',
            'interaction.update',
            'interaction.close',
            'interaction.addWorkNote',
            'nope',
          ),
          args: fc.oneof(
            fc.jsonValue({ stringUnit: 'binary' }),
            fc.record({
              id: fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }),
              openedFor: fc.constant(null),
              contactEmail: fc.constant(''),
              contactPhone: fc.constant(''),
              type: fc.constant('Phone'),
              component: fc.constant(null),
              assignmentGroup: fc.constant(null),
              assignedTo: fc.constant(null),
              shortDescription: fc.string({ unit: 'binary', minLength: 1, maxLength: 160 }),
              description: fc.string({ unit: 'binary' }),
            }),
          ),
          at: fc.oneof(
            fc.constant('2026-11-23T10:00:00Z'),
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          ),
          actorId: fc.oneof(
            fc.constantFrom('agent-1', 'caller-1'),
            fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }),
          ),
        }),
        { minLength: 1, maxLength: 1 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(pushShaped, async (body) => {
        const reply = await raw('POST', '/api/v1/sync/push', JSON.stringify(body));
        expect(reply.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it('answers query strings of any kind with 2xx or 4xx', async () => {
    const paths = [
      '/api/v1/interactions',
      '/api/v1/interactions/IMS0001001',
      '/api/v1/users',
      '/api/v1/configuration-items',
      '/api/v1/directory',
      '/api/v1/search',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.dictionary(
          fc.constantFrom(
            'q',
            'limit',
            'cursor',
            'state',
            'updatedSince',
            'openedFor',
            'include',
            'kind',
            'x',
          ),
          fc.string({ maxLength: 300 }),
        ),
        async (path, query) => {
          const reply = await raw('GET', `${path}?${new URLSearchParams(query).toString()}`);
          expect(reply.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
  });
});
