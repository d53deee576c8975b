// The walk-up desk through an outage (issue 12): agent B's desk goes offline, checks a guest in and calls
// someone from its cached queue while agent A, online, calls the same person. Back online, the visits
// merge in check-in order and B's conflicting call lands in Needs attention, data kept. Read API checks.

import { describe, expect, it } from 'vitest';
import { DEMO_AGENT, DEMO_SECOND_AGENT } from './support/demo-directory';
import { Desk, uniqueText } from './support/desk';
import { goOffline, goOnline } from './support/flows';
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
const REAL_VISIT_NUMBER = /^VIS\d{7,12}$/;

describe('The walk-up desk through an outage', () => {
  it('an offline desk checks in and calls from its cached queue; back online, a conflicting call needs attention', async (test) => {
    const serverUrl = app.server().url;
    const location = await prepareLocation(serverUrl, { graceMinutes: 0, vipFirst: true });
    const kioskAccount = await createWalkUpAccount(serverUrl, 'kiosk', 'entrance.kiosk');
    const lobbyAccount = await createWalkUpAccount(serverUrl, 'lobby', 'lobby.board');
    const reader = await openVisitsReadApi(serverUrl);
    const [first, second] = walkUpPeople(2, 300);
    if (!first || !second) throw new Error('two callers are needed');
    const guestName = `${uniqueText('Offline').replace(/\W+/g, ' ').trim()} Guest`;

    const lobbyTab = await browser.newPage(test, {}, 'lobby');
    const kioskTab = await browser.newPage(test, { hasTouch: true }, 'kiosk');
    const deskATab = await browser.newPage(test, {}, 'desk-a');
    const deskBTab = await browser.newPage(test, {}, 'desk-b');
    const lobby = await LobbyPage.open(lobbyTab.page, serverUrl, location, lobbyAccount);
    const kiosk = await KioskPage.open(kioskTab.page, serverUrl, location, kioskAccount);
    const agentA = new WalkUpDesk(await Desk.signIn(deskATab.page, app.url(), DEMO_AGENT));
    const agentB = new WalkUpDesk(await Desk.signIn(deskBTab.page, app.url(), DEMO_SECOND_AGENT));
    await agentA.open(DEMO_WALK_UP_LOCATION, 'Counter 1');
    await agentB.open(DEMO_WALK_UP_LOCATION, 'Counter 2');

    // Two people in the queue while everyone is online: one at the kiosk, one by agent A.
    const alreadyWaiting = (await reader.visits({ location, state: 'Waiting' })).length;
    await kiosk.scan(first.employeeId);
    await kiosk.pickReason('Password or account');
    expect(await kiosk.position()).toBe(alreadyWaiting + 1);
    await agentA.checkInPerson(second.name, 'Laptop or PC problem');
    const mine = async () =>
      (await reader.visits({ location })).filter((v) =>
        [first.name, second.name, guestName].includes(v.displayName),
      );
    await expect.poll(async () => (await mine()).length, { timeout: 15_000 }).toBe(2);
    // Desk B has them cached.
    await expect.poll(async () => (await agentB.queueRows()).join('\n')).toContain(second.name);
    await expect.poll(async () => (await agentB.queueRows()).join('\n')).toContain(first.name);

    // Desk B loses the network: it checks a guest in and calls next (the first in line) from its cache.
    await goOffline(agentB.desk, deskBTab.context);
    await agentB.checkInGuest(guestName, 'Something else');
    await expect.poll(async () => (await agentB.queueRows()).join('\n')).toContain(guestName);
    await agentB.callNext();
    // Meanwhile agent A, online, calls the same person.
    await agentA.callNext();
    const firstVisit = async () => (await mine()).find((v) => v.displayName === first.name);
    await expect.poll(async () => (await firstVisit())?.state, { timeout: 15_000 }).toBe('Called');
    expect((await firstVisit())?.station).toBe('Counter 1');
    // Nothing of desk B's outage has reached the server.
    expect((await mine()).some((v) => v.displayName === guestName)).toBe(false);
    expect(await agentB.desk.changesNotSynced()).toBeGreaterThanOrEqual(2);

    // Desk B comes back: the guest merges in check-in order; its call was refused and needs attention.
    await goOnline(agentB.desk, deskBTab.context);
    await expect
      .poll(async () => (await mine()).find((v) => v.displayName === guestName)?.number ?? '', {
        timeout: 15_000,
      })
      .toMatch(REAL_VISIT_NUMBER);
    const button = agentB.desk.needsAttentionButton();
    await button.waitFor({ timeout: 15_000 });
    expect(await button.textContent()).toBe('Needs attention (1)');
    await button.click();
    const panel = agentB.desk.needsAttention();
    await panel.waitFor();
    const called = await firstVisit();
    await expect
      .poll(() => panel.textContent())
      .toMatch(new RegExp(`${called?.number ?? 'VIS'}|${first.name}`));
    // The server kept agent A's call; desk B's refused one is kept on desk B, not lost and not applied.
    expect(called).toMatchObject({ state: 'Called', station: 'Counter 1' });
    await expect.poll(() => agentB.desk.changesNotSynced(), { timeout: 15_000 }).toBe(0);

    // In check-in order: the person agent A checked in, then the guest desk B checked in offline.
    const waiting = (await mine())
      .filter((v) => v.state === 'Waiting')
      .sort((a, b) => a.checkedInAt.localeCompare(b.checkedInAt));
    expect(waiting.map((v) => v.displayName)).toEqual([second.name, guestName]);
    const expectedBoard = waiting.map((v) => boardName(v.displayName, v.number));
    await expect.poll(async () => inOrder(await lobby.waitingNames(), expectedBoard)).toBe(true);
    // Both desks agree on the queue.
    for (const agent of [agentA, agentB])
      await expect
        .poll(async () => inOrder(await agent.queueRows(), [second.name, guestName]))
        .toBe(true);
  });
});
