// The first seed's request path, step by step on a real desk server: Create Request, the catalog searched
// by keyword, the New laptop form with Requested for prefilled, Submit, keep or close; online, then offline.

import { describe, expect, it, type TestContext } from 'vitest';
import { DEMO_AGENT_ID } from '../shared/demo/directory-generator';
import { DEMO_AGENT } from './support/demo-directory';
import { Desk, escapeRegExp, uniqueText } from './support/desk';
import {
  createInteractionByKeyboard,
  goOffline,
  goOnline,
  PROVISIONAL_NUMBER,
  waitUntilSynced,
} from './support/flows';
import { useBrowser, useDeskServerApp } from './support/harness';

const app = useDeskServerApp();
const browser = useBrowser();
const REQUEST_NUMBER = /(REQ-P\d+|REQ\d{7,12})/;

async function requestPath(test: TestContext, offline: boolean): Promise<void> {
  const { context, page } = await browser.newPage(test);
  const desk = await Desk.signIn(page, app.url(), DEMO_AGENT);
  const reader = await app.reader();

  const created = await createInteractionByKeyboard(desk);
  const interactionNumber = await waitUntilSynced(desk);
  if (offline) await goOffline(desk, context);

  // "Select ... Create Request": not assigned yet, so the desk asks for Assign to me first.
  let dialog = await desk.createRequest();
  if ((await desk.dialog('Assign the interaction first').count()) > 0) {
    await desk.press(dialog.getByRole('button', { name: 'Assign to me', exact: true }));
    dialog = desk.dialog('Create Request');
    await dialog.waitFor();
  }

  // "search for the specific Request form": by keyword, the way a caller says it.
  const search = dialog.getByRole('combobox', { name: 'Search the catalog', exact: true });
  await expect.poll(() => search.evaluate((e) => e === document.activeElement)).toBe(true);
  await desk.typeKeys('notebook', { delay: 30 });
  const results = dialog.getByRole('listbox', { name: 'Catalog items' });
  await results.getByRole('option', { name: /^New laptop/ }).waitFor();
  await desk.key('ArrowDown');
  await results.getByRole('option', { name: /^New laptop/, selected: true }).waitFor();
  await desk.key('Enter');

  // "Fill out the Request fields accordingly": Requested for comes from the interaction.
  const form = dialog.getByRole('group', { name: 'New laptop' });
  await form.waitFor();
  await expect
    .poll(() => desk.shownValue(desk.fieldIn(dialog, 'Requested for')))
    .toBe(created.callerName);
  const location = uniqueText('Building 2, floor 3, desk');
  const justification = 'The current laptop no longer holds a charge; the caller travels weekly.';
  await desk.chooseOption(form.getByRole('combobox', { name: 'Model' }), 'Standard 14" laptop');
  const replaces = form.getByRole('checkbox', { name: 'Replaces an existing laptop' });
  await desk.reach(replaces);
  await desk.key('Space');
  await expect.poll(() => replaces.isChecked()).toBe(true);
  await desk.typeInField(
    form.getByRole('textbox', { name: 'Asset tag of the laptop it replaces' }),
    'LT-004512',
  );
  // A date field's keyboard entry follows the browser's locale; fill() types the ISO value.
  await form.getByLabel('Needed by', { exact: true }).fill('2026-12-15');
  await desk.typeInField(form.getByRole('textbox', { name: 'Delivery location' }), location);
  await desk.typeInField(
    form.getByRole('textbox', { name: 'Business justification' }),
    justification,
  );

  // "Submit Request and Close out the opened Interaction": online it stays open, offline it closes.
  await desk.submit(dialog);
  await dialog.waitFor({ state: 'detached' });
  const question = desk.closeQuestion();
  await question.waitFor();
  const made = REQUEST_NUMBER.exec((await question.textContent()) ?? '')?.[1] ?? '';
  // Numbered on this desk at once (REQ-P…), online or not; the server's number follows on sync.
  expect(made).toMatch(offline ? PROVISIONAL_NUMBER : /^REQ/);
  const close = offline;
  await desk.answerCloseQuestion(close);
  await desk.waitForState(close ? 'Closed Complete' : 'Work in Progress');

  const shown = async (): Promise<string> =>
    REQUEST_NUMBER.exec((await desk.journal().textContent()) ?? '')?.[1] ?? '';
  await expect.poll(() => desk.journal().textContent()).toMatch(/Request \S+ created from this/);
  await expect.poll(() => desk.usersTasks().textContent()).toMatch(REQUEST_NUMBER);
  if (offline) {
    expect(await shown()).toMatch(PROVISIONAL_NUMBER);
    await expect.poll(() => desk.changesNotSynced()).toBeGreaterThanOrEqual(3);
    await goOnline(desk, context);
  }
  await expect.poll(shown, { timeout: 20_000 }).toMatch(/^REQ\d{7,12}$/);
  const requestNumber = await shown();
  await desk.waitForRow(desk.usersTasks(), requestNumber);
  await expect.poll(() => desk.relatedRecords().textContent()).toContain(requestNumber);
  await expect.poll(() => desk.changesNotSynced()).toBe(0);

  // The server's records, through the read API: the request with the item's answers, both linked.
  const interaction = await reader.interaction(interactionNumber);
  const request = await reader.request(requestNumber);
  expect(request).toMatchObject({
    number: requestNumber,
    numberProvisional: false,
    requestedFor: interaction?.openedFor,
    catalogItem: 'cat_new_laptop',
    shortDescription: 'New laptop',
    state: 'Open',
    // The item's fulfilment group works it.
    assignmentGroup: 'grp_hardware',
    answers: {
      model: 'standard_14_laptop',
      replaces_existing: true,
      current_asset_tag: 'LT-004512',
      needed_by: '2026-12-15',
      delivery_location: location,
      business_justification: justification,
    },
  });
  expect(request?.relatedInteractions).toEqual([
    expect.objectContaining({ number: interactionNumber, relation: 'origin' }),
  ]);
  expect(interaction).toMatchObject({
    state: close ? 'Closed Complete' : 'Work in Progress',
    assignedTo: DEMO_AGENT_ID,
  });
  expect(interaction?.relatedRecords).toEqual([
    expect.objectContaining({ kind: 'request', number: requestNumber, relation: 'created' }),
  ]);
  expect(interaction?.workNotes.map((note) => note.text)).toContainEqual(
    expect.stringMatching(new RegExp(`^Request ${escapeRegExp(requestNumber)} created from`)),
  );
  const forCaller = (await reader.requests({ requestedFor: interaction?.openedFor ?? '' })).filter(
    (record) => record.answers.delivery_location === location,
  );
  expect(forCaller.map((record) => record.number)).toEqual([requestNumber]);
}

describe('Create Request from an interaction (first seed)', () => {
  it('online: catalog search by keyword, New laptop, Requested for prefilled, keep it open', (test) =>
    requestPath(test, false));

  it('offline during the escalation, then back online: the server numbers and links it', (test) =>
    requestPath(test, true));
});
