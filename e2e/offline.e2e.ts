// The same keyboard flow with the network cut right after the first page load: nothing needs the network.
// The mark says Offline, and the changes wait as "not synced" instead of failing. A reload during the
// outage opens the app again from its service worker, with everything saved still there.

import { describe, expect, it } from 'vitest';
import { Desk } from './support/desk';
import { createInteractionByKeyboard, reloadOffline } from './support/flows';
import { useBrowser, useWebApp } from './support/harness';

const app = useWebApp();
const browser = useBrowser();

describe('Working with the network unplugged', () => {
  it('creates, lists and closes an interaction while offline', async (test) => {
    const { context, page } = await browser.newPage(test);

    const desk = await Desk.open(page, app.url());
    await context.setOffline(true);
    await expect.poll(() => desk.syncMark().textContent()).toContain('Offline');

    const created = await createInteractionByKeyboard(desk);
    await expect.poll(() => desk.syncMark().textContent()).toMatch(/[1-9]\d* changes? not synced/);

    await desk.showList('All open');
    await desk.waitForRow(desk.list(), created.number);
    await desk.waitForRow(desk.relatedList(), created.number);

    await desk.pressButton('Close interaction');
    await desk.waitForState('Closed Complete');
    await desk.showList('Recently closed');
    await desk.waitForRow(desk.list(), created.number);
    expect(await desk.syncMark().textContent()).toContain('Offline');
  });

  it('reopens the app with a reload in the middle of an outage, records and all', async (test) => {
    const { context, page } = await browser.newPage(test);
    const desk = await Desk.open(page, app.url());
    // The service worker has taken charge of the page once it holds the app shell.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 15_000,
      })
      .toBe(true);

    await context.setOffline(true);
    const created = await createInteractionByKeyboard(desk);
    await reloadOffline(page, context);
    await desk.waitUntilReady();
    await expect.poll(() => desk.syncMark().textContent()).toContain('Offline');
    await desk.showList('All open');
    await desk.waitForRow(desk.list(), created.number);
  });
});
