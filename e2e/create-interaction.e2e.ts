// The seed's "How to create an Interaction", by keyboard only, in Chromium against the built browser app.
// From New to Closed Complete: pick the caller, see the contact filled, save, find it in both lists, close it.

import { describe, expect, it } from 'vitest';
import { Desk } from './support/desk';
import { createInteractionByKeyboard } from './support/flows';
import { useBrowser, useWebApp } from './support/harness';

const app = useWebApp();
const browser = useBrowser();

describe('How to create an Interaction', () => {
  it('logs a walk-in by keyboard, lists it, and closes it as Closed Complete', async (test) => {
    const { page } = await browser.newPage(test);

    const desk = await Desk.open(page, app.url());
    const created = await createInteractionByKeyboard(desk);

    await expect.poll(() => desk.savedMessage().textContent()).toContain(`Saved ${created.number}`);
    await desk.showList('All open');
    const listed = await desk.waitForRow(desk.list(), created.number);
    expect(await listed.textContent()).toContain(created.shortDescription);
    const related = await desk.waitForRow(desk.relatedList(), created.number);
    expect(await related.textContent()).toContain(created.shortDescription);

    // Close out the Interaction: the work is done and nobody needs to talk to the caller again.
    await desk.pressButton('Close interaction');
    await desk.waitForState('Closed Complete');
    await expect.poll(() => desk.row(desk.list(), created.number).count()).toBe(0);
    await desk.showList('Recently closed');
    const closed = await desk.waitForRow(desk.list(), created.number);
    expect(await closed.textContent()).toContain('Closed Complete');
  });
});
