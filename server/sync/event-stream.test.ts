import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Poke, POKE_STREAM_HEADER } from '../../shared/sync/protocol';
import type { ServerDatabase } from '../db/open-database';
import { createArgs, DeskOutbox, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { openEventStream, type SseReader } from '../testing/sse-reader';
import { describeOnDatabases } from '../testing/test-databases';

describeOnDatabases('poking desks to pull', (suite) => {
  const apps: FastifyInstance[] = [];
  const readers: SseReader[] = [];

  beforeEach(async () => {
    await seedDirectory(suite.database());
  });
  afterEach(async () => {
    for (const reader of readers.splice(0)) reader.close();
    for (const app of apps.splice(0)) await app.close();
  });

  const listen = async (database: ServerDatabase) => {
    const app = await testServer(database, { sseHeartbeatMs: 50 });
    apps.push(app);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    return { app, address };
  };

  const stream = async (address: string, token: string) => {
    const reader = await openEventStream(`${address}/api/v1/sync/events`, token);
    readers.push(reader);
    return reader;
  };

  /** Opens a stream and reads the connect poke: answers the stream's id. */
  const connected = async (address: string, token: string) => {
    const events = await stream(address, token);
    const first = await events.next();
    expect(first.event).toBe('poke');
    const poke = Poke.parse(JSON.parse(first.data));
    expect(poke.topic).toBe('interactions');
    return { events, id: poke.stream ?? '' };
  };

  /** A push as a desk sends it, naming its own poke stream when it has one. */
  const pushAs = (app: FastifyInstance, token: string, body: unknown, stream?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: {
        authorization: `Bearer ${token}`,
        ...(stream === undefined ? {} : { [POKE_STREAM_HEADER]: stream }),
      },
      payload: body as Record<string, unknown>,
    });

  const noPoke = (events: SseReader) =>
    expect(events.next(() => true, 300)).rejects.toThrow(/no matching event/);

  it('pokes at once on connect, and again when another desk pushes a change', async () => {
    const { app, address } = await listen(suite.database());
    const desk = await signIn(app);
    const { events } = await connected(address, desk.token ?? '');

    const outbox = new DeskOutbox('desk-a');
    await desk.post(
      '/api/v1/sync/push',
      outbox.push([outbox.mutation('interaction.create', createArgs('i-1'))]),
    );
    expect(await events.next()).toEqual({ event: 'poke', data: '{"topic":"interactions"}' });
  });

  it('gives each stream its own id, and does not poke the stream of the desk that pushed', async () => {
    const { app, address } = await listen(suite.database());
    const ana = await signIn(app);
    const bo = await signIn(app, 'bo.agent');
    const own = await connected(address, ana.token ?? '');
    const other = await connected(address, bo.token ?? '');
    expect(own.id).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(other.id).not.toBe(own.id);

    const outbox = new DeskOutbox('desk-a');
    const push = outbox.push([outbox.mutation('interaction.create', createArgs('i-1'))]);
    expect((await pushAs(app, ana.token ?? '', push, own.id)).statusCode).toBe(200);
    // Every other desk is poked, and never told anyone's stream id.
    expect(await other.events.next()).toEqual({
      event: 'poke',
      data: '{"topic":"interactions"}',
    });
    await noPoke(own.events);

    // A desk that names no stream (or one that is gone) pokes everyone, itself included.
    const next = outbox.push([outbox.mutation('interaction.create', createArgs('i-2'))]);
    expect((await pushAs(app, ana.token ?? '', next)).statusCode).toBe(200);
    expect((await own.events.next()).event).toBe('poke');
    expect((await other.events.next()).event).toBe('poke');
  });

  it('refuses a malformed stream id before applying anything', async () => {
    const { app } = await listen(suite.database());
    const desk = await signIn(app);
    const outbox = new DeskOutbox('desk-a');
    const push = outbox.push([outbox.mutation('interaction.create', createArgs('i-1'))]);
    for (const bad of ['x', 'no spaces allowed here', 'é'.repeat(20), 'a'.repeat(65)]) {
      const reply = await pushAs(app, desk.token ?? '', push, bad);
      expect(reply.statusCode, bad).toBe(400);
      expect(
        Object.keys(reply.json<{ error: { fieldErrors: object } }>().error.fieldErrors),
      ).toEqual([POKE_STREAM_HEADER]);
    }
    const rows = await suite.database().db.selectFrom('mutations').select('mutation_id').execute();
    expect(rows).toEqual([]);
  });

  it('lets the desktop app send the stream header across origins', async () => {
    const { app } = await listen(suite.database());
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/sync/push',
      headers: {
        origin: 'app://deskpad',
        'access-control-request-method': 'POST',
        'access-control-request-headers': `authorization, content-type, ${POKE_STREAM_HEADER}`,
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain(POKE_STREAM_HEADER);
  });

  it('does not poke for a push that changed nothing', async () => {
    const { app, address } = await listen(suite.database());
    const desk = await signIn(app);
    const { events } = await connected(address, desk.token ?? '');
    const outbox = new DeskOutbox('desk-a');
    const push = outbox.push([outbox.mutation('interaction.create', createArgs('i-1'))]);
    await desk.post('/api/v1/sync/push', push);
    await events.next();
    await desk.post('/api/v1/sync/push', push);
    await noPoke(events);
  });

  it('refuses the stream without a token', async () => {
    const { address } = await listen(suite.database());
    const response = await fetch(`${address}/api/v1/sync/events`);
    expect(response.status).toBe(401);
  });

  it('ends open streams when the server closes', async () => {
    const { app, address } = await listen(suite.database());
    const desk = await signIn(app);
    const events = await stream(address, desk.token ?? '');
    await events.next();
    await app.close();
    apps.splice(apps.indexOf(app), 1);
    await expect(events.next(() => true, 2000)).rejects.toThrow(/ended/);
  });

  if (suite.backend === 'postgres') {
    it('fans pokes out across server instances sharing one PostgreSQL (LISTEN/NOTIFY)', async () => {
      const other = await suite.source().reopen(suite.database());
      const one = await listen(suite.database());
      const two = await listen(other);
      const deskOnOne = await signIn(one.app);
      const deskOnTwo = await signIn(two.app, 'bo.agent');
      const { events } = await connected(two.address, deskOnTwo.token ?? '');

      const outbox = new DeskOutbox('desk-a');
      await deskOnOne.post(
        '/api/v1/sync/push',
        outbox.push([outbox.mutation('interaction.create', createArgs('i-1'))]),
      );
      expect((await events.next()).data).toBe('{"topic":"interactions"}');
      // The desk on instance two sees the record instance one numbered.
      const pulled = await deskOnTwo.post<{ interactions: { number: string }[] }>(
        '/api/v1/sync/pull',
        {
          clientId: 'desk-b',
          cursor: null,
        },
      );
      expect(pulled.body.interactions.map((i) => i.number)).toEqual(['IMS0001001']);
    });

    it("skips the pusher's own stream on whichever instance it is", async () => {
      const other = await suite.source().reopen(suite.database());
      const one = await listen(suite.database());
      const two = await listen(other);
      const ana = await signIn(one.app);
      // Ana's poke stream runs on instance two while her pushes reach instance one.
      const own = await connected(two.address, ana.token ?? '');
      const bystander = await connected(
        two.address,
        (await signIn(two.app, 'bo.agent')).token ?? '',
      );
      const outbox = new DeskOutbox('desk-a');
      const push = outbox.push([outbox.mutation('interaction.create', createArgs('i-1'))]);
      expect((await pushAs(one.app, ana.token ?? '', push, own.id)).statusCode).toBe(200);
      expect((await bystander.events.next()).data).toBe('{"topic":"interactions"}');
      await noPoke(own.events);
    });

    it('numbers uniquely when desks push to two instances at once', async () => {
      const other = await suite.source().reopen(suite.database());
      const one = await listen(suite.database());
      const two = await listen(other);
      const clients = [await signIn(one.app), await signIn(two.app)];
      await Promise.all(
        Array.from({ length: 4 }, async (_, d) => {
          const outbox = new DeskOutbox(`desk-${d}`);
          const client = clients[d % 2];
          for (let n = 0; n < 5; n++) {
            const reply = await client?.post(
              '/api/v1/sync/push',
              outbox.push([outbox.mutation('interaction.create', createArgs(`i-${d}-${n}`))]),
            );
            expect(reply?.status).toBe(200);
          }
        }),
      );
      const rows = await suite
        .database()
        .db.selectFrom('interactions')
        .select('number')
        .orderBy('number')
        .execute();
      expect(rows.map((r) => r.number)).toEqual(
        Array.from({ length: 20 }, (_, k) => `IMS${String(1001 + k).padStart(7, '0')}`),
      );
    });
  }
});
