// The phone system of the phone e2e tests: the simulator's own call sequences and request builder
// (scripts/phone-scenarios.mjs, scripts/cti-request.mjs) sent to the real desk server one step at a
// time, so a test rings, answers and hangs up when the story says. Never a stand-in for the server.

import { expect } from 'vitest';
import { postCti, readAction, type CtiAnswer, type CtiFormat } from '../../scripts/cti-request.mjs';
import {
  CALLS,
  type CallOptions,
  type CtiStep,
  type SimulatedCall,
} from '../../scripts/phone-scenarios.mjs';

type ScenarioName = keyof typeof CALLS;

/** One call in progress: its steps sent in order, each answer checked as the phone system would. */
export class PhoneCall {
  private next = 0;
  readonly answers: CtiAnswer[] = [];
  private readonly url: string;
  private readonly call: SimulatedCall;
  private readonly format: CtiFormat;

  constructor(url: string, call: SimulatedCall, format: CtiFormat) {
    this.url = url;
    this.call = call;
    this.format = format;
  }

  /** The phone system's id for the call (`callId`), the same on every event. */
  get callId(): string {
    return this.call.steps[0]?.fields.callId ?? '';
  }

  /** The outside party's number as the phone system sends it. */
  get from(): string {
    return this.call.steps[0]?.fields.from ?? '';
  }

  /** The next event the call will send: 'newCall', 'answer' or 'hangup'. */
  get nextEvent(): string | null {
    return this.call.steps[this.next]?.fields.event ?? null;
  }

  /** Sends the next event and checks the answer: 2xx JSON, `{"action":"reject"}` only where expected. */
  async send(event: CtiStep['fields']['event']): Promise<CtiAnswer> {
    const step = this.call.steps[this.next];
    if (!step || step.fields.event !== event)
      throw new Error(
        `the ${this.call.scenario} call's next event is ${this.nextEvent}, not ${event}`,
      );
    this.next += 1;
    const answer = await postCti(this.url, step.fields, this.format);
    this.answers.push(answer);
    expect(answer.status, answer.text).toBe(200);
    expect(readAction(answer)).toBe(step.expect);
    return answer;
  }

  ring(): Promise<CtiAnswer> {
    return this.send('newCall');
  }

  answer(): Promise<CtiAnswer> {
    return this.send('answer');
  }

  hangUp(): Promise<CtiAnswer> {
    return this.send('hangup');
  }

  /** Ends a call left ringing or talking (a failed test's): sends its hangup, unchecked. */
  async endIfLive(): Promise<void> {
    if (this.next === 0) return;
    const index = this.call.steps.findIndex(
      (s, i) => i >= this.next && s.fields.event === 'hangup',
    );
    const hangup = this.call.steps[index];
    if (!hangup) return;
    this.next = this.call.steps.length;
    await postCti(this.url, hangup.fields, this.format);
  }
}

/** A phone system pointed at one integration's URL (`…/api/v1/cti/{token}`). */
export class PhoneSystem {
  readonly url: string;
  private readonly format: CtiFormat;
  private readonly calls: PhoneCall[] = [];

  constructor(url: string, format: CtiFormat = 'json') {
    this.url = url;
    this.format = format;
  }

  /** A call of one of the simulator's scenarios, not yet rung. */
  call(scenario: ScenarioName, options: CallOptions = {}, format = this.format): PhoneCall {
    const call = new PhoneCall(this.url, CALLS[scenario](options), format);
    this.calls.push(call);
    return call;
  }

  /** Hangs up every call this phone system began and did not end, so the next test starts quiet. */
  async endAll(): Promise<void> {
    const calls = this.calls.splice(0);
    for (const call of calls) await call.endIfLive();
  }
}
