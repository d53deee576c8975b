// A new organization's first run, as its administrator would do it: an empty desk server (no --demo)
// prints a setup link → Create the first administrator → an agent created in Agents → a CSV of users
// with three bad rows, named by the dry run → the fixed file imported → the agent signs in at another
// desk, must change the temporary password, then finds an imported caller by phone digits.

import { describe, expect, it } from 'vitest';
import { Desk } from './support/desk';
import { useBrowser, useDeskServerApp } from './support/harness';
import {
  importedPhone,
  openAdministration,
  peopleCsv,
  problemCells,
  sendImportFile,
} from './support/import-steps';

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
  it('sets up the first administrator from the setup link, creates an agent, imports the users after a dry run, and the agent finds one by phone at another desk', async (test) => {
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
    await openAdministration(page, 'Agents');
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

    // Administration → Import: the HR export's three bad rows are named, the fixed file imported.
    await openAdministration(page, 'Import');
    await sendImportFile(page, 'hr-export.csv', peopleCsv(20, true));
    await page.getByRole('button', { name: 'Check the file' }).click();
    expect(await problemCells(page, 3)).toEqual([
      ['5', 'E-mail'],
      ['9', 'Employee ID'],
      ['12', 'Employee ID'],
    ]);
    await page.getByRole('button', { name: 'Fix the file and choose it again' }).click();
    await sendImportFile(page, 'hr-export-fixed.csv', peopleCsv(20, false));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page
      .getByText('No problems in 20 rows. Nothing has been written yet.')
      .waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Import', exact: true }).last().click();
    await page.getByText('Imported hr-export-fixed.csv.').waitFor({ timeout: 60_000 });

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

    // An imported caller rings from 020 7946 0017: the national digits find them.
    await agentDesk.newInteraction();
    await agentDesk.lookUpCaller('020 7946 0017');
    expect(importedPhone(17)).toBe('+44 20 7946 0017');
    expect(await agentDesk.pickFirstMatch()).toBe('Ima17 Porter17');

    // Back in Agents, the administrator sees the agent's last sign-in, and the temporary mark gone.
    await openAdministration(page, 'Agents');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => row.textContent()).not.toContain('Must change password');
    await expect.poll(() => row.textContent()).not.toContain('Never');
  });
});
