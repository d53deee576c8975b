// The lobby boards' event streams: one feed per location builds the board once per change (a poke
// on the bus) and sends it to every board of that location, and again every so often so waits tick
// and a board knows it is live. Closed when the session ends. Never sends anything but the board.

import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { LOBBY_BOARD_EVENT } from '../../shared/sync/lobby-stream';
import type { LobbyBoard } from '../../shared/sync/walk-up-api';
import type { Logger } from '../logger';
import type { StreamOwner } from '../sync/event-stream';
import type { PokeBus } from '../sync/poke-bus';

export interface LobbyFeeds {
  open(request: IncomingMessage, owner: StreamOwner, location: string): PassThrough;
  /** Open lobby streams on this instance. */
  count(): number;
  closeAll(): void;
}

export interface LobbyFeedOptions {
  /** The board of a location now (null: the location is gone). */
  board: (location: string) => Promise<LobbyBoard | null>;
  /** A fresh board at least this often, changed or not (15 s). */
  refreshMs: number;
  /** Of these token hashes, those whose session still lives (checked at each refresh). */
  living: (tokenHashes: readonly string[]) => Promise<Set<string>>;
  logger: Pick<Logger, 'warn'>;
}

interface Stream {
  owner: StreamOwner;
  send: (text: string) => void;
  close: (why: string) => void;
}

interface Feed {
  streams: Set<Stream>;
  /** The last board sent, without its time: an unchanged board is not sent again on a poke. */
  lastContent: string;
  building: boolean;
  /** A change came while the board was being built: build again after. */
  again: boolean;
  /** …and send it even when unchanged (a board just connected). */
  force: boolean;
  timer: NodeJS.Timeout;
}

const eventText = (board: LobbyBoard): string =>
  `event: ${LOBBY_BOARD_EVENT}\ndata: ${JSON.stringify(board)}\n\n`;
const contentOf = (board: LobbyBoard): string => JSON.stringify({ ...board, generatedAt: '' });

export function createLobbyFeeds(pokes: PokeBus, options: LobbyFeedOptions): LobbyFeeds {
  const feeds = new Map<string, Feed>();

  const build = async (location: string, feed: Feed, always: boolean): Promise<void> => {
    if (feed.building) {
      feed.again = true;
      feed.force ||= always;
      return;
    }
    feed.building = true;
    feed.force = always;
    try {
      do {
        feed.again = false;
        const send = feed.force;
        feed.force = false;
        const board = await options.board(location);
        if (board === null) {
          for (const stream of [...feed.streams]) stream.close('the location is gone');
          return;
        }
        const content = contentOf(board);
        if (send || content !== feed.lastContent) {
          feed.lastContent = content;
          const text = eventText(board);
          for (const stream of feed.streams) stream.send(text);
        }
      } while (feed.again && feed.streams.size > 0);
    } catch (error) {
      options.logger.warn({ err: error, location }, 'could not build the lobby board');
    } finally {
      feed.building = false;
    }
  };

  const refresh = async (location: string, feed: Feed): Promise<void> => {
    try {
      const living = await options.living([...feed.streams].map((s) => s.owner.tokenHash));
      for (const stream of [...feed.streams])
        if (!living.has(stream.owner.tokenHash)) stream.close('the session has ended');
    } catch (error) {
      options.logger.warn({ err: error }, 'could not re-check the sessions of the lobby streams');
    }
    if (feed.streams.size > 0) await build(location, feed, true);
  };

  const feedOf = (location: string): Feed => {
    const existing = feeds.get(location);
    if (existing) return existing;
    const feed: Feed = {
      streams: new Set(),
      lastContent: '',
      building: false,
      again: false,
      force: false,
      timer: setInterval(() => void refresh(location, feed), options.refreshMs),
    };
    feed.timer.unref();
    feeds.set(location, feed);
    return feed;
  };

  const unsubscribe = pokes.subscribe((notice) => {
    if ('topic' in notice) {
      for (const [location, feed] of feeds) void build(location, feed, false);
      return;
    }
    const { ended } = notice;
    for (const feed of feeds.values())
      for (const stream of [...feed.streams])
        if (
          'tokenHash' in ended
            ? ended.tokenHash === stream.owner.tokenHash
            : ended.userId === stream.owner.userId
        )
          stream.close('the session has ended');
  });

  const all = (): Stream[] => [...feeds.values()].flatMap((feed) => [...feed.streams]);

  return {
    open: (request, owner, location) => {
      const out = new PassThrough();
      const feed = feedOf(location);
      const stream: Stream = {
        owner,
        send: (text) => {
          if (out.writable) out.write(text);
        },
        close: (why) => {
          if (!feed.streams.delete(stream)) return;
          if (out.writable) out.write(`: closed: ${why}\n\n`);
          out.end();
          if (feed.streams.size === 0) {
            clearInterval(feed.timer);
            feeds.delete(location);
          }
        },
      };
      out.write('retry: 3000\n\n');
      feed.streams.add(stream);
      request.once('close', () => stream.close('the board went away'));
      out.once('close', () => stream.close('the stream closed'));
      // The new board gets the board at once, the others a resend they can ignore.
      void build(location, feed, true);
      return out;
    },
    count: () => all().length,
    closeAll: () => {
      for (const stream of all()) stream.close('the server is stopping');
      unsubscribe();
    },
  };
}
