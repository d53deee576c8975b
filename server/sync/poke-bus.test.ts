import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from '../testing/pg-cluster';
import { DATABASE_HOOK_TIMEOUT_MS, testBackends } from '../testing/test-databases';
import {
  memoryPokeBus,
  POKE_LISTENER_NAME,
  postgresPokeBus,
  type PokeBus,
  type PokeNotice,
} from './poke-bus';

describe('the in-process poke bus', () => {
  it('delivers each poke to every subscriber until it unsubscribes', async () => {
    const bus = memoryPokeBus();
    const seen: string[] = [];
    const stopA = bus.subscribe((p) => seen.push(`a:${'topic' in p ? p.topic : 'ended'}`));
    bus.subscribe((p) => seen.push(`b:${'topic' in p ? p.topic : 'ended'}`));
    await bus.publish({ topic: 'interactions' });
    stopA();
    await bus.publish({ topic: 'directory' });
    expect(seen).toEqual(['a:interactions', 'b:interactions', 'b:directory']);
  });

  it('passes on which stream not to poke', async () => {
    const bus = memoryPokeBus();
    const seen: PokeNotice[] = [];
    bus.subscribe((p) => seen.push(p));
    await bus.publish({ topic: 'interactions', except: 'stream-0001' });
    expect(seen).toEqual([{ topic: 'interactions', except: 'stream-0001' }]);
  });
});

/**
 * A TCP relay in front of PostgreSQL that can go silent on the connections it carries, as a
 * network that drops packets without closing anything does.
 */
