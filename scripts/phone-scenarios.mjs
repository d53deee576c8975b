// The call sequences a phone system sends over the generic CTI interface, as Zammad's
// documentation shows them (newCall, ringing, answer, talking, hangup with its cause), and the
// runner that plays them in real time. Builds and schedules; the bytes are cti-request.mjs's.

import { randomUUID } from 'node:crypto';
import { readAction } from './cti-request.mjs';

/** @typedef {import('./cti-request.mjs').CtiFields} CtiFields */
/** @typedef {import('./cti-request.mjs').CtiAnswer} CtiAnswer */

/**
 * @typedef {object} CtiStep
 * @property {CtiFields} fields
 * @property {number} waitMs after the call's previous step (ringing before answer, talking before hangup)
 * @property {'continue' | 'reject'} expect what the server must tell the phone system
 */

/**
 * @typedef {object} SimulatedCall
 * @property {string} scenario
 * @property {CtiStep[]} steps
 */

/**
 * The demo desk's numbers (`npm start`, demo directory seed 1), written as phone systems send them:
 * country code first, no plus. scripts/phone-scenarios.test.ts checks them against the directory.
 */
export const DEMO_NUMBERS = {
  /** The service desk's line, in the fictional 555-01xx range. */
  desk: '15550100100',
  /** Joaquín Hoàng (usr_000035), the printer example's caller: +1 555 308 4901. */
  knownCaller: '15553084901',
  /** Nobody's: the UK's drama range (Ofcom), "Unknown caller +44 …". */
  unknownCaller: '442079460958',
  /** For the `blocked` scenario: put it on the location's block list first. */
  blockedCaller: '15550199999',
  /** For `shared-number`: give this number to two users first (the demo has none shared). */
  sharedNumber: '15550100123',
};

/** The first two demo desk agents, by real name as `user[]` names them, and how the PBX names the one who answers. */
export const DEMO_AGENTS = {
  notified: ['Demo Agent', 'Rhys Cruz'],
  answering: { name: 'Demo Agent', answeringNumber: 'demo.agent' },
};

export const SCENARIOS = /** @type {const} */ ([
  'inbound-answered',
  'inbound-missed',
  'blocked',
  'shared-number',
  'unknown-number',
  'outbound',
  'burst',
  'all',
]);
/** @typedef {(typeof SCENARIOS)[number]} ScenarioName */

/** What `all` plays, one call after the other. */
export const ALL_SCENARIOS = /** @type {const} */ ([
  'inbound-answered',
  'inbound-missed',
  'blocked',
  'shared-number',
  'unknown-number',
  'outbound',
]);

/**
 * @typedef {object} CallOptions
 * @property {string} [from] the outside party's number (the caller inbound, the callee outbound)
 * @property {string} [to] the desk's number
 * @property {string[]} [user] the agents the call rings for (`user[]`)
 * @property {string} [queue]
 * @property {{ name: string; answeringNumber: string }} [answering]
 * @property {string} [cause] the hangup cause of a missed call: cancel (default) or noAnswer
 * @property {number} [ringMs] ringing before answer or hangup; 3 s by default
 * @property {number} [talkMs] talking before hangup; 8 s by default
 * @property {() => string} [newCallId]
 */

export const DEFAULT_RING_MS = 3000;
export const DEFAULT_TALK_MS = 8000;

/**
 * @param {CallOptions} options
 * @param {'in' | 'out'} direction
 * @param {string} defaultFrom
 */
function base(options, direction, defaultFrom) {
  const outside = options.from ?? defaultFrom;
  const desk = options.to ?? DEMO_NUMBERS.desk;
  return {
    from: direction === 'in' ? outside : desk,
    to: direction === 'in' ? desk : outside,
    direction,
    callId: (options.newCallId ?? randomUUID)(),
  };
}

/**
 * newCall, ringing, answer by an agent, talking, hangup normalClearing: Zammad's inbound example.
 * @param {string} scenario
 * @param {CallOptions} options
 * @param {string} defaultFrom
 * @returns {SimulatedCall}
 */
