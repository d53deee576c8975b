// The escalation buttons of a saved interaction by keyboard, on the real store host with the second
// seed's printer desk: Create Incident (Assign to me first), Create Request, Find existing incidents.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PRIORITY_LABELS } from '../../shared/domain/priority';
import { printerDesk, type PrinterDesk, type PrinterDeskOptions } from '../../web/testing/desks';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../web/testing/render-deskpad';
import { EscalationActions } from './escalation-actions';

let desk: PrinterDesk | null = null;

afterEach(async () => {
  await desk?.close();
  desk = null;
});

async function renderActions(options: PrinterDeskOptions = {}) {
  desk = await printerDesk(options);
  const interaction = await desk.interaction(desk.interactionId);
  return { desk, ...renderOnDesk(desk.store, <EscalationActions interaction={interaction} />) };
}

describe('Create Incident (first seed)', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('asks for Assign to me, opens Report an Issue prefilled, submits, and asks before closing', async () => {
    const { desk, user } = await renderActions();
    const create = screen.getByRole('button', { name: 'Create Incident' });
    create.focus();
    await user.keyboard('{Enter}');

    const assignFirst = screen.getByRole('dialog', { name: 'Assign the interaction first' });
    expect(assignFirst.textContent).toContain('Assign the interaction to a fulfiller first');
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(assignFirst).getByRole('button', { name: 'Assign to me' }),
      ),
    );
    await user.keyboard('{Enter}');

    const report = await screen.findByRole('dialog', { name: 'Report an Issue' });
    expect((await desk.interaction(desk.interactionId)).assignedTo).toBe(desk.agent.id);
    expect(within(report).getByLabelText<HTMLInputElement>('Caller').value).toBe(desk.caller.name);
    const short = within(report).getByLabelText<HTMLInputElement>('Short description');
    expect(short.value).toBe('Cannot print');
    expect(document.activeElement).toBe(short);
    expect(within(report).getByLabelText<HTMLTextAreaElement>('Description').value).toBe(
      'Jobs sit in the queue.',
    );
    expect(within(report).getByLabelText<HTMLInputElement>('Component').value).toBe(
      desk.printer.name,
    );
    await waitFor(() =>
      expect(within(report).getByLabelText<HTMLSelectElement>('Category').value).toBe('Hardware'),
    );
    const priority = within(report).getByRole('status', { name: 'Priority' });
    expect(priority.textContent).toBe('4 - Low');
    await user.selectOptions(within(report).getByLabelText('Impact'), '1 - High');
    await user.selectOptions(within(report).getByLabelText('Urgency'), '1 - High');
    expect(priority.textContent).toBe('1 - Critical');
    await expectNoAxeViolations(report);

    short.focus();
    await user.keyboard('{Enter}');
    const question = await screen.findByRole('dialog', { name: 'Close the interaction?' });
    expect(question.textContent).toContain('Incident INC-P0001 was created.');
    const made = (await desk.incidents()).find((i) => i.number === 'INC-P0001');
    expect(made?.priority).toBe(1);
    expect((await desk.interaction(desk.interactionId)).relatedRecords).toHaveLength(1);
    // Never closes by itself: Keep it open has focus, and Escape keeps it open too.
    expect(document.activeElement?.textContent).toBe('Keep it open');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await desk.interaction(desk.interactionId)).state).toBe('Work in Progress');
    expect(screen.getByRole('status').textContent).toContain('INC-P0001');
    await waitFor(() => expect(document.activeElement).toBe(create));
  });

  it('shows the schema’s field errors and puts focus on the first one', async () => {
    const { desk, user } = await renderActions({ assigned: true });
    await user.click(screen.getByRole('button', { name: 'Create Incident' }));
    const report = await screen.findByRole('dialog', { name: 'Report an Issue' });
    await user.clear(within(report).getByLabelText('Short description'));
    await user.click(within(report).getByRole('button', { name: 'Submit' }));
    const short = within(report).getByLabelText('Short description');
    expect(short.getAttribute('aria-invalid')).toBe('true');
    expect(report.textContent).toContain('Short description is required.');
    expect(document.activeElement).toBe(short);
    expect(await desk.incidents()).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe(
  'Report an Issue suggests a contact template (issue 16 item 5)',
  {
    timeout: STORE_TEST_TIMEOUT_MS,
  },
  () => {
    it('offers the template the short description names, fills only what is empty and says what it kept', async () => {
      const { desk, user } = await renderActions({ assigned: true });
      const saved = await desk.store.act('template.save', {
        id: 'tpl-printer',
        name: 'Printer queue stuck',
        type: null,
        component: desk.network.id,
        assignmentGroup: null,
        shortDescription: 'Print jobs stuck in the queue',
        description: 'Cleared the queue on the print server; test page printed.',
        closesAtOnce: false,
      });
      expect(saved.ok).toBe(true);

      await user.click(screen.getByRole('button', { name: 'Create Incident' }));
      const report = await screen.findByRole('dialog', { name: 'Report an Issue' });
      // "Cannot print": the template's name says Printer.
      const use = await within(report).findByRole('button', { name: 'Use Printer queue stuck' });
      expect(report.textContent).toContain('Suggested template: Printer queue stuck');
      await expectNoAxeViolations(report);
      const description = within(report).getByLabelText<HTMLTextAreaElement>('Description');
      await user.clear(description);
      use.focus();
      await user.keyboard('{Enter}');
      expect(description.value).toBe('Cleared the queue on the print server; test page printed.');
      // The Component the interaction named stays: the agent's, not the template's.
      expect(within(report).getByLabelText<HTMLInputElement>('Component').value).toBe(
        desk.printer.name,
      );
      expect(
        within(report)
          .getByText(
            'Filled Description from the template Printer queue stuck; kept your Component.',
          )
          .getAttribute('role'),
      ).toBe('status');
      // What the agent had stays until they ask for the template's: Replace … too.
      const component = within(report).getByLabelText<HTMLInputElement>('Component');
      const replace = within(report).getByRole('button', { name: 'Replace Component too' });
      await expectNoAxeViolations(report);
      replace.focus();
      await user.keyboard('{Enter}');
      await waitFor(() => expect(component.value).toBe(desk.network.name));
      expect(report.textContent).toContain(
        "Replaced Component with the template Printer queue stuck's.",
      );
      expect(within(report).queryByRole('button', { name: /^Replace/ })).toBeNull();
    });
  },
);

describe('Create Request (first seed)', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('searches the catalog by keyboard, fills the item’s form and closes the interaction when asked', async () => {
    const { desk, user } = await renderActions({ assigned: true });
    await user.click(screen.getByRole('button', { name: 'Create Request' }));
    const dialog = screen.getByRole('dialog', { name: 'Create Request' });
    const search = within(dialog).getByRole('combobox', { name: 'Search the catalog' });
    await waitFor(() => expect(document.activeElement).toBe(search));
    await user.keyboard('locked out');
    const results = within(dialog).getByRole('listbox', { name: 'Catalog items' });
    await within(results).findByRole('option', { name: /Password reset/ });
    await user.keyboard('{ArrowDown}');
    expect(within(results).getAllByRole('option', { selected: true })[0]?.textContent).toContain(
      'Password reset',
    );
    await user.keyboard('{Enter}');

    const requestedFor = await within(dialog).findByLabelText<HTMLInputElement>('Requested for');
    expect(requestedFor.value).toBe(desk.caller.name);
    await waitFor(() => expect(document.activeElement).toBe(requestedFor));
    await expectNoAxeViolations(dialog);

    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));
    expect(dialog.textContent).toContain('Account is required.');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Account'));

    await user.selectOptions(within(dialog).getByLabelText('Account'), 'SAP');
    await user.click(within(dialog).getByLabelText("Caller's identity verified"));
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));

    const question = await screen.findByRole('dialog', { name: 'Close the interaction?' });
    expect(question.textContent).toContain('Request REQ-P0001 was created.');
    const [made] = await desk.requests();
    const request = await desk.request(made!.id);
    expect(request.answers).toEqual({
      account: 'sap',
      identity_verified: true,
      locked_out: false,
    });
    expect(request.requestedFor).toBe(desk.caller.id);
    await user.click(within(question).getByRole('button', { name: 'Close interaction' }));
    await waitFor(async () =>
      expect((await desk.interaction(desk.interactionId)).state).toBe('Closed Complete'),
    );
  });
});

