import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
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

  it('pokes at once on connect, and again when another desk pushes a change', async () => {
    const { app, address } = await listen(suite.database());
    const desk = await signIn(app);
    const events = await stream(address, desk.token ?? '');
    expect(await events.next()).toEqual({ event: 'poke', data: '{"topic":"interactions"}' });

    const outbox = new DeskOutbox('desk-a');
    await desk.post(
      '/api/v1/sync/push',
      outbox.push([outbox.mutation('interaction.create', createArgs('i-1'))]),
    );
    expect((await events.next()).event).toBe('poke');
  });

  it('does not poke for a push that changed nothing', async () => {
    const { app, address } = await listen(suite.database());
    const desk = await signIn(app);
    const events = await stream(address, desk.token ?? '');
    await events.next();
    const outbox = new DeskOutbox('desk-a');
    const push = outbox.push([outbox.mutation('interaction.create', createArgs('i-1'))]);
    await desk.post('/api/v1/sync/push', push);
    await events.next();
    await desk.post('/api/v1/sync/push', push);
    await expect(events.next(() => true, 300)).rejects.toThrow(/no matching event/);
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
      const events = await stream(two.address, deskOnTwo.token ?? '');
      await events.next();

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