async function relay(target: URL) {
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) socket.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the relay has no port');
  return {
    port: address.port,
    /** The connections open now stop carrying bytes either way; new ones work. */
    silence: (): void => {
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    close: async (): Promise<void> => {
      for (const pair of [...pairs]) for (const socket of pair) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.runIf(testBackends().includes('postgres'))('the PostgreSQL poke bus', () => {
  let cluster: PgCluster | null = null;
  /** Connected to the server's maintenance database: creates, drops and locks out the test one. */
  let root: pg.Client | null = null;
  /** Connected to the test database: notifies and looks at its backends. */
  let inside: pg.Client | null = null;
  let database = '';
  let url = '';
  const buses: PokeBus[] = [];

  beforeAll(async () => {
    let rootUrl = process.env.DATABASE_URL;
    if (!rootUrl) {
      cluster = await startPgCluster();
      rootUrl = cluster.url();
    }
    root = new pg.Client({ connectionString: rootUrl });
    await root.connect();
    database = `deskpad_pokes_${randomBytes(6).toString('hex')}`;
    await root.query(`CREATE DATABASE ${database}`);
    const parsed = new URL(rootUrl);
    parsed.pathname = `/${database}`;
    url = parsed.toString();
    inside = new pg.Client({ connectionString: url });
    await inside.connect();
  }, DATABASE_HOOK_TIMEOUT_MS);
  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.close();
  });
  afterAll(async () => {
    await inside?.end();
    await root?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await root?.end();
    await cluster?.stop();
  }, DATABASE_HOOK_TIMEOUT_MS);

  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    if (!inside) throw new Error('not connected');
    return (await inside.query<R>(text, values)).rows;
  };
  const terminate = async (pid: number | undefined) => {
    await root?.query('SELECT pg_terminate_backend($1)', [pid]);
  };

  /**
   * The poke listeners' backends in this database, by process id. By the name the listener's
   * connection gives itself: its last query is LISTEN only until its first check (`SELECT 1`).
   */
  const listeners = async (): Promise<number[]> =>
    (
      await query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND application_name = $1`,
        [POKE_LISTENER_NAME],
      )
    ).map((r) => r.pid);

  const openBus = async (logged: string[], connectionString = url) => {
    const bus = await postgresPokeBus({
      connectionString,
      logger: pino({ level: 'info' }, { write: (line: string) => logged.push(line) }),
      notify: async (channel, payload) => {
        await query('SELECT pg_notify($1, $2)', [channel, payload]);
      },
      reconnectDelayMs: 20,
      maxReconnectDelayMs: 200,
      checkEveryMs: 200,
      timeoutMs: 1000,
    });
    buses.push(bus);
    return bus;
  };

  /** Publishes until the poke arrives: after a reconnect, a poke sent before LISTEN is lost. */
  const deliversAgain = async (bus: PokeBus, seen: PokeNotice[]) => {
    await expect
      .poll(
        async () => {
          await bus.publish({ topic: 'directory' });
          return seen.some((p) => 'topic' in p && p.topic === 'directory');
        },
        { timeout: 10_000, interval: 100 },
      )
      .toBe(true);
  };

  it(
    'listens again after its connection is killed, pokes the local desks, and logs it',
    { timeout: 60_000 },
    async () => {
      const logged: string[] = [];
      const bus = await openBus(logged);
      const seen: PokeNotice[] = [];
      bus.subscribe((p) => seen.push(p));
      await bus.publish({ topic: 'interactions', except: 'stream-0001' });
      await expect.poll(() => seen).toEqual([{ topic: 'interactions', except: 'stream-0001' }]);

      for (let round = 0; round < 3; round++) {
        const [pid, ...others] = await listeners();
        expect(others).toEqual([]);
        await terminate(pid);
        seen.length = 0;
        // Notifications sent while it was gone are lost: the local desks are poked to pull.
        await expect
          .poll(() => seen, { timeout: 10_000 })
          .toContainEqual({ topic: 'interactions' });
        await deliversAgain(bus, seen);
        // The lost connection is gone, not left open beside the new one.
        await expect.poll(listeners, { timeout: 5_000 }).toHaveLength(1);
        expect(await listeners()).not.toContain(pid);
      }
      const text = logged.join('');
      expect(text).toMatch(/poke listener connection lost/);
      expect(text).toMatch(/poke listener listening again/);
    },
  );

  it(
    'keeps trying, with a bounded backoff, while the listener cannot connect',
    { timeout: 60_000 },
    async () => {
      const logged: string[] = [];
      const bus = await openBus(logged);
      const seen: PokeNotice[] = [];
      bus.subscribe((p) => seen.push(p));
      // Refuse new connections to the database for a while, then kill the listener.
      await root?.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS false`);
      try {
        const [pid] = await listeners();
        await terminate(pid);
        await expect
          .poll(() => logged.join('').match(/could not reconnect/g)?.length ?? 0, {
            timeout: 10_000,
          })
          .toBeGreaterThanOrEqual(3);
      } finally {
        await root?.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`);
      }
      await deliversAgain(bus, seen);
      // One listener, and none of the refused attempts left open beside it.
      await expect.poll(listeners, { timeout: 5_000 }).toHaveLength(1);
    },
  );

  it(
    'notices a connection the network dropped without a word, and listens on a new one',
    { timeout: 60_000 },
    async () => {
      const tcp = await relay(new URL(url));
      try {
        const through = new URL(url);
        through.host = `127.0.0.1:${tcp.port}`;
        const logged: string[] = [];
        const bus = await openBus(logged, through.toString());
        const seen: PokeNotice[] = [];
        bus.subscribe((p) => seen.push(p));
        const [silenced] = await listeners();
        // No FIN, no RST, no error: only the listener's own check can find this out.
        tcp.silence();
        await expect
          .poll(() => seen, { timeout: 10_000 })
          .toContainEqual({ topic: 'interactions' });
        await deliversAgain(bus, seen);
        expect(logged.join('')).toMatch(
          /poke listener connection lost.*Query read timeout|Query read timeout.*poke listener connection lost/,
        );
        const now = await listeners();
        expect(now.filter((pid) => pid !== silenced)).toHaveLength(1);
      } finally {
        await tcp.close();
      }
    },
  );

  it('stops trying once closed', { timeout: 30_000 }, async () => {
    const bus = await openBus([]);
    const [pid] = await listeners();
    await bus.close();
    buses.splice(buses.indexOf(bus), 1);
    await terminate(pid).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listeners()).toEqual([]);
  });
});
