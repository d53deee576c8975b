// Issue 13's figures against a real desk server process on a throwaway PostgreSQL cluster: 50
// agents' desks connected (each its own session, address, poke stream and pull loop), a phone
// queue mapped to their group, and a phone system on the generic CTI endpoint: newCall → the call
// on every desk, answer → the answering agent's desk, and 100 calls a second for 10 s with every
// event accounted for. Measures; never judges (phone-report.mjs). Stops only what it started.

import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runnerImport } from 'vite';
import { postCti } from '../scripts/cti-request.mjs';
import { CALLS, playCalls } from '../scripts/phone-scenarios.mjs';
import { startDeskServer } from './desk-server.mjs';
import { spreadOf } from './report.mjs';
import { client, signInFrom } from './walkup-latency-bench.mjs';

/** @typedef {import('./bench-types').PhoneBenchResults} PhoneBenchResults */
/** @typedef {import('../scripts/cti-request.mjs').CtiFields} CtiFields */
/** @typedef {import('../scripts/cti-request.mjs').CtiAnswer} CtiAnswer */

/**
 * @typedef {object} PhoneBenchDeps
 * @property {string} repoRoot
 * @property {string} serverMain the built desk server (main.js)
 * @property {(text: string) => void} say
 * @property {string} command
 * @property {string} [webRoot] the bench pages build (desk.html: the real UI on a store host)
 * @property {<T>(profile: string, work: (context: import('playwright-core').BrowserContext) => Promise<T>) => Promise<T>} [session]
 * @property {(context: import('playwright-core').BrowserContext, url: string) => Promise<import('playwright-core').Page>} [openPage]
 */

/**
 * @typedef {object} PhoneBenchOptions
 * @property {number} desks agents in the queue's group, each with a desk connected
 * @property {number} calls measured one at a time for the latency figures
 * @property {number} spacingMs between two measured calls
 * @property {number} rate calls announced a second in the burst
 * @property {number} seconds the burst's length
 * @property {number} ringMs in the burst, newCall → answer
 * @property {number} talkMs in the burst, answer → hangup
 * @property {number} [browserCalls] answered on a real desk in Chromium (answer → form prefilled)
 */

/** @typedef {import('./sync-bench.mjs').PgClusterModule} PgClusterModule */

/**
 * A call as a desk pulls it (shared/domain/call.ts), the fields the bench reads.
 * @typedef {{ callId: string; state: string; answeredBy: string | null }} PulledCall
 */

const PASSWORD = 'deskpad-demo';
const ADMIN = 'demo.admin';
/** The demo's agent, who answers the browser phase's calls on a real desk. */
const DEMO_AGENT = { id: 'usr_000001', userName: 'demo.agent', name: 'Demo Agent' };
const AGENT_PASSWORD = 'phone bench agent password';
const QUEUE = 'helpdesk';
const DEMO_USERS = 200;
const ARRIVAL_TIMEOUT_MS = 5000;
const SETTLE_TIMEOUT_MS = 120_000;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {() => boolean} done @param {number} timeoutMs */
async function waitFor(done, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await sleep(5);
  return done();
}

/** @param {string} repoRoot */
async function loadServerParts(repoRoot) {
  /** @param {string} file @returns {Promise<unknown>} */
  const load = async (file) =>
    (await runnerImport(path.join(repoRoot, file), { configFile: false, logLevel: 'warn' })).module;
  return {
    pgCluster: /** @type {PgClusterModule} */ (await load('server/testing/pg-cluster.ts')),
    generator: /** @type {typeof import('../shared/demo/directory-generator')} */ (
      await load('shared/demo/directory-generator.ts')
    ),
  };
}

/**
 * An admin operation (`POST /api/v1/admin/<name>`) that must succeed.
 * @param {ReturnType<typeof client>} http @param {string} token @param {string} name @param {unknown} input
 */
