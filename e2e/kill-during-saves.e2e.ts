// Killing Chromium (SIGKILL, mid-burst of saves) loses no interaction whose save was confirmed (invariant 1).
// We start Chromium ourselves so we can kill its whole process group, then reopen the same profile.

import { describe, expect, it } from 'vitest';
import { openProfile, startKillableChromium } from './support/chromium';
import { Desk, escapeRegExp, uniqueText } from './support/desk';
import { logQuickInteraction } from './support/flows';
import { closeWhenDone, useTempDirs, useWebApp } from './support/harness';

const app = useWebApp();
const tempDir = useTempDirs();
const BURST = 6;
/** The last save gets anywhere from nothing to this long before the power goes. */
const LAST_SAVE_WINDOW_MS = 400;

describe('Chromium killed in the middle of a burst of saves', () => {
  it('keeps every interaction whose save was confirmed', async (test) => {
    const profile = tempDir('profile');
    const run = uniqueText('burst');
    const confirmed: { number: string; shortDescription: string }[] = [];

    const chromium = await startKillableChromium(profile);
    try {
      const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
      const desk = await Desk.open(page, app.url());
      for (let i = 1; i < BURST; i += 1) {
        const shortDescription = `${run} #${i}`;
        await logQuickInteraction(desk, shortDescription);
        await desk.save().then((number) => confirmed.push({ number, shortDescription }));
      }
      // The last save is in flight when the power goes. If its confirmation was on screen before
      // the kill, it was promised to the agent and must survive like the others.
      const lastDescription = `${run} #${BURST}`;
      await logQuickInteraction(desk, lastDescription);
      await page.keyboard.press('Control+s');
      const killAt = Date.now() + Math.random() * LAST_SAVE_WINDOW_MS;
      while (Date.now() < killAt) {
        if ((await desk.savedMessage().count()) > 0) {
          confirmed.push({
            number: await desk.confirmedNumber(),
            shortDescription: lastDescription,
          });
          break;
        }
      }
    } finally {
      await chromium.kill();
    }
    expect(confirmed.length).toBeGreaterThanOrEqual(BURST - 1);

    const reopened = await openProfile(profile);
    const page = reopened.pages()[0] ?? (await reopened.newPage());
    closeWhenDone(test, reopened, page, `${test.task.name} (reopened)`);
    const desk = await Desk.open(page, app.url());
    await desk.showList('All open');
    for (const { number, shortDescription } of confirmed) {
      const row = await desk.waitForRow(desk.list(), number);
      expect(await row.textContent()).toContain(shortDescription);
    }
    // Whatever happened to the save in flight, nothing was written twice.
    for (let i = 1; i <= BURST; i += 1) {
      const sameRecord = { name: new RegExp(`${escapeRegExp(`${run} #${i}`)}(?!\\d)`) };
      expect(await desk.list().getByRole('row', sameRecord).count()).toBeLessThanOrEqual(1);
    }
  });
});
