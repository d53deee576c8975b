// A double click on Save makes exactly one record (invariant 2: no duplicate by a retry or a double click).
// Counted where an agent would look: the Interactions list and the caller's User's Interactions.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/chromium';
import { callerToLookUp } from './support/demo-directory';
import { Desk, escapeRegExp, uniqueText } from './support/desk';
import { closeWhenDone, useWebApp } from './support/harness';

const app = useWebApp();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('Saving twice in a hurry', () => {
  it('makes one interaction from a double click on Save', async (test) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    closeWhenDone(test, context, page);

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
});
