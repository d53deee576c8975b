// Two desks (two Chromium profiles) on one real desk server: one logs interactions offline, comes back
// online, and the other sees them with real numbers within 2 s. Counted through the read API: each once.

import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_AGENT_ID } from '../shared/demo/directory-generator';
import { openProfile } from './support/chromium';
import { DEMO_AGENT, DEMO_SECOND_AGENT } from './support/demo-directory';
import { Desk, escapeRegExp, uniqueText } from './support/desk';
import { logQuickInteraction } from './support/flows';
import { closeWhenDone, useDeskServerApp, useTempDirs } from './support/harness';

const app = useDeskServerApp();
const tempDir = useTempDirs();
const OFFLINE_RECORDS = 3;
/** The figure: the other desk sees them this soon after the network returns. */
const SEEN_WITHIN_MS = 2_000;
/** In a row's text the number runs straight into the short description: no word boundary after it. */
const REAL_NUMBER = /IMS\d{7}(?!\d)/;

async function openDeskProfile(
  test: Parameters<typeof closeWhenDone>[0],
  name: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await openProfile(tempDir(name));
  const page = context.pages()[0] ?? (await context.newPage());
  closeWhenDone(test, context, page, `${name} ${test.task.name}`);
  return { context, page };
}

describe('Two desks on one desk server', () => {
  it('a desk that worked offline comes back, and the other desk sees its interactions with real numbers within 2 s', async (test) => {
    const first = await openDeskProfile(test, 'desk-1');
    const second = await openDeskProfile(test, 'desk-2');
    const desk1 = await Desk.signIn(first.page, app.url(), DEMO_AGENT);
    const desk2 = await Desk.signIn(second.page, app.url(), DEMO_SECOND_AGENT);
    await expect.poll(() => desk1.signedInAs(DEMO_AGENT.name).count()).toBe(1);
    await expect.poll(() => desk2.signedInAs(DEMO_SECOND_AGENT.name).count()).toBe(1);

    await first.context.setOffline(true);
    await expect.poll(() => desk1.syncMark().textContent()).toContain('Offline');
    const run = uniqueText('Walk-in while the network is down');
    const provisional: string[] = [];
    for (let i = 1; i <= OFFLINE_RECORDS; i += 1) {
      await logQuickInteraction(desk1, `${run} #${i}`);
      provisional.push(await desk1.save());
    }
    expect(provisional.every((number) => /^IMS-P\d+$/.test(number))).toBe(true);
    await expect.poll(() => desk1.changesNotSynced()).toBeGreaterThanOrEqual(OFFLINE_RECORDS);

    await desk2.showList('All open');
    const seenOnDesk2 = desk2.list().getByRole('row', { name: new RegExp(escapeRegExp(run)) });
    // While desk 1 is offline nothing of it can have reached desk 2.
    expect(await seenOnDesk2.count()).toBe(0);

    await first.context.setOffline(false);
    const online = Date.now();
    await expect
      .poll(
        async () => {
          const rows = await seenOnDesk2.allTextContents();
          return rows.filter((text) => REAL_NUMBER.test(text)).length;
        },
        { timeout: 15_000, interval: 25 },
      )
      .toBe(OFFLINE_RECORDS);
    const seenAfterMs = Date.now() - online;
    console.info(
      `desk 2 saw ${OFFLINE_RECORDS} interactions ${seenAfterMs} ms after desk 1 came online`,
    );
    expect(seenAfterMs).toBeLessThanOrEqual(SEEN_WITHIN_MS);

    // The server holds each of them exactly once, under the numbers desk 2 shows.
    const onDesk2 = (await seenOnDesk2.allTextContents()).map(
      (text) => REAL_NUMBER.exec(text)?.[0],
    );
    const onServer = (await (await app.reader()).interactions()).filter((record) =>
      record.shortDescription.startsWith(run),
    );
    expect(onServer.map((record) => record.shortDescription).sort()).toEqual(
      Array.from({ length: OFFLINE_RECORDS }, (_, i) => `${run} #${i + 1}`),
    );
    expect(new Set(onServer.map((record) => record.number)).size).toBe(OFFLINE_RECORDS);
    expect(onServer.map((record) => record.number).sort()).toEqual([...onDesk2].sort());
    expect(onServer.every((record) => record.openedBy === DEMO_AGENT_ID)).toBe(true);

    // Desk 1 shows the real numbers too, and has nothing left to send.
    await desk1.showList('All open');
    for (const number of onDesk2) if (number) await desk1.waitForRow(desk1.list(), number);
    await expect.poll(() => desk1.changesNotSynced()).toBe(0);
  });
});
