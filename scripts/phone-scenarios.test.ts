// The call sequences as Zammad documents them, the demo numbers they call from, and the runner's
// judgement of the server's answers, played in real time against a loopback recorder.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDirectory } from '../server/demo/seed';
import { CtiEvent } from '../shared/domain/call';
import { ctiBody, postCti, type CtiFields } from './cti-request.mjs';
import {
  ALL_SCENARIOS,
  CALLS,
  DEMO_AGENTS,
  DEMO_NUMBERS,
  planScenario,
  playCalls,
  type SentEvent,
} from './phone-scenarios.mjs';

const ids = () => {
  let n = 0;
  return () => `call-${++n}`;
};

const shape = (scenario: keyof typeof CALLS) =>
  CALLS[scenario]({ newCallId: ids() }).steps.map((s) => [
    s.fields.event,
    s.fields.direction,
    s.fields.cause ?? '',
    s.expect,
  ]);

describe('the scenarios', () => {
  it('play the documented sequences with the right hangup causes', () => {
    expect(shape('inbound-answered')).toEqual([
      ['newCall', 'in', '', 'continue'],
      ['answer', 'in', '', 'continue'],
      ['hangup', 'in', 'normalClearing', 'continue'],
    ]);
    expect(shape('inbound-missed')).toEqual([
      ['newCall', 'in', '', 'continue'],
      ['hangup', 'in', 'cancel', 'continue'],
    ]);
    expect(shape('blocked')).toEqual([
      ['newCall', 'in', '', 'reject'],
      ['hangup', 'in', 'busy', 'continue'],
    ]);
    expect(shape('outbound')).toEqual([
      ['newCall', 'out', '', 'continue'],
      ['answer', 'out', '', 'continue'],
      ['hangup', 'out', 'normalClearing', 'continue'],
    ]);
  });

  it('keep one callId per call and the numbers the right way round', () => {
    const inbound = CALLS['inbound-answered']({ newCallId: ids() }).steps.map((s) => s.fields);
    expect(new Set(inbound.map((f) => f.callId))).toEqual(new Set(['call-1']));
    expect(inbound.map((f) => [f.from, f.to])).toEqual(
      Array(3).fill([DEMO_NUMBERS.knownCaller, DEMO_NUMBERS.desk]),
    );
    expect(inbound[0]?.user).toEqual(DEMO_AGENTS.notified);
    expect(inbound[1]).toMatchObject({ user: ['Demo Agent'], answeringNumber: 'demo.agent' });
    const outbound = CALLS.outbound({ from: '442079460000' }).steps.map((s) => s.fields);
    expect(outbound[0]).toMatchObject({ from: DEMO_NUMBERS.desk, to: '442079460000' });
    expect(outbound[0]?.user).toEqual(['Demo Agent']);
  });

  it('take the caller, queue, cause and timing the command line gives', () => {
    const missed = CALLS['inbound-missed']({
      from: '441134960000',
      queue: 'helpdesk',
      cause: 'noAnswer',
      ringMs: 500,
    });
    expect(missed.steps[0]?.fields).toMatchObject({ from: '441134960000', queue: 'helpdesk' });
    expect(missed.steps[1]).toMatchObject({ waitMs: 500, fields: { cause: 'noAnswer' } });
  });

  it('call from demo numbers that are who they say', () => {
    const users = demoDirectory({ users: 200, seed: 1 }).users;
    const digits = (phone: string) => phone.replace(/\D/g, '');
    const byNumber = (n: string) => users.filter((u) => digits(u.phone) === n);
    expect(byNumber(DEMO_NUMBERS.knownCaller).map((u) => u.userName)).toEqual(['joaquin.hoang']);
    for (const nobody of [
      DEMO_NUMBERS.unknownCaller,
      DEMO_NUMBERS.desk,
      DEMO_NUMBERS.blockedCaller,
      DEMO_NUMBERS.sharedNumber,
    ])
      expect(byNumber(nobody)).toEqual([]);
    const agents = users.filter((u) => u.roles.includes('agent'));
    expect(DEMO_AGENTS.notified.every((name) => agents.some((a) => a.name === name))).toBe(true);
    expect(agents.find((a) => a.name === DEMO_AGENTS.answering.name)?.userName).toBe(
      DEMO_AGENTS.answering.answeringNumber,
    );
  });

  it('send only events the endpoint’s schema accepts, the same in JSON and in form data', () => {
    const steps = [...ALL_SCENARIOS.flatMap((name) => CALLS[name]({}).steps)];
    expect(steps).toHaveLength(16);
    for (const { fields } of steps) {
      const fromJson = CtiEvent.parse(JSON.parse(ctiBody(fields, 'json').body));
      // Form data as the endpoint folds it: every user[] into user.
      const form = new URLSearchParams(ctiBody(fields, 'form').body);
      const folded: Record<string, string | string[]> = Object.fromEntries(
        [...form.keys()].filter((k) => k !== 'user[]').map((k) => [k, form.get(k) ?? '']),
      );
      if (form.has('user[]')) folded.user = form.getAll('user[]');
      const fromForm = CtiEvent.parse(folded);
      expect(fromForm).toEqual(fromJson);
      expect(fromJson).toMatchObject({
        event: fields.event,
        callId: fields.callId,
        from: fields.from,
      });
      expect(fromJson.user ?? []).toEqual(fields.user ?? []);
    }
  });

  it('plan `all` one call after the other and `burst` at the rate asked', () => {
    const all = planScenario('all', { ringMs: 100, talkMs: 200 });
    expect(all.map((p) => p.call.scenario)).toEqual([...ALL_SCENARIOS]);
    // inbound-answered rings 100 and talks 200 ms; the next call starts a second after.
    expect(all[1]?.startMs).toBe(1300);
    const burst = planScenario('burst', { rate: 100, calls: 1000 });
    expect(burst).toHaveLength(1000);
    expect(burst[100]?.startMs).toBe(1000);
    expect(new Set(burst.map((p) => p.call.steps[0]?.fields.callId)).size).toBe(1000);
  });
});

