// Simulated desks for `npm run bench`: each signs in with its own clientId and address, then
// pushes batches of mutations (the shared wire shapes) and pulls, all at once. Measures; never judges.

import http from 'node:http';
import { percentileOf, spreadOf } from './report.mjs';

/** @typedef {import('../shared/sync/protocol').PushedMutation} PushedMutation */
/** @typedef {import('../shared/sync/protocol').PushRequest} PushRequest */
/** @typedef {import('../shared/sync/protocol').PullRequest} PullRequest */
/** @typedef {import('../shared/domain/interaction').CreateInteractionArgs} CreateInteractionArgs */
/** @typedef {import('./bench-types').DeskLoadResult} DeskLoadResult */

/**
 * The shared schemas the desks' requests and the server's answers are checked with.
 * @typedef {object} WireSchemas
 * @property {{ parse(value: unknown): unknown }} PushRequest
 * @property {{ parse(value: unknown): import('../shared/sync/protocol').PushResponse }} PushResponse
 * @property {{ parse(value: unknown): import('../shared/sync/protocol').PullResponse }} PullResponse
 */

/**
 * One desk's outbox, as an agent fills it: mostly new interactions, then updates, work notes
 * and closes of the desk's own open ones. Consecutive mutationIds from 1, like a real desk.
 * @param {object} options
 * @param {string} options.clientId
 * @param {string} options.actorId the signed-in agent
 * @param {() => number} options.random in [0, 1)
 * @param {() => Date} options.now
 * @param {(random: () => number) => string} options.caller an existing user's id
 * @param {number} [options.followUpShare] how often a mutation works on an open interaction
 *   rather than creating one (0.4 by default; 0 for creates only)
 */
export function createMutationSource({
  clientId,
  actorId,
  random,
  now,
  caller,
  followUpShare = 0.4,
}) {
  let mutationId = 0;
  let created = 0;
  let serial = 0;
  /** @type {string[]} */
  const open = [];
  const newId = () => `${clientId}-${++serial}`;

  /** @param {string} name @param {unknown} args @returns {PushedMutation} */
  const mutation = (name, args) => ({
    mutationId: ++mutationId,
    name,
    args,
    at: now().toISOString(),
    actorId,
  });

  /** @returns {PushedMutation} */
  function create() {
    const id = newId();
    open.push(id);
    created += 1;
    /** @type {CreateInteractionArgs} */
    const args = {
      id,
      openedFor: caller(random),
      contactEmail: 'caller@deskpad.example',
      contactPhone: '+1 555 123 4567',
      type: random() < 0.5 ? 'Phone' : 'Walk-in',
      component: null,
      assignmentGroup: null,
      assignedTo: null,
      shortDescription: `Load test ${id}: cannot print`,
      description: 'Pushed by the bench’s simulated desks.',
    };
    return mutation('interaction.create', args);
  }

  /** @returns {PushedMutation} */
  function followUp() {
    const at = Math.floor(random() * open.length);
    const id = /** @type {string} */ (open[at]);
    const roll = random();
    if (roll < 0.4)
      return mutation('interaction.update', {
        id,
        changes: { state: 'Work in Progress', description: 'The agent is on it.' },
      });
    if (roll < 0.75)
      return mutation('interaction.addWorkNote', {
        id,
        noteId: newId(),
        text: 'Restarted the print spooler.',
      });
    open.splice(at, 1);
    return mutation('interaction.close', { id, state: 'Closed Complete' });
  }

  return {
    /** @param {number} count @returns {PushedMutation[]} */
    next(count) {
      return Array.from({ length: count }, () =>
        open.length > 0 && random() < followUpShare ? followUp() : create(),
      );
    },
    /** Interactions created so far. */
    created: () => created,
  };
}

/**
 * @typedef {object} JsonAnswer
 * @property {number} status
 * @property {string} text
 * @property {number} ms request written → whole answer read
 */

/**
 * A keep-alive HTTP client bound to one local address, as a desk on its own machine would be.
 * @param {string} baseUrl
 * @param {string} localAddress
 */
export function deskConnection(baseUrl, localAddress) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2, localAddress });
  const base = new URL(baseUrl);
  /**
   * @param {'GET' | 'POST'} method
   * @param {string} path
   * @param {unknown} body
   * @param {string | null} token
   * @returns {Promise<JsonAnswer>}
   */
  const request = (method, path, body, token) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? null : JSON.stringify(body);
      const started = performance.now();
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
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - started,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload ?? undefined);
    });
  return { request, close: () => agent.destroy() };
}

/**
 * Runs `desks` desks at once, each `rounds` times: push a batch, then pull until nothing more.
 * @param {object} options
 * @param {string} options.baseUrl
 * @param {number} options.desks
 * @param {number} options.rounds
 * @param {number} options.batch mutations per push
 * @param {{ userName: string }[]} options.accounts who the desks sign in as, in turn
 * @param {string} options.password
 * @param {(seed: number) => () => number} options.randomFor a seeded generator per desk
 * @param {(random: () => number) => string} options.caller
 * @param {WireSchemas} options.schemas
 * @param {string} options.database how the server stores its data, for the report
 * @param {string} [options.runId] keeps clientIds apart between runs on one server
 * @param {string | null} [options.startCursor] where the desks' pulls start (default: nothing yet)
 * @param {boolean} [options.checkFirstPullOnly] check only each desk's first pull answer with the
 *   shared schema (the others: JSON and the envelope), so that desks simulated on the server's own
 *   machine spend less of its CPU on what a real desk does on its own
 * @returns {Promise<Omit<DeskLoadResult, 'created' | 'onServer'> & { created: number }>}
 */
