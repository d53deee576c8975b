// Administration → Import as an administrator takes it in Chromium against a real desk server: a CSV
// of users with three bad rows is checked and those rows are named by line and column; the fixed
// file is checked clean and imported; every step is keyboard-labelled and axe-clean (contrast too).

import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { Desk } from './support/desk';
import { useBrowser, useDeskServerApp } from './support/harness';
import {
  openAdministration,
  peopleCsv,
  problemCells,
  sendImportFile,
} from './support/import-steps';

const app = useDeskServerApp();
const browser = useBrowser();

const DEMO_ADMIN = { userName: 'demo.admin', name: 'Demo Admin' };

describe('Administration → Import', () => {
  it('names the bad rows of a users file, then imports the fixed file', async (test) => {
    // axe-core is added to the page as a script: the desk server's CSP would refuse it.
    const { page } = await browser.newPage(test, { bypassCSP: true });
    await Desk.signIn(page, app.url(), DEMO_ADMIN);
    await openAdministration(page, 'Import');
    await page.getByRole('heading', { name: 'Step 1 of 4: Choose the file' }).waitFor();
    await expectNoAxeViolations(page, 'Import, choose the file');

    await sendImportFile(page, 'hr-export.csv', peopleCsv(20, true));
    // The columns guessed from the headers, the delimiter and BOM, and the first rows as read.
    expect(await page.getByRole('combobox', { name: /^External key/ }).inputValue()).toBe(
      'Employee ID',
    );
    expect(await page.getByRole('combobox', { name: /^User name/ }).inputValue()).toBe('Login');
    expect(await page.getByText(/separated by semicolon/).textContent()).toContain(
      'with a byte order mark (BOM)',
    );
    const preview = page.getByRole('table', { name: /as they will be read/ });
    expect(await preview.getByRole('row').nth(1).getByRole('cell').first().textContent()).toBe(
      'HR1001',
    );
    await expectNoAxeViolations(page, 'Import, map the columns');

    await page.getByRole('button', { name: 'Check the file' }).click();
    expect(await problemCells(page, 3)).toEqual([
      ['5', 'E-mail'],
      ['9', 'Employee ID'],
      ['12', 'Employee ID'],
    ]);
    expect(
      await page.getByRole('button', { name: 'Import', exact: true }).last().isDisabled(),
    ).toBe(true);
    await expectNoAxeViolations(page, 'Import, problems');

    await page.getByRole('button', { name: 'Fix the file and choose it again' }).click();
    await sendImportFile(page, 'hr-export-fixed.csv', peopleCsv(20, false));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page
      .getByText('No problems in 20 rows. Nothing has been written yet.')
      .waitFor({ timeout: 60_000 });
    const optIn = page.getByRole('checkbox', { name: 'Deactivate users missing from this file' });
    expect(await optIn.isChecked()).toBe(false);
    await expectNoAxeViolations(page, 'Import, checked');

    await page.getByRole('button', { name: 'Import', exact: true }).last().click();
    await page.getByText('Imported hr-export-fixed.csv.').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.locator('.import-summary dd').allTextContents())
      .toEqual(['20', '0', '0', '0']);
    await expectNoAxeViolations(page, 'Import, done');
    const recent = page.getByRole('region', { name: 'Recent imports' });
    await expect
      .poll(() => recent.getByRole('row').nth(1).textContent())
      .toContain('hr-export-fixed.csv');
  });
});