describe('playing calls at a server', () => {
  let server: http.Server;
  let url: string;
  const received: { at: number; body: Record<string, unknown> }[] = [];
  beforeAll(async () => {
    // Rejects the blocked number, fails on a callId containing "boom", else answers {}.
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        received.push({ at: performance.now(), body });
        const reject = body.event === 'newCall' && body.from === DEMO_NUMBERS.blockedCaller;
        res.writeHead(String(body.callId).includes('boom') ? 503 : 200);
        res.end(reject ? '{"action":"reject","reason":"busy"}' : '{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/cti/t`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const play = (plan: ReturnType<typeof planScenario>) => {
    const seen: SentEvent[] = [];
    return playCalls(plan, {
      send: (fields: CtiFields) => postCti(url, fields, 'json'),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      onSent: (event) => seen.push(event),
    }).then((sent) => ({ sent, seen }));
  };

  it('waits the ringing and talking times between a call’s events', async () => {
    received.length = 0;
    const { sent } = await play(planScenario('inbound-answered', { ringMs: 150, talkMs: 250 }));
    expect(sent.map((e) => e.problem)).toEqual([null, null, null]);
    const [rang, answered, hung] = received.map((r) => r.at);
    expect((answered ?? 0) - (rang ?? 0)).toBeGreaterThanOrEqual(145);
    expect((hung ?? 0) - (answered ?? 0)).toBeGreaterThanOrEqual(245);
  });

  it('accepts the reject for a blocked number and flags a reject or a 5xx where none belongs', async () => {
    const { sent } = await play([
      { startMs: 0, call: CALLS.blocked({}) },
      {
        startMs: 0,
        call: CALLS['inbound-missed']({ from: DEMO_NUMBERS.blockedCaller, ringMs: 0 }),
      },
      { startMs: 0, call: CALLS['inbound-missed']({ newCallId: () => 'boom-1', ringMs: 0 }) },
    ]);
    const problems = (scenario: string, callFrom: string) =>
      sent
        .filter((e) => e.scenario === scenario && e.step.fields.from === callFrom)
        .map((e) => e.problem);
    expect(problems('blocked', DEMO_NUMBERS.blockedCaller)).toEqual([null, null]);
    expect(problems('inbound-missed', DEMO_NUMBERS.blockedCaller)).toEqual([
      `unexpected {"action":"reject"} for ${DEMO_NUMBERS.blockedCaller}`,
      null,
    ]);
    expect(problems('inbound-missed', DEMO_NUMBERS.knownCaller)).toEqual([
      'server error 503',
      'server error 503',
    ]);
  });

  it('says when the server is not there at all', async () => {
    const { sent } = await playCalls(
      [{ startMs: 0, call: CALLS['inbound-missed']({ ringMs: 0 }) }],
      {
        send: (fields) => postCti('http://127.0.0.1:1/api/v1/cti/t', fields, 'json'),
        sleep: () => Promise.resolve(),
        onSent: () => undefined,
      },
    ).then((s) => ({ sent: s }));
    expect(sent.map((e) => [e.answer, typeof e.problem])).toEqual([
      [null, 'string'],
      [null, 'string'],
    ]);
  });
});
