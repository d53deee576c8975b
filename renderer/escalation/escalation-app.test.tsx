// Both seeds' flows through the wired window, by keyboard, on the fake desk (real mutators): the
// first seed's incident and request paths, the second seed's associate, callback and reopen, the
// Incidents and Requests lists and panels, Needs attention's Open, inert dialogs, axe on each screen.

import { act, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NeedsAttentionItem } from '../../shared/store-api/contract';
import type { FakeDesk } from './testing/fake-escalation-port';
import { printerDesk } from './testing/fake-desk';
import { renderEscalationApp, type RenderedEscalationApp } from './testing/render-escalation-app';

let desk: FakeDesk;

/** Whole-window flows typed key by key: slow in jsdom on a busy two-core machine. */
const FLOW_TIMEOUT_MS = 30_000;

beforeEach(() => {
  desk = printerDesk();
});

const noViolations = async (node: Element) => {
  const results = await axe.run(node, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
};

const appIsInert = () => document.querySelector('.app')?.hasAttribute('inert') ?? false;
const nav = () => screen.getByRole('navigation', { name: 'Main' });

/** Moves focus with Tab, never the mouse, until it is on `target`. */
async function tabTo(app: RenderedEscalationApp, target: HTMLElement): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    if (document.activeElement === target) return;
    await app.user.tab();
  }
  throw new Error(`Tab never reached ${target.textContent ?? 'the target'}`);
}

/** Alt+L to the Interactions list, then Enter on the interaction's number. */
async function openByKeyboard(app: RenderedEscalationApp, number: string): Promise<HTMLElement> {
  const list = screen.getByRole('region', { name: 'Interactions' });
  const row = await within(list).findByRole('button', { name: number });
  await app.user.keyboard('{Alt>}l{/Alt}');
  expect(document.activeElement).toBe(row);
  await app.user.keyboard('{Enter}');
  return screen.findByRole('form', { name: `Interaction ${number}` });
}