export async function runDesks(options) {
  const { baseUrl, desks, rounds, batch, schemas } = options;
  const runId = options.runId ?? 'load';
  /** @type {number[]} */
  const pushMs = [];
  /** @type {number[]} */
  const pullMs = [];
  /** @type {string[]} */
  const errors = [];
  let pulledRows = 0;
  /** @param {string} text */
  const failed = (text) => {
    errors.push(text);
  };

  // Every desk from its own loopback address: the server limits sign-ins per address.
  const connections = Array.from({ length: desks }, (_, i) =>
    deskConnection(baseUrl, `127.0.${Math.floor(i / 250) + 1}.${(i % 250) + 1}`),
  );
  try {
    const sessions = await Promise.all(
      connections.map(async (connection, i) => {
        const account = options.accounts[i % options.accounts.length];
        if (!account) throw new Error('No account to sign in with.');
        const answer = await connection.request(
          'POST',
          '/api/v1/sessions',
          { userName: account.userName, password: options.password },
          null,
        );
        if (answer.status < 200 || answer.status > 299)
          throw new Error(`Desk ${i + 1} could not sign in: ${answer.status} ${answer.text}`);
        const body = /** @type {{ token: string; agent: { id: string } }} */ (
          JSON.parse(answer.text)
        );
        return { token: body.token, actorId: body.agent.id };
      }),
    );

    const sources = sessions.map((session, i) =>
      createMutationSource({
        clientId: `bench-${runId}-${i + 1}`,
        actorId: session.actorId,
        random: options.randomFor(i + 1),
        now: () => new Date(),
        caller: options.caller,
      }),
    );

    /** @param {number} i */
    const desk = async (i) => {
      const connection = /** @type {ReturnType<typeof deskConnection>} */ (connections[i]);
      const { token } = /** @type {{ token: string }} */ (sessions[i]);
      const source = /** @type {ReturnType<typeof createMutationSource>} */ (sources[i]);
      const clientId = `bench-${runId}-${i + 1}`;
      /** @type {string | null} */
      let cursor = options.startCursor ?? null;
      let checked = false;
      for (let round = 0; round < rounds; round++) {
        const mutations = source.next(batch);
        /** @type {PushRequest} */
        const push = { clientId, mutations };
        schemas.PushRequest.parse(push);
        try {
          const pushed = await connection.request('POST', '/api/v1/sync/push', push, token);
          pushMs.push(pushed.ms);
          if (pushed.status !== 200) {
            failed(`push ${pushed.status}: ${pushed.text.slice(0, 200)}`);
          } else {
            const answer = schemas.PushResponse.parse(JSON.parse(pushed.text));
            const last = mutations.at(-1)?.mutationId ?? 0;
            if (answer.lastMutationId !== last)
              failed(`push acknowledged ${answer.lastMutationId}, not ${last}`);
            for (const refusal of answer.refused)
              failed(`mutation ${refusal.mutationId} refused: ${refusal.reason.message}`);
          }
          for (;;) {
            /** @type {PullRequest} */
            const pull = { clientId, cursor };
            const pulled = await connection.request('POST', '/api/v1/sync/pull', pull, token);
            pullMs.push(pulled.ms);
            if (pulled.status !== 200) {
              failed(`pull ${pulled.status}: ${pulled.text.slice(0, 200)}`);
              break;
            }
            const body = JSON.parse(pulled.text);
            const answer =
              options.checkFirstPullOnly && checked
                ? /** @type {import('../shared/sync/protocol').PullResponse} */ (body)
                : schemas.PullResponse.parse(body);
            checked = true;
            if (typeof answer.cursor !== 'string' || !Array.isArray(answer.interactions))
              throw new Error('A pull answer without a cursor or interactions.');
            cursor = answer.cursor;
            pulledRows += answer.interactions.length;
            if (!answer.more) break;
          }
        } catch (error) {
          failed(error instanceof Error ? error.message : String(error));
        }
      }
    };

    const started = performance.now();
    await Promise.all(sessions.map((_, i) => desk(i)));
    const wallMs = performance.now() - started;
    const pushes = pushMs.length;
    const mutations = pushes * batch;
    return {
      database: options.database,
      desks,
      rounds,
      mutationsPerPush: batch,
      pushes,
      mutations,
      pulls: pullMs.length,
      pulledRows,
      wallMs,
      push: { ...spreadOf(pushMs), p99: percentileOf(pushMs, 0.99) },
      pull: { ...spreadOf(pullMs), p99: percentileOf(pullMs, 0.99) },
      pushesPerSecond: pushes / (wallMs / 1000),
      mutationsPerSecond: mutations / (wallMs / 1000),
      errors: errors.length,
      errorSamples: errors.slice(0, 5),
      created: sources.reduce((sum, source) => sum + source.created(), 0),
    };
  } finally {
    for (const connection of connections) connection.close();
  }
}
