// A saved interaction is still there after the browser is closed and opened again on the same profile.
// Same origin, same user-data-dir: what IndexedDB confirmed must come back, number and all.

import { describe, expect, it } from 'vitest';
import { openProfile } from './support/chromium';
import { Desk, uniqueText } from './support/desk';
import { logQuickInteraction } from './support/flows';
import { closeWhenDone, useTempDirs, useWebApp } from './support/harness';

const app = useWebApp();
const tempDir = useTempDirs();

describe('Closing and reopening the browser', () => {
  it('keeps the saved interaction on the same profile', async (test) => {
    const profile = tempDir('profile');
    const shortDescription = uniqueText('Badge does not open the 3rd floor door');

    const first = await openProfile(profile);
    const firstPage = first.pages()[0] ?? (await first.newPage());
    closeWhenDone(test, first, firstPage, `${test.task.name} (first run)`);
    const before = await Desk.open(firstPage, app.url());
    await logQuickInteraction(before, shortDescription);
    const number = await before.save();
    await first.close();

    const second = await openProfile(profile);
    const page = second.pages()[0] ?? (await second.newPage());
    closeWhenDone(test, second, page, `${test.task.name} (reopened)`);
    const after = await Desk.open(page, app.url());
    await after.showList('All open');
    const row = await after.waitForRow(after.list(), number);
    expect(await row.textContent()).toContain(shortDescription);
    await expect.poll(() => after.syncMark().textContent()).toMatch(/[1-9]\d* changes? not synced/);
  });
});