describe('the first seed, through the wired window', { timeout: FLOW_TIMEOUT_MS }, () => {
  it('incident path by keyboard: Create Incident, Assign to me, Report an Issue, Submit, keep it open', async () => {
    const app = renderEscalationApp(desk);
    const form = await openByKeyboard(app, 'IMS0001001');
    const escalate = within(form).getByRole('group', { name: 'Escalate' });
    const create = within(escalate).getByRole('button', { name: 'Create Incident' });
    expect(within(escalate).getByRole('button', { name: 'Create Request' })).toBeTruthy();
    expect(within(escalate).getByRole('button', { name: 'Find existing incidents' })).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Assign to me' })).toBeTruthy();

    await tabTo(app, create);
    await app.user.keyboard('{Enter}');
    const assignFirst = await screen.findByRole('dialog', { name: 'Assign the interaction first' });
    // The dialog sits above the window, which is inert meanwhile.
    expect(appIsInert()).toBe(true);
    expect(assignFirst.closest('.app')).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Assign to me'));
    await app.user.keyboard('{Enter}');

    const report = await screen.findByRole('dialog', { name: 'Report an Issue' });
    expect(within(report).getByLabelText<HTMLInputElement>('Caller').value).toBe('Ana Caller');
    expect(within(report).getByLabelText<HTMLInputElement>('Component').value).toBe('PRN-3-01');
    expect(within(report).getByLabelText<HTMLSelectElement>('Assignment group').value).toBe(
      'grp_service_desk',
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(within(report).getByLabelText('Short description')),
    );
    await noViolations(report);
    await app.user.keyboard('{Enter}');

    const question = await screen.findByRole('dialog', { name: 'Close the interaction?' });
    expect(question.textContent).toContain('Incident INC-P0001 was created.');
    expect(document.activeElement?.textContent).toBe('Keep it open');
    await noViolations(question);
    await app.user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(appIsInert()).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(create));
    // One message on the form says what happened (the e2e helpers read it as the form's status).
    expect(within(form).getByRole('status').textContent).toBe('Incident INC-P0001 was created.');
    // Never closed by itself; both records are linked and the interaction names the incident.
    expect(desk.interactions.get('ims-1')?.state).toBe('Work in Progress');
    const related = await screen.findByRole('region', { name: 'Related records' });
    const link = within(related).getByRole('button', { name: 'INC-P0001' });
    expect(related.textContent).toContain('created from this interaction');
    expect(within(form).getByRole('list', { name: 'Journal' }).textContent).toContain('INC-P0001');
    const tasks = screen.getByRole('region', { name: "User's Tasks" });
    expect(await within(tasks).findByRole('button', { name: 'INC-P0001' })).toBeTruthy();

    // The related record opens the incident where it is worked; the form keeps its place.
    await app.user.click(link);
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
    expect(screen.queryByRole('form', { name: 'Interaction IMS0001001' })).toBeNull();
    await app.user.click(within(nav()).getByRole('button', { name: 'Interactions' }));
    expect(await screen.findByRole('form', { name: 'Interaction IMS0001001' })).toBeTruthy();
  });

  it('request path: Assign to me, Create Request saves first, catalog search, item form, Submit, close it', async () => {
    const app = renderEscalationApp(desk);
    const form = await openByKeyboard(app, 'IMS0001001');
    // Assign to me fills the fields; Create Request saves them before it starts.
    await app.user.click(within(form).getByRole('button', { name: 'Assign to me' }));
    await app.user.click(within(form).getByRole('button', { name: 'Create Request' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create Request' });
    expect(desk.interactions.get('ims-1')?.assignedTo).toBe('usr_agent');
    const search = within(dialog).getByRole('combobox', { name: 'Search the catalog' });
    await waitFor(() => expect(document.activeElement).toBe(search));
    await app.user.keyboard('laptop');
    const results = within(dialog).getByRole('listbox', { name: 'Catalog items' });
    await within(results).findAllByRole('option');
    await app.user.keyboard('{ArrowDown}{Enter}');
    const requestedFor = await within(dialog).findByLabelText<HTMLInputElement>('Requested for');
    expect(requestedFor.value).toBe('Ana Caller');
    await noViolations(dialog);
    const item = desk.catalog.find(
      (i) => i.name === within(dialog).getByRole('group').querySelector('legend')?.textContent,
    );
    expect(item).toBeTruthy();
    // Fill every required field the item asks for, by its own type.
    for (const field of item?.fields ?? []) {
      if (!field.required) continue;
      const control = within(dialog).getByLabelText(field.label, { exact: true });
      if (field.type === 'choice') await app.user.selectOptions(control, field.options[0]!.value);
      else if (field.type === 'checkbox') await app.user.click(control);
      else if (field.type === 'date') await app.user.type(control, '2026-12-01');
      else if (field.type === 'user-reference') {
        await app.user.type(control, 'Ben');
        await within(dialog).findByRole('option', { name: /Ben Caller/ });
        await app.user.keyboard('{ArrowDown}{Enter}');
      } else await app.user.type(control, 'Standard build, please.');
    }
    await app.user.click(within(dialog).getByRole('button', { name: 'Submit' }));

    const question = await screen.findByRole('dialog', { name: 'Close the interaction?' });
    expect(question.textContent).toContain('Request REQ-P0001 was created.');
    await app.user.click(within(question).getByRole('button', { name: 'Close interaction' }));
    await waitFor(() => expect(desk.interactions.get('ims-1')?.state).toBe('Closed Complete'));
    // The escalation buttons went with the open interaction: focus lands on the form's heading.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Interaction IMS0001001'));
    expect(screen.queryByRole('button', { name: 'Create Incident' })).toBeNull();

    const tasks = screen.getByRole('region', { name: "User's Tasks" });
    await app.user.click(await within(tasks).findByRole('button', { name: 'REQ-P0001' }));
    const panel = await screen.findByRole('region', { name: 'Request REQ-P0001' });
    for (const label of ['Requested for', 'Assignment group', 'Assigned to', 'Work notes'])
      expect(within(panel).getAllByLabelText(label, { exact: true }), label).toHaveLength(1);
    expect(panel.textContent).toContain(item?.name);
    await noViolations(panel);
    const states = within(panel).getByRole('group', { name: 'State' });
    await app.user.click(within(states).getByRole('button', { name: 'Start work' }));
    await waitFor(() => expect([...desk.requests.values()][0]?.state).toBe('Work in Progress'));
    await app.user.click(await within(states).findByRole('button', { name: 'Close Incomplete' }));
    const closing = await screen.findByRole('dialog', { name: 'Close REQ-P0001' });
    await app.user.click(within(closing).getByRole('button', { name: 'Submit' }));
    expect((await within(closing).findByRole('alert')).textContent).toMatch(/Close notes/);
    await app.user.type(within(closing).getByLabelText('Close notes'), 'Out of stock.');
    await app.user.click(within(closing).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect([...desk.requests.values()][0]).toMatchObject({
      state: 'Closed Incomplete',
      closeNotes: 'Out of stock.',
    });
  });
});

describe('the second seed, through the wired window', { timeout: FLOW_TIMEOUT_MS }, () => {
  it('associate, resolve, callback from the list, reopen with a reason, resolve again, close', async () => {
    const app = renderEscalationApp(desk);
    const form = await openByKeyboard(app, 'IMS0001001');
    await app.user.click(within(form).getByRole('button', { name: 'Find existing incidents' }));
    const found = await screen.findByRole('dialog', { name: 'Existing incidents' });
    const row = await within(found).findByRole('listitem', { name: /INC0001001/ });
    await noViolations(found);
    await app.user.click(within(row).getByRole('button', { name: 'Associate' }));
    const question = await screen.findByRole('dialog', { name: 'Close the interaction?' });
    await app.user.keyboard('{Escape}');
    await waitFor(() => expect(question.isConnected).toBe(false));
    expect(desk.interactions.get('ims-1')?.state).not.toMatch(/Closed/);

    // The technician fixes the network and resolves the incident.
    await act(async () => {
      await app.host.command('incident.resolve', {
        id: 'inc-net',
        resolutionCode: 'Solution provided',
        resolutionNotes: 'Switch port replaced.',
      });
    });
    const callbacksNav = within(nav()).getByRole('button', { name: 'Callbacks due' });
    await waitFor(() => expect(callbacksNav.textContent).toContain('1'));
    await app.user.click(callbacksNav);
    const callbacks = await screen.findByRole('region', { name: 'Callbacks due' });
    await noViolations(callbacks);
    const due = await within(callbacks).findByRole('listitem', { name: /IMS0001001 · Ana Caller/ });
    expect(due.textContent).toContain('Switch port replaced.');
    await app.user.click(within(due).getByRole('button', { name: 'IMS0001001' }));

    // The user still cannot print: Reopen incident, with the reason.
    const notice = await screen.findByRole('list', { name: 'Callbacks due for this interaction' });
    await app.user.click(within(notice).getByRole('button', { name: 'Reopen incident' }));
    const reopen = await screen.findByRole('dialog', { name: 'Reopen INC0001001' });
    await noViolations(reopen);
    await app.user.type(
      within(reopen).getByLabelText('Reason for reopening'),
      'Still cannot print.',
    );
    await app.user.keyboard('{Tab}{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.incidents.get('inc-net')).toMatchObject({ state: 'In Progress', reopenCount: 1 });
    // The form says so in its one message, and the agent lands on the form, not on the page.
    const reopened = screen.getByRole('form', { name: 'Interaction IMS0001001' });
    expect(within(reopened).getByRole('status').textContent).toContain(
      'INC0001001 is In Progress again (reopened 1×)',
    );
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Interaction IMS0001001'));
    expect(await within(callbacks).findByText('No callbacks due.')).toBeTruthy();

    // Fixed for good this time; the callback is due again, and the agent closes the interaction.
    await act(async () => {
      await app.host.command('incident.resolve', {
        id: 'inc-net',
        resolutionCode: 'Solution provided',
        resolutionNotes: 'Printer driver reinstalled.',
      });
    });
    await within(callbacks).findByRole('listitem', { name: /IMS0001001/ });
    const shown = screen.getByRole('form', { name: 'Interaction IMS0001001' });
    await app.user.click(within(shown).getByRole('button', { name: 'Close interaction' }));
    await waitFor(() => expect(desk.interactions.get('ims-1')?.state).toBe('Closed Complete'));
    expect(await within(callbacks).findByText('No callbacks due.')).toBeTruthy();
  });
});

describe('working incidents and requests', { timeout: FLOW_TIMEOUT_MS }, () => {
  it('lists by queue and state, opens the incident, and works it through its machine', async () => {
    const app = renderEscalationApp(desk);
    await app.user.click(within(nav()).getByRole('button', { name: 'Incidents' }));
    const list = await screen.findByRole('region', { name: 'Incidents' });
    await noViolations(list);
    expect(await within(list).findByText('No incidents assigned to you.')).toBeTruthy();
    await app.user.click(within(list).getByRole('radio', { name: 'My groups' }));
    expect(await within(list).findByText('No incidents in your groups’ queue.')).toBeTruthy();
    await app.user.click(within(list).getByRole('radio', { name: 'All' }));
    const open = await within(list).findByRole('button', { name: 'INC0001001' });
    await app.user.selectOptions(within(list).getByLabelText('Filter by state'), 'Resolved');
    expect(await within(list).findByText('No incidents in Resolved.')).toBeTruthy();
    await app.user.selectOptions(within(list).getByLabelText('Filter by state'), 'New');
    expect(await within(list).findByRole('button', { name: 'INC0001001' })).not.toBe(open);
    await app.user.click(within(list).getByRole('button', { name: 'INC0001001' }));

    const panel = await screen.findByRole('region', { name: 'Incident INC0001001' });
    await noViolations(panel);
    const states = within(panel).getByRole('group', { name: 'State' });
    await app.user.click(within(states).getByRole('button', { name: 'Start work' }));
    await waitFor(() => expect(desk.incidents.get('inc-net')?.state).toBe('In Progress'));
    // Assign to me puts the agent in their own group; Save sends it.
    await app.user.click(within(panel).getByRole('button', { name: 'Assign to me' }));
    await app.user.click(within(panel).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(desk.incidents.get('inc-net')?.assignedTo).toBe('usr_agent'));
    await app.user.click(within(list).getByRole('radio', { name: 'Assigned to me' }));
    await app.user.selectOptions(within(list).getByLabelText('Filter by state'), '');
    expect(await within(list).findByRole('button', { name: 'INC0001001' })).toBeTruthy();

    await app.user.click(within(states).getByRole('button', { name: 'Resolve' }));
    const resolve = await screen.findByRole('dialog', { name: 'Resolve INC0001001' });
    await noViolations(resolve);
    await app.user.selectOptions(
      within(resolve).getByLabelText('Resolution code'),
      'Solution provided',
    );
    await app.user.type(
      within(resolve).getByLabelText('Resolution notes'),
      'Switch port replaced.',
    );
    await app.user.click(within(resolve).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(desk.incidents.get('inc-net')?.state).toBe('Resolved'));
    expect(within(states).getByRole('button', { name: 'Reopen incident' })).toBeTruthy();
    await app.user.click(within(states).getByRole('button', { name: 'Close incident' }));
    await waitFor(() => expect(desk.incidents.get('inc-net')?.state).toBe('Closed'));
    await waitFor(() => expect(within(states).queryAllByRole('button')).toHaveLength(0));
  });

  it('Needs attention: a refused reopen names the incident, and Open opens it', async () => {
    const refused: NeedsAttentionItem = {
      id: 3,
      mutationId: 9,
      name: 'incident.reopen',
      args: { id: 'inc-net', noteId: 'n-1', reason: 'Still cannot print.' },
      at: '2026-11-24T09:30:00.000Z',
      actorId: 'usr_agent',
      recordKind: 'incident',
      recordId: 'inc-net',
      recordNumber: 'INC0001001',
      shortDescription: 'Floor 3 network segment down',
      reason: {
        code: 'rule',
        message: 'A Closed incident cannot be reopened; create a new incident.',
      },
      refusedAt: '2026-11-24T09:31:00.000Z',
    };
    desk.needsAttention = [refused];
    const app = renderEscalationApp(desk);
    await app.user.click(await screen.findByRole('button', { name: 'Needs attention (1)' }));
    const region = screen.getByRole('region', { name: 'Needs attention' });
    const item = within(region).getByRole('listitem', {
      name: 'Incident INC0001001 · Floor 3 network segment down',
    });
    expect(item.textContent).toContain('Reopen incident');
    expect(item.textContent).toContain('A Closed incident cannot be reopened');
    await app.user.click(within(item).getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('region', { name: 'Incident INC0001001' })).toBeTruthy();
  });
});

describe('dialogs, by keyboard', { timeout: FLOW_TIMEOUT_MS }, () => {
  it('Escape closes a lookup’s menu first, then the dialog; focus goes back to the button', async () => {
    desk.interactions.set('ims-1', {
      ...desk.interactions.get('ims-1')!,
      assignmentGroup: 'grp_service_desk',
      assignedTo: 'usr_agent',
    });
    const app = renderEscalationApp(desk);
    const form = await openByKeyboard(app, 'IMS0001001');
    const create = within(form).getByRole('button', { name: 'Create Incident' });
    create.focus();
    await app.user.keyboard('{Enter}');
    const report = await screen.findByRole('dialog', { name: 'Report an Issue' });
    const caller = within(report).getByLabelText<HTMLInputElement>('Caller');
    caller.focus();
    await app.user.keyboard('{Control>}a{/Control}Ben');
    await within(report).findByRole('option', { name: /Ben Caller/ });
    await app.user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Report an Issue' })).toBe(report);
    await app.user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(appIsInert()).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(create));
    expect(desk.incidents.size).toBe(1);
  });

  it('the main navigation and the saved interaction have no axe violations', async () => {
    const app = renderEscalationApp(desk);
    await openByKeyboard(app, 'IMS0001001');
    await screen.findByRole('region', { name: "User's Tasks" });
    await noViolations(app.container);
  });
});