describe('Find existing incidents (second seed)', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('lists the incident on the printer’s parent network and associates the interaction', async () => {
    const { desk, user } = await renderActions();
    const printer = await desk.store.query('directory.getConfigurationItem', {
      id: desk.printer.id,
    });
    const parents = printer.ok && printer.value ? printer.value.parents.map((p) => p.name) : [];
    await user.click(screen.getByRole('button', { name: 'Find existing incidents' }));
    const dialog = screen.getByRole('dialog', { name: 'Existing incidents' });
    const list = await within(dialog).findByRole('list', {
      name: 'Open incidents on the component and its parents',
    });
    const row = within(list).getByRole('listitem', { name: /INC0001001/ });
    expect(row.textContent).toContain(`On ${desk.network.name} (its parent)`);
    expect(row.textContent).toContain(PRIORITY_LABELS[desk.outage.priority]);
    expect(row.textContent).toContain('1 caller affected');
    expect(row.textContent).not.toContain('Reported by this caller');
    expect(parents[0]).toBe(desk.network.name);
    expect(dialog.textContent).toContain([desk.printer.name, ...parents].join(' › '));
    await expectNoAxeViolations(dialog);

    within(row).getByRole('button', { name: 'Associate' }).focus();
    await user.keyboard('{Enter}');
    // Then it asks, as after a create; keeping it open (the default) waits for the callback.
    const question = await screen.findByRole('dialog', { name: 'Close the interaction?' });
    expect(question.textContent).toContain('Associated with INC0001001: 2 callers affected.');
    expect(document.activeElement?.textContent).toBe('Keep it open');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status').textContent).toContain('2 callers affected');
    const outage = await desk.incident(desk.outage.id);
    expect(outage.relatedInteractions.map((r) => r.id)).toContain(desk.interactionId);
    expect((await desk.interaction(desk.interactionId)).state).toBe('New');
  });

  it('marks an incident the caller already reported, and registers a new one from the interaction', async () => {
    const { user } = await renderActions({ callerIsIncidentCaller: true });
    await user.click(screen.getByRole('button', { name: 'Find existing incidents' }));
    const dialog = screen.getByRole('dialog', { name: 'Existing incidents' });
    const row = await within(dialog).findByRole('listitem', { name: /INC0001001/ });
    expect(row.textContent).toContain('Reported by this caller');
    await user.click(within(dialog).getByRole('button', { name: 'Register a new incident' }));
    // Unassigned: the first seed's rule still holds for a new incident.
    const assignFirst = screen.getByRole('dialog', { name: 'Assign the interaction first' });
    expect(assignFirst.textContent).toContain('Assign the interaction to a fulfiller first');
  });
});
