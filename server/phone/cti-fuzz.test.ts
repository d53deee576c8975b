// The CTI endpoint fuzzed with fast-check: whatever a phone system (or anyone) sends, in JSON or
// form data, the answer is never a 5xx; with a wrong or revoked token nothing at all is kept.

import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../testing/test-databases';
import { ctiServer, KNOWN, REVOKED_TOKEN, TOKEN } from './cti-testing';

const field = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('newCall', 'answer', 'hangup', 'in', 'out', KNOWN, 'anonymous', '', '+', '0'),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

const eventBody = fc.record(
  {
    event: fc.oneof(fc.constantFrom('newCall', 'answer', 'hangup'), field),
    callId: fc.oneof(fc.constantFrom('z-1', 'z-2', 'z-3'), field),
    from: field,
    to: field,
    direction: field,
    user: field,
    'user[]': field,
    queue: field,
    answeringNumber: field,
    cause: field,
  },
  { requiredKeys: [] },
);

const formOf = (body: Record<string, unknown>): string =>
  Object.entries(body)
    .flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v]).map(
        (x) =>
          `${encodeURIComponent(k)}=${encodeURIComponent(typeof x === 'string' ? x : (JSON.stringify(x) ?? ''))}`,
      ),
    )
    .join('&');

describeOnDatabases('the CTI endpoint, fuzzed', (suite) => {
  it('never answers a 5xx, and a wrong token keeps nothing', async () => {
    const database = suite.database();
    const app = await ctiServer(database);
    try {
      const kept = async () =>
        (await database.db.selectFrom('cti_events').select('id').execute()).length +
        (await database.db.selectFrom('calls').select('id').execute()).length;
      await fc.assert(
        fc.asyncProperty(
          eventBody,
          fc.constantFrom('json', 'form', 'raw'),
          fc.oneof(
            fc.constant(TOKEN),
            fc.constant(REVOKED_TOKEN),
            fc.string({ minLength: 1, maxLength: 60 }),
          ),
          fc.string({ maxLength: 40 }),
          async (body, as, token, raw) => {
            const before = await kept();
            const payload =
              as === 'json' ? JSON.stringify(body) : as === 'form' ? formOf(body) : raw;
            const reply = await app.inject({
              method: 'POST',
              url: `/api/v1/cti/${encodeURIComponent(token)}`,
              headers: {
                'content-type':
                  as === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
              },
              payload,
            });
            expect(reply.statusCode, reply.body).toBeLessThan(500);
            expect(() => JSON.parse(reply.body) as unknown).not.toThrow();
            if (token !== TOKEN) expect(await kept()).toBe(before);
          },
        ),
        { numRuns: 150 },
      );
    } finally {
      await app.close();
    }
  }, 120_000);
});
