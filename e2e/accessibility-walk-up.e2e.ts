// axe-core over the walk-up desk's real screens (issue 12): the agent's Walk-up section with someone in
// the queue, the kiosk (welcome, reasons, position) and the lobby board. Any violation fails with where.

import { describe, expect, it } from 'vitest';
import { DEMO_AGENT } from './support/demo-directory';
import { Desk } from './support/desk';
import { expectNoAxeViolations } from './support/axe';
import { useBrowser, useDeskServerApp } from './support/harness';
import { WalkUpDesk } from './support/walk-up-desk';
import { boardName, walkUpPeople } from './support/walk-up-people';
import { KioskPage, LobbyPage } from './support/walk-up-pages';
import {
  DEMO_WALK_UP_LOCATION,
  createWalkUpAccount,
  prepareLocation,
} from './support/walk-up-server';

const app = useDeskServerApp();
const browser = useBrowser();

describe('Accessibility of the walk-up desk (axe-core)', () => {
  it('finds no violations on the Walk-up section, the kiosk and the lobby board', async (test) => {
    const serverUrl = app.server().url;
    const location = await prepareLocation(serverUrl, {});
    const kioskAccount = await createWalkUpAccount(serverUrl, 'kiosk', 'axe.kiosk');
    const lobbyAccount = await createWalkUpAccount(serverUrl, 'lobby', 'axe.lobby');
    const [person] = walkUpPeople(1, 500);
    if (!person) throw new Error('a caller is needed');
    // The pages' CSP (script-src 'self') rightly refuses the injected axe script; lifted for this check only.
    const options = { bypassCSP: true };

    const kioskTab = await browser.newPage(test, { ...options, hasTouch: true }, 'kiosk');
    const kiosk = await KioskPage.open(kioskTab.page, serverUrl, location, kioskAccount);
    await expectNoAxeViolations(kioskTab.page, 'the kiosk, waiting for someone');
    await kiosk.scan(person.email);
    await kiosk.page.getByRole('button', { name: 'Printer', exact: true }).waitFor();
    await expectNoAxeViolations(kioskTab.page, 'the kiosk, choosing a reason');
    await kiosk.pickReason('Printer');
    await kiosk.position();
    await expectNoAxeViolations(kioskTab.page, 'the kiosk, showing the position and the wait');

    const lobbyTab = await browser.newPage(test, options, 'lobby');
    const lobby = await LobbyPage.open(lobbyTab.page, serverUrl, location, lobbyAccount);
    await expect
      .poll(async () => (await lobby.waitingNames()).join('\n'))
      .toContain(boardName(person.name, ''));
    await expectNoAxeViolations(lobbyTab.page, 'the lobby board with someone waiting');

    const deskTab = await browser.newPage(test, options, 'desk');
    const agent = new WalkUpDesk(await Desk.signIn(deskTab.page, app.url(), DEMO_AGENT));
    await agent.open(DEMO_WALK_UP_LOCATION, 'Counter 1');
    await expect.poll(async () => (await agent.queueRows()).join('\n')).toContain(person.name);
    await expectNoAxeViolations(deskTab.page, 'the Walk-up section with the queue');
    await agent.callNext();
    await expect.poll(async () => await lobby.text()).toContain('Counter 1');
    await expectNoAxeViolations(deskTab.page, 'the Walk-up section with someone called');
    await expectNoAxeViolations(lobbyTab.page, 'the lobby board with someone called');
  });
});