async function admin(http, token, name, input) {
  const answer = await http.request('POST', `/api/v1/admin/${name}`, input, token);
  if (answer.status >= 300)
    throw new Error(`${name} answered ${answer.status}: ${JSON.stringify(answer.json)}`);
  return answer.json;
}

/**
 * An agent's desk: signs in from its own address (changing the temporary password first), holds
 * its poke stream and pulls on every poke until nothing more, as the store host's sync engine
 * does; reports each call in each pull answer with the time the answer arrived.
 * @param {string} url @param {number} index @param {string} userName
 * @param {(call: PulledCall, at: number) => void} onCall
 */
async function connectDesk(url, index, userName, onCall) {
  const http = client(url, `127.0.1.${index + 1}`);
  const first = await signInFrom(http, userName, `${AGENT_PASSWORD} (temporary)`);
  const changed = await http.request(
    'POST',
    '/api/v1/sessions/password',
    { currentPassword: `${AGENT_PASSWORD} (temporary)`, newPassword: AGENT_PASSWORD },
    first.token,
  );
  if (changed.status >= 300) throw new Error(`The password change answered ${changed.status}.`);
  const { token } = await signInFrom(http, userName, AGENT_PASSWORD);
  const clientId = `phone-bench-desk-${index}-${Date.now()}`;
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
          for (const call of answer.json.calls ?? []) onCall(call, at);
          cursor = answer.json.cursor;
          if (!answer.json.more) break;
        }
      } while (again);
    } finally {
      pulling = false;
    }
  };
  await pull();
  let errors = 0;
  // A failed pull (a reset connection under load) is tried again, as the sync engine's loop does.
  const pullAgain = () =>
    pull().catch(() => {
      errors += 1;
      setTimeout(() => void pullAgain(), 100);
    });
  await http.stream('/api/v1/sync/events', token, (event) => {
    if (event === 'poke') void pullAgain();
  });
  return { close: http.close, errors: () => errors };
}

/**
 * @param {PhoneBenchDeps} deps
 * @param {PhoneBenchOptions} options
 * @returns {Promise<PhoneBenchResults>}
 */