function answeredInbound(scenario, options, defaultFrom) {
  const call = base(options, 'in', defaultFrom);
  const answering = options.answering ?? DEMO_AGENTS.answering;
  const user = options.user ?? DEMO_AGENTS.notified;
  const queue = options.queue === undefined ? {} : { queue: options.queue };
  return {
    scenario,
    steps: [
      { fields: { event: 'newCall', ...call, user, ...queue }, waitMs: 0, expect: 'continue' },
      {
        fields: {
          event: 'answer',
          ...call,
          user: [answering.name],
          answeringNumber: answering.answeringNumber,
        },
        waitMs: options.ringMs ?? DEFAULT_RING_MS,
        expect: 'continue',
      },
      {
        fields: {
          event: 'hangup',
          ...call,
          user: [answering.name],
          answeringNumber: answering.answeringNumber,
          cause: 'normalClearing',
        },
        waitMs: options.talkMs ?? DEFAULT_TALK_MS,
        expect: 'continue',
      },
    ],
  };
}

/** @type {Record<Exclude<ScenarioName, 'burst' | 'all'>, (options: CallOptions) => SimulatedCall>} */
export const CALLS = {
  'inbound-answered': (options) =>
    answeredInbound('inbound-answered', options, DEMO_NUMBERS.knownCaller),
  'shared-number': (options) =>
    answeredInbound('shared-number', options, DEMO_NUMBERS.sharedNumber),
  'unknown-number': (options) =>
    answeredInbound('unknown-number', options, DEMO_NUMBERS.unknownCaller),
  /** The caller gives up while it rings (cancel), or the agents decline it (noAnswer). */
  'inbound-missed': (options) => {
    const call = base(options, 'in', DEMO_NUMBERS.knownCaller);
    const user = options.user ?? DEMO_AGENTS.notified;
    const queue = options.queue === undefined ? {} : { queue: options.queue };
    return {
      scenario: 'inbound-missed',
      steps: [
        { fields: { event: 'newCall', ...call, user, ...queue }, waitMs: 0, expect: 'continue' },
        {
          fields: { event: 'hangup', ...call, user, cause: options.cause ?? 'cancel' },
          waitMs: options.ringMs ?? DEFAULT_RING_MS,
          expect: 'continue',
        },
      ],
    };
  },
  /** Answered `{"action":"reject"}`; the PBX still ends the call (Zammad's warning), busy. */
  blocked: (options) => {
    const call = base(options, 'in', DEMO_NUMBERS.blockedCaller);
    const user = options.user ?? DEMO_AGENTS.notified;
    return {
      scenario: 'blocked',
      steps: [
        { fields: { event: 'newCall', ...call, user }, waitMs: 0, expect: 'reject' },
        { fields: { event: 'hangup', ...call, cause: 'busy' }, waitMs: 200, expect: 'continue' },
      ],
    };
  },
  /** An agent dials out (`user` is the calling agent); the callee picks up, they talk, hang up. */
  outbound: (options) => {
    const call = base(options, 'out', DEMO_NUMBERS.knownCaller);
    const agent = options.answering ?? DEMO_AGENTS.answering;
    return {
      scenario: 'outbound',
      steps: [
        {
          fields: { event: 'newCall', ...call, user: [agent.name] },
          waitMs: 0,
          expect: 'continue',
        },
        {
          fields: { event: 'answer', ...call },
          waitMs: options.ringMs ?? DEFAULT_RING_MS,
          expect: 'continue',
        },
        {
          fields: { event: 'hangup', ...call, user: [agent.name], cause: 'normalClearing' },
          waitMs: options.talkMs ?? DEFAULT_TALK_MS,
          expect: 'continue',
        },
      ],
    };
  },
};

/**
 * The calls a scenario plays, each with the time it starts at (ms after the run starts). `burst`
 * starts `rate` answered calls a second until `calls` have started; `all` plays the others in turn.
 * @param {ScenarioName} scenario
 * @param {CallOptions & { rate?: number; calls?: number }} options
 * @returns {{ startMs: number; call: SimulatedCall }[]}
 */
