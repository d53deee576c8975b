// The attackers of issue 10's figure, in their own process (`node bench/dos-attack.mjs <json>`):
// clients sending 8 MiB push bodies without a session, and slow connections trickling headers or
// a body. Loopback only. Reports on stdin's "stop" as one JSON line; never measures the server.

import net from 'node:net';

/**
 * @typedef {object} AttackOptions
 * @property {string} host 127.0.0.1
 * @property {number} port
 * @property {number} bodies clients sending big bodies, each one request after the other
 * @property {number} bodyBytes 8 MiB
 * @property {number} slow connections kept hanging (half trickle headers, half a body)
 * @property {number} trickleMs between two trickled pieces
 */

/** @typedef {import('./dos-types').AttackStats} AttackStats */

/** @param {number} i the attacker's number: each one on its own loopback address */
const addressOf = (i) => `127.0.${3 + Math.floor(i / 250)}.${(i % 250) + 1}`;

/**
 * @param {AttackOptions} options
 */
export function startAttack(options) {
  let stopping = false;
  /** @type {AttackStats} */
  const stats = {
    bodyRequests: 0,
    bodyAnswers: {},
    bodyBytesSent: 0,
    bodyCutOff: 0,
    slowOpened: 0,
    slowClosedByServer: 0,
    slowLifetimesMs: [],
    slowOpenAtStop: 0,
  };
  /** @type {Set<net.Socket>} */
  const sockets = new Set();
  /** @type {Set<net.Socket>} */
  const hanging = new Set();
  const chunk = Buffer.alloc(64 * 1024, 0x20);

  /** @param {number} i */
  const bodyClient = (i) => {
    if (stopping) return;
    const socket = net.connect({
      host: options.host,
      port: options.port,
      localAddress: addressOf(i),
    });
    sockets.add(socket);
    stats.bodyRequests += 1;
    let answered = false;
    let sent = 0;
    /** @returns {void} */
    const pump = () => {
      while (!stopping && sent < options.bodyBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, options.bodyBytes - sent));
        sent += piece.length;
        stats.bodyBytesSent += piece.length;
        if (!socket.write(piece)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    socket.once('connect', () => {
      socket.write(
        `POST /api/v1/sync/push HTTP/1.1\r\nHost: ${options.host}:${options.port}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${options.bodyBytes}\r\n` +
          'Connection: close\r\n\r\n',
      );
      pump();
    });
    socket.on('data', (/** @type {Buffer} */ data) => {
      if (answered) return;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(data.toString('latin1'))?.[1];
      if (status) {
        answered = true;
        stats.bodyAnswers[status] = (stats.bodyAnswers[status] ?? 0) + 1;
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sent < options.bodyBytes) stats.bodyCutOff += 1;
      // The next request at once, as a flood would.
      setImmediate(() => bodyClient(i));
    });
  };

  /** @param {number} i @param {'headers' | 'body'} kind */
  const slowClient = (i, kind) => {
    if (stopping) return;
    const socket = net.connect({
      host: options.host,
      port: options.port,
      localAddress: addressOf(options.bodies + i),
    });
    sockets.add(socket);
    hanging.add(socket);
    stats.slowOpened += 1;
    const opened = performance.now();
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    socket.once('connect', () => {
      socket.write(
        kind === 'headers'
          ? `GET /api/v1/health HTTP/1.1\r\nHost: ${options.host}\r\n`
          : `POST /api/v1/sessions HTTP/1.1\r\nHost: ${options.host}\r\n` +
              'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"userName":"',
      );
      timer = setInterval(
        () => socket.write(kind === 'headers' ? `X-Slow-${Date.now()}: 1\r\n` : 'a'),
        options.trickleMs,
      );
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      sockets.delete(socket);
      hanging.delete(socket);
      if (stopping) return;
      stats.slowClosedByServer += 1;
      stats.slowLifetimesMs.push(performance.now() - opened);
      setImmediate(() => slowClient(i, kind));
    });
  };

  for (let i = 0; i < options.bodies; i++) bodyClient(i);
  for (let i = 0; i < options.slow; i++) slowClient(i, i % 2 === 0 ? 'headers' : 'body');

  return {
    /** @returns {AttackStats} */
    stop() {
      stopping = true;
      stats.slowOpenAtStop = [...hanging].filter((s) => !s.destroyed).length;
      for (const socket of sockets) socket.destroy();
      return stats;
    },
  };
}

if (process.argv[2]) {
  const attack = startAttack(/** @type {AttackOptions} */ (JSON.parse(process.argv[2])));
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (text) => {
    if (!String(text).includes('stop')) return;
    const stats = attack.stop();
    process.stdout.write(`${JSON.stringify(stats)}\n`, () => process.exit(0));
  });
}