export async function runPhoneBench(deps, options) {
  const { say } = deps;
  const started = performance.now();
  const loads = [os.loadavg()[0] ?? 0];
  const sampler = setInterval(() => loads.push(os.loadavg()[0] ?? 0), 5000);
  const parts = await loadServerParts(deps.repoRoot);
  const bin = parts.pgCluster.findPgBinaries();
  if (!bin) throw new Error('The phone figures need PostgreSQL server binaries (PG_BIN).');
  const cluster = await parts.pgCluster.startPgCluster(bin);
  const database = `PostgreSQL ${path.basename(path.dirname(bin))} (throwaway cluster)`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskpad-phone-bench-'));
  /** @type {{ close(): void }[]} */
  const closers = [];
  /** @type {Awaited<ReturnType<typeof startDeskServer>> | null} */
  let server = null;
  /** @type {pg.Client | null} */
  let db = null;
  try {
    const databaseUrl = await cluster.createDatabase('deskpad_phone');
    say(`A desk server on ${database} (${DEMO_USERS} demo users)…`);
    server = await startDeskServer({
      main: deps.serverMain,
      cwd: deps.repoRoot,
      args: [
        '--data',
        dataDir,
        '--demo',
        '--demo-users',
        String(DEMO_USERS),
        ...(deps.webRoot ? ['--web', deps.webRoot] : []),
      ],
      env: { LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl },
    });
    const url = server.url;

    // The organization: a group of agents, its phone queue, an integration with its token.
    const office = client(url, '127.0.0.2');
    closers.push(office);
    const adminSession = await signInFrom(office, ADMIN, PASSWORD);
    say(`Creating ${options.desks} agents in one group (Administration's API)…`);
    const group = await admin(office, adminSession.token, 'groups.create', {
      name: 'Phone bench',
      description: 'The agents the phone bench queue rings for',
    });
    const groupId = /** @type {string} */ (group.group.id);
    /** @type {{ id: string; userName: string }[]} */
    const agents = [];
    for (let i = 0; i < options.desks; i++) {
      const userName = `phone.bench${String(i + 1).padStart(2, '0')}`;
      const created = await admin(office, adminSession.token, 'agents.create', {
        userName,
        firstName: 'Phone',
        lastName: `Bench ${i + 1}`,
        email: '',
        roles: ['agent'],
        temporaryPassword: `${AGENT_PASSWORD} (temporary)`,
      });
      const agentId = /** @type {string} */ (created.agent.id);
      await admin(office, adminSession.token, 'groups.add-member', { groupId, userId: agentId });
      agents.push({ id: agentId, userName });
    }
    // Administration → Integrations and → Phone queues, as an administrator sets them up.
    const integration = await admin(office, adminSession.token, 'integrations.create', {
      name: 'Phone bench',
      locationId: null,
    });
    const integrationId = /** @type {string} */ (integration.integration.id);
    await admin(office, adminSession.token, 'phone-queues.create', { name: QUEUE, groupId });
    const ctiUrl = `${url}/api/v1/cti/${/** @type {string} */ (integration.token)}`;
    // The database is only read: whether every call ended as the phone system announced it.
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();

    // Who calls: demo users who are not agents, by the number the phone system sends.
    const callers = parts.generator
      .generateDirectory({ users: DEMO_USERS, seed: 1 })
      .users.filter((u) => u.roles.length === 0)
      .map((u) => u.phone.replace(/\D/g, ''));
    const callerAt = (/** @type {number} */ n) => callers[n % callers.length] ?? '';
    const callerPeople = parts.generator
      .generateDirectory({ users: DEMO_USERS, seed: 1 })
      .users.filter((u) => u.roles.length === 0 && u.phone !== '')
      .map((u) => ({ name: u.name, digits: u.phone.replace(/\D/g, '') }));

    /**
     * Per call id: when each desk first had it, when the answering agent's desk had it answered,
     * and the state each desk holds now.
     * @typedef {{ first: Map<number, number>; answeredAt: number | null; answeredBy: string; state: Map<number, string> }} Arrivals
     * @type {Map<string, Arrivals>}
     */
    const seen = new Map();
    const track = (/** @type {string} */ callId, /** @type {string} */ answeredBy) => {
      /** @type {Arrivals} */
      const entry = { first: new Map(), answeredAt: null, answeredBy, state: new Map() };
      seen.set(callId, entry);
      return entry;
    };
    /** @type {(() => number)[]} */
    const deskErrors = [];
    say(`Connecting ${options.desks} desks (sessions, poke streams, first pulls)…`);
    for (const [i, agent] of agents.entries()) {
      const desk = await connectDesk(url, i, agent.userName, (call, at) => {
        const entry = seen.get(call.callId);
        if (!entry) return;
        if (!entry.first.has(i)) entry.first.set(i, at);
        entry.state.set(i, call.state);
        if (
          entry.answeredAt === null &&
          call.answeredBy === entry.answeredBy &&
          agent.id === entry.answeredBy
        )
          entry.answeredAt = at;
      });
      closers.push(desk);
      deskErrors.push(desk.errors);
    }

    // The phone system: one address, keep-alive connections, as a PBX's CTI script holds them.
    const phoneSystem = new http.Agent({
      keepAlive: true,
      maxSockets: 64,
      localAddress: '127.0.0.5',
    });
    closers.push({ close: () => phoneSystem.destroy() });
    /** @param {CtiFields} fields @param {'json' | 'form'} [format] */
    const send = (fields, format = 'json') =>
      postCti(ctiUrl, fields, format, { agent: phoneSystem });

    say('Baseline: the health endpoint’s round trip from the phone system’s address…');
    /** @type {number[]} */
    const healthMs = [];
    for (let n = 0; n < 50; n++) {
      const t0 = performance.now();
      await new Promise((resolve, reject) => {
        http
          .get(`${url}/api/v1/health`, { agent: phoneSystem }, (res) => {
            res.resume();
            res.on('end', resolve);
          })
          .on('error', reject);
      });
      healthMs.push(performance.now() - t0);
    }

    say(`${options.calls} calls one at a time: newCall → every desk, answer → the agent's desk…`);
    /** @type {number[]} */
    const newCallRequestMs = [];
    /** @type {number[]} */
    const everyDeskMs = [];
    /** @type {number[]} */
    const everyDeskAfterAnswerMs = [];
    /** @type {number[]} */
    const answerMs = [];
    let missing = 0;
    for (let n = 0; n < options.calls; n++) {
      const agent = /** @type {{ id: string; userName: string }} */ (agents[n % agents.length]);
      const call = CALLS['inbound-answered']({
        from: callerAt(n),
        queue: QUEUE,
        user: [],
        answering: {
          name: `Phone Bench ${(n % agents.length) + 1}`,
          answeringNumber: agent.userName,
        },
        newCallId: () => `phone-bench-latency-${n}-${Date.now()}`,
      });
      const [ring, answer, hangup] = call.steps;
      if (!ring || !answer || !hangup) throw new Error('inbound-answered has three steps.');
      const entry = track(ring.fields.callId, agent.id);
      const format = n % 2 === 0 ? 'json' : 'form';
      const sentAt = performance.now();
      const rang = await send(ring.fields, format);
      newCallRequestMs.push(rang.ms);
      if (rang.status >= 300) throw new Error(`newCall answered ${rang.status}: ${rang.text}`);
      if (await waitFor(() => entry.first.size === agents.length, ARRIVAL_TIMEOUT_MS)) {
        const last = Math.max(...entry.first.values());
        everyDeskMs.push(last - sentAt);
        everyDeskAfterAnswerMs.push(Math.max(0, last - (sentAt + rang.ms)));
      } else missing += agents.length - entry.first.size;
      const answerSentAt = performance.now();
      const answered = await send(answer.fields, format);
      if (answered.status >= 300) throw new Error(`answer answered ${answered.status}.`);
      if (await waitFor(() => entry.answeredAt !== null, ARRIVAL_TIMEOUT_MS))
        answerMs.push((entry.answeredAt ?? answerSentAt) - answerSentAt);
      else missing += 1;
      const hung = await send(hangup.fields, format);
      if (hung.status >= 300) throw new Error(`hangup answered ${hung.status}.`);
      await sleep(options.spacingMs);
    }

    /** @type {number[]} */
    const formPrefilledMs = [];
    const browserCalls = options.browserCalls ?? 0;
    if (browserCalls > 0 && deps.session && deps.openPage && deps.webRoot) {
      const { session, openPage } = deps;
      // Demo Agent joins the queue's group and answers on the real desk, in Chromium.
      await admin(office, adminSession.token, 'groups.add-member', {
        groupId,
        userId: DEMO_AGENT.id,
      });
      say(
        `${browserCalls} calls answered on Demo Agent's desk in Chromium: answer → form prefilled…`,
      );
      const profile = await mkdtemp(path.join(os.tmpdir(), 'deskpad-phone-bench-profile-'));
      closers.push({ close: () => void rm(profile, { recursive: true, force: true }) });
      await session(profile, async (context) => {
        const page = await openPage(context, `${url}/desk.html?users=${DEMO_USERS}&db=bench-phone`);
        await page.waitForFunction(() => 'deskpadDesk' in window);
        await page.evaluate(() => window.deskpadDesk.ready());
        await page.evaluate(
          ([user, password]) => window.deskpadDesk.signIn(user, password),
          /** @type {const} */ ([DEMO_AGENT.userName, PASSWORD]),
        );
        for (let n = 0; n < browserCalls; n++) {
          await page.getByRole('button', { name: 'New interaction', exact: true }).waitFor();
          const caller = callerPeople[(n * 7) % callerPeople.length];
          if (!caller) throw new Error('The demo directory has no callers.');
          const call = CALLS['inbound-answered']({
            from: caller.digits,
            queue: QUEUE,
            user: [],
            answering: { name: DEMO_AGENT.name, answeringNumber: DEMO_AGENT.userName },
            newCallId: () => `phone-bench-browser-${n}-${Date.now()}`,
          });
          const [ring, answer, hangup] = call.steps;
          if (!ring || !answer || !hangup) throw new Error('inbound-answered has three steps.');
          await send(ring.fields);
          await page
            .getByRole('article', { name: new RegExp(`^Incoming call\\s+${caller.name}`) })
            .waitFor({ timeout: ARRIVAL_TIMEOUT_MS });
          // The page notes the wall-clock time the form shows the caller, checked every frame.
          const prefilled = page.evaluate(
            ([name, timeout]) =>
              new Promise((resolve) => {
                const until = Date.now() + timeout;
                const check = () => {
                  const named = (/** @type {HTMLInputElement} */ input) =>
                    input.getAttribute('aria-label') === 'Opened for' ||
                    [...(input.labels ?? [])].some((l) => l.textContent?.trim() === 'Opened for') ||
                    (input.getAttribute('aria-labelledby') ?? '')
                      .split(' ')
                      .some(
                        (id) => document.getElementById(id)?.textContent?.trim() === 'Opened for',
                      );
                  const field = [...document.querySelectorAll('input')].find(named);
                  const heading = [...document.querySelectorAll('h2')].some(
                    (h) => h.textContent === 'New interaction',
                  );
                  if (heading && field?.value === name) resolve(Date.now());
                  else if (Date.now() > until) resolve(null);
                  else requestAnimationFrame(check);
                };
                check();
              }),
            /** @type {const} */ ([caller.name, ARRIVAL_TIMEOUT_MS]),
          );
          const sentAt = Date.now();
          await send(answer.fields);
          const at = /** @type {number | null} */ (await prefilled);
          if (at === null) missing += 1;
          else formPrefilledMs.push(at - sentAt);
          await send(hangup.fields);
          // The agent wraps up and closes, as after every call: the next call opens a fresh form.
          await page.getByRole('heading', { name: 'New interaction', exact: true }).waitFor();
          await page
            .getByRole('combobox', { name: 'Short description', exact: true })
            .fill(`Phone bench call ${n + 1}`);
          await page.getByRole('button', { name: 'Close interaction', exact: true }).click();
          // The form's State reads Closed Complete (a <dd> in the form's header).
          await page
            .getByRole('definition')
            .filter({ hasText: /^Closed Complete$/ })
            .first()
            .waitFor({ timeout: ARRIVAL_TIMEOUT_MS });
          await sleep(options.spacingMs);
        }
      });
    }

    const burstCalls = options.rate * options.seconds;
    say(
      `${burstCalls} calls announced at ${options.rate} a second (newCall, answer after ${options.ringMs} ms, hangup after ${options.talkMs} ms)…`,
    );
    /** @type {{ startMs: number; call: import('../scripts/phone-scenarios.mjs').SimulatedCall }[]} */
    const plan = [];
    /** @type {Map<string, string>} call id → the agent id who answers it */
    const expectedAgent = new Map();
    const runId = Date.now().toString(36);
    for (let n = 0; n < burstCalls; n++) {
      const agent = /** @type {{ id: string; userName: string }} */ (agents[n % agents.length]);
      const call = CALLS['inbound-answered']({
        from: callerAt(n + options.calls),
        queue: QUEUE,
        user: [],
        answering: {
          name: `Phone Bench ${(n % agents.length) + 1}`,
          answeringNumber: agent.userName,
        },
        ringMs: options.ringMs,
        talkMs: options.talkMs,
        newCallId: () => `phone-bench-burst-${runId}-${n}`,
      });
      const callId = call.steps[0]?.fields.callId ?? '';
      expectedAgent.set(callId, agent.id);
      track(callId, agent.id);
      plan.push({ startMs: (n * 1000) / options.rate, call });
    }
    /** @type {number[]} */
    const newCallSentAt = [];
    let formNext = false;
    const burstStarted = performance.now();
    const sent = await playCalls(plan, {
      send: (fields) => {
        if (fields.event === 'newCall') newCallSentAt.push(performance.now());
        // Half the requests in each encoding, as a mixed estate of phone systems would send.
        formNext = !formNext;
        return send(fields, formNext ? 'form' : 'json');
      },
      sleep,
      onSent: () => undefined,
    });
    const lastSentAt = performance.now();
    const burstIds = [...expectedAgent.keys()];
    const settled = () =>
      burstIds.every((id) => {
        const entry = seen.get(id);
        return (
          entry !== undefined &&
          entry.state.size === agents.length &&
          [...entry.state.values()].every((s) => s === 'Ended')
        );
      });
    const caughtUp = await waitFor(settled, SETTLE_TIMEOUT_MS);
    const desksCaughtUpMs = caughtUp ? performance.now() - lastSentAt : null;
    const desksBehind = burstIds.reduce((sum, id) => {
      const entry = seen.get(id);
      const ended = entry ? [...entry.state.values()].filter((s) => s === 'Ended').length : 0;
      return sum + (agents.length - ended);
    }, 0);

    const rows = await db.query(
      `SELECT call_id, state, answered_by FROM calls WHERE integration = $1 AND call_id = ANY($2)`,
      [integrationId, burstIds],
    );
    const wrongState =
      burstIds.length -
      rows.rows.filter(
        (row) => row.state === 'Ended' && row.answered_by === expectedAgent.get(row.call_id),
      ).length;
    const logged = await db.query(
      `SELECT count(*)::int AS n FROM cti_events WHERE integration = $1 AND call_id = ANY($2)`,
      [integrationId, burstIds],
    );
    const firstNewCall = Math.min(...newCallSentAt);
    const lastNewCall = Math.max(...newCallSentAt);
    loads.push(os.loadavg()[0] ?? 0);
    return {
      date: new Date().toISOString(),
      command: deps.command,
      database,
      desks: agents.length,
      calls: options.calls,
      spacingMs: options.spacingMs,
      loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
      healthRoundTrip: spreadOf(healthMs),
      newCallRequest: spreadOf(newCallRequestMs),
      newCallEveryDesk: spreadOf(everyDeskMs),
      newCallEveryDeskAfterAnswer: spreadOf(everyDeskAfterAnswerMs),
      answerAgentDesk: spreadOf(answerMs),
      ...(formPrefilledMs.length > 0 ? { answerFormPrefilled: spreadOf(formPrefilledMs) } : {}),
      missing,
      burst: {
        rate: options.rate,
        seconds: options.seconds,
        ringMs: options.ringMs,
        talkMs: options.talkMs,
        calls: burstCalls,
        events: sent.length,
        announcedPerSecond:
          lastNewCall > firstNewCall ? ((burstCalls - 1) * 1000) / (lastNewCall - firstNewCall) : 0,
        sendSeconds: (lastSentAt - burstStarted) / 1000,
        request: spreadOf(sent.flatMap((e) => (e.answer ? [e.answer.ms] : []))),
        non2xx: sent.filter((e) => !e.answer || e.answer.status < 200 || e.answer.status >= 300)
          .length,
        wrongState,
        eventsLogged: /** @type {number} */ (logged.rows[0]?.n ?? 0),
        desksCaughtUpMs,
        desksBehind,
        deskPullErrors: deskErrors.reduce((sum, errors) => sum + errors(), 0),
      },
      wallSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    clearInterval(sampler);
    for (const closer of closers) closer.close();
    await db?.end();
    await server?.stop();
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
