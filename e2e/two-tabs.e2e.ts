// Two tabs of one desk (one profile, one store host) saving at the same time: the server gets every
// interaction exactly once (invariant 2), counted through the read API.

import { describe, expect, it } from 'vitest';
import { openProfile } from './support/chromium';
import { DEMO_AGENT } from './support/demo-directory';
import { Desk, escapeRegExp, uniqueText } from './support/desk';
import { logQuickInteraction } from './support/flows';
import { closeWhenDone, useDeskServerApp, useTempDirs } from './support/harness';

const app = useDeskServerApp();
const tempDir = useTempDirs();
const PER_TAB = 3;

describe('Two tabs of one desk', () => {
  it('both save at once; the server holds each interaction once', async (test) => {
    const context = await openProfile(tempDir('desk'));
    const firstPage = context.pages()[0] ?? (await context.newPage());
    closeWhenDone(test, context, firstPage, `${test.task.name} (tab 1)`);
    const tab1 = await Desk.signIn(firstPage, app.url(), DEMO_AGENT);
    // The second tab shares the first one's store host: it opens signed in.
    const secondPage = await context.newPage();
    await secondPage.goto(app.url());
    const tab2 = new Desk(secondPage);
    await tab2.waitUntilReady(DEMO_AGENT.name);
    await expect.poll(() => tab2.signedInAs(DEMO_AGENT.name).count()).toBe(1);

    const run = uniqueText('Two tabs');
    const work = async (tab: Desk, name: string): Promise<void> => {
      for (let i = 1; i <= PER_TAB; i += 1) {
        await logQuickInteraction(tab, `${run} ${name} #${i}`);
        await tab.save();
      }
    };
    await Promise.all([work(tab1, 'left'), work(tab2, 'right')]);

    await expect.poll(() => tab1.changesNotSynced(), { timeout: 15_000 }).toBe(0);
    const onServer = (await (await app.reader()).interactions()).filter((record) =>
      record.shortDescription.startsWith(run),
    );
    const expected = ['left', 'right'].flatMap((name) =>
      Array.from({ length: PER_TAB }, (_, i) => `${run} ${name} #${i + 1}`),
    );
    expect(onServer.map((record) => record.shortDescription).sort()).toEqual(expected.sort());
    expect(new Set(onServer.map((record) => record.id)).size).toBe(expected.length);
    expect(new Set(onServer.map((record) => record.number)).size).toBe(expected.length);

    // Each tab lists each of them once, with its real number.
    for (const tab of [tab1, tab2]) {
      await tab.showList('All open');
      for (const record of onServer) {
        const rows = tab.list().getByRole('row', {
          name: new RegExp(`${escapeRegExp(record.shortDescription)}(?!\\d)`),
        });
        await expect.poll(() => rows.count()).toBe(1);
        await expect.poll(() => rows.textContent()).toContain(record.number);
      }
    }
  });
});
