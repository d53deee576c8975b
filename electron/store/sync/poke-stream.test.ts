// The poke stream on manual time: reopened through its ConnectionLoop with a backoff of its own,
// started over once a stream proves it stays open, a poke asks for a pull, closed means closed.

import { describe, expect, it, vi } from 'vitest';
import type { Poke } from '../../../shared/sync/protocol';
import { createLogger } from '../logger';
import { DeskServerError, type DeskServerClient } from './desk-server-client';
import { PokeStream } from './poke-stream';
import { createSyncAttempts } from './sync-attempts';
import { ManualTimers } from './timing-test-support';

const IDLE_MS = 61_000;

/** What a scripted stream does when opened: fail, or send pokes/heartbeats then end or stay. */
type Script = (
  onPoke: (poke: Poke) => void,
  onBytes: () => void,
  signal: AbortSignal,
) => Promise<void>;

const refused: Script = () =>
  Promise.reject(new DeskServerError('http', 'Bad gateway', { status: 502 }));
const connectedThenCut: Script = (onPoke, onBytes) => {
  onBytes();
  onPoke({ topic: 'interactions', stream: 'stream-1' });
  return Promise.resolve();
};
const lived: Script = (onPoke, onBytes) => {
  onBytes();
  onPoke({ topic: 'interactions', stream: 'stream-2' });
  onBytes(); // a heartbeat after the connect poke
  return Promise.resolve();
};
const hangs: Script = (_onPoke, _onBytes, signal) =>
  new Promise((resolve) => signal.addEventListener('abort', () => resolve()));

function streamOf(scripts: Script[], options: { online?: () => boolean } = {}) {
  const timers = new ManualTimers();
  const log = createLogger();
  const opened: string[] = [];
  const pokes: number[] = [];
  const refusedTokens: number[] = [];
  let clock = 0;
  const client = {
    baseUrl: 'http://desk.test',
    events(token, onPoke, signal, onBytes) {
      opened.push(token);
      const script = scripts.length > 1 ? scripts.shift()! : scripts[0]!;
      return script(onPoke, onBytes ?? (() => undefined), signal);
    },
  } as Pick<DeskServerClient, 'baseUrl' | 'events'> as DeskServerClient;
  const stream = new PokeStream({
    client,
    timers,
    random: () => 0,
    now: () => (clock += 1000),
    monotonic: () => clock,
    pokeIdleMs: IDLE_MS,
    onLine: options.online ?? (() => true),
    currentToken: () => 'token-of-agent-one',
    onPoke: () => pokes.push(1),
    onRefused: () => refusedTokens.push(1),
    log,
    attempts: createSyncAttempts(log, () => clock),
  });
  /** The reconnect waits now due (the watchdog's wait left out). */
  const reconnects = (): number[] =>
    timers
      .live()
      .filter((w) => w.ms !== IDLE_MS)
      .map((w) => w.ms);
  return { stream, timers, opened, pokes, refusedTokens, reconnects, log };
}

describe('the poke stream', () => {
  it('reopens a refused stream through its loop, on a growing backoff of its own', async () => {
    const desk = streamOf([refused]);
    desk.stream.listen('token-of-agent-one');
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      await vi.waitFor(() => expect(desk.reconnects()).toHaveLength(1));
      delays.push(desk.reconnects()[0]!);
      desk.timers.fire(delays.at(-1));
    }
    expect(delays).toEqual([500, 1000, 2000, 4000]);
    await vi.waitFor(() => expect(desk.opened).toHaveLength(5));
    // A cycle that ends meanwhile does not hurry the stream past its backoff.
    desk.stream.listen('token-of-agent-one');
    expect(desk.opened).toHaveLength(5);
    await desk.stream.stop();
  });

  it('starts its backoff over once a stream stayed open past its first heartbeat', async () => {
    const desk = streamOf([refused, refused, connectedThenCut, lived, refused]);
    desk.stream.listen('token-of-agent-one');
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      await vi.waitFor(() => expect(desk.reconnects()).toHaveLength(1));
      delays.push(desk.reconnects()[0]!);
      desk.timers.fire(delays.at(-1));
    }
    expect(delays).toEqual([500, 1000, 2000, 500]);
    expect(desk.pokes.length).toBeGreaterThanOrEqual(2);
    await desk.stream.stop();
  });

  it('reopens a stream gone silent (the watchdog), and knows its id only while open', async () => {
    const desk = streamOf([connectedThenCut, hangs]);
    desk.stream.listen('token-of-agent-one');
    await vi.waitFor(() => expect(desk.reconnects()).toEqual([500]));
    desk.timers.fire(500);
    await vi.waitFor(() => expect(desk.opened).toHaveLength(2));
    expect(desk.timers.fire(IDLE_MS)).toBe(1);
    await vi.waitFor(() => expect(desk.reconnects()).toEqual([1000]));
    expect(desk.stream.streamId()).toBeNull();
    expect(desk.log.recent().some((l) => l.message.includes('went silent'))).toBe(true);
    await desk.stream.stop();
  });

  it('hands a refused token to a sync cycle instead of reopening, and waits while offline', async () => {
    let online = true;
    const desk = streamOf(
      [() => Promise.reject(new DeskServerError('http', 'No', { status: 401 })), refused],
      { online: () => online },
    );
    desk.stream.listen('token-of-agent-one');
    await vi.waitFor(() => expect(desk.reconnects()).toEqual([500]));
    desk.timers.fire(500);
    await vi.waitFor(() => expect(desk.refusedTokens).toEqual([1]));
    expect(desk.opened).toHaveLength(1);

    // The cycle that took the refusal over listens again once it has run.
    await vi.waitFor(() => {
      desk.stream.listen('token-of-agent-one');
      expect(desk.opened).toHaveLength(2);
    });
    await vi.waitFor(() => expect(desk.reconnects()).toHaveLength(1));
    online = false;
    desk.timers.fire(desk.reconnects()[0]);
    await Promise.resolve();
    expect(desk.opened).toHaveLength(2);
    expect(desk.reconnects()).toEqual([]);
    await desk.stream.stop();
  });

  it('close() ends the stream and any reconnect; the next listen opens at once', async () => {
    const desk = streamOf([refused, hangs]);
    desk.stream.listen('token-of-agent-one');
    await vi.waitFor(() => expect(desk.reconnects()).toEqual([500]));
    desk.stream.close();
    expect(desk.reconnects()).toEqual([]);
    desk.stream.listen('token-of-agent-one');
    expect(desk.opened).toHaveLength(2);
    await desk.stream.stop();
  });
});
