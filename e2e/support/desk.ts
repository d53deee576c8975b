// Test helpers that read like an agent at the desk: `desk.newInteraction()`, `desk.lookUpCaller('smi')`, `desk.save()`.
// They find things only by role and accessible name — the names in the issue — never by CSS or test ids.

import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { demoAgentName, type DemoAccount } from './demo-directory';
import { DEMO_PASSWORD } from './read-api';

/** The fields of the interaction form, by their label (the seed's wording). */
export type FieldLabel =
  | 'Opened for'
  | 'Contact email'
  | 'Contact phone'
  | 'Type'
  | 'Component'
  | 'Assignment group'
  | 'Assigned to'
  | 'Short description'
  | 'Description'
  | 'Work notes';

// Lookups (Opened for, Component) and single-choice lists (<select>) both have the combobox role.
const FIELD_ROLES: Record<FieldLabel, 'combobox' | 'textbox'> = {
  'Opened for': 'combobox',
  'Contact email': 'textbox',
  'Contact phone': 'textbox',
  Type: 'combobox',
  Component: 'combobox',
  'Assignment group': 'combobox',
  'Assigned to': 'combobox',
  'Short description': 'textbox',
  Description: 'textbox',
  'Work notes': 'textbox',
};

export type ListView = 'My open' | 'All open' | 'Recently closed';

const APP_READY_TIMEOUT_MS = 60_000;
const ANSWER_TIMEOUT_MS = 15_000;
const MAX_TABS = 60;
const SAVED = /Saved (IMS\S*\d)/;

export class Desk {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Opens Deskpad at `url` and waits until the directory is loaded and the caller lookup answers. */
  static async open(page: Page, url: string): Promise<Desk> {
    await page.goto(url);
    const desk = new Desk(page);
    await desk.waitUntilReady();
    return desk;
  }

  /**
   * Opens Deskpad served by a desk server, signs in on its Sign in screen, and waits until the app is
   * ready with the server's directory downloaded.
   */
  static async signIn(page: Page, url: string, account: DemoAccount): Promise<Desk> {
    await page.goto(url);
    const desk = new Desk(page);
    await desk.signInForm().waitFor({ timeout: APP_READY_TIMEOUT_MS });
    await desk.submitSignIn(account.userName, DEMO_PASSWORD);
    await desk.waitUntilReady(account.name);
    return desk;
  }

  /**
   * The app is usable once its banner is there and the directory is loaded: generated on first start,
   * or downloaded from the desk server after a sign-in.
   */
  async waitUntilReady(agentName = demoAgentName): Promise<void> {
    await this.page
      .getByRole('button', { name: 'New interaction' })
      .waitFor({ timeout: APP_READY_TIMEOUT_MS });
    await this.page
      .getByRole('status')
      .filter({ hasText: /Online|Offline|Syncing/ })
      .waitFor();
    // The banner names the signed-in agent only once the directory is loaded and searchable.
    await this.page
      .getByRole('banner')
      .getByText(agentName, { exact: true })
      .waitFor({ timeout: APP_READY_TIMEOUT_MS });
    await expect
      .poll(
        () =>
          this.page
            .getByRole('progressbar', { name: /Loading the directory|Downloading directory/ })
            .count(),
        { timeout: APP_READY_TIMEOUT_MS, interval: 200 },
      )
      .toBe(0);
  }

  // ---- signing in and out ----

  /** The Sign in screen's heading: there while nobody is signed in to the desk server. */
  signInForm(): Locator {
    return this.page.getByRole('heading', { name: 'Sign in', exact: true });
  }

