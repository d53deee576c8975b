// Two desks act on the same incident while one is offline: the technician resolves and then closes it,
// the agent, offline, reopens it from the callback. The close stands; the reopen is refused by the server
// and waits in Needs attention with the agent's words. Checked on both desks and through the read API.

import { describe, expect, it } from 'vitest';
import { callerToLookUp, DEMO_AGENT, DEMO_TECHNICIAN } from './support/demo-directory';
import { Desk, uniqueText } from './support/desk';
import { goOffline, goOnline, logContact, waitUntilSynced } from './support/flows';
import { useBrowser, useDeskServerApp } from './support/harness';

const app = useDeskServerApp();
const browser = useBrowser();
const INCIDENT_NUMBER = /INC\d{7,12}/;

describe('Two desks on one incident, one of them offline', () => {
  it('the close stands, the refused reopen is in Needs attention with its reason, nothing is lost', async (test) => {
    const agentSide = await browser.newPage(test, {}, 'agent');
    const technicianSide = await browser.newPage(test, {}, 'technician');
    const agent = await Desk.signIn(agentSide.page, app.url(), DEMO_AGENT);
    const technician = await Desk.signIn(technicianSide.page, app.url(), DEMO_TECHNICIAN);
    const reader = await app.reader();

    // The agent escalates a contact to the Network group (the first seed's path, online).
    const shortDescription = uniqueText('Wi-Fi drops in the east meeting rooms');
    await logContact(agent, {
      callerLetters: callerToLookUp(20).letters,
      type: 'Phone',
      component: 'Outlook client',
      shortDescription,
      description: 'Calls drop whenever the laptop roams between access points.',
    });
    const interactionNumber = await waitUntilSynced(agent);
    await agent.assignToMe(DEMO_AGENT.name);
    const report = await agent.createIncident();
    await agent.chooseIn(report, 'Assignment group', 'Network');
    await agent.submit(report);
    await agent.answerCloseQuestion(false);
    await expect
      .poll(async () => INCIDENT_NUMBER.exec((await agent.journal().textContent()) ?? '')?.[0], {
        timeout: 20_000,
      })
      .toMatch(INCIDENT_NUMBER);
    const incidentNumber =
      INCIDENT_NUMBER.exec((await agent.journal().textContent()) ?? '')?.[0] ?? '';

    // Desk A, the technician, resolves it; the callback becomes due on desk B.
    const panel = await technician.openIncident(incidentNumber);
    await technician.resolveIncident(panel, 'Solution provided', 'Replaced the access point.');
    await agent.showCallbacksDue();
    const callback = agent.callback(interactionNumber);
    await callback.waitFor({ timeout: 20_000 });
    const notice = await agent.openCallback(interactionNumber);

    // Desk B goes offline and reopens it: the caller says it still drops.
    await goOffline(agent, agentSide.context);
    const reason = uniqueText('Called back: calls still drop near room E2');
    await agent.reopenIncident(notice, reason);
    await callback.waitFor({ state: 'detached' });
    await expect.poll(() => agent.changesNotSynced()).toBeGreaterThanOrEqual(1);

    // Meanwhile desk A, online, closes the resolved incident.
    await panel.getByRole('button', { name: 'Close incident', exact: true }).click();
    await expect.poll(() => technician.incidentFact(panel, 'State')).toBe('Closed');
    await expect
      .poll(async () => (await reader.incident(incidentNumber))?.state, { timeout: 15_000 })
      .toBe('Closed');

    // Desk B comes back: the server refuses the reopen of a Closed incident.
    await goOnline(agent, agentSide.context);
    const button = agent.needsAttentionButton();
    await button.waitFor({ timeout: 20_000 });
    expect(await button.textContent()).toBe('Needs attention (1)');
    await agent.press(button);
    const attention = agent.needsAttention();
    await attention.waitFor();
    await expect.poll(() => attention.textContent()).toContain(incidentNumber);
    await expect.poll(() => attention.textContent()).toContain('cannot be reopened');
    // Its data is kept: the agent's reason is still there to act on.
    await expect.poll(() => attention.textContent()).toContain(reason);
    await expect.poll(() => agent.changesNotSynced(), { timeout: 15_000 }).toBe(0);

    // A's close stands on both desks, and no callback is due any more.
    await expect.poll(() => technician.incidentFact(panel, 'State')).toBe('Closed');
    await expect
      .poll(async () => (await agent.row(agent.usersTasks(), incidentNumber).textContent()) ?? '', {
        timeout: 15_000,
      })
      .toContain('Closed');
    expect(await callback.count()).toBe(0);

    // The server: closed, never reopened, the reason nowhere in its notes; the interaction still open.
    const incident = await reader.incident(incidentNumber);
    expect(incident).toMatchObject({ state: 'Closed', reopenCount: 0 });
    expect(incident?.workNotes.map((note) => note.text).join('\n')).not.toContain(reason);
    const interaction = await reader.interaction(interactionNumber);
    expect(interaction).toMatchObject({ state: 'Work in Progress' });
    expect(interaction?.relatedRecords).toEqual([
      expect.objectContaining({ kind: 'incident', number: incidentNumber, relation: 'created' }),
    ]);
  });
});
