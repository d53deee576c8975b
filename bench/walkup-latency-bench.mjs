// Issue 12's latency figure against a real desk server process: N desks connected (each its own
// session, address, poke stream and pull loop, as a desk's sync engine runs them), a lobby board on
// its event stream, and check-ins at the kiosk; how long until each is on the board and on every
// desk. Measures; never judges. Starts and stops only the server it spawned.

import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startDeskServer } from './desk-server.mjs';
import { spreadOf } from './report.mjs';

/** @typedef {import('./bench-types').WalkupLatencyResults} WalkupLatencyResults */

/**
 * @typedef {object} WalkupLatencyDeps
 * @property {string} repoRoot
 * @property {string} serverMain the built desk server (main.js)
 * @property {(text: string) => void} say
 * @property {string} command
 */

const PASSWORD = 'deskpad-demo';
const AGENT = 'demo.agent';
const ADMIN = 'demo.admin';
const ACCOUNT_PASSWORD = 'walk-up bench account password';
const ARRIVAL_TIMEOUT_MS = 30_000;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One machine's HTTP client: keep-alive, bound to its own loopback address (so 20 desks signing in
 * are 20 addresses, as in an office), JSON requests and a server-sent event stream. The phone bench
 * (phone-bench.mjs) connects its desks with it too.
 * @param {string} baseUrl
 * @param {string} localAddress
 */
export function client(baseUrl, localAddress) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4, localAddress });
  const base = new URL(baseUrl);
  /** @type {Set<http.ClientRequest>} */
  const open = new Set();
  /**
   * @param {'GET' | 'POST'} method @param {string} path @param {unknown} body @param {string | null} token
   * @returns {Promise<{ status: number; json: any }>}
   */
  const request = (method, path, body, token) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? null : JSON.stringify(body);
      /** @type {Record<string, string | number>} */
      const headers = {};
      if (payload !== null) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(payload);
      }
      if (token) headers.authorization = `Bearer ${token}`;
      const req = http.request(
        { agent, host: base.hostname, port: base.port, method, path, headers },
        (res) => {
          /** @type {Buffer[]} */
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, json: text === '' ? null : JSON.parse(text) });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload ?? undefined);
    });
  /**
   * Calls `onEvent` for each event of the stream at `path` (`event:` and `data:` lines).
   * @param {string} path @param {string} token @param {(event: string, data: string) => void} onEvent
   */
  const stream = (path, token, onEvent) =>
    new Promise((resolve, reject) => {
      const req = http.get(
        {
          agent,
          host: base.hostname,
          port: base.port,
          path,
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        },
        (res) => {
          if (res.statusCode !== 200) {
            reject(new Error(`${path} answered ${res.statusCode}`));
            return;
          }
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (/** @type {string} */ chunk) => {
            buffer += chunk;
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              let event = 'message';
              /** @type {string[]} */
              const data = [];
              for (const line of block.split('\n')) {
                if (line.startsWith('event: ')) event = line.slice(7);
                else if (line.startsWith('data: ')) data.push(line.slice(6));
              }
              if (data.length > 0) onEvent(event, data.join('\n'));
            }
          });
          resolve(undefined);
        },
      );
      open.add(req);
      req.on('error', (error) => {
        if (open.has(req)) reject(error);
      });
    });
  return {
    request,
    stream,
    close: () => {
      for (const req of open) req.destroy();
      open.clear();
      agent.destroy();
    },
  };
}

/**
 * Signs in from the client's own address (the sign-in limits count per address and user name).
 * @param {ReturnType<typeof client>} http @param {string} userName @param {string} password
 * @returns {Promise<{ token: string; agent: { id: string } }>}
 */
export async function signInFrom(http, userName, password) {
  const answer = await http.request('POST', '/api/v1/sessions', { userName, password }, null);
  if (answer.status !== 201)
    throw new Error(
      `Sign-in as ${userName} answered ${answer.status}: ${JSON.stringify(answer.json)}`,
    );
  return answer.json;
}

/**
 * An account with one role, created by the admin, its temporary password changed at once.
 * @param {ReturnType<typeof client>} http @param {string} adminToken @param {string} userName @param {'lobby' | 'kiosk'} role
 */
