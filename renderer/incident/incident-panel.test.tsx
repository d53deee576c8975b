// Working the incident in its panel, on the real store host with the printer desk's network
// incident: the machine's buttons, Resolve and Close, Assign to me, work notes in the journal.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVICE_DESK_GROUP_ID } from '../../shared/demo/directory-generator';
import { printerDesk, type PrinterDesk } from '../../web/testing/desks';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../web/testing/render-deskpad';
import { IncidentPanel } from './incident-panel';

let desk: PrinterDesk;

beforeEach(async () => {
  desk = await printerDesk();
});
afterEach(async () => {
  await desk.close();
});

describe('Working the incident', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('offers the machine’s buttons, resolves with code and notes, closes; a Closed one offers nothing', async () => {
    const { user } = renderOnDesk(desk.store, <IncidentPanel incidentId={desk.outage.id} />);
    const panel = await screen.findByRole('region', { name: 'Incident INC0001001' });
    const states = within(panel).getByRole('group', { name: 'State' });
    expect(
      within(states)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Start work', 'Put on hold', 'Resolve', 'Cancel incident']);
    await expectNoAxeViolations(panel);

    within(states).getByRole('button', { name: 'Resolve' }).focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Resolve INC0001001' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Resolution code'));
    await user.selectOptions(within(dialog).getByLabelText('Resolution code'), 'Solution provided');
    await user.type(within(dialog).getByLabelText('Resolution notes'), 'Switch port replaced.');
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await desk.incident(desk.outage.id)).state).toBe('Resolved');

    await user.click(await within(panel).findByRole('button', { name: 'Close incident' }));
    await waitFor(async () => expect((await desk.incident(desk.outage.id)).state).toBe('Closed'));
    await waitFor(() => expect(within(states).queryAllByRole('button')).toHaveLength(0));
    expect(within(panel).queryByRole('button', { name: 'Reopen incident' })).toBeNull();
  });

  it('does not offer a state change to an agent who does not work the incident, and says who may', async () => {
    // Escalated with no assignment group: the demo agent is neither its assignee nor in its group.
    await desk.store.command('interaction.update', {
      id: desk.interactionId,
      changes: { assignmentGroup: SERVICE_DESK_GROUP_ID, assignedTo: desk.agent.id },
    });
    const made = await desk.store.command('incident.createFromInteraction', {
      id: 'inc-nobody',
      interactionId: desk.interactionId,
      caller: desk.caller.id,
      shortDescription: 'Printer offline',
      description: '',
      component: desk.printer.id,
      category: 'Hardware',
      impact: 3,
      urgency: 3,
      assignmentGroup: null,
      assignedTo: null,
    });
    if (!made.ok) throw new Error(made.error.message);
    const number = made.value.incident.number;

    renderOnDesk(desk.store, <IncidentPanel incidentId="inc-nobody" />);
    const panel = await screen.findByRole('region', { name: `Incident ${number}` });
    const states = within(panel).getByRole('group', { name: 'State' });
    const why = `Only technicians and admins may change the state of ${number}.`;
    await waitFor(() => expect(within(states).queryAllByRole('button')).toHaveLength(0));
    expect(within(panel).queryByRole('button', { name: 'Resolve' })).toBeNull();
    expect(states.textContent).toBe(why);
    expect(states.getAttribute('aria-describedby')).toBe(within(states).getByText(why).id);
    await expectNoAxeViolations(panel);
    // The store host refuses it too, with the same words.
    const resolved = await desk.store.command('incident.resolve', {
      id: 'inc-nobody',
      resolutionCode: 'Solution provided',
      resolutionNotes: 'Tried anyway.',
    });
    expect(resolved).toMatchObject({
      ok: false,
      error: {
        code: 'not-permitted',
        message: `Only technicians and admins may resolve ${number}.`,
      },
    });
  });

  it('Assign to me picks the agent’s group, and work notes are added to the journal', async () => {
    // The demo agent is in every demo group (it plays every part): from no group, Assign to me
    // picks the agent's own, Service Desk.
    await desk.store.command('incident.update', {
      id: desk.outage.id,
      changes: { assignmentGroup: null },
    });
    const { user } = renderOnDesk(desk.store, <IncidentPanel incidentId={desk.outage.id} />);
    const panel = await screen.findByRole('region', { name: 'Incident INC0001001' });
    const assign = within(panel).getByRole('button', { name: 'Assign to me' });
    await waitFor(() => expect((assign as HTMLButtonElement).disabled).toBe(false));
    await user.click(assign);
    await user.click(within(panel).getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await desk.incident(desk.outage.id)).assignedTo).toBe(desk.agent.id),
    );
    expect((await desk.incident(desk.outage.id)).assignmentGroup).toBe(SERVICE_DESK_GROUP_ID);

    await user.type(within(panel).getByLabelText('Work notes'), 'Called the vendor.');
    await user.click(within(panel).getByRole('button', { name: 'Add work note' }));
    const journal = await within(panel).findByRole('list', { name: 'Journal' });
    expect(journal.textContent).toContain('Called the vendor.');
  });
});
