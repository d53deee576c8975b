// Issue 15, sync scopes (ADR 0020), on a real desk server in Chromium: an agent added to a group sees
// that group's open work arrive. The administrator keeps one day of recent history; Network's open
// and closed interactions, logged by another agent, are aged five days in the stopped server's
// database (server-past.ts), so the agent's desk holds neither. While the desk is offline with an interaction not yet sent, demo.admin adds the agent
// to Network through the admin API; online again, Network's open interaction is listed under All
// open and found by Go to on the desk, the closed one stays on the server only, and the offline
// interaction reaches the server once. Then, online, a second group is joined: the poke brings its
// open work with no action at the desk. No reload anywhere. Axe over the list with the group's work.

import { describe, expect, it } from 'vitest';
import { DEMO_AGENT_ID } from '../shared/demo/directory-generator';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_SECOND_AGENT, DEMO_SECOND_AGENT_ID, groupsOf } from './support/demo-directory';
import { Desk, escapeRegExp, uniqueText } from './support/desk';
import {
  goOffline,
  goOnline,
  logQuickInteraction,
  PROVISIONAL_NUMBER,
  waitUntilCaughtUp,
} from './support/flows';
import {
  closeGoTo,
  goToGroup,
  goToStatus,
  HISTORY_GROUP,
  NOT_ON_THIS_DESK,
  openGoTo,
} from './support/go-to';
import { useBrowser, useDeskServerApp } from './support/harness';
import { addToGroup, pushGroupWork, saveSyncScope } from './support/group-work';
import { ageInteractions, whileStopped } from './support/server-past';

const app = useDeskServerApp({ historyDays: 0 });
const browser = useBrowser();

const NETWORK = 'grp_network';
const HARDWARE = 'grp_hardware';
/** The administrator's N for this server: work logged five days ago is out of everyone's recent history. */
const RECENT_DAYS = 1;
const LOGGED_DAYS_AGO = 5;
/** How soon the joined group's work must show once the desk can hear it (a pull of one small scope). */
const ARRIVES_WITHIN_MS = 15_000;
/** A real interaction number, as a row's text runs it into the short description. */
const REAL_NUMBER = /IMS\d{7}(?!\d)/;

/** The rows of All open whose text has `words`. */
const allOpenRow = (desk: Desk, words: string) =>
  desk.list().getByRole('row', { name: new RegExp(escapeRegExp(words)) });
/** Their text, without waiting for one to be there. */
const allOpenText = async (desk: Desk, words: string): Promise<string> =>
  (await allOpenRow(desk, words).allTextContents()).join('\n');

/** The server's number of the interaction whose short description is `words`. */
async function numberOnServer(words: string): Promise<string> {
  const found = (await (await app.reader()).interactions()).filter(
    (record) => record.shortDescription === words,
  );
  expect(found, `${words} on the server`).toHaveLength(1);
  return found[0]?.number ?? '';
}

/** Online: Go to finds `number` on the server only — the desk's own Interactions group lacks it. */
async function onlyOnServer(desk: Desk, number: string): Promise<void> {
  await openGoTo(desk, number);
  await goToGroup(desk, HISTORY_GROUP)
    .getByRole('option', { name: new RegExp(number) })
    .waitFor({ timeout: 20_000 });
  await expect(goToGroup(desk, 'Interactions').count()).resolves.toBe(0);
  await closeGoTo(desk);
}

