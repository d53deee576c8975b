// axe-core over every escalation screen of a desk signed in to a real desk server (whose demo seeds
// the catalog and the incidents): the dialogs, the Incidents and Requests sections, Callbacks due.

import { describe, it } from 'vitest';
import { DEMO_PRINTER_EXAMPLE } from '../shared/demo/incident-generator';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_AGENT } from './support/demo-directory';
import { Desk, uniqueText } from './support/desk';
import { useBrowser, useDeskServerApp } from './support/harness';

const app = useDeskServerApp();
const browser = useBrowser();

describe('Accessibility of the escalation screens (axe-core)', () => {
  it('finds no violations on the escalation dialogs, the Incidents and Requests sections and Callbacks due', async (test) => {
    // The app's CSP (script-src 'self') rightly refuses the injected axe script; lift it for this check only.
    const { page } = await browser.newPage(test, { bypassCSP: true });
    const desk = await Desk.signIn(page, app.url(), DEMO_AGENT);
    const { printer, caller } = DEMO_PRINTER_EXAMPLE;

    // The second seed's printer example: an open incident waits on the printer's network segment.
    await desk.newInteraction();
    await desk.lookUpCaller(caller.userName);
    await desk.pickFirstMatch('Opened for');
    await desk.choose('Component', printer.name);
    await desk.typeInto('Short description', uniqueText('Cannot print'));
    await desk.save();

    const existing = await desk.findExistingIncidents();
    await desk.incidentHits(existing).first().waitFor();
    await expectNoAxeViolations(page, 'Find existing incidents');
    await page.keyboard.press('Escape');
    await existing.waitFor({ state: 'hidden' });

    await desk.assignToMe(DEMO_AGENT.name);
    const report = await desk.createIncident();
    await expectNoAxeViolations(page, 'the Report an Issue dialog');
    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'hidden' });

    const request = await desk.createRequest();
    await page.keyboard.type('laptop');
    await request.getByText('New laptop').first().waitFor();
    await expectNoAxeViolations(page, 'the Create Request catalog search');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await request.getByRole('button', { name: 'Submit', exact: true }).waitFor();
    await expectNoAxeViolations(page, "the catalog item's form");
    await page.keyboard.press('Escape');
    await request.waitFor({ state: 'hidden' });

    await desk.openIncident(DEMO_PRINTER_EXAMPLE.incident.number, 'All');
    await expectNoAxeViolations(page, 'the Incidents list and an incident');

    // This test checks what is on screen, not the keyboard path: the sections are clicked.
    const section = (name: RegExp) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
    await section(/^Requests/);
    await desk.taskList('Requests').waitFor();
    await expectNoAxeViolations(page, 'the Requests section');

    await section(/^Callbacks due/);
    await desk.callbacksDue().waitFor();
    await expectNoAxeViolations(page, 'Callbacks due');
  });
});
