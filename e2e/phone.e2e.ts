// The phone desk end to end (issue 13): the phone-system simulator's call sequences sent to a real desk
// server's CTI endpoint, two agents' desks in Chromium. A known caller pops on both desks, agent A
// answers (the interaction prefilled, the call timer running), hangs up (Wrap Up) and closes (handle
// time recorded); an unknown number; a shared number; a missed call logged afterwards; a blocked
// number rejected; the desk reloaded mid-call keeps the timer.

import { afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { DEMO_NUMBERS } from '../scripts/phone-scenarios.mjs';
import { DEMO_AGENT, DEMO_SECOND_AGENT, demoDirectory } from './support/demo-directory';
import { Desk } from './support/desk';
import { waitUntilSynced } from './support/flows';
import { useBrowser, useDeskServerApp } from './support/harness';
import { PhoneDesk } from './support/phone-desk';
import {
  blockNumber,
  createCtiIntegration,
  importSharedNumber,
  type SharedNumberPeople,
} from './support/phone-server';
import { PhoneSystem } from './support/phone-system';
import { prepareLocation } from './support/walk-up-server';

const app = useDeskServerApp();
const browser = useBrowser();

/** The banner must show within a second of newCall (issue 13); the margin is the shared machine's. */
const POP_TIMEOUT_MS = 3000;

/** The demo's printer-example caller, whom the simulator calls from by default. */
const knownCaller = demoDirectory.users.find((u) => u.userName === 'joaquin.hoang');
if (!knownCaller) throw new Error('the demo directory has no joaquin.hoang');

/** The call rings for both agents (`user[]`); agent A (demo.agent) answers. */
const forBothAgents = {
  user: [DEMO_AGENT.name, DEMO_SECOND_AGENT.name],
  answering: { name: DEMO_AGENT.name, answeringNumber: DEMO_AGENT.userName },
};

let phone: PhoneSystem;
let phoneForms: PhoneSystem;
let shared: SharedNumberPeople;

beforeAll(async () => {
  const serverUrl = app.server().url;
  const location = await prepareLocation(serverUrl, {});
  const url = await createCtiIntegration(serverUrl, 'Phone e2e — Asterisk', location);
  phone = new PhoneSystem(url, 'json');
  phoneForms = new PhoneSystem(url, 'form');
  await blockNumber(serverUrl, `+${DEMO_NUMBERS.blockedCaller}`);
  shared = await importSharedNumber(serverUrl, `+${DEMO_NUMBERS.sharedNumber}`);
});

afterEach(async () => {
  await phone.endAll();
  await phoneForms.endAll();
});

const signIn = async (test: TestContext, who = DEMO_AGENT) => {
  const tab = await browser.newPage(test, {}, who.userName);
  return new PhoneDesk(await Desk.signIn(tab.page, app.url(), who));
};

describe('The phone desk', () => {
  it('pops a known caller on two desks; A answers, talks, wraps up and closes', async (test) => {
    const agentA = await signIn(test, DEMO_AGENT);
    const agentB = await signIn(test, DEMO_SECOND_AGENT);
    const call = phoneForms.call('inbound-answered', forBothAgents);

    await call.ring();
    await agentA.banner(knownCaller.name).waitFor({ timeout: POP_TIMEOUT_MS });
    await agentB.banner(knownCaller.name).waitFor({ timeout: POP_TIMEOUT_MS });
    expect(await agentA.banner(knownCaller.name).textContent()).toContain('Ringing');

    // The phone system says A picked up: A's desk opens the call's interaction, filled in.
    await call.answer();
    const desk = agentA.desk;
    await desk.page.getByRole('heading', { name: 'New interaction', exact: true }).waitFor();
    await expect.poll(() => desk.field('Opened for').inputValue()).toBe(knownCaller.name);
    expect(await desk.shownValue(desk.field('Type'))).toBe('Phone');
    expect(await desk.field('Contact phone').inputValue()).toBe(knownCaller.phone);
    // The banner goes on both desks: the call is answered.
    await expect.poll(() => agentB.banners().count()).toBe(0);
    // The call timer runs while they talk.
    const first = await agentA.timerSeconds();
    await expect.poll(() => agentA.timerSeconds(), { timeout: 5000 }).toBeGreaterThan(first);

    await desk.typeInto('Short description', 'Cannot print on LON-RH-F1-PRN01');
    await desk.save();
    await call.hangUp();
    await desk.waitForState('Wrap Up');
    const wrapUp = agentA.wrapUpTimer();
    await wrapUp.waitFor();
    await expect.poll(() => agentA.timerSeconds(wrapUp), { timeout: 5000 }).toBeGreaterThan(0);
    await desk.pressButton('Close interaction');
    await desk.waitForState('Closed Complete');
    const number = await waitUntilSynced(desk);

    const reader = await app.reader();
    await expect
      .poll(async () => (await reader.interaction(number))?.handleTimeSeconds ?? 0)
      .toBeGreaterThan(0);
    const closed = await reader.interaction(number);
    expect(closed?.type).toBe('Phone');
    expect(closed?.openedFor).toBe(knownCaller.id);
  });

  it('says "Unknown caller" for a number nobody has, with Look up', async (test) => {
    const agent = await signIn(test);
    const call = phone.call('unknown-number', forBothAgents);
    await call.ring();
    const banner = agent.banner(/^Incoming call\s+Unknown caller/);
    await banner.waitFor({ timeout: POP_TIMEOUT_MS });
    expect(await banner.textContent()).toContain('+44');
    await banner.getByRole('button', { name: 'Look up' }).waitFor();
    await call.answer();
    await call.hangUp();
    await expect.poll(() => agent.banners().count()).toBe(0);
  });

  it('lists everyone who shares the number, and the answered form offers them', async (test) => {
    const agent = await signIn(test);
    const call = phone.call('shared-number', { ...forBothAgents, from: DEMO_NUMBERS.sharedNumber });
    await call.ring();
    const people = agent.page.getByRole('list', { name: 'People with this number' });
    await people.waitFor({ timeout: POP_TIMEOUT_MS });
    for (const name of shared.names) expect(await people.textContent()).toContain(name);
    await call.answer();
    const desk = agent.desk;
    await desk.page.getByRole('heading', { name: 'New interaction', exact: true }).waitFor();
    // One key picks among the candidates: the list has the focus, 1–9 name them.
    const pick = desk.page.getByRole('group', { name: /people have/ });
    await pick.waitFor();
    const buttons = await pick.getByRole('button').allTextContents();
    for (const name of shared.names) expect(buttons.join('\n')).toContain(name);
    const chosen = shared.names[shared.names.length - 1] ?? '';
    const key = buttons.findIndex((text) => text.includes(chosen)) + 1;
    expect(key).toBeGreaterThan(0);
    await desk.key(String(key));
    await expect.poll(() => desk.field('Opened for').inputValue()).toBe(chosen);
    await call.hangUp();
  });

  it('logs a missed call in Calls, and Log as interaction opens it for the caller', async (test) => {
    const agent = await signIn(test);
    const call = phone.call('inbound-missed', { ...forBothAgents, cause: 'cancel' });
    await call.ring();
    await agent.banner(knownCaller.name).waitFor({ timeout: POP_TIMEOUT_MS });
    await call.hangUp();
    await expect.poll(() => agent.banners().count()).toBe(0);

    const calls = await agent.showCalls();
    const row = agent.callRow(calls, knownCaller.name).filter({ hasText: 'Missed' }).first();
    await row.waitFor();
    await agent.desk.press(row.getByRole('button', { name: 'Log as interaction' }));
    const desk = agent.desk;
    await desk.page.getByRole('heading', { name: 'New interaction', exact: true }).waitFor();
    await expect.poll(() => desk.field('Opened for').inputValue()).toBe(knownCaller.name);
    await desk.typeInto('Short description', 'Called back about the missed call');
    await desk.save();
    const number = await waitUntilSynced(desk);
    await agent.showCalls();
    await expect
      .poll(async () => (await agent.callRow(calls, knownCaller.name).allTextContents()).join('\n'))
      .toContain(number);
  });

  it('rejects a number on the block list and pops nothing', async (test) => {
    const agent = await signIn(test);
    const call = phone.call('blocked', forBothAgents);
    // The phone system is told {"action":"reject"} (checked by PhoneCall), then ends the call.
    await call.ring();
    await call.hangUp();
    // Nothing rang on the desk: a second after, still no banner for that number.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await agent.banners().count()).toBe(0);
  });

  it('keeps the call timer running across a reload of the desk mid-call', async (test) => {
    const agent = await signIn(test);
    const call = phone.call('inbound-answered', forBothAgents);
    await call.ring();
    await call.answer();
    const desk = agent.desk;
    await desk.page.getByRole('heading', { name: 'New interaction', exact: true }).waitFor();
    await expect.poll(() => agent.timerSeconds(), { timeout: 8000 }).toBeGreaterThanOrEqual(3);
    const before = await agent.timerSeconds();

    await desk.page.reload();
    await desk.waitUntilReady(DEMO_AGENT.name);
    await agent.callTimer().waitFor();
    // It goes on from where it was (the call's answer time), never from zero.
    expect(await agent.timerSeconds()).toBeGreaterThanOrEqual(before);
    await call.hangUp();
  });
});
