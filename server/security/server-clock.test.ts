// The security suite for issue 10's hole 2 on buildServer (PGlite): the server's clock orders
// changes, and a desk's clock is kept only within bounds. Each test failed before issue 10.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Interaction } from '../../shared/domain/interaction';
import type { PushResponse } from '../../shared/sync/protocol';
import { CLOCK_BOUNDS, CLOCK_NOTE_AUTHOR } from '../sync/mutation-clock';
import {
  createArgs,
  DeskOutbox,
  seedDirectory,
  signIn,
  testServer,
  type ApiClient,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describeOnDatabases("the server's clock", (suite) => {
  let app: FastifyInstance;
  let desk: ApiClient;
  let outbox: DeskOutbox;
  let clock: number;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    clock = NOW;
    app = await testServer(suite.database(), { now: () => new Date(clock) });
    desk = await signIn(app);
    outbox = new DeskOutbox('desk-a');
  });
  afterEach(() => app.close());

  const push = async (...mutations: [name: string, args: unknown, at: string][]) => {
    const reply = await desk.post<PushResponse>(
      '/api/v1/sync/push',
      outbox.push(mutations.map(([name, args, at]) => outbox.mutation(name, args, at))),
    );
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const read = async (number: string) =>
    (await desk.get<Interaction>(`/api/v1/interactions/${number}?include=workNotes`)).body;
  const polled = async (since: number) =>
    (
      await desk.get<{ interactions: Interaction[] }>(
        `/api/v1/interactions?updatedSince=${iso(since)}`,
      )
    ).body.interactions.map((i) => i.number);
  const logged = async () =>
    suite
      .database()
      .db.selectFrom('mutations')
      .select(['mutation_id', 'at', 'applied_at', 'clock_adjusted'])
      .orderBy('mutation_id')
      .execute();

  it('finds a backdated change in updatedSince polling: updatedAt is the server’s now', async () => {
    await push(['interaction.create', createArgs('i-1'), iso(NOW - 60_000)]);
    const pollFrom = NOW + 1000;
    clock = NOW + 5000;
    expect(
      await push([
        'interaction.update',
        { id: 'i-1', changes: { description: 'Backdated' } },
        '1999-01-01T00:00:00.000Z',
      ]),
    ).toEqual({ lastMutationId: 2, refused: [] });

    expect(await polled(pollFrom)).toEqual(['IMS0001001']);
    const record = await read('IMS0001001');
    expect(record.description).toBe('Backdated');
    expect(record.updatedAt).toBe(iso(NOW + 5000));
  });

  it('clamps a change from 1999 to the oldest time an outbox entry can have, and marks it', async () => {
    await push(['interaction.create', createArgs('i-1'), '1999-01-01T00:00:00.000Z']);
    const oldest = iso(NOW - CLOCK_BOUNDS.offlineMs);

    const record = await read('IMS0001001');
    expect(record).toMatchObject({ openedAt: oldest, updatedAt: iso(NOW) });
    expect(record.workNotes).toEqual([
      expect.objectContaining({
        author: CLOCK_NOTE_AUTHOR.id,
        authorName: CLOCK_NOTE_AUTHOR.name,
        at: oldest,
        text: expect.stringContaining('1999-01-01T00:00:00.000Z') as unknown,
      }),
    ]);
    expect(await logged()).toEqual([
      expect.objectContaining({
        at: '1999-01-01T00:00:00.000Z',
        applied_at: oldest,
        clock_adjusted: true,
      }),
    ]);
  });

  it('clamps a change from 9999 to the server’s now plus the allowed skew, handle time bounded', async () => {
    await push(
      ['interaction.create', createArgs('i-1'), iso(NOW - 90_000)],
      ['interaction.close', { id: 'i-1', state: 'Closed Complete' }, '9999-12-31T23:59:59.000Z'],
    );
    const latest = iso(NOW + CLOCK_BOUNDS.aheadMs);
    const record = await read('IMS0001001');
    expect(record).toMatchObject({
      state: 'Closed Complete',
      openedAt: iso(NOW - 90_000),
      closedAt: latest,
      updatedAt: iso(NOW),
      handleTimeSeconds: 90 + CLOCK_BOUNDS.aheadMs / 1000,
    });
    expect(await logged()).toEqual([
      expect.objectContaining({ applied_at: iso(NOW - 90_000), clock_adjusted: false }),
      expect.objectContaining({
        at: '9999-12-31T23:59:59.000Z',
        applied_at: latest,
        clock_adjusted: true,
      }),
    ]);
  });

  it('never lets a change precede the record it changes: no negative handle time', async () => {
    await push(['interaction.create', createArgs('i-1'), iso(NOW - 60_000)]);
    await push([
      'interaction.close',
      { id: 'i-1', state: 'Closed Complete' },
      iso(NOW - 10 * 24 * 3600_000),
    ]);
    const record = await read('IMS0001001');
    expect(record).toMatchObject({ closedAt: iso(NOW - 60_000), handleTimeSeconds: 0 });
    expect((await logged())[1]).toMatchObject({ clock_adjusted: true });
  });

  it('keeps a desk time within bounds as the desk wrote it, unmarked', async () => {
    const at = '2026-12-01T13:01:00+01:00';
    await push(['interaction.create', createArgs('i-1', { workNote: 'Jam' }), at]);
    const record = await read('IMS0001001');
    expect(record.openedAt).toBe(at);
    expect(record.workNotes.map((n) => n.author)).toEqual(['agent-1']);
    expect(await logged()).toEqual([
      expect.objectContaining({ at, applied_at: at, clock_adjusted: false }),
    ]);
  });
});
