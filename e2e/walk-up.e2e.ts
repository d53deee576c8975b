// The walk-up desk end to end (issue 12): a kiosk, a lobby board and two agent desks at one location of a
// real desk server. Three people check in, the board shows them in order with the estimate, agent A calls,
// starts and closes (the survey appears at the kiosk), agent B marks a no-show; all checked by the read API.

import { describe, expect, it } from 'vitest';
import { DEMO_AGENT, DEMO_SECOND_AGENT } from './support/demo-directory';
import { Desk, uniqueText } from './support/desk';
import { useBrowser, useDeskServerApp } from './support/harness';
import { WalkUpDesk } from './support/walk-up-desk';
import { boardName, inOrder, walkUpPeople } from './support/walk-up-people';
import { KioskPage, LobbyPage } from './support/walk-up-pages';
import {
  DEMO_WALK_UP_LOCATION,
  createWalkUpAccount,
  openVisitsReadApi,
  prepareLocation,
} from './support/walk-up-server';

const app = useDeskServerApp();
const browser = useBrowser();

const KIOSK_REASON = 'Laptop or PC problem';
const DESK_REASON = 'Printer';
const GUEST_REASON = 'Pick up equipment';

describe('The walk-up desk', () => {
  it('kiosk, lobby board and two desks: check in, call, start, close, survey, no-show', async (test) => {
    const serverUrl = app.server().url;
    // No-show is offered once the grace time has passed: none here, so the test need not wait minutes.
    const location = await prepareLocation(serverUrl, { graceMinutes: 0, vipFirst: true });
    const kioskAccount = await createWalkUpAccount(serverUrl, 'kiosk', 'entrance.kiosk');
    const lobbyAccount = await createWalkUpAccount(serverUrl, 'lobby', 'lobby.board');
    const reader = await openVisitsReadApi(serverUrl);
    const [atKiosk, onBehalf] = walkUpPeople(2);
    if (!atKiosk || !onBehalf) throw new Error('two callers are needed');
    const guestName = `${uniqueText('Visitor').replace(/\W+/g, ' ').trim()} Guest`;

    const lobbyTab = await browser.newPage(test, { bypassCSP: true }, 'lobby');
    const kioskTab = await browser.newPage(
      test,
      { viewport: { width: 1024, height: 768 }, hasTouch: true },
      'kiosk',
    );
    const deskATab = await browser.newPage(test, {}, 'desk-a');
    const deskBTab = await browser.newPage(test, {}, 'desk-b');

    const lobby = await LobbyPage.open(lobbyTab.page, serverUrl, location, lobbyAccount);
    const kiosk = await KioskPage.open(kioskTab.page, serverUrl, location, kioskAccount);
    const agentA = new WalkUpDesk(await Desk.signIn(deskATab.page, app.url(), DEMO_AGENT));
    const agentB = new WalkUpDesk(await Desk.signIn(deskBTab.page, app.url(), DEMO_SECOND_AGENT));
    await agentA.open(DEMO_WALK_UP_LOCATION, 'Counter 1');
    await agentB.open(DEMO_WALK_UP_LOCATION, 'Counter 2');

    // 1. At the kiosk, by email typed like a badge scan; then the reason; the kiosk says the position.
    const alreadyWaiting = (await reader.visits({ location, state: 'Waiting' })).length;
    await kiosk.scan(atKiosk.email);
    await kiosk.pickReason(KIOSK_REASON);
    expect(await kiosk.position()).toBe(alreadyWaiting + 1);
    expect(await kiosk.status().innerText()).toMatch(/Estimated wait|cannot estimate/);
    // They tap Done and take a seat; the kiosk is ready for the next person (and offers the survey later).
    await kiosk.finish();
    // 2. Agent A checks someone in on their behalf (caller lookup by full name).
    const onBehalfName = await agentA.checkInPerson(onBehalf.name, DESK_REASON);
    expect(onBehalfName).toContain(onBehalf.name);
    // 3. Agent B checks in a guest.
    await agentB.checkInGuest(guestName, GUEST_REASON);

    // The server has the three, waiting, in check-in order.
    const waitingOnServer = async () =>
      (await reader.visits({ location, state: 'Waiting' })).filter((v) =>
        [atKiosk.name, onBehalf.name, guestName].includes(v.displayName),
      );
    await expect.poll(async () => (await waitingOnServer()).length, { timeout: 15_000 }).toBe(3);
    const ordered = [...(await waitingOnServer())].sort((a, b) =>
      a.checkedInAt.localeCompare(b.checkedInAt),
    );
    expect(ordered.map((v) => v.displayName)).toEqual([atKiosk.name, onBehalf.name, guestName]);
    expect(ordered.map((v) => v.channel)).toEqual(['kiosk', 'agent', 'agent']);
    expect(ordered.map((v) => v.reason)).toEqual([KIOSK_REASON, DESK_REASON, GUEST_REASON]);
    expect(ordered[2]?.person).toBeNull();
    const [kioskVisit, behalfVisit, guestVisit] = ordered;
    if (!kioskVisit || !behalfVisit || !guestVisit) throw new Error('three visits');

    // The board shows them in that order, privacy-safe, with the estimate.
    const expectedBoard = ordered.map((v) => boardName(v.displayName, v.number));
    await expect.poll(async () => inOrder(await lobby.waitingNames(), expectedBoard)).toBe(true);
    expect(await lobby.text()).not.toContain(atKiosk.name);
    expect(await lobby.text()).toMatch(/\d+\s*min/);
    // Both desks' queues show the three too.
    const names = ordered.map((v) => v.displayName);
    for (const agent of [agentA, agentB])
      await expect.poll(async () => inOrder(await agent.queueRows(), names)).toBe(true);

    // Agent A calls next: the kiosk's visitor. The board chimes and highlights the line.
    const chimesBefore = await lobby.chimes();
    await agentA.callNext();
    await expect
      .poll(async () => (await reader.visit(kioskVisit.id))?.state, { timeout: 15_000 })
      .toBe('Called');
    expect((await reader.visit(kioskVisit.id))?.station).toBe('Counter 1');
    await expect.poll(() => lobby.chimes()).toBeGreaterThan(chimesBefore);
    await expect.poll(() => lobby.called().innerText()).toContain(expectedBoard[0]);
    await expect.poll(() => lobby.called().innerText()).toContain('Counter 1');
    // The fresh call is highlighted (and said: "just called") until the board has shown it a while.
    await expect
      .poll(async () => (await lobby.called().textContent()) ?? '')
      .toContain('just called');

    // Start: the interaction opens prefilled (Walk-in, Opened for, the reason), linked both ways.
    await agentA.pressOn(atKiosk.name, 'Start');
    const desk = agentA.desk;
    await expect.poll(() => desk.field('Opened for').inputValue()).toContain(atKiosk.name);
    expect(await desk.selectedOptionText(desk.field('Type'))).toBe('Walk-in');
    expect(await desk.field('Short description').inputValue()).toContain(KIOSK_REASON);
    await expect
      .poll(async () => (await reader.visit(kioskVisit.id))?.state, { timeout: 15_000 })
      .toBe('In service');
    const interactionId = (await reader.visit(kioskVisit.id))?.interaction;
    expect(interactionId).toBeTruthy();

    // Close: the visit is Done; the kiosk offers the survey; one tap is stored with the visit.
    await desk.pressButton('Close interaction');
    await desk.waitForState('Closed Complete');
    await expect
      .poll(async () => (await reader.visit(kioskVisit.id))?.state, { timeout: 15_000 })
      .toBe('Done');
    const interactions = await (await app.reader()).interactions();
    const interaction = interactions.find((record) => record.id === interactionId);
    expect(interaction).toMatchObject({ type: 'Walk-in', state: 'Closed Complete' });
    await kiosk.ratingButton(5).waitFor({ timeout: 20_000 });
    await kiosk.rate(5, 'Quick and friendly');
    await expect
      .poll(async () => (await reader.visit(kioskVisit.id))?.survey?.rating, { timeout: 15_000 })
      .toBe(5);

    // Agent B calls next (the one checked in on their behalf), who does not come: No-show.
    await agentB.callNext();
    await expect
      .poll(async () => (await reader.visit(behalfVisit.id))?.state, { timeout: 15_000 })
      .toBe('Called');
    await agentB.pressOn(onBehalf.name, 'No-show');
    await expect
      .poll(async () => (await reader.visit(behalfVisit.id))?.state, { timeout: 15_000 })
      .toBe('No-show');
    // The guest still waits, first in line now.
    expect((await reader.visit(guestVisit.id))?.state).toBe('Waiting');
    await expect
      .poll(async () => (await lobby.waitingNames()).join('\n'))
      .not.toContain(expectedBoard[1]);
    expect((await lobby.waitingNames()).join('\n')).toContain(expectedBoard[2]);
  });
});
