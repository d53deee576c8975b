// Issue 10, hole 4 (event streams): a stream closes when its session ends — sign-out, sign out
// everywhere, an admin's revocation on another instance, expiry — and one token holds at most 3.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ServerDatabase } from '../db/open-database';
import { seedDirectory, signIn, testServer, type ApiClient } from '../testing/fixtures';
import { openEventStream, type SseReader } from '../testing/sse-reader';
import { describeOnDatabases } from '../testing/test-databases';

describeOnDatabases('event streams end with their session', (suite) => {
  const apps: FastifyInstance[] = [];
  const readers: SseReader[] = [];
  let clock: Date;

  beforeEach(async () => {
    clock = new Date('2026-11-23T09:00:00.000Z');
    await seedDirectory(suite.database());
  });
  afterEach(async () => {
    for (const reader of readers.splice(0)) reader.close();
    for (const app of apps.splice(0)) await app.close();
  });

  /** A server instance; the re-check is slow unless a test needs it, so a close proves the bus. */
  const listen = async (database: ServerDatabase, sseRecheckMs = 60_000) => {
    const app = await testServer(database, { now: () => clock, sseRecheckMs });
    apps.push(app);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    return { app, address };
  };

  /** Opens a stream and reads its connect poke. */
  const connected = async (address: string, desk: ApiClient) => {
    const events = await openEventStream(`${address}/api/v1/sync/events`, desk.token ?? '');
    readers.push(events);
    expect((await events.next()).event).toBe('poke');
    return events;
  };

  const ends = (events: SseReader) =>
    expect(events.next(() => true, 3000)).rejects.toThrow(/the event stream ended/);
  const staysOpen = (events: SseReader) =>
    expect(events.next(() => true, 300)).rejects.toThrow(/no matching event in time/);

  it('closes the stream when its token signs out, and only that one', async () => {
    const { app, address } = await listen(suite.database());
    const laptop = await signIn(app);
    const counter = await signIn(app);
    const mine = await connected(address, laptop);
    const other = await connected(address, counter);
    expect((await laptop.request('DELETE', '/api/v1/sessions/current')).status).toBe(204);
    await ends(mine);
    await staysOpen(other);
  });

  it('closes every stream of the agent on sign out everywhere, no one else', async () => {
    const { app, address } = await listen(suite.database());
    const laptop = await signIn(app);
    const counter = await signIn(app);
    const colleague = await signIn(app, 'bo.agent');
    const streams = [await connected(address, laptop), await connected(address, counter)];
    const theirs = await connected(address, colleague);
    expect((await counter.request('DELETE', '/api/v1/sessions')).status).toBe(204);
    for (const events of streams) await ends(events);
    await staysOpen(theirs);
  });

  it("closes an agent's streams on every instance when an admin revokes them on another", async () => {
    const other =
      suite.backend === 'postgres'
        ? await suite.source().reopen(suite.database())
        : suite.database();
    const one = await listen(suite.database());
    const two = await listen(other);
    const ana = await signIn(one.app);
    const onTwo = await connected(two.address, ana);
    const onOne = await connected(one.address, ana);
    const admin = await signIn(one.app, 'adam.admin');
    expect((await admin.request('DELETE', '/api/v1/agents/agent-1/sessions')).status).toBe(204);
    await ends(onOne);
    await ends(onTwo);
  });

  it('closes a stream when its session expires, or ends without a word (re-check)', async () => {
    const { app, address } = await listen(suite.database(), 100);
    const ana = await signIn(app);
    const bo = await signIn(app, 'bo.agent');
    const anaStream = await connected(address, ana);
    const boStream = await connected(address, bo);
    // Bo's desk is used on day 13, Ana's not: on day 14 her idle lifetime is over, his is not.
    clock = new Date('2026-12-06T09:00:00.000Z');
    expect((await bo.get('/api/v1/sessions/current')).status).toBe(200);
    clock = new Date('2026-12-07T09:00:00.000Z');
    await ends(anaStream);
    await staysOpen(boStream);
    // A session removed where no notice is sent (another tool, a lost NOTIFY) is found too.
    await suite.database().db.deleteFrom('sessions').execute();
    await ends(boStream);
  });

  it('lets one token hold 3 streams: a 4th closes the oldest', async () => {
    const { app, address } = await listen(suite.database());
    const ana = await signIn(app);
    const bo = await signIn(app, 'bo.agent');
    const boStream = await connected(address, bo);
    const oldest = await connected(address, ana);
    const newer = [await connected(address, ana), await connected(address, ana)];
    await staysOpen(oldest);
    const fourth = await connected(address, ana);
    await ends(oldest);
    for (const events of [...newer, fourth, boStream]) await staysOpen(events);
  });
});
