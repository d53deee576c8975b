// Administration → Import as an administrator takes it in Chromium against a real desk server: a CSV
// of users with three bad rows is checked and those rows are named by line and column; the fixed
// file is checked clean and imported; every step is keyboard-labelled and axe-clean (contrast too).

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { Desk } from './support/desk';
import { useBrowser, useDeskServerApp } from './support/harness';

const app = useDeskServerApp();
const browser = useBrowser();

const DEMO_ADMIN = { userName: 'demo.admin', name: 'Demo Admin' };

/** A semicolon-separated HR export with a BOM and CRLF, as spreadsheets write it. */
function peopleCsv(rows: number, broken: boolean): Buffer {
  const lines = ['Employee ID;Login;Given name;Surname;E-mail;Tel'];
  for (let i = 1; i <= rows; i += 1)
    lines.push(
      `HR${1000 + i};imp.user${i};Ima${i};Porter${i};imp.user${i}@example.org;+44 20 7946 ${String(i).padStart(4, '0')}`,
    );
  if (broken) {
    lines[4] = 'HR1004;imp.user4;Ima4;Porter4;not-an-email;+44 20 7946 0004';
    lines[8] = ';imp.user8;Ima8;Porter8;imp.user8@example.org;+44 20 7946 0008';
    lines[11] = 'HR1002;imp.user11;Ima11;Porter11;imp.user11@example.org;+44 20 7946 0011';
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function sendFile(page: Page, name: string, content: Buffer): Promise<void> {
  await page
    .getByLabel('File', { exact: true })
    .setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await page.getByRole('button', { name: 'Send the file and map its columns' }).press('Enter');
  await page
    .getByRole('heading', { name: 'Step 2 of 4: Map the columns' })
    .waitFor({ timeout: 30_000 });
}

describe('Administration → Import', () => {
  it('names the bad rows of a users file, then imports the fixed file', async (test) => {
    // axe-core is added to the page as a script: the desk server's CSP would refuse it.
    const { page } = await browser.newPage(test, { bypassCSP: true });
    await Desk.signIn(page, app.url(), DEMO_ADMIN);
    await page.getByRole('button', { name: 'Administration', exact: true }).click();
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('button', { name: 'Import', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Step 1 of 4: Choose the file' }).waitFor();
    await expectNoAxeViolations(page, 'Import, choose the file');

    await sendFile(page, 'hr-export.csv', peopleCsv(20, true));
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
    const problems = page.getByRole('table', { name: '3 problems' });
    await problems.waitFor({ timeout: 60_000 });
    const cells = async (row: number) =>
      (await problems.getByRole('row').nth(row).getByRole('cell').allTextContents()).slice(0, 2);
    expect([await cells(1), await cells(2), await cells(3)]).toEqual([
      ['5', 'E-mail'],
      ['9', 'Employee ID'],
      ['12', 'Employee ID'],
    ]);
    expect(
      await page.getByRole('button', { name: 'Import', exact: true }).last().isDisabled(),
    ).toBe(true);
    await expectNoAxeViolations(page, 'Import, problems');

    await page.getByRole('button', { name: 'Fix the file and choose it again' }).click();
    await sendFile(page, 'hr-export-fixed.csv', peopleCsv(20, false));
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
