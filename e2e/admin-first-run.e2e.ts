// A new organization's first run, as its administrator would do it: an empty desk server (no --demo)
// prints a setup link → Create the first administrator → an agent created in Agents → that agent signs
// in at another desk, must change the temporary password, then reaches the desk.

import { describe, expect, it } from 'vitest';
import { Desk } from './support/desk';
import { useBrowser, useDeskServerApp } from './support/harness';

const app = useDeskServerApp({ demo: false });
const browser = useBrowser();

const ADMIN = { userName: 'ada.admin', name: 'Ada Lovelace', password: 'first administrator pw' };
const AGENT = {
  userName: 'grace.agent',
  name: 'Grace Hopper',
  temporary: 'temporary pw 1234',
  own: 'grace her own password',
};

/** The setup link the server printed on its console, as the administrator would copy it. */
async function setupLinkFromOutput(): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(() => {
      link = /http:\/\/\S+\/#setup=[A-Za-z0-9_-]{43}/.exec(app.server().output())?.[0];
      return link;
    })
    .toBeDefined();
  return link ?? '';
}

describe('First run of an empty desk server', () => {
  it('sets up the first administrator from the setup link, creates an agent, and the agent starts at another desk', async (test) => {
    const link = await setupLinkFromOutput();
    expect(app.server().output()).toContain(
      'npm run admin -- create-user --user-name NAME --role admin',
    );

    // The administrator's desk: the link opens "Create the first administrator".
    const { page } = await browser.newPage(test, {}, 'administrator');
    await page.goto(link);
    await page
      .getByRole('heading', { name: 'Create the first administrator' })
      .waitFor({ timeout: 60_000 });
    // The code left the address at once.
    expect(page.url()).not.toContain('setup=');
    await page.getByLabel('User name', { exact: true }).fill(ADMIN.userName);
    await page.getByLabel('First name', { exact: true }).fill('Ada');
    await page.getByLabel('Last name', { exact: true }).fill('Lovelace');
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Confirm password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Confirm password', { exact: true }).press('Enter');
    const adminDesk = new Desk(page);
    await adminDesk.waitUntilReady(ADMIN.name);

    // Administration → Agents → Create agent.
    await page.getByRole('button', { name: 'Administration' }).click();
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('button', { name: 'Agents' })
      .click();
    await page.getByRole('heading', { name: 'Agents' }).waitFor();
    await page.getByRole('button', { name: 'Create agent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create agent' });
    await dialog.getByLabel('User name', { exact: true }).fill(AGENT.userName);
    await dialog.getByLabel('First name', { exact: true }).fill('Grace');
    await dialog.getByLabel('Last name', { exact: true }).fill('Hopper');
    await dialog.getByLabel('Agent', { exact: true }).check();
    await dialog.getByLabel('Temporary password', { exact: true }).fill(AGENT.temporary);
    await dialog.getByRole('button', { name: 'Create agent' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const row = page.getByRole('row').filter({ hasText: AGENT.userName });
    await expect.poll(() => row.textContent()).toContain('Must change password');

    // The agent at another desk (another browser profile): the temporary password, then their own.
    const other = await browser.newPage(test, {}, 'agent');
    const agentDesk = new Desk(other.page);
    await other.page.goto(app.url());
    await agentDesk.signInForm().waitFor({ timeout: 60_000 });
    await agentDesk.submitSignIn(AGENT.userName, AGENT.temporary);
    await other.page.getByRole('heading', { name: 'Change your password' }).waitFor();
    expect(await other.page.getByRole('button', { name: 'New interaction' }).isVisible()).toBe(
      false,
    );
    await other.page.getByLabel('Current password', { exact: true }).fill(AGENT.temporary);
    await other.page.getByLabel('New password', { exact: true }).fill(AGENT.own);
    await other.page.getByLabel('Confirm new password', { exact: true }).fill(AGENT.own);
    await other.page.getByRole('button', { name: 'Change password' }).click();
    await agentDesk.waitUntilReady(AGENT.name);
    await expect.poll(() => agentDesk.signedInAs(AGENT.name).count()).toBe(1);

    // The administrator sees the agent's last sign-in, and the temporary mark gone.
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => row.textContent()).not.toContain('Must change password');
    await expect.poll(() => row.textContent()).not.toContain('Never');
  });
});
