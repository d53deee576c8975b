// The desk manager's dashboard end to end (issue 14): demo.admin creates a manager account; the
// manager signs in to a real desk server seeded with the demo's last two weeks, opens the
// Dashboard, reads today's figures, changes the period and a filter, reads a chart's table by
// keyboard, downloads its CSV and prints; axe-core finds no violations. An agent has no Dashboard.

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_AGENT } from './support/demo-directory';
import { Desk } from './support/desk';
import { useBrowser, useDeskServerApp } from './support/harness';
import { createWalkUpAccount } from './support/walk-up-server';

// The demo's last two weeks, as `npm start` seeds them.
const app = useDeskServerApp({ historyDays: 14 });
const browser = useBrowser();

const MANAGER = 'Desk Manager';

describe('The manager’s dashboard', () => {
  it('shows the demo desk’s figures, follows the period and a filter, and gives a chart’s table and CSV', async (test) => {
    const account = await createWalkUpAccount(app.server().url, 'manager', 'desk.manager');
    // The page's CSP rightly refuses the injected axe script; lifted for this check only.
    const { page } = await browser.newPage(test, { bypassCSP: true, acceptDownloads: true });
    await page.goto(app.url());
    const desk = new Desk(page);
    await desk.signInForm().waitFor();
    await desk.submitSignIn(account.userName, account.password);
    await desk.waitUntilReady(MANAGER);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Dashboard' })
      .click();
    const dashboard = page.getByRole('region', { name: 'Dashboard' });
    await dashboard.waitFor();
    const headline = (label: string) =>
      dashboard.locator('.dashboard__headlines .headline').filter({
        has: page.getByText(label, { exact: true }),
      });
    const contacts = async () =>
      Number((await headline('Contacts').locator('.headline__value').textContent()) ?? 'NaN');
    await expect.poll(() => dashboard.getByRole('status').textContent()).toContain('Today');
    const today = await contacts();

    // Two weeks of history: the last 7 days hold more than today alone.
    await page.getByLabel('Period', { exact: true }).selectOption('last-7-days');
    await expect.poll(contacts, { timeout: 10_000 }).toBeGreaterThan(today);
    const week = await contacts();
    expect(week).toBeGreaterThan(100);
    // Phone alone is part of them.
    await page.getByLabel('Channel', { exact: true }).selectOption('Phone');
    await expect.poll(contacts, { timeout: 10_000 }).toBeLessThan(week);
    const phone = await contacts();
    expect(phone).toBeGreaterThan(0);
    expect(await headline('Handle time').locator('.headline__value').textContent()).toMatch(/min/);

    // A chart's table, one keypress away: Tab to the chart's button, press T.
    const byHour = page.getByRole('figure', { name: 'Contacts by hour' });
    await expect(
      byHour.locator('svg[role="img"]').first().getAttribute('aria-label'),
    ).resolves.toBe('Contacts by hour');
    await byHour.getByRole('button', { name: /Show table/ }).focus();
    await page.keyboard.press('t');
    const table = byHour.getByRole('table', { name: 'Contacts by hour' });
    await table.waitFor();
    const cells = await table.locator('tbody td').allTextContents();
    expect(cells).toHaveLength(24);
    expect(cells.reduce((sum, c) => sum + Number(c), 0)).toBe(phone);

    // Its CSV, as downloaded.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byHour.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    expect(csv.split('\n')[0]).toBe('Hour,Count');
    expect(csv).toContain('09:00,');
    expect(download.suggestedFilename()).toMatch(
      /^deskpad-by-hour-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );

    await expectNoAxeViolations(page, 'the Dashboard with a chart’s table shown');
    await page.screenshot({ path: 'test-results/e2e/dashboard.png', fullPage: true });
    // The print layout shows every chart's table.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(9);
    await page.emulateMedia({ media: 'screen' });
  });

  it('is not offered to an agent', async (test) => {
    const { page } = await browser.newPage(test);
    await Desk.signIn(page, app.url(), DEMO_AGENT);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Calls' }).waitFor();
    expect(await nav.getByRole('button', { name: 'Dashboard' }).count()).toBe(0);
  });
});
