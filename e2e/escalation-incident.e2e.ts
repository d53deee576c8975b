// The first seed's incident path, step by step on a real desk server: log the contact, Assign to me,
// Create Incident, the prefilled Report an Issue, Submit, close the interaction; online, then offline.

import { describe, expect, it, type TestContext } from 'vitest';
import { DEMO_AGENT_ID } from '../shared/demo/directory-generator';
import { demoDirectory, DEMO_AGENT } from './support/demo-directory';
import { Desk, escapeRegExp } from './support/desk';
import {
  createInteractionByKeyboard,
  goOffline,
  goOnline,
  PROVISIONAL_NUMBER,
  REAL_NUMBER,
  waitUntilSynced,
} from './support/flows';
import { useBrowser, useDeskServerApp } from './support/harness';

const app = useDeskServerApp();
const browser = useBrowser();
/** What createInteractionByKeyboard writes in Description and picks as Component. */
const DESCRIPTION = 'Came to the counter; Outlook prompts for credentials after every restart.';
const COMPONENT = 'Outlook client';
const COMPONENT_ID = demoDirectory.configurationItems.find((ci) => ci.name === COMPONENT)?.id;
const INCIDENT_NUMBER = /(INC-P\d+|INC\d{7,12})/;

async function incidentPath(test: TestContext, offline: boolean): Promise<void> {
  const { context, page } = await browser.newPage(test);
  const desk = await Desk.signIn(page, app.url(), DEMO_AGENT);
  const reader = await app.reader();

  // "How to create an Interaction": the caller by autofill, the rest by keyboard, Ctrl+S.
  const created = await createInteractionByKeyboard(desk);
  const interactionNumber = await waitUntilSynced(desk);
  if (offline) await goOffline(desk, context);

  // "Assign the Interaction to the Fulfiller", then "Create Incident".
  const keysBefore = desk.keysPressed;
  await desk.assignToMe(DEMO_AGENT.name);
  const group = await desk.shownValue(desk.field('Assignment group'));
  expect(group).not.toBe('None');
  const report = await desk.createIncident();

  // Report an Issue opens prefilled from the interaction.
  await expect.poll(() => desk.shownValue(desk.fieldIn(report, 'Caller'))).toBe(created.callerName);
  expect(await desk.shownValue(desk.fieldIn(report, 'Short description'))).toBe(
    created.shortDescription,
  );
  expect(await desk.shownValue(desk.fieldIn(report, 'Description'))).toBe(DESCRIPTION);
  expect(await desk.shownValue(desk.fieldIn(report, 'Component'))).toBe(COMPONENT);
  expect(await desk.shownValue(desk.fieldIn(report, 'Assignment group'))).toBe(group);
  // An application's incident starts as Software, 3/3 → 4 - Low until the agent says otherwise.
  await expect.poll(() => desk.shownValue(desk.fieldIn(report, 'Category'))).toBe('Software');

  // "Fill out the Report an Issue form with the appropriate information": everyone on the floor.
  await desk.chooseIn(report, 'Impact', '2 - Medium', '2');
  await desk.chooseIn(report, 'Urgency', '1 - High', '1');
  await expect
    .poll(() => report.getByRole('status', { name: 'Priority' }).textContent())
    .toBe('2 - High');

  // "Submit Incident and Close out the opened Interaction (this will not happen automatically)".
  await desk.reach(report.getByRole('button', { name: 'Submit', exact: true }));
  const submitted = performance.now();
  await desk.key('Enter');
  const question = desk.closeQuestion();
  await question.waitFor();
  // The question comes once the store host has committed both records (durability: strict).
  const durableMs = Math.round(performance.now() - submitted);
  console.info(
    `Escalation by keyboard (${offline ? 'offline' : 'online'}): ${desk.keysPressed - keysBefore} keys ` +
      `from the saved interaction to Submit, durable ${durableMs} ms after Submit`,
  );
  const made = INCIDENT_NUMBER.exec((await question.textContent()) ?? '')?.[1] ?? '';
  expect(made).toMatch(offline ? PROVISIONAL_NUMBER : /^INC/);
  // Still open while the question is asked: escalating never closes it by itself.
  await desk.waitForState('Work in Progress');
  await desk.answerCloseQuestion(true);
  await desk.waitForState('Closed Complete');

  // The interaction names the incident: related records, a work note, and the User's Tasks list.
  const shown = async (): Promise<string> => {
    const text = (await desk.journal().textContent()) ?? '';
    return INCIDENT_NUMBER.exec(text)?.[1] ?? '';
  };
  await expect.poll(() => desk.journal().textContent()).toMatch(/Incident \S+ created from this/);
  await expect.poll(() => desk.relatedRecords().textContent()).toMatch(INCIDENT_NUMBER);
  await expect.poll(() => desk.usersTasks().textContent()).toMatch(INCIDENT_NUMBER);

  if (offline) {
    // Assign, create and close wait on the desk; the incident has a provisional number.
    expect(await shown()).toMatch(PROVISIONAL_NUMBER);
    await expect.poll(() => desk.changesNotSynced()).toBeGreaterThanOrEqual(3);
    await goOnline(desk, context);
  }
  // Once synced, every place names the server's number.
  await expect.poll(shown, { timeout: 20_000 }).toMatch(/^INC\d{7,12}$/);
  const incidentNumber = await shown();
  await desk.waitForRow(desk.usersTasks(), incidentNumber);
  await expect.poll(() => desk.relatedRecords().textContent()).toContain(incidentNumber);
  await expect.poll(() => desk.changesNotSynced()).toBe(0);

  // The server's records, through the read API.
  const interaction = await reader.interaction(interactionNumber);
  const incident = await reader.incident(incidentNumber);
  expect(incident).toMatchObject({
    number: incidentNumber,
    numberProvisional: false,
    caller: interaction?.openedFor,
    shortDescription: created.shortDescription,
    description: DESCRIPTION,
    component: COMPONENT_ID,
    category: 'Software',
    impact: 2,
    urgency: 1,
    priority: 2,
    assignmentGroup: interaction?.assignmentGroup,
    assignedTo: null,
    state: 'New',
    reopenCount: 0,
  });
  expect(incident?.relatedInteractions).toEqual([
    expect.objectContaining({ number: interactionNumber, relation: 'origin' }),
  ]);
  expect(interaction).toMatchObject({ state: 'Closed Complete', assignedTo: DEMO_AGENT_ID });
  expect(interaction?.relatedRecords).toEqual([
    expect.objectContaining({ kind: 'incident', number: incidentNumber, relation: 'created' }),
  ]);
  const notes = interaction?.workNotes.map((note) => note.text) ?? [];
  expect(notes).toContainEqual(
    expect.stringMatching(new RegExp(`^Incident ${escapeRegExp(incidentNumber)} created from`)),
  );
  // Exactly one incident came of it, however often the desk retried.
  const fromThis = (await reader.incidents({ caller: incident?.caller ?? '' })).filter(
    (record) => record.shortDescription === created.shortDescription,
  );
  expect(fromThis.map((record) => record.number)).toEqual([incidentNumber]);
  expect(REAL_NUMBER.test(interactionNumber)).toBe(true);
}

describe('Create Incident from an interaction (first seed)', () => {
  it('online: Assign to me, Report an Issue prefilled, Submit, close the interaction', (test) =>
    incidentPath(test, false));

  it('offline during the escalation, then back online: the server numbers and links it', (test) =>
    incidentPath(test, true));
});
