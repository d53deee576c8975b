// Both seeds' flows through the wired window, by keyboard, on the real store host with the printer
// desk: the first seed's incident and request paths, the second seed's associate, callback and
// reopen, inert dialogs, axe on each screen.

import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../shared/demo/catalog-generator';
import { SERVICE_DESK_GROUP_ID } from '../../shared/demo/directory-generator';
import { expectNoAxeViolations, openByKeyboard, tabTo } from '../../web/testing/agent-steps';
import { printerDesk, valueOf, type PrinterDesk } from '../../web/testing/desks';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';

let desk: PrinterDesk | null = null;

afterEach(async () => {
  await desk?.close();
  desk = null;
});

/** The printer desk in the whole window, and the number its interaction shows. */
async function openWindow(options: Parameters<typeof printerDesk>[0] = {}) {
  desk = await printerDesk(options);
  const number = (await desk.interaction(desk.interactionId)).number;
  return { desk, number, ...renderDeskpad(desk.store) };
}

const appIsInert = () => document.querySelector('.app')?.hasAttribute('inert') ?? false;
const nav = () => screen.getByRole('navigation', { name: 'Main' });
const buttonNames = (node: HTMLElement) =>
  within(node)
    .getAllByRole('button')
    .map((b) => b.textContent);

describe('the first seed, through the wired window', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('incident path by keyboard: Create Incident, Assign to me, Report an Issue, Submit, keep it open', async () => {
    const { desk, number, user } = await openWindow();
    const form = await openByKeyboard(user, number);
    const escalate = within(form).getByRole('group', { name: 'Escalate' });
    const create = within(escalate).getByRole('button', { name: 'Create Incident' });
    expect(buttonNames(escalate)).toEqual([
      'Create Incident',
      'Create Request',
      'Find existing incidents',
    ]);
    expect(within(form).getByRole('button', { name: 'Assign to me' }).textContent).toBe(
      'Assign to me',
    );

    await tabTo(user, create);
    await user.keyboard('{Enter}');
    const assignFirst = await screen.findByRole('dialog', { name: 'Assign the interaction first' });
    // The dialog sits above the window, which is inert meanwhile.
    expect(appIsInert()).toBe(true);
    expect(assignFirst.closest('.app')).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Assign to me'));
    await user.keyboard('{Enter}');

    const report = await screen.findByRole('dialog', { name: 'Report an Issue' });
    expect(within(report).getByLabelText<HTMLInputElement>('Caller').value).toBe(desk.caller.name);
    expect(within(report).getByLabelText<HTMLInputElement>('Component').value).toBe(
      desk.printer.name,
    );
    await waitFor(() =>
      expect(within(report).getByLabelText<HTMLSelectElement>('Assignment group').value).toBe(
        SERVICE_DESK_GROUP_ID,
      ),
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(within(report).getByLabelText('Short description')),
    );
    await expectNoAxeViolations(report);
    await user.keyboard('{Enter}');

    const question = await screen.findByRole('dialog', { name: 'Close the interaction?' });
    expect(question.textContent).toContain('Incident INC-P0001 was created.');
    expect(document.activeElement?.textContent).toBe('Keep it open');
    await expectNoAxeViolations(question);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(appIsInert()).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(create));
    // One message on the form says what happened (the e2e helpers read it as the form's status).
    expect(within(form).getByRole('status').textContent).toBe('Incident INC-P0001 was created.');
    // Never closed by itself; both records are linked and the interaction names the incident.
    expect((await desk.interaction(desk.interactionId)).state).toBe('Work in Progress');
    const related = await screen.findByRole('region', { name: 'Related records' });
    const link = within(related).getByRole('button', { name: 'INC-P0001' });
    expect(related.textContent).toContain('created from this interaction');
    expect(within(form).getByRole('list', { name: 'Journal' }).textContent).toContain('INC-P0001');
    const tasks = screen.getByRole('region', { name: "User's Tasks" });
    const task = await within(tasks).findByRole('button', { name: 'INC-P0001' });
    expect(task.textContent).toBe('INC-P0001');

    // The related record opens the incident where it is worked; the form keeps its place.
    await user.click(link);
    const panel = await screen.findByRole('region', { name: 'Incident INC-P0001' });
    expect(
      within(nav()).getByRole('button', { name: 'Incidents' }).getAttribute('aria-current'),
    ).toBe('page');
    for (const label of [
      'Caller',
      'Short description',
      'Description',
      'Component',
      'Category',
      'Impact',
      'Urgency',
      'Assignment group',
      'Assigned to',
      'Work notes',
    ])
      expect(within(panel).getAllByLabelText(label, { exact: true }), label).toHaveLength(1);
    expect(within(panel).getByRole('status', { name: 'Priority' }).textContent).toBe('4 - Low');
    expect(screen.queryByRole('form', { name: `Interaction ${number}` })).toBeNull();
    await user.click(within(nav()).getByRole('button', { name: 'Interactions' }));
    const back = await screen.findByRole('form', { name: `Interaction ${number}` });
    expect(within(back).getByLabelText<HTMLInputElement>('Short description').value).toBe(
      'Cannot print',
    );
  });

  it('Create Request suggests the catalog items the short description asks for; ArrowDown and Enter take one', async () => {
    const { number, user } = await openWindow();
    const form = await openByKeyboard(user, number);
    await user.click(within(form).getByRole('button', { name: 'Assign to me' }));
    await user.click(within(form).getByRole('button', { name: 'Create Request' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create Request' });
    const results = within(dialog).getByRole('listbox', { name: 'Catalog items' });
    // "Cannot print": the printer item leads the list before a word is typed, marked Suggested.
    const first = await within(results).findByRole('option', { name: /Suggested/ });
    expect(first.textContent).toContain('Add a network printer');
    expect(within(results).getAllByRole('option')[0]).toBe(first);
    expect(within(dialog).getByText(/Suggested for “Cannot print”/)).toBeTruthy();
    await expectNoAxeViolations(dialog);
    // Typing decides once the agent types: the suggestion is no longer marked.
    await user.keyboard('laptop');
    await waitFor(() =>
      expect(within(results).queryByRole('option', { name: /Suggested/ })).toBeNull(),
    );
    await user.keyboard('{Control>}a{/Control}{Backspace}');
    await within(results).findByRole('option', { name: /Suggested/ });
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() =>
      expect(within(dialog).getByRole('group').querySelector('legend')?.textContent).toBe(
        'Add a network printer',
      ),
    );
  });

  it('request path: Assign to me, Create Request saves first, catalog search, item form, Submit, close it', async () => {
    const { desk, number, user } = await openWindow();
    const someoneElse = await desk.user(desk.outage.caller ?? desk.agent.id);
    const form = await openByKeyboard(user, number);
    // Assign to me fills the fields; Create Request saves them before it starts.
    await user.click(within(form).getByRole('button', { name: 'Assign to me' }));
    await user.click(within(form).getByRole('button', { name: 'Create Request' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create Request' });
    expect((await desk.interaction(desk.interactionId)).assignedTo).toBe(desk.agent.id);
    const search = within(dialog).getByRole('combobox', { name: 'Search the catalog' });
    await waitFor(() => expect(document.activeElement).toBe(search));
    await user.keyboard('laptop');
    const results = within(dialog).getByRole('listbox', { name: 'Catalog items' });
    await within(results).findAllByRole('option');
    await user.keyboard('{ArrowDown}{Enter}');
    const requestedFor = await within(dialog).findByLabelText<HTMLInputElement>('Requested for');
    expect(requestedFor.value).toBe(desk.caller.name);
    await expectNoAxeViolations(dialog);
    const item = generateCatalog().find(
      (i) => i.name === within(dialog).getByRole('group').querySelector('legend')?.textContent,
    );
    expect(item?.name).toMatch(/laptop/i);
    // Fill every required field the item asks for, by its own type.
    for (const field of item?.fields ?? []) {
      if (!field.required) continue;
      const control = within(dialog).getByLabelText(field.label, { exact: true });
      if (field.type === 'choice') await user.selectOptions(control, field.options[0]!.value);
      else if (field.type === 'checkbox') await user.click(control);
      else if (field.type === 'date') await user.type(control, '2026-12-01');
      else if (field.type === 'user-reference') {
        await user.type(control, someoneElse.name);
        await within(dialog).findByRole('option', { name: new RegExp(someoneElse.name) });
        await user.keyboard('{ArrowDown}{Enter}');
      } else await user.type(control, 'Standard build, please.');
    }
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));

    const question = await screen.findByRole('dialog', { name: 'Close the interaction?' });
    expect(question.textContent).toContain('Request REQ-P0001 was created.');
    await user.click(within(question).getByRole('button', { name: 'Close interaction' }));
    await waitFor(async () =>
      expect((await desk.interaction(desk.interactionId)).state).toBe('Closed Complete'),
    );
    // The escalation buttons went with the open interaction: focus lands on the form's heading.
    await waitFor(() => expect(document.activeElement?.textContent).toBe(`Interaction ${number}`));
    expect(screen.queryByRole('button', { name: 'Create Incident' })).toBeNull();

    const tasks = screen.getByRole('region', { name: "User's Tasks" });
    await user.click(await within(tasks).findByRole('button', { name: 'REQ-P0001' }));
    const panel = await screen.findByRole('region', { name: 'Request REQ-P0001' });
    for (const label of ['Requested for', 'Assignment group', 'Assigned to', 'Work notes'])
      expect(within(panel).getAllByLabelText(label, { exact: true }), label).toHaveLength(1);
    expect(panel.textContent).toContain(item?.name);
    await expectNoAxeViolations(panel);
    const [made] = await desk.requests();
    const states = within(panel).getByRole('group', { name: 'State' });
    await user.click(within(states).getByRole('button', { name: 'Start work' }));
    await waitFor(async () =>
      expect((await desk.request(made!.id)).state).toBe('Work in Progress'),
    );
    await user.click(await within(states).findByRole('button', { name: 'Close Incomplete' }));
    const closing = await screen.findByRole('dialog', { name: 'Close REQ-P0001' });
    await user.click(within(closing).getByRole('button', { name: 'Submit' }));
    expect((await within(closing).findByRole('alert')).textContent).toMatch(/Close notes/);
    await user.type(within(closing).getByLabelText('Close notes'), 'Out of stock.');
    await user.click(within(closing).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await desk.request(made!.id)).toMatchObject({
      state: 'Closed Incomplete',
      closeNotes: 'Out of stock.',
    });
  });
});

describe('the second seed, through the wired window', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('associate, resolve, callback from the list, reopen with a reason, resolve again, close', async () => {
    const { desk, number, user } = await openWindow();
    const form = await openByKeyboard(user, number);
    await user.click(within(form).getByRole('button', { name: 'Find existing incidents' }));
    const found = await screen.findByRole('dialog', { name: 'Existing incidents' });
    const row = await within(found).findByRole('listitem', { name: /INC0001001/ });
    await expectNoAxeViolations(found);
    await user.click(within(row).getByRole('button', { name: 'Associate' }));
    const question = await screen.findByRole('dialog', { name: 'Close the interaction?' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(question.isConnected).toBe(false));
    expect((await desk.interaction(desk.interactionId)).state).not.toMatch(/Closed/);

    // The technician fixes the network and resolves the incident.
    await act(async () => {
      valueOf(
        await desk.store.command('incident.resolve', {
          id: desk.outage.id,
          resolutionCode: 'Solution provided',
          resolutionNotes: 'Switch port replaced.',
        }),
      );
    });
    const callbacksNav = within(nav()).getByRole('button', { name: 'Callbacks due' });
    await waitFor(() => expect(callbacksNav.textContent).toContain('1'));
    await user.click(callbacksNav);
    const callbacks = await screen.findByRole('region', { name: 'Callbacks due' });
    await expectNoAxeViolations(callbacks);
    const due = await within(callbacks).findByRole('listitem', {
      name: `${number} · ${desk.caller.name}`,
    });
    expect(due.textContent).toContain('Switch port replaced.');
    await user.click(within(due).getByRole('button', { name: number }));

    // The user still cannot print: Reopen incident, with the reason.
    const notice = await screen.findByRole('list', { name: 'Callbacks due for this interaction' });
    await user.click(within(notice).getByRole('button', { name: 'Reopen incident' }));
    const reopen = await screen.findByRole('dialog', { name: 'Reopen INC0001001' });
    await expectNoAxeViolations(reopen);
    await user.type(within(reopen).getByLabelText('Reason for reopening'), 'Still cannot print.');
    await user.keyboard('{Tab}{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await desk.incident(desk.outage.id)).toMatchObject({
      state: 'In Progress',
      reopenCount: 1,
    });
    // The form says so in its one message, and the agent lands on the form, not on the page.
    const reopened = screen.getByRole('form', { name: `Interaction ${number}` });
    expect(within(reopened).getByRole('status').textContent).toContain(
      'INC0001001 is In Progress again (reopened 1×)',
    );
    await waitFor(() => expect(document.activeElement?.textContent).toBe(`Interaction ${number}`));
    await waitFor(() => expect(callbacks.textContent).toContain('No callbacks due.'));

    // Fixed for good this time; the callback is due again, and the agent closes the interaction.
    await act(async () => {
      valueOf(
        await desk.store.command('incident.resolve', {
          id: desk.outage.id,
          resolutionCode: 'Solution provided',
          resolutionNotes: 'Printer driver reinstalled.',
        }),
      );
    });
    await within(callbacks).findByRole('listitem', { name: new RegExp(number) });
    const shown = screen.getByRole('form', { name: `Interaction ${number}` });
    await user.click(within(shown).getByRole('button', { name: 'Close interaction' }));
    await waitFor(async () =>
      expect((await desk.interaction(desk.interactionId)).state).toBe('Closed Complete'),
    );
    await waitFor(() => expect(callbacks.textContent).toContain('No callbacks due.'));
  });
});

describe('dialogs, by keyboard', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('Escape closes a lookup’s menu first, then the dialog; focus goes back to the button', async () => {
    const { desk, number, user } = await openWindow({ assigned: true });
    const someoneElse = await desk.user(desk.outage.caller ?? desk.agent.id);
    const form = await openByKeyboard(user, number);
    const create = within(form).getByRole('button', { name: 'Create Incident' });
    create.focus();
    await user.keyboard('{Enter}');
    const report = await screen.findByRole('dialog', { name: 'Report an Issue' });
    const caller = within(report).getByLabelText<HTMLInputElement>('Caller');
    caller.focus();
    await user.keyboard(`{Control>}a{/Control}${someoneElse.name}`);
    await within(report).findByRole('option', { name: new RegExp(someoneElse.name) });
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Report an Issue' })).toBe(report);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(appIsInert()).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(create));
    expect(await desk.incidents()).toHaveLength(1);
  });

  it('the main navigation and the saved interaction have no axe violations', async () => {
    const { number, user, container } = await openWindow();
    await openByKeyboard(user, number);
    await screen.findByRole('region', { name: "User's Tasks" });
    await expectNoAxeViolations(container);
  });
});
