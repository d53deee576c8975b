// Administration → Desk storage in Chromium against a real desk server: the demo administrator
// finds the defaults, is refused a day count of 0 in words (the server keeps 30), then sets 7 days
// and 500 MB by keyboard alone; the server's own sync-scope.get answers them. Axe-clean; a screenshot.

import { describe, expect, it } from 'vitest';
import type { SyncScopeSettings } from '../shared/admin/sync-scope';
import { expectNoAxeViolations } from './support/axe';
import { Desk } from './support/desk';
import { useBrowser, useDeskServerApp } from './support/harness';
import { openAdministration } from './support/import-steps';
import { adminCall, signInApi } from './support/walk-up-server';

const app = useDeskServerApp();
const browser = useBrowser();

const DEMO_ADMIN = { userName: 'demo.admin', name: 'Demo Admin' };

describe('Administration → Desk storage', () => {
  it('sets the days of history every desk keeps and its storage ceiling by keyboard', async (test) => {
    // axe-core is added to the page as a script: the desk server's CSP would refuse it.
    const { page } = await browser.newPage(test, { bypassCSP: true });
    await Desk.signIn(page, app.url(), DEMO_ADMIN);
    await openAdministration(page, 'Desk storage');
    const days = page.getByRole('spinbutton', { name: 'Recent history (days)' });
    const ceiling = page.getByRole('spinbutton', { name: 'Storage ceiling per desk (MB)' });
    await expect.poll(() => days.inputValue()).toBe('30');
    expect(await ceiling.inputValue()).toBe('200');
    await expectNoAxeViolations(page, 'Desk storage');

    const api = await signInApi(app.url(), DEMO_ADMIN.userName);
    const saved = () => adminCall<SyncScopeSettings>(api, 'sync-scope.get', {});

    // Bad input: refused in words, nothing saved.
    await days.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Recent days must be at least 1.');
    expect(await saved()).toEqual({ recentDays: 30, ceilingMb: 200 });
    await expectNoAxeViolations(page, 'Desk storage, refused');

    // By keyboard: the days, Tab to the ceiling, Tab to Save, Enter.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('7');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('500');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Save desk storage',
    );
    await page.keyboard.press('Enter');
    await page
      .getByText(
        'Saved. Desks keep 7 days of recent history and a ceiling of 500 MB from their next sync.',
      )
      .waitFor();
    expect(await alert.count()).toBe(0);
    expect(await saved()).toEqual({ recentDays: 7, ceilingMb: 500 });
    await page.screenshot({ path: 'test-results/e2e/desk-storage.png', fullPage: true });
  });
});
