// A change the desk server refuses: desk 1 edits an interaction offline that desk 2 has closed meanwhile.
// It shows in Needs attention with the server's reason; Retry sends it again, Discard drops it (asked first).

import { describe, expect, it } from 'vitest';
import { DEMO_AGENT, DEMO_SECOND_AGENT } from './support/demo-directory';
import { Desk, uniqueText } from './support/desk';
import { logQuickInteraction } from './support/flows';
import { useBrowser, useDeskServerApp } from './support/harness';

const app = useDeskServerApp();
const browser = useBrowser();
const REAL_NUMBER = /^IMS\d{7}$/;

describe('Needs attention', () => {
  it('shows a change the server refused, with its reason; Retry and Discard', async (test) => {
    const first = await browser.newPage(test);
    const second = await browser.newPage(test);
    const desk1 = await Desk.signIn(first.page, app.url(), DEMO_AGENT);
    const desk2 = await Desk.signIn(second.page, app.url(), DEMO_SECOND_AGENT);
    const reader = await app.reader();

    // Desk 1 logs a contact online; it reaches the server and desk 2.
    const shortDescription = uniqueText('Badge reader refuses the new card');
    await logQuickInteraction(desk1, shortDescription);
    await desk1.save();
    const onServer = async () =>
      (await reader.interactions()).filter((r) => r.shortDescription.startsWith(shortDescription));
    await expect.poll(async () => (await onServer()).length, { timeout: 15_000 }).toBe(1);
    const number = (await onServer())[0]?.number ?? '';
    expect(number).toMatch(REAL_NUMBER);

    // Desk 1 goes offline and edits it; desk 2, online, closes it.
    await first.context.setOffline(true);
    await expect.poll(() => desk1.syncMark().textContent()).toContain('Offline');
    await desk1.typeInto('Short description', `${shortDescription} (edited offline)`);
    await desk1.page.keyboard.press('Control+s');
    await expect.poll(() => desk1.changesNotSynced()).toBe(1);
    await desk2.showList('All open');
    const row = await desk2.waitForRow(desk2.list(), number);
    await row.getByRole('button', { name: number, exact: true }).click();
    await desk2.pressButton('Close interaction');
    await desk2.waitForState('Closed Complete');
    await expect
      .poll(async () => (await onServer())[0]?.state, { timeout: 15_000 })
      .toBe('Closed Complete');

    // Desk 1 comes back: the server refuses the edit of a closed interaction.
    await first.context.setOffline(false);
    const button = desk1.needsAttentionButton();
    await button.waitFor({ timeout: 15_000 });
    expect(await button.textContent()).toBe('Needs attention (1)');
    await button.click();
    const panel = desk1.needsAttention();
    await panel.waitFor();
    await expect.poll(() => panel.textContent()).toContain(number);
    await expect.poll(() => panel.textContent()).toContain('Closed Complete');
    // The refused edit never reached the server; the desk shows the server's closed record.
    expect((await onServer())[0]).toMatchObject({ shortDescription, state: 'Closed Complete' });

    // Retry sends it again; the server still refuses it, so it comes back.
    await panel.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => desk1.changesNotSynced(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => panel.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    await expect.poll(() => button.textContent()).toBe('Needs attention (1)');

    // Discard asks first, then drops it for good.
    await panel.getByRole('button', { name: 'Discard' }).click();
    const dialog = desk1.page.getByRole('dialog', { name: 'Discard this change?' });
    await dialog.getByRole('button', { name: 'Discard', exact: true }).click();
    await expect.poll(() => button.count()).toBe(0);
    const [record] = await onServer();
    expect(record).toMatchObject({ shortDescription, state: 'Closed Complete', number });
    expect(await onServer()).toHaveLength(1);
  });
});