  /** Types the user name and password as an agent would and presses Enter. */
  async submitSignIn(userName: string, password: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'User name', exact: true }).fill(userName);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** "Signed in as <name>" in the banner. */
  signedInAs(name: string): Locator {
    return this.page.getByRole('banner').getByText(`Signed in as ${name}`, { exact: true });
  }

  // ---- Needs attention ----

  /** The banner's "Needs attention (N)" button; absent while nothing needs attention. */
  needsAttentionButton(): Locator {
    return this.page.getByRole('button', { name: /^Needs attention \(\d+\)$/ });
  }

  needsAttention(): Locator {
    return this.page.getByRole('region', { name: 'Needs attention', exact: true });
  }

  // ---- the form ----

  /** The control labelled `label`: lookups and lists are comboboxes, the rest text boxes. */
  field(label: FieldLabel): Locator {
    return this.page.getByRole(FIELD_ROLES[label], { name: label, exact: true });
  }

  button(
    name: 'New interaction' | 'Save' | 'Close interaction' | 'Abandon' | 'Add work note',
  ): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The form's heading: "New interaction" until the first save, then "Interaction IMS…". */
  formHeading(): Locator {
    return this.page.getByRole('heading', { name: /^(New interaction|Interaction IMS\S*)$/ });
  }

  /** Alt+N, as an agent starts a new contact without the mouse. Focus lands in Opened for. */
  async newInteraction(): Promise<void> {
    await this.page.keyboard.press('Alt+n');
    await this.page.getByRole('heading', { name: 'New interaction', exact: true }).waitFor();
  }

  /** Types the first letters of the caller into Opened for (Ctrl+K goes there from anywhere). */
  async lookUpCaller(letters: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect.poll(() => this.isFocused(this.field('Opened for'))).toBe(true);
    await this.page.keyboard.type(letters, { delay: 40 });
    await this.listboxFor('Opened for')
      .getByRole('option')
      .first()
      .waitFor({ timeout: ANSWER_TIMEOUT_MS });
  }

  /** ArrowDown then Enter: picks the first match. Returns the picked caller's name as the field shows it. */
  async pickFirstMatch(label: FieldLabel = 'Opened for'): Promise<string> {
    const field = this.field(label);
    await this.page.keyboard.press('ArrowDown');
    await this.listboxFor(label).getByRole('option', { selected: true }).waitFor();
    await this.page.keyboard.press('Enter');
    await expect.poll(() => field.inputValue()).not.toBe('');
    return field.inputValue();
  }

  /** Moves focus with Tab (never the mouse) until it is on `target`. */
  async tabTo(target: Locator): Promise<void> {
    for (let presses = 0; presses < MAX_TABS; presses += 1) {
      if (await this.isFocused(target)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${target.toString()} in ${MAX_TABS} presses`);
  }

  /** Tabs to a field and types into it, replacing what was there (select all + type). */
  async typeInto(label: FieldLabel, text: string): Promise<void> {
    await this.tabTo(this.field(label));
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.type(text);
  }

  /**
   * Tabs to a field and picks `choice` by keyboard: a list (select) by typing the option's first letters,
   * a lookup (combobox) by typing, ArrowDown and Enter.
   */
  async choose(label: FieldLabel, choice: string): Promise<void> {
    const field = this.field(label);
    await this.tabTo(field);
    const isSelect = await field.evaluate((element) => element instanceof HTMLSelectElement);
    if (isSelect) {
      await this.page.keyboard.type(choice);
      await expect.poll(() => this.selectedOptionText(field)).toBe(choice);
      return;
    }
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.type(choice, { delay: 30 });
    await this.listboxFor(label)
      .getByRole('option', { name: new RegExp(escapeRegExp(choice)) })
      .first()
      .waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await this.pickFirstMatch(label);
  }

  async selectedOptionText(select: Locator): Promise<string> {
    return select.evaluate((element) =>
      element instanceof HTMLSelectElement ? (element.selectedOptions[0]?.textContent ?? '') : '',
    );
  }

  /** Ctrl+S, then waits for the confirmation; returns the interaction number it names. */
  async save(): Promise<string> {
    await this.page.keyboard.press('Control+s');
    return this.confirmedNumber();
  }

  /** The number in the "Saved IMS…" confirmation, once it shows. */
  async confirmedNumber(timeout = ANSWER_TIMEOUT_MS): Promise<string> {
    const message = this.savedMessage();
    await message.waitFor({ timeout });
    const text = (await message.textContent()) ?? '';
    const number = SAVED.exec(text)?.[1];
    if (!number) throw new Error(`The save confirmation names no number: "${text}"`);
    return number;
  }

  /** The polite status message that confirms a save ("Saved IMS-P0001"). */
  savedMessage(): Locator {
    return this.page.getByRole('status').filter({ hasText: SAVED });
  }

  /** Tab to the button and press Enter, as the keyboard-only agent does. */
  async pressButton(
    name: 'Save' | 'Close interaction' | 'Abandon' | 'Add work note',
  ): Promise<void> {
    await this.tabTo(this.button(name));
    await this.page.keyboard.press('Enter');
  }

  /** The record's state as the form shows it (the State fact next to Number). */
  async waitForState(state: string): Promise<void> {
    await this.page
      .getByRole('definition')
      .filter({ hasText: new RegExp(`^${escapeRegExp(state)}$`) })
      .first()
      .waitFor({ timeout: ANSWER_TIMEOUT_MS });
  }

  // ---- the lists ----

  /** The Interactions region beside the form. */
  list(): Locator {
    return this.page.getByRole('region', { name: 'Interactions', exact: true });
  }

  async showList(view: ListView): Promise<void> {
    await this.list().getByRole('radio', { name: view, exact: true }).check();
  }

  /** The User's Interactions related list on the form. */
  relatedList(): Locator {
    return this.page.getByRole('region', { name: "User's Interactions", exact: true });
  }

  /** A row of a list (or the related list), found by the interaction's number. */
  row(within: Locator, number: string): Locator {
    return within.getByRole('row', { name: new RegExp(`\\b${escapeRegExp(number)}\\b`) });
  }

  /** Waits until `number` is listed in `within`, and returns its row. */
  async waitForRow(within: Locator, number: string): Promise<Locator> {
    const row = this.row(within, number);
    await row.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    return row;
  }

  // ---- the banner ----

  /** The always-visible mark: Online/Offline/Syncing and "N changes not synced". */
  syncMark(): Locator {
    return this.page.getByRole('status').filter({ hasText: /not synced/ });
  }

  /** How many changes the mark says wait, once it says so. */
  async changesNotSynced(): Promise<number> {
    const text = (await this.syncMark().textContent()) ?? '';
    const match = /(\d+) changes? not synced/.exec(text);
    return match?.[1] ? Number(match[1]) : Number.NaN;
  }

  // ---- small things ----

  /** The open list of matches under a lookup. Only one lookup is open at a time; closed ones are hidden. */
  private listboxFor(_label: FieldLabel): Locator {
    return this.page.getByRole('listbox');
  }

  private async isFocused(target: Locator): Promise<boolean> {
    return target.evaluate((element) => element === document.activeElement).catch(() => false);
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A short description no other test (or earlier run on a reused profile) would have written. */
export function uniqueText(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