async function roleAccount(http, adminToken, userName, role) {
  const created = await http.request(
    'POST',
    '/api/v1/admin/agents.create',
    {
      userName,
      firstName: role === 'lobby' ? 'Lobby' : 'Kiosk',
      lastName: 'Bench',
      email: '',
      roles: [role],
      temporaryPassword: `${ACCOUNT_PASSWORD} (temporary)`,
    },
    adminToken,
  );
  if (created.status !== 200 && created.status !== 201)
    throw new Error(`agents.create answered ${created.status}: ${JSON.stringify(created.json)}`);
  const first = await signInFrom(http, userName, `${ACCOUNT_PASSWORD} (temporary)`);
  const changed = await http.request(
    'POST',
    '/api/v1/sessions/password',
    { currentPassword: `${ACCOUNT_PASSWORD} (temporary)`, newPassword: ACCOUNT_PASSWORD },
    first.token,
  );
  if (changed.status >= 300) throw new Error(`The password change answered ${changed.status}.`);
  return (await signInFrom(http, userName, ACCOUNT_PASSWORD)).token;
}

/**
 * A desk: its own session and address, its poke stream, and a pull loop that runs on every poke
 * until nothing more, as the store host's sync engine does; notes when each visit first arrives.
 * @param {string} url @param {number} index @param {(visitId: string, at: number) => void} onVisit
 */
async function connectDesk(url, index, onVisit) {
  const http = client(url, `127.0.1.${index + 1}`);
  const { token } = await signInFrom(http, AGENT, PASSWORD);
  const clientId = `walkup-bench-desk-${index}-${Date.now()}`;
  /** @type {string | null} */
  let cursor = null;
  let pulling = false;
  let again = false;
  const pull = async () => {
    if (pulling) {
      again = true;
      return;
    }
    pulling = true;
    try {
      do {
        again = false;
        for (;;) {
          const answer = await http.request(
            'POST',
            '/api/v1/sync/pull',
            { clientId, cursor },
            token,
          );
          if (answer.status !== 200) throw new Error(`A desk's pull answered ${answer.status}.`);
          const at = performance.now();
          for (const visit of answer.json.visits ?? []) onVisit(visit.id, at);
          cursor = answer.json.cursor;
          if (!answer.json.more) break;
        }
      } while (again);
    } finally {
      pulling = false;
    }
  };
  await pull();
  await http.stream('/api/v1/sync/events', token, (event) => {
    if (event === 'poke') void pull();
  });
  return { close: http.close };
}

/**
 * @param {WalkupLatencyDeps} deps
 * @param {{ desks: number; checkIns: number; spacingMs: number }} options
 * @returns {Promise<WalkupLatencyResults>}
 */
