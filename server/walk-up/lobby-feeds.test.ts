import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import type { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { LobbyBoard } from '../../shared/sync/walk-up-api';
import { readBoardEvent } from '../../shared/sync/lobby-stream';
import { createLobbyFeeds, type LobbyFeeds } from './lobby-feeds';
import { memoryPokeBus } from '../sync/poke-bus';

const board = (waiting: string[], at = '2026-12-04T09:00:00.000Z'): LobbyBoard => ({
  location: {
    id: 'loc-hq',
    name: 'Service Desk — HQ',
    reasons: [],
    lobbyNames: 'first-name-last-initial',
    waitTargetMinutes: 10,
  },
  waiting: waiting.map((name, i) => ({
    number: `VIS000100${i}`,
    name,
    state: 'Waiting',
    position: i + 1,
    estimatedWaitMinutes: null,
    station: null,
    calledAt: null,
    checkedInAt: at,
  })),
  called: [],
  inService: [],
  estimatedWaitMinutes: null,
  stationsServing: 0,
  generatedAt: at,
});

/** The boards a stream has carried so far. */
const boardsOf = (stream: PassThrough, seen: string[]) => {
  stream.on('data', (chunk: Buffer) => seen.push(chunk.toString('utf8')));
  return () =>
    seen
      .join('')
      .split('\n\n')
      .filter((block) => block.startsWith('event: board'))
      .map((block) => readBoardEvent(block.slice(block.indexOf('data: ') + 6)));
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the lobby feeds', () => {
  let feeds: LobbyFeeds | null = null;
  afterEach(() => feeds?.closeAll());

  const start = (current: () => LobbyBoard | null, living = new Set(['hash-1'])) => {
    const pokes = memoryPokeBus();
    let builds = 0;
    feeds = createLobbyFeeds(pokes, {
      board: () => {
        builds += 1;
        return Promise.resolve(current());
      },
      refreshMs: 60_000,
      living: () => Promise.resolve(living),
      logger: { warn: () => undefined },
    });
    return { pokes, feeds, builds: () => builds };
  };

  const request = () => new IncomingMessage(new Socket());

  it('sends the board at once, a changed board on a poke, and nothing for an unchanged one', async () => {
    let names = ['Grace H.'];
    const { pokes, feeds } = start(() => board(names));
    const stream = feeds.open(request(), { tokenHash: 'hash-1', userId: 'lobby-1' }, 'loc-hq');
    const boards = boardsOf(stream, []);
    await settle();
    expect(boards().map((b) => b?.waiting.map((l) => l.name))).toEqual([['Grace H.']]);

    await pokes.publish({ topic: 'interactions' });
    await settle();
    expect(boards()).toHaveLength(1);

    names = ['Grace H.', 'Alan T.'];
    await pokes.publish({ topic: 'interactions' });
    await settle();
    expect(boards().map((b) => b?.waiting.map((l) => l.name))).toEqual([
      ['Grace H.'],
      ['Grace H.', 'Alan T.'],
    ]);
    expect(feeds.count()).toBe(1);
  });

  it('builds one board for every stream of a location, however many pokes arrive meanwhile', async () => {
    const { pokes, feeds, builds } = start(() => board(['Grace H.']));
    const owner = { tokenHash: 'hash-1', userId: 'lobby-1' };
    feeds.open(request(), owner, 'loc-hq');
    feeds.open(request(), owner, 'loc-hq');
    await settle();
    const before = builds();
    for (let i = 0; i < 10; i++) void pokes.publish({ topic: 'interactions' });
    await settle();
    // At most the build running and one more after it.
    expect(builds() - before).toBeLessThanOrEqual(2);
  });

  it('closes the stream when its session ends, on any instance', async () => {
    const { pokes, feeds } = start(() => board([]));
    const stream = feeds.open(request(), { tokenHash: 'hash-1', userId: 'lobby-1' }, 'loc-hq');
    const seen: string[] = [];
    boardsOf(stream, seen);
    await settle();
    await pokes.publish({ ended: { userId: 'lobby-1' } });
    await settle();
    expect(feeds.count()).toBe(0);
    expect(seen.join('')).toContain(': closed: the session has ended');
  });
});