describe('sync scopes: joining a group (issue 15)', () => {
  it('an agent added to a group sees that group’s open work arrive, and keeps what it had not synced', async (test) => {
    expect(groupsOf(DEMO_SECOND_AGENT_ID)).not.toContain(NETWORK);
    expect(groupsOf(DEMO_SECOND_AGENT_ID)).not.toContain(HARDWARE);
    await saveSyncScope(app.server().url, { recentDays: RECENT_DAYS, ceilingMb: 200 });
    const network = {
      open: uniqueText('Switch in the east wing drops its uplink'),
      closed: uniqueText('Wi-Fi guest portal certificate renewed'),
    };
    const hardware = {
      open: uniqueText('Docking station spare ordered'),
      closed: uniqueText('Laptop hinge replaced'),
    };
    for (const [group, work] of [
      [NETWORK, network],
      [HARDWARE, hardware],
    ] as const)
      await pushGroupWork(app.server().url, {
        userName: 'demo.agent',
        actorId: DEMO_AGENT_ID,
        group,
        ...work,
      });
    const openNumber = await numberOnServer(network.open);
    const closedNumber = await numberOnServer(network.closed);
    const hardwareNumber = await numberOnServer(hardware.open);
    const hardwareClosedNumber = await numberOnServer(hardware.closed);
    // Logged five days ago: older than the administrator's one day of recent history.
    await whileStopped(app.server(), (db) =>
      ageInteractions(
        db,
        [openNumber, closedNumber, hardwareNumber, hardwareClosedNumber],
        LOGGED_DAYS_AGO,
      ),
    );

    // axe-core is added to the page as a script: the desk server's CSP would refuse it.
    const { context, page } = await browser.newPage(test, { bypassCSP: true });
    const desk = await Desk.signIn(page, app.url(), DEMO_SECOND_AGENT);
    await waitUntilCaughtUp(desk);
    await desk.showList('All open');
    // Out of the agent's scope: neither listed nor held; the server's history has them.
    await expect(allOpenRow(desk, network.open).count()).resolves.toBe(0);
    await expect(allOpenRow(desk, hardware.open).count()).resolves.toBe(0);
    await onlyOnServer(desk, openNumber);

    // Offline, the agent logs a contact: one change waits to be sent.
    await goOffline(desk, context);
    const offlineWords = uniqueText('Phone call while the line was down');
    await logQuickInteraction(desk, offlineWords);
    expect(await desk.save()).toMatch(PROVISIONAL_NUMBER);
    await expect.poll(() => desk.changesNotSynced()).toBe(1);

    // Meanwhile the administrator adds the agent to Network.
    await addToGroup(app.server().url, NETWORK, DEMO_SECOND_AGENT_ID);
    await goOnline(desk, context);
    const online = Date.now();
    await desk.showList('All open');
    await expect
      .poll(() => allOpenText(desk, network.open), { timeout: ARRIVES_WITHIN_MS })
      .toContain(openNumber);
    console.info(`Network's open work listed ${Date.now() - online} ms after the desk came online`);
    // The offline contact reached the server with a real number, once; nothing waits.
    await expect
      .poll(async () => REAL_NUMBER.exec(await allOpenText(desk, offlineWords)))
      .not.toBeNull();
    await expect.poll(() => desk.changesNotSynced()).toBe(0);
    const offlineNumber = await numberOnServer(offlineWords);
    await expect(allOpenText(desk, offlineWords)).resolves.toContain(offlineNumber);
    const offlineOnServer = await (await app.reader()).interaction(offlineNumber);
    expect(offlineOnServer?.openedBy).toBe(DEMO_SECOND_AGENT_ID);
    await expectNoAxeViolations(page, 'All open with a joined group’s work');
    // The closed one is out of scope still: on the server only.
    await expect(allOpenRow(desk, network.closed).count()).resolves.toBe(0);
    await onlyOnServer(desk, closedNumber);

    // Online, a second group: the directory's poke brings its open work with nothing done at the desk.
    await addToGroup(app.server().url, HARDWARE, DEMO_SECOND_AGENT_ID);
    const joined = Date.now();
    await expect
      .poll(() => allOpenText(desk, hardware.open), { timeout: ARRIVES_WITHIN_MS })
      .toContain(hardwareNumber);
    console.info(`Hardware's open work listed ${Date.now() - joined} ms after the join (poked)`);
    await waitUntilCaughtUp(desk);

    // Offline: the joined groups' open work is the desk's own; their closed work is not here.
    await goOffline(desk, context);
    for (const number of [openNumber, hardwareNumber]) {
      await openGoTo(desk, number);
      await goToGroup(desk, 'Interactions')
        .getByRole('option', { name: new RegExp(number) })
        .waitFor();
      await closeGoTo(desk);
    }
    for (const number of [closedNumber, hardwareClosedNumber]) {
      await openGoTo(desk, number);
      await expect
        .poll(() => goToStatus(desk).textContent())
        .toBe(`${number} is not on this desk. ${NOT_ON_THIS_DESK}`);
      await closeGoTo(desk);
    }
  });
});
