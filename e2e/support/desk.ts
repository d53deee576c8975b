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
  // `/` and letters there list the contact templates (issue 16).
  'Short description': 'combobox',
  Description: 'textbox',
  'Work notes': 'textbox',
};

export type ListView = 'My open' | 'All open' | 'Recently closed';

/** The main navigation's sections. */
export type Section = 'Interactions' | 'Callbacks due' | 'Incidents' | 'Requests' | 'Walk-up';

/** The queues of the Incidents and Requests work lists. */
export type TaskQueueLabel = 'Assigned to me' | 'My groups' | 'Unassigned' | 'All';

export type EscalationButton =
  'Assign to me' | 'Create Incident' | 'Create Request' | 'Find existing incidents';

/** The fields of the escalation dialogs and the incident, by their label (issue 4's names). */
export type TaskFieldLabel =
  | 'Caller'
  | 'Requested for'
  | 'Short description'
  | 'Description'
  | 'Component'
  | 'Category'
  | 'Impact'
  | 'Urgency'
  | 'Assignment group'
  | 'Assigned to'
  | 'Work notes'
  | 'Resolution code'
  | 'Resolution notes'
  | 'Reason for reopening';

const TASK_FIELD_ROLES: Record<TaskFieldLabel, 'combobox' | 'textbox'> = {
  Caller: 'combobox',
  'Requested for': 'combobox',
  'Short description': 'textbox',
  Description: 'textbox',
  Component: 'combobox',
  Category: 'combobox',
  Impact: 'combobox',
  Urgency: 'combobox',
  'Assignment group': 'combobox',
  'Assigned to': 'combobox',
  'Work notes': 'textbox',
  'Resolution code': 'combobox',
  'Resolution notes': 'textbox',
  'Reason for reopening': 'textbox',
};

const APP_READY_TIMEOUT_MS = 60_000;
const ANSWER_TIMEOUT_MS = 15_000;
const MAX_TABS = 60;
const SAVED = /Saved (IMS\S*\d)/;

