// Administration → Import as an administrator drives it in the e2e tests: an HR export of users
// (with three bad rows, or fixed), sent through the page's file input. For tests only.

import type { Page } from 'playwright-core';

/** An imported caller's phone, as the HR export writes it: +44 20 7946 0<row>. */
export const importedPhone = (row: number): string => `+44 20 7946 ${String(row).padStart(4, '0')}`;

/**
 * A semicolon-separated HR export with a BOM and CRLF, as spreadsheets write it. `broken` spoils
 * three rows: line 5 a bad email, line 9 no employee id, line 12 a duplicate employee id.
 */
export function peopleCsv(rows: number, broken: boolean): Buffer {
  const lines = ['Employee ID;Login;Given name;Surname;E-mail;Tel'];
  for (let i = 1; i <= rows; i += 1)
    lines.push(
      `HR${1000 + i};imp.user${i};Ima${i};Porter${i};imp.user${i}@example.org;${importedPhone(i)}`,
    );
  if (broken) {
    lines[4] = 'HR1004;imp.user4;Ima4;Porter4;not-an-email;+44 20 7946 0004';
    lines[8] = ';imp.user8;Ima8;Porter8;imp.user8@example.org;+44 20 7946 0008';
    lines[11] = 'HR1002;imp.user11;Ima11;Porter11;imp.user11@example.org;+44 20 7946 0011';
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Chooses the file in Step 1 and sends it; resolves on Step 2 (the column mapping). */
export async function sendImportFile(page: Page, name: string, content: Buffer): Promise<void> {
  await page
    .getByLabel('File', { exact: true })
    .setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await page.getByRole('button', { name: 'Send the file and map its columns' }).press('Enter');
  await page
    .getByRole('heading', { name: 'Step 2 of 4: Map the columns' })
    .waitFor({ timeout: 30_000 });
}

/** The problems table's line and column of its first `count` rows. */
export async function problemCells(page: Page, count: number): Promise<string[][]> {
  const problems = page.getByRole('table', { name: `${count} problems` });
  await problems.waitFor({ timeout: 60_000 });
  const out: string[][] = [];
  for (let row = 1; row <= count; row += 1)
    out.push(
      (await problems.getByRole('row').nth(row).getByRole('cell').allTextContents()).slice(0, 2),
    );
  return out;
}

/** Opens a page of the Administration section from the main navigation. */
export async function openAdministration(page: Page, pageName: string): Promise<void> {
  await page.getByRole('button', { name: 'Administration', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Administration' })
    .getByRole('button', { name: pageName, exact: true })
    .click();
}
