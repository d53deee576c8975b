// The agent's Walk-up section, driven like an agent at the counter: location and station, the live queue,
// Check in on someone's behalf or a guest, Call next, Start, No-show. Roles and accessible names only.

import { expect } from 'vitest';
import type { Locator } from 'playwright-core';
import { type Desk, escapeRegExp } from './desk';

const ANSWER_TIMEOUT_MS = 15_000;

export class WalkUpDesk {
  readonly desk: Desk;

  constructor(desk: Desk) {
    this.desk = desk;
  }

  get page() {
    return this.desk.page;
  }

  /** The section itself (its heading is "Walk-up"). */
  section(): Locator {
    return this.page.getByRole('region', { name: /^Walk-up/ });
  }

  /** Opens the section from the main navigation and picks the location and the station (kept per desk). */
  async open(location: string, station: string): Promise<void> {
    await this.desk.showSection('Walk-up');
    await this.page
      .getByRole('heading', { name: /^Walk-up/ })
      .first()
      .waitFor({ timeout: ANSWER_TIMEOUT_MS });
    const locationField = this.page.getByRole('combobox', { name: 'Location', exact: true });
    await locationField.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await expect
      .poll(() => locationField.locator('option').allTextContents(), {
        timeout: ANSWER_TIMEOUT_MS,
      })
      .toContain(location);
    await locationField.selectOption({ label: location });
    const stationField = this.page.getByRole('textbox', { name: 'Station', exact: true });
    await stationField.fill(station);
    await stationField.press('Enter');
  }

  /** The waiting queue's rows, in the order Call next takes them. */
  queue(): Locator {
    return this.page.getByRole('table', { name: /waiting|queue/i });
  }

  row(name: string): Locator {
    return this.queue()
      .getByRole('row')
      .filter({ hasText: new RegExp(escapeRegExp(name)) });
  }

  /** The names in the queue, first to last (each row's text). */
  async queueRows(): Promise<string[]> {
    const rows = this.queue().getByRole('row');
    const texts = await rows.allInnerTexts();
    // The header row names the columns.
    return texts.slice(1).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** Check in on someone's behalf: the caller lookup (three letters, first match) and a reason. */
  async checkInPerson(letters: string, reason: string): Promise<string> {
    const dialog = await this.openCheckIn();
    const person = dialog.getByRole('combobox', { name: /^Person|^Opened for|^Caller/ });
    await person.click();
    await person.pressSequentially(letters, { delay: 30 });
    const option = this.page.getByRole('option').first();
    await option.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await person.press('ArrowDown');
    await person.press('Enter');
    const name = await person.inputValue();
    await this.chooseReason(dialog, reason);
    await this.submitCheckIn(dialog);
    return name;
  }

  /** Check in a guest by name. */
  async checkInGuest(name: string, reason: string): Promise<void> {
    const dialog = await this.openCheckIn();
    const guest = dialog.getByRole('checkbox', { name: /guest/i });
    if ((await guest.count()) > 0) await guest.check();
    else {
      const radio = dialog.getByRole('radio', { name: /guest/i });
      if ((await radio.count()) > 0) await radio.check();
    }
    await dialog
      .getByRole('textbox', { name: /guest name|name/i })
      .first()
      .fill(name);
    await this.chooseReason(dialog, reason);
    await this.submitCheckIn(dialog);
  }

  private async openCheckIn(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Check in', exact: true }).first().click();
    const dialog = this.page.getByRole('dialog', { name: /Check in/ });
    await dialog.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    return dialog;
  }

  private async chooseReason(dialog: Locator, reason: string): Promise<void> {
    const reasonField = dialog.getByRole('combobox', { name: /Reason/ });
    if ((await reasonField.count()) > 0) {
      const tag = await reasonField.evaluate((element) => element.tagName);
      if (tag === 'SELECT') await reasonField.selectOption({ label: reason });
      else await reasonField.fill(reason);
      return;
    }
    await dialog.getByRole('textbox', { name: /Reason/ }).fill(reason);
  }

  private async submitCheckIn(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: 'Check in', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: ANSWER_TIMEOUT_MS });
  }

  /** Call next: the button (its shortcut is shown beside it). */
  async callNext(): Promise<void> {
    await this.page.getByRole('button', { name: /^Call next/ }).click();
  }

  /** Called and In service visits of this location, as the section lists them. */
  calledList(): Locator {
    return this.page.getByRole('region', { name: /Called|Serving/ });
  }

  async pressOn(
    name: string,
    button: 'Start' | 'No-show' | 'Left' | 'Back to the queue' | 'Call',
  ): Promise<void> {
    const target = this.page
      .getByRole('row')
      .filter({ hasText: new RegExp(escapeRegExp(name)) })
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(button)}`) });
    await target.first().click({ timeout: ANSWER_TIMEOUT_MS });
  }
}