export function planScenario(scenario, options) {
  if (scenario === 'burst') {
    const rate = options.rate ?? 10;
    const count = options.calls ?? rate * 10;
    return Array.from({ length: count }, (_, n) => ({
      startMs: (n * 1000) / rate,
      call: answeredInbound('burst', options, DEMO_NUMBERS.knownCaller),
    }));
  }
  const names = scenario === 'all' ? ALL_SCENARIOS : [scenario];
  let startMs = 0;
  return names.map((name) => {
    const call = CALLS[name](options);
    const planned = { startMs, call };
    // The next call rings a second after this one ends.
    startMs += call.steps.reduce((sum, step) => sum + step.waitMs, 0) + 1000;
    return planned;
  });
}

/**
 * @typedef {object} SentEvent
 * @property {string} scenario
 * @property {CtiStep} step
 * @property {CtiAnswer | null} answer null when the request itself failed
 * @property {string | null} problem why this answer is wrong, or null
 */

/**
 * Whether an answer is the one the phone system expects.
 * @param {CtiStep} step
 * @param {CtiAnswer} answer
 * @returns {string | null}
 */
export function judgeAnswer(step, answer) {
  if (answer.status >= 500) return `server error ${answer.status}`;
  const action = readAction(answer);
  if (action === 'invalid')
    return `unexpected answer ${answer.status} ${answer.text.slice(0, 200)}`;
  if (action !== step.expect)
    return step.expect === 'reject'
      ? `expected {"action":"reject"} (is ${step.fields.from} on the location's block list?)`
      : `unexpected {"action":"reject"} for ${step.fields.from}`;
  return null;
}

/**
 * Plays the planned calls in real time: each call's steps in order with their waits, the calls
 * started at their times and overlapping as real calls do. Resolves once every step was sent.
 * @param {{ startMs: number; call: SimulatedCall }[]} plan
 * @param {object} deps
 * @param {(fields: CtiFields) => Promise<CtiAnswer>} deps.send
 * @param {(ms: number) => Promise<void>} deps.sleep
 * @param {(event: SentEvent) => void} deps.onSent
 * @returns {Promise<SentEvent[]>}
 */
export async function playCalls(plan, deps) {
  /** @type {SentEvent[]} */
  const sent = [];
  const started = performance.now();
  const play = async (/** @type {{ startMs: number; call: SimulatedCall }} */ planned) => {
    await deps.sleep(Math.max(0, planned.startMs - (performance.now() - started)));
    for (const step of planned.call.steps) {
      if (step.waitMs > 0) await deps.sleep(step.waitMs);
      /** @type {SentEvent} */
      let event;
      try {
        const answer = await deps.send(step.fields);
        event = {
          scenario: planned.call.scenario,
          step,
          answer,
          problem: judgeAnswer(step, answer),
        };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        event = { scenario: planned.call.scenario, step, answer: null, problem: message };
      }
      sent.push(event);
      deps.onSent(event);
    }
  };
  await Promise.all(plan.map(play));
  return sent;
}

/**
 * One line per event: what was sent and what the server answered.
 * @param {SentEvent} event
 * @param {Date} at
 */
export function describeEvent(event, at) {
  const f = event.step.fields;
  const extra = [
    f.user ? `user[]=${f.user.join(',')}` : '',
    f.queue ? `queue=${f.queue}` : '',
    f.answeringNumber ? `answeringNumber=${f.answeringNumber}` : '',
    f.cause ? `cause=${f.cause}` : '',
  ].filter((part) => part !== '');
  const answer = event.answer
    ? `${event.answer.status} ${event.answer.text.slice(0, 120)} (${Math.round(event.answer.ms)} ms)`
    : 'no answer';
  return [
    at.toISOString().slice(11, 23),
    event.scenario.padEnd(16),
    f.event.padEnd(7),
    `${f.direction} ${f.from} → ${f.to}`,
    `callId=${f.callId}`,
    ...extra,
    `→ ${answer}`,
    ...(event.problem ? [`✘ ${event.problem}`] : []),
  ].join('  ');
}
