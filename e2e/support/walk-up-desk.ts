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
    return this.page.getByRole('region', { name: 'Walk-up', exact: true });
  }

  /** Opens the section from the main navigation and picks the location and the station (kept per desk). */
  async open(location: string, station: string): Promise<void> {
    await this.desk.showSection('Walk-up');
    await this.section().waitFor({ timeout: ANSWER_TIMEOUT_MS });
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
    // The queue is loaded once Call next can be pressed.
    const callNext = this.section().getByRole('button', { name: 'Call next', exact: true });
    await expect.poll(() => callNext.isEnabled(), { timeout: ANSWER_TIMEOUT_MS }).toBe(true);
  }

  /** The waiting queue's rows, in the order Call next takes them. */
  queue(): Locator {
    return this.section().getByRole('table', { name: /^Waiting/ });
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

  /** Check in on someone's behalf: the caller lookup (typed, first match picked) and a reason. */
  async checkInPerson(typed: string, reason: string): Promise<string> {
    const form = this.checkInForm();
    await form.getByRole('radio', { name: 'Someone in the directory' }).check();
    const person = form.getByRole('combobox', { name: 'Person', exact: true });
    await person.click();
    await person.pressSequentially(typed, { delay: 30 });
    // The caller lookup's listbox (a <select>'s options are not in one).
    const matches = this.page.getByRole('listbox');
    await matches.getByRole('option').first().waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await person.press('ArrowDown');
    await matches.getByRole('option', { selected: true }).waitFor();
    await person.press('Enter');
    const name = await person.inputValue();
    await this.chooseReason(form, reason);
    await this.submitCheckIn(form, name);
    return name;
  }

  /** Check in a guest by name. */
  async checkInGuest(name: string, reason: string): Promise<void> {
    const form = this.checkInForm();
    await form.getByRole('radio', { name: 'A guest' }).check();
    await form.getByRole('textbox', { name: 'Guest name', exact: true }).fill(name);
    await this.chooseReason(form, reason);
    await this.submitCheckIn(form, name);
  }

  /** The section's Check in form (beside the queue). */
  checkInForm(): Locator {
    return this.page.getByRole('form', { name: 'Check in', exact: true });
  }

  private async chooseReason(form: Locator, reason: string): Promise<void> {
    await form
      .getByRole('combobox', { name: 'Reason for visit', exact: true })
      .selectOption({ label: reason });
  }

  /** Check in, then waits for the section's confirmation ("Checked in <name> at <location>."). */
  private async submitCheckIn(form: Locator, name: string): Promise<void> {
    await form.getByRole('button', { name: 'Check in', exact: true }).click();
    await this.page
      .getByRole('status')
      .filter({ hasText: `Checked in ${name}` })
      .waitFor({ timeout: ANSWER_TIMEOUT_MS });
  }

  /** Call next: the button (its shortcut is shown beside it). */
  async callNext(): Promise<void> {
    await this.section().getByRole('button', { name: 'Call next', exact: true }).click();
  }

  /** The Called table: who this location's desks have called and not yet served. */
  calledList(): Locator {
    return this.section().getByRole('table', { name: /^Called/ });
  }

  async pressOn(
    name: string,
    button: 'Start' | 'No-show' | 'Left' | 'Back to the queue' | 'Call',
  ): Promise<void> {
    const target = this.section()
      .getByRole('row')
      .filter({ hasText: new RegExp(escapeRegExp(name)) })
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(button)}`) });
    await target.first().click({ timeout: ANSWER_TIMEOUT_MS });
  }
}