export async function runWalkupLatencyBench(deps, options) {
  const started = performance.now();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskpad-walkup-bench-'));
  const server = await startDeskServer({
    main: deps.serverMain,
    cwd: deps.repoRoot,
    args: ['--data', dataDir, '--demo', '--demo-users', '200'],
    env: { LOG_LEVEL: 'warn' },
  });
  /** @type {{ close(): void }[]} */
  const closers = [];
  try {
    const admin = client(server.url, '127.0.0.2');
    closers.push(admin);
    const { token: adminToken } = await signInFrom(admin, ADMIN, PASSWORD);
    const location = await admin.request(
      'POST',
      '/api/v1/admin/locations.create',
      { name: 'Latency bench counter', description: 'The walk-up latency bench' },
      adminToken,
    );
    if (location.status >= 300) throw new Error(`locations.create answered ${location.status}.`);
    const locationId = /** @type {string} */ (location.json.location.id);
    const lobbyToken = await roleAccount(admin, adminToken, 'lobby.bench', 'lobby');

    /** @type {Map<string, { sentAt: number; answeredAt: number; name: string; lobbyAt: number | null; desks: Map<number, number> }>} */
    const pending = new Map();
    /** @type {number[]} the check-in requests' own answer times */
    const checkInMs = [];
    /** @type {Map<string, string>} board name → visit id */
    const byName = new Map();

    deps.say(`Connecting ${options.desks} desks (sessions, poke streams, first pulls)…`);
    for (let i = 0; i < options.desks; i++) {
      const desk = await connectDesk(server.url, i, (visitId, at) => {
        const entry = pending.get(visitId);
        if (entry && !entry.desks.has(i)) entry.desks.set(i, at);
      });
      closers.push(desk);
    }

    const lobby = client(server.url, '127.0.0.3');
    closers.push(lobby);
    await lobby.stream(
      `/api/v1/lobby/${encodeURIComponent(locationId)}/events`,
      lobbyToken,
      (event, data) => {
        if (event !== 'board') return;
        const at = performance.now();
        const board = JSON.parse(data);
        for (const line of board.waiting) {
          const entry = pending.get(byName.get(line.name) ?? '');
          if (entry && entry.lobbyAt === null) entry.lobbyAt = at;
        }
      },
    );

    // The kiosk's own endpoint when the server has it; else the same mutation through a push.
    const kiosk = client(server.url, '127.0.0.4');
    closers.push(kiosk);
    const kioskProbe = await kiosk.request('POST', '/api/v1/kiosk/check-ins', {}, lobbyToken);
    const viaKiosk = kioskProbe.status !== 404;
    const pusher = viaKiosk ? null : await signInFrom(kiosk, AGENT, PASSWORD);
    const kioskToken = pusher
      ? pusher.token
      : await roleAccount(admin, adminToken, 'kiosk.bench', 'kiosk');
    const kioskClientId = `walkup-bench-kiosk-${Date.now()}`;
    deps.say(
      `${options.checkIns} check-ins ${viaKiosk ? 'at the kiosk (POST /api/v1/kiosk/check-ins)' : 'through a push (visit.checkIn, channel kiosk: the kiosk endpoint is not on this server)'}…`,
    );
    for (let n = 1; n <= options.checkIns; n++) {
      const id = `walkup-bench-${n}-${Date.now()}`;
      const first = `Visitor${String(n).padStart(3, '0')}`;
      const name = `${first} B.`;
      byName.set(name, id);
      const entry = {
        sentAt: performance.now(),
        answeredAt: 0,
        name,
        lobbyAt: null,
        desks: new Map(),
      };
      pending.set(id, entry);
      const answer = viaKiosk
        ? await kiosk.request(
            'POST',
            '/api/v1/kiosk/check-ins',
            { id, location: locationId, guestName: `${first} Bench`, reason: 'Printer' },
            kioskToken,
          )
        : await kiosk.request(
            'POST',
            '/api/v1/sync/push',
            {
              clientId: kioskClientId,
              mutations: [
                {
                  mutationId: n,
                  name: 'visit.checkIn',
                  at: new Date().toISOString(),
                  actorId: pusher?.agent.id ?? '',
                  args: {
                    id,
                    location: locationId,
                    person: null,
                    guestName: `${first} Bench`,
                    reason: 'Printer',
                    channel: 'kiosk',
                  },
                },
              ],
            },
            kioskToken,
          );
      entry.answeredAt = performance.now();
      checkInMs.push(entry.answeredAt - entry.sentAt);
      if (answer.status >= 300)
        throw new Error(`A check-in answered ${answer.status}: ${JSON.stringify(answer.json)}`);
      await sleep(options.spacingMs);
    }

    const deadline = Date.now() + ARRIVAL_TIMEOUT_MS;
    const complete = () =>
      [...pending.values()].every((e) => e.lobbyAt !== null && e.desks.size === options.desks);
    while (!complete() && Date.now() < deadline) await sleep(50);

    const entries = [...pending.values()];
    const lobbyMs = entries.flatMap((e) => (e.lobbyAt === null ? [] : [e.lobbyAt - e.sentAt]));
    const deskMs = entries.flatMap((e) => [...e.desks.values()].map((at) => at - e.sentAt));
    const everyDeskMs = entries.flatMap((e) =>
      e.desks.size === options.desks ? [Math.max(...e.desks.values()) - e.sentAt] : [],
    );
    const missing =
      entries.filter((e) => e.lobbyAt === null).length +
      entries.reduce((sum, e) => sum + (options.desks - e.desks.size), 0);
    return {
      command: deps.command,
      desks: options.desks,
      checkIns: options.checkIns,
      spacingMs: options.spacingMs,
      checkInPath: viaKiosk ? 'kiosk' : 'push',
      checkIn: spreadOf(checkInMs),
      loadAverage: os.loadavg()[0] ?? 0,
      lobby: spreadOf(lobbyMs),
      lobbyAfterAnswer: spreadOf(
        entries.flatMap((e) => (e.lobbyAt === null ? [] : [Math.max(0, e.lobbyAt - e.answeredAt)])),
      ),
      everyDeskAfterAnswer: spreadOf(
        entries.flatMap((e) =>
          e.desks.size === options.desks ? [Math.max(...e.desks.values()) - e.answeredAt] : [],
        ),
      ),
      desk: spreadOf(deskMs),
      everyDesk: spreadOf(everyDeskMs),
      missing,
      wallSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const closer of closers) closer.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
