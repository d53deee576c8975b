// A double click on Save makes exactly one record (invariant 2: no duplicate by a retry or a double click).
// Counted where an agent would look: the Interactions list and the caller's User's Interactions.

import { describe, expect, it } from 'vitest';
import { callerToLookUp } from './support/demo-directory';
import { Desk, escapeRegExp, uniqueText } from './support/desk';
import { useBrowser, useWebApp } from './support/harness';

const app = useWebApp();
const browser = useBrowser();

describe('Saving twice in a hurry', () => {
  it('makes one interaction from a double click on Save', async (test) => {
    const { page } = await browser.newPage(test);

    const desk = await Desk.open(page, app.url());
    const shortDescription = uniqueText('Monitor flickers');
    await desk.newInteraction();
    await desk.lookUpCaller(callerToLookUp(20).letters);
    await desk.pickFirstMatch('Opened for');
    await desk.typeInto('Short description', shortDescription);

    await desk.button('Save').dblclick();
    const number = await desk.confirmedNumber();
    // Give a second, slower write every chance to land before counting.
    await page.waitForTimeout(1_500);

    const sameDescription = { name: new RegExp(escapeRegExp(shortDescription)) };
    await desk.showList('All open');
    await desk.waitForRow(desk.list(), number);
    expect(await desk.list().getByRole('row', sameDescription).count()).toBe(1);
    await desk.waitForRow(desk.relatedList(), number);
    expect(await desk.relatedList().getByRole('row', sameDescription).count()).toBe(1);
  });

  it('keeps keyboard focus on Save while it saves, so Enter twice is still one record', async (test) => {
    const { page } = await browser.newPage(test);
    const desk = await Desk.open(page, app.url());
    const shortDescription = uniqueText('Docking station dead');
    await desk.newInteraction();
    await desk.lookUpCaller(callerToLookUp(21).letters);
    await desk.pickFirstMatch('Opened for');
    await desk.typeInto('Short description', shortDescription);

    await desk.tabTo(desk.button('Save'));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const number = await desk.confirmedNumber();
    // A disabled button would have dropped focus to the page; the agent's next Tab starts here.
    expect(await desk.button('Save').evaluate((b) => b === document.activeElement)).toBe(true);
    await desk.showList('All open');
    await desk.waitForRow(desk.list(), number);
    const sameDescription = { name: new RegExp(escapeRegExp(shortDescription)) };
    expect(await desk.list().getByRole('row', sameDescription).count()).toBe(1);
  });
});
