// Issue 10, hole 4 (sliding expiry): a session lives while it is used — each request moves its end
// to now + the idle lifetime, written at most once an hour — and never past the absolute lifetime.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ApiErrorBody, CurrentSessionResponse } from '../../shared/sync/server-api';
import { DEFAULT_AUTH_SETTINGS } from '../auth/sessions';
import { seedDirectory, signIn, testServer, type ApiClient } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const START = Date.parse('2026-11-23T09:00:00.000Z');
const at = (ms: number) => new Date(START + ms).toISOString();

describeOnDatabases('sessions live while used', (suite) => {
  let app: FastifyInstance;
  let clock: Date;
  const setClock = (ms: number) => {
    clock = new Date(START + ms);
  };

  beforeEach(async () => {
    setClock(0);
    await seedDirectory(suite.database());
    app = await testServer(suite.database(), { now: () => clock });
  });
  afterEach(() => app.close());

  const current = (desk: ApiClient) =>
    desk.get<CurrentSessionResponse & ApiErrorBody>('/api/v1/sessions/current');
  const storedExpiry = async () => {
    const row = await suite
      .database()
      .db.selectFrom('sessions')
      .select('expires_at')
      .executeTakeFirstOrThrow();
    return new Date(row.expires_at).toISOString();
  };

  it('defaults to 14 days unused and 30 days at most', () => {
    expect(DEFAULT_AUTH_SETTINGS.sessionIdleMs).toBe(14 * DAY);
    expect(DEFAULT_AUTH_SETTINGS.sessionMaxMs).toBe(30 * DAY);
  });

  it('slides the end with each use, writing it at most once an hour', async () => {
    const desk = await signIn(app);
    expect((await current(desk)).body.expiresAt).toBe(at(14 * DAY));

    setClock(10 * DAY);
    expect((await current(desk)).body.expiresAt).toBe(at(24 * DAY));
    expect(await storedExpiry()).toBe(at(24 * DAY));

    // Within the hour nothing is written: the stored end stays where it was.
    setClock(10 * DAY + 59 * 60 * 1000);
    expect((await current(desk)).body.expiresAt).toBe(at(24 * DAY));
    expect(await storedExpiry()).toBe(at(24 * DAY));
    setClock(10 * DAY + HOUR);
    expect((await current(desk)).body.expiresAt).toBe(at(24 * DAY + HOUR));

    // Used every few days, it lives to the absolute lifetime, and not a moment past it.
    for (const day of [16, 22, 28]) {
      setClock(day * DAY);
      expect((await current(desk)).status).toBe(200);
    }
    expect((await current(desk)).body.expiresAt).toBe(at(30 * DAY));
    setClock(30 * DAY - 1);
    expect((await current(desk)).status).toBe(200);
    setClock(30 * DAY);
    const ended = await current(desk);
    expect(ended.status).toBe(401);
    expect(ended.body.error.message).toBe('The session has ended. Sign in again.');
  });

  it('ends a session left unused for the idle lifetime', async () => {
    const desk = await signIn(app);
    setClock(3 * DAY);
    expect((await desk.get('/api/v1/users')).status).toBe(200);
    setClock(3 * DAY + 14 * DAY - 1);
    expect((await current(desk)).status).toBe(200);
    // That last use moved the end again; leaving it 14 days ends it.
    setClock(3 * DAY + 14 * DAY - 1 + 14 * DAY);
    expect((await current(desk)).status).toBe(401);
  });

  it("takes both lifetimes from the settings (the CLI's --session-idle-days / --session-max-days)", async () => {
    await app.close();
    app = await testServer(suite.database(), {
      now: () => clock,
      auth: { sessionIdleMs: 1 * DAY, sessionMaxMs: 2 * DAY },
    });
    const desk = await signIn(app);
    expect((await current(desk)).body.expiresAt).toBe(at(DAY));
    setClock(DAY - HOUR);
    expect((await current(desk)).body.expiresAt).toBe(at(2 * DAY - HOUR));
    setClock(2 * DAY - 2 * HOUR);
    expect((await current(desk)).body.expiresAt).toBe(at(2 * DAY));
    setClock(2 * DAY);
    expect((await current(desk)).status).toBe(401);
  });
});
