// The same keyboard flow with the network cut right after the first page load: nothing needs the network.
// The mark says Offline, and the changes wait as "not synced" instead of failing.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/chromium';
import { Desk } from './support/desk';
import { createInteractionByKeyboard } from './support/flows';
import { closeWhenDone, useWebApp } from './support/harness';

const app = useWebApp();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('Working with the network unplugged', () => {
  it('creates, lists and closes an interaction while offline', async (test) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    closeWhenDone(test, context, page);

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
});
