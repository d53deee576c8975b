import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Directory } from '../../shared/domain/directory';
import { LobbyBoard } from '../../shared/sync/walk-up-api';
import { readBoardEvent } from '../../shared/sync/lobby-stream';
import type { ServerDatabase } from '../db/open-database';
import {
  DeskOutbox,
  seedDirectory,
  signIn,
  smallDirectory,
  testServer,
  type ApiClient,
} from '../testing/fixtures';
import { openEventStream, type SseReader } from '../testing/sse-reader';
import { describeOnDatabases } from '../testing/test-databases';

/** The fixture directory with a lobby screen's account. */
function withLobbyAccount(): Directory {
  const directory = smallDirectory();
  const [template] = directory.users;
  if (!template) throw new Error('the fixture directory has no users');
  directory.users.push({
    ...template,
    id: 'lobby-1',
    userName: 'lobby.hq',
    firstName: 'Lobby',
    lastName: 'HQ',
    name: 'Lobby HQ',
    email: 'lobby.hq@deskpad.example',
    employeeId: 'E-lobby-1',
    roles: ['lobby'],
  });
  return directory;
}

const checkIn = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  location: 'loc-hq',
  person: null,
  guestName: '',
  displayName: '',
  vip: false,
  reason: 'Printer',
  reasonDetail: '',
  channel: 'agent',
  ...over,
});

describeOnDatabases('the lobby board', (suite) => {
  const apps: FastifyInstance[] = [];
  const readers: SseReader[] = [];

  beforeEach(async () => {
    const database: ServerDatabase = suite.database();
    await seedDirectory(database, withLobbyAccount());
    await database.db
      .insertInto('locations')
      .values({ id: 'loc-hq', name: 'Service Desk — HQ', version: 1 })
      .execute();
  });
  afterEach(async () => {
    for (const reader of readers.splice(0)) reader.close();
    for (const app of apps.splice(0)) await app.close();
  });

  const server = async () => {
    const app = await testServer(suite.database(), { sseHeartbeatMs: 50 });
    apps.push(app);
    return app;
  };

  const push = async (desk: ApiClient, outbox: DeskOutbox, name: string, args: unknown) => {
    const reply = await desk.post<{ refused?: unknown[] }>(
      '/api/v1/sync/push',
      outbox.push([outbox.mutation(name, args, new Date().toISOString())]),
    );
    expect(reply.status).toBe(200);
  };

  it('shows the queue in order with privacy-safe names, and who is called at which station', async () => {
    const app = await server();
    const desk = await signIn(app);
    const outbox = new DeskOutbox('desk-a');
    await push(desk, outbox, 'visit.checkIn', checkIn('v-1', { guestName: 'Grace Hopper' }));
    await push(
      desk,
      outbox,
      'visit.checkIn',
      checkIn('v-2', { person: 'caller-1', displayName: 'Carla Caller' }),
    );
    await push(desk, outbox, 'visit.checkIn', checkIn('v-3', { guestName: 'Alan Turing' }));
    await push(desk, outbox, 'visit.call', { id: 'v-1', station: 'Counter 1' });

    const lobby = await signIn(app, 'lobby.hq');
    const reply = await lobby.get('/api/v1/lobby/loc-hq');
    expect(reply.status).toBe(200);
    const board = LobbyBoard.parse(reply.body);
    expect(board.location.name).toBe('Service Desk — HQ');
    expect(board.waiting.map((l) => [l.position, l.name])).toEqual([
      [1, 'Carla C.'],
      [2, 'Alan T.'],
    ]);
    expect(board.called.map((l) => [l.name, l.station])).toEqual([['Grace H.', 'Counter 1']]);
    expect(JSON.stringify(board)).not.toContain('Hopper');
    // No service finished yet: no estimate, and the board says so rather than guess.
    expect(board.estimatedWaitMinutes).toBeNull();
    expect(board.stationsServing).toBe(1);
  });

  it('refuses other roles, no session, an unknown location and a bad id, and changes nothing', async () => {
    const app = await server();
    const agent = await signIn(app);
    expect((await agent.get('/api/v1/lobby/loc-hq')).status).toBe(403);
    expect((await agent.get('/api/v1/lobby/loc-hq/events')).status).toBe(403);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/lobby/loc-hq' });
    expect(anonymous.statusCode).toBe(401);
    const lobby = await signIn(app, 'lobby.hq');
    const unknown = await lobby.get<{ error: { message: string } }>('/api/v1/lobby/loc-nowhere');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'There is no walk-up location loc-nowhere on the server.',
    );
    expect((await lobby.get(`/api/v1/lobby/${'x'.repeat(65)}`)).status).toBe(400);
    // A lobby account runs no desk command and pulls nothing.
    expect((await lobby.post('/api/v1/sync/pull', { cursor: null })).status).toBe(403);
  });

  it('streams a fresh board at once and on every visit change', async () => {
    const app = await server();
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const lobby = await signIn(app, 'lobby.hq');
    const events = await openEventStream(
      `${address}/api/v1/lobby/loc-hq/events`,
      lobby.token ?? '',
    );
    readers.push(events);
    const first = readBoardEvent((await events.next((e) => e.event === 'board')).data);
    expect(first?.waiting).toEqual([]);

    const desk = await signIn(app);
    const outbox = new DeskOutbox('desk-a');
    await push(desk, outbox, 'visit.checkIn', checkIn('v-1', { guestName: 'Grace Hopper' }));
    const second = readBoardEvent((await events.next((e) => e.event === 'board')).data);
    expect(second?.waiting.map((l) => l.name)).toEqual(['Grace H.']);

    await push(desk, outbox, 'visit.call', { id: 'v-1', station: 'Counter 2' });
    const third = readBoardEvent((await events.next((e) => e.event === 'board')).data);
    expect(third?.waiting).toEqual([]);
    expect(third?.called.map((l) => [l.name, l.station])).toEqual([['Grace H.', 'Counter 2']]);
    expect(third?.called[0]?.calledAt).not.toBeNull();
  });
});