export class Desk {
  readonly page: Page;
  /**
   * Every key the helpers press goes through `key` and `typeKeys`, so a test can count what an agent
   * types for a step (issue 4's figure: keys to escalate from the saved interaction).
   */
  keysPressed = 0;

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
    await this.key('Alt+n');
    await this.page.getByRole('heading', { name: 'New interaction', exact: true }).waitFor();
  }

  /**
   * Types the first letters of the caller into Opened for (Ctrl+K goes there from anywhere). With
   * `firstShows`, waits until the first match shows it: the list can still hold the answer to fewer
   * letters for a moment.
   */
  async lookUpCaller(letters: string, firstShows?: string): Promise<void> {
    await this.key('Control+k');
    await expect.poll(() => this.isFocused(this.field('Opened for'))).toBe(true);
    await this.typeKeys(letters, { delay: 40 });
    const first = this.listboxFor('Opened for').getByRole('option').first();
    await first.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    if (firstShows !== undefined)
      await expect
        .poll(async () => (await first.textContent())?.toLowerCase() ?? '', {
          timeout: ANSWER_TIMEOUT_MS,
        })
        .toContain(firstShows.toLowerCase());
  }

  /** ArrowDown then Enter: picks the first match. Returns the picked caller's name as the field shows it. */
  async pickFirstMatch(label: FieldLabel = 'Opened for'): Promise<string> {
    const field = this.field(label);
    await this.key('ArrowDown');
    await this.listboxFor(label).getByRole('option', { selected: true }).waitFor();
    await this.key('Enter');
    await expect.poll(() => field.inputValue()).not.toBe('');
    return field.inputValue();
  }

  /** Moves focus with Tab (never the mouse) until it is on `target`. */
  async tabTo(target: Locator): Promise<void> {
    for (let presses = 0; presses < MAX_TABS; presses += 1) {
      if (await this.isFocused(target)) return;
      await this.key('Tab');
    }
    throw new Error(`Tab never reached ${target.toString()} in ${MAX_TABS} presses`);
  }

  /**
   * Moves focus to `target` by keyboard the short way, as an agent would: Shift+Tab when it comes
   * before the focused element in the page, Tab when after (a dialog's own Tab loop included).
   */
  async reach(target: Locator): Promise<void> {
    if (await this.isFocused(target)) return;
    const before = await target
      .evaluate((element) => {
        const active = document.activeElement;
        if (!active || active === document.body) return false;
        return (element.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      })
      .catch(() => false);
    const key = before ? 'Shift+Tab' : 'Tab';
    for (let presses = 0; presses < MAX_TABS; presses += 1) {
      await this.key(key);
      if (await this.isFocused(target)) return;
    }
    throw new Error(`${key} never reached ${target.toString()} in ${MAX_TABS} presses`);
  }

  /**
   * Tabs to a field the short way (Shift+Tab when it lies behind: picking the caller moves focus on
   * to Short description, past Type) and types into it, replacing what was there (select all + type).
   */
  async typeInto(label: FieldLabel, text: string): Promise<void> {
    await this.reach(this.field(label));
    await this.key('Control+a');
    await this.typeKeys(text);
  }

  /**
   * Tabs (the short way, as typeInto) to a field and picks `choice` by keyboard: a list (select) by typing the option's first letters,
   * a lookup (combobox) by typing, ArrowDown and Enter.
   */
  async choose(label: FieldLabel, choice: string): Promise<void> {
    const field = this.field(label);
    await this.reach(field);
    const isSelect = await field.evaluate((element) => element instanceof HTMLSelectElement);
    if (isSelect) {
      await this.typeKeys(choice);
      await expect.poll(() => this.selectedOptionText(field)).toBe(choice);
      return;
    }
    await this.key('Control+a');
    await this.typeKeys(choice, { delay: 30 });
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
    await this.key('Control+s');
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
    await this.key('Enter');
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

  // ---- escalation (issue 4) ----

  /** The interaction form, named by its heading ("Interaction IMS…"). */
  interactionForm(): Locator {
    return this.page.getByRole('form', { name: /^(New interaction|Interaction \S+)$/ });
  }

  /** A button of the saved interaction: Assign to me, Create Incident, Create Request, Find existing incidents. */
  escalationButton(name: EscalationButton): Locator {
    return name === 'Assign to me'
      ? this.interactionForm().getByRole('button', { name, exact: true })
      : this.page.getByRole('button', { name, exact: true });
  }

  /** A dialog by its name (Report an Issue, Create Request, Close the interaction?, …). */
  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name, exact: typeof name === 'string' });
  }

  /** A field of a dialog or panel by its label (the names of issue 4). */
  fieldIn(scope: Locator, label: TaskFieldLabel): Locator {
    return scope.getByRole(TASK_FIELD_ROLES[label], { name: label, exact: true });
  }

  /** What a field shows: a text box or lookup its text, a list (select) its chosen option. */
  async shownValue(field: Locator): Promise<string> {
    return field.evaluate((element) =>
      element instanceof HTMLSelectElement
        ? (element.selectedOptions[0]?.textContent ?? '')
        : element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
          ? element.value
          : (element.textContent ?? ''),
    );
  }

  /** Tab to `target` (a button) and press Enter: how the keyboard-only agent presses anything. */
  async press(target: Locator): Promise<void> {
    await this.reach(target);
    await this.key('Enter');
  }

  /**
   * The first seed's first step on the opened interaction: `Assign to me` (the form's button beside
   * Assigned to), then Ctrl+S, and waits until that save is confirmed.
   */
  async assignToMe(agentName: string): Promise<void> {
    await this.press(this.escalationButton('Assign to me'));
    await expect
      .poll(() => this.shownValue(this.field('Assigned to')), { timeout: ANSWER_TIMEOUT_MS })
      .toBe(agentName);
    await this.saveAgain();
  }

  /**
   * Ctrl+S on a record saved before, and waits for this save's own confirmation: the message says
   * "Saved IMS…" again, so it waits for the message to be written anew rather than for its text.
   */
  async saveAgain(): Promise<string> {
    const message = this.interactionForm().getByRole('status').filter({ hasText: SAVED });
    const before = await message.evaluateHandle((element) => element.firstElementChild);
    await this.key('Control+s');
    await expect
      .poll(() => before.evaluate((span) => span === null || !span.isConnected), {
        timeout: ANSWER_TIMEOUT_MS,
      })
      .toBe(true);
    await before.dispose();
    return this.confirmedNumber();
  }

  /** Create Incident on the saved, assigned interaction: the Report an Issue dialog opens. */
  async createIncident(): Promise<Locator> {
    await this.press(this.escalationButton('Create Incident'));
    const dialog = this.dialog('Report an Issue');
    await dialog.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    return dialog;
  }

  /** Create Request: the Create Request dialog opens at the catalog search. */
  async createRequest(): Promise<Locator> {
    await this.press(this.escalationButton('Create Request'));
    const dialog = this.dialog(/^(Create Request|Assign the interaction first)$/);
    await dialog.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    return dialog;
  }

  /** Find existing incidents: the dialog of open incidents on the component and its parents. */
  async findExistingIncidents(): Promise<Locator> {
    await this.press(this.escalationButton('Find existing incidents'));
    const dialog = this.dialog(/existing incidents/i);
    await dialog.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    return dialog;
  }

  /** The hits Find existing incidents lists, nearest first, each named "INC… · short description". */
  incidentHits(dialog: Locator): Locator {
    return dialog
      .getByRole('list', { name: /open incidents/i })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name: 'Associate', exact: true }) });
  }

  /** Tabs to the dialog's Submit and presses Enter. */
  async submit(dialog: Locator): Promise<void> {
    await this.press(dialog.getByRole('button', { name: 'Submit', exact: true }));
  }

  /** The question after Submit: the interaction is never closed without the agent's word. */
  closeQuestion(): Locator {
    return this.dialog('Close the interaction?');
  }

  /** Answers the closing question: Close interaction, or Keep it open. Waits until it is gone. */
  async answerCloseQuestion(close: boolean): Promise<void> {
    const question = this.closeQuestion();
    await question.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await this.press(
      question.getByRole('button', { name: close ? 'Close interaction' : 'Keep it open' }),
    );
    await question.waitFor({ state: 'detached', timeout: ANSWER_TIMEOUT_MS });
  }

  /** The work notes journal of the open interaction, newest first. */
  journal(): Locator {
    return this.interactionForm().getByRole('list', { name: 'Journal', exact: true });
  }

  /** The User's Tasks related list of the interaction form: the caller's incidents and requests. */
  usersTasks(): Locator {
    return this.page.getByRole('region', { name: "User's Tasks", exact: true });
  }

  /** The interaction's related records: the incidents and requests made from it or linked to it. */
  relatedRecords(): Locator {
    return this.page.getByRole('region', { name: 'Related records', exact: true });
  }

  /** The main navigation's sections: Interactions, Callbacks due, Incidents, Requests. */
  async showSection(name: Section): Promise<void> {
    await this.press(
      this.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) }),
    );
  }

  /** The Incidents (or Requests) work list of its section. */
  taskList(kind: 'Incidents' | 'Requests'): Locator {
    return this.page.getByRole('region', { name: kind, exact: true });
  }

  /**
   * Opens an incident from the Incidents section's list, in the queue `queue` (the technician's
   * groups by default), and answers its panel.
   */
  async openIncident(number: string, queue: TaskQueueLabel = 'My groups'): Promise<Locator> {
    await this.showSection('Incidents');
    const list = this.taskList('Incidents');
    await list.getByRole('radio', { name: queue, exact: true }).check();
    const row = await this.waitForRow(list, number);
    await row.getByRole('button', { name: number, exact: true }).click();
    const panel = this.incidentPanel(number);
    await panel.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    return panel;
  }

  /** Shows the Callbacks due section: open interactions whose incident was resolved. */
  async showCallbacksDue(): Promise<Locator> {
    await this.showSection('Callbacks due');
    const list = this.callbacksDue();
    await list.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    return list;
  }

  /** The Callbacks due list. */
  callbacksDue(): Locator {
    return this.page.getByRole('region', { name: 'Callbacks due', exact: true });
  }

  /** The callback of one interaction in Callbacks due, named "IMS… · caller". */
  callback(interactionNumber: string): Locator {
    return this.callbacksDue().getByRole('listitem', {
      name: new RegExp(`^${escapeRegExp(interactionNumber)}\\b`),
    });
  }

  /**
   * Opens the interaction of a due callback (its number) beside the list, and answers the callback
   * notice the form shows for it ("Callback due: INC… was resolved"), where Reopen incident is.
   */
  async openCallback(interactionNumber: string): Promise<Locator> {
    const row = this.callback(interactionNumber);
    await row.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await this.press(row.getByRole('button', { name: interactionNumber, exact: true }));
    await this.page
      .getByRole('heading', { name: `Interaction ${interactionNumber}`, exact: true })
      .waitFor({ timeout: ANSWER_TIMEOUT_MS });
    const notice = this.callbackNotice();
    await notice.first().waitFor({ timeout: ANSWER_TIMEOUT_MS });
    return notice;
  }

  /** On the open interaction: each resolved incident it is linked to, due a callback. */
  callbackNotice(): Locator {
    return this.interactionForm()
      .getByRole('list', { name: 'Callbacks due for this interaction', exact: true })
      .getByRole('listitem');
  }

  /** The incident as a technician works it, named by its heading "Incident INC…". */
  incidentPanel(number?: string): Locator {
    return this.page.getByRole('region', {
      name: number ? `Incident ${number}` : /^Incident INC\S+$/,
      exact: number !== undefined,
    });
  }

  /** A fact of the incident panel (State, Priority, Callers affected, Reopen count, …) as it reads. */
  async incidentFact(panel: Locator, label: string): Promise<string> {
    const term = panel
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) });
    // A term's definition is the element after it (dt, dd): the pair has no name of its own.
    return term
      .first()
      .evaluate((element) => element.nextElementSibling?.textContent?.trim() ?? '')
      .catch(() => '');
  }

  /**
   * Resolve, as a technician does it from the incident (with the mouse: the work list before it has
   * hundreds of rows to Tab through); the dialog asks the Resolution code and notes; Submit.
   */
  async resolveIncident(panel: Locator, code: string, notes: string): Promise<void> {
    await panel.getByRole('button', { name: 'Resolve', exact: true }).click();
    const dialog = this.dialog(/^Resolve INC/);
    await dialog.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await this.chooseIn(dialog, 'Resolution code', code);
    await this.typeIn(dialog, 'Resolution notes', notes);
    await this.submit(dialog);
    await dialog.waitFor({ state: 'detached', timeout: ANSWER_TIMEOUT_MS });
  }

  /** Reopen incident (from a callback or the incident): the reason is asked, then Submit. */
  async reopenIncident(scope: Locator, reason: string): Promise<void> {
    await this.press(scope.getByRole('button', { name: 'Reopen incident', exact: true }));
    const dialog = this.dialog(/^Reopen INC/);
    await dialog.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await this.typeIn(dialog, 'Reason for reopening', reason);
    await this.submit(dialog);
    await dialog.waitFor({ state: 'detached', timeout: ANSWER_TIMEOUT_MS });
  }

  /** Tabs to a text field of a dialog and types, replacing what was there. */
  async typeIn(scope: Locator, label: TaskFieldLabel, text: string): Promise<void> {
    await this.typeInField(this.fieldIn(scope, label), text);
  }

  /** Tabs to a list (select) of a dialog and picks `choice` by typing `typed` (its first letters). */
  async chooseIn(
    scope: Locator,
    label: TaskFieldLabel,
    choice: string,
    typed: string = choice,
  ): Promise<void> {
    await this.chooseOption(this.fieldIn(scope, label), choice, typed);
  }

  /** Tabs to any text field (a catalog item's own, say) and types, replacing what was there. */
  async typeInField(field: Locator, text: string): Promise<void> {
    await this.reach(field);
    await this.key('Control+a');
    await this.typeKeys(text);
  }

  /** Tabs to any list (select) and picks the option `choice` by typing `typed`, its first letters. */
  async chooseOption(field: Locator, choice: string, typed: string = choice): Promise<void> {
    await this.reach(field);
    await this.typeKeys(typed);
    await expect.poll(() => this.selectedOptionText(field)).toBe(choice);
  }

  // ---- small things ----

  async key(key: string): Promise<void> {
    this.keysPressed += 1;
    await this.page.keyboard.press(key);
  }

  async typeKeys(text: string, options: { delay?: number } = {}): Promise<void> {
    this.keysPressed += [...text].length;
    await this.page.keyboard.type(text, options);
  }

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
