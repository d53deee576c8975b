// Escalating by keyboard shortcut through the wired window on the real store host (the printer
// desk): Alt+I, Alt+R, Alt+X and the app menu's Escalate commands do what their buttons do, and
// nothing elsewhere.

import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskpadBridge, MenuCommand } from '../../shared/desktop-bridge';
import { relatedRecordsOf } from '../../shared/domain/related-records';
import { expectNoAxeViolations, openByKeyboard } from '../../web/testing/agent-steps';
import { printerDesk, valueOf, type PrinterDesk } from '../../web/testing/desks';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';

let desk: PrinterDesk | null = null;

afterEach(async () => {
  delete (window as Window & { deskpad?: DeskpadBridge }).deskpad;
  await desk?.close();
  desk = null;
});

/** The printer desk in the whole window, and the number its interaction shows. */
async function openWindow(options: Parameters<typeof printerDesk>[0] = {}) {
  desk = await printerDesk(options);
  const number = (await desk.interaction(desk.interactionId)).number;
  return { desk, number, app: renderDeskpad(desk.store) };
}

const focusedText = () => document.activeElement?.textContent;

describe('escalation shortcuts', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('escalates a saved interaction by keyboard only: Alt+I, Enter, Enter, Enter', async () => {
    const { desk, number, app } = await openWindow();
    const form = await openByKeyboard(app.user, number);
    const create = within(form).getByRole('button', { name: 'Create Incident' });
    const keys: string[] = [];
    const press = async (key: string): Promise<void> => {
      keys.push(key);
      await app.user.keyboard(key);
    };

    await press('{Alt>}i{/Alt}');
    // Nobody is assigned yet: the seed's rule asks first, and Assign to me is where focus starts.
    await screen.findByRole('dialog', { name: 'Assign the interaction first' });
    await waitFor(() => expect(focusedText()).toBe('Assign to me'));
    await press('{Enter}');

    const report = await screen.findByRole('dialog', { name: 'Report an Issue' });
    const shortDescription = within(report).getByLabelText<HTMLInputElement>('Short description');
    expect(shortDescription.value).toBe('Cannot print');
    await waitFor(() => expect(document.activeElement).toBe(shortDescription));
    await press('{Enter}');

    const question = await screen.findByRole('dialog', { name: 'Close the interaction?' });
    expect(question.textContent).toContain('Incident INC-P0001 was created.');
    expect(focusedText()).toBe('Keep it open');
    await press('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(keys).toHaveLength(4);
    // Where the button would have left the agent, with the form's one message saying what happened.
    await waitFor(() => expect(document.activeElement).toBe(create));
    expect(within(form).getByRole('status').textContent).toBe('Incident INC-P0001 was created.');
    const made = (await desk.incidents()).find((i) => i.number === 'INC-P0001');
    const incident = await desk.incident(made!.id);
    const interaction = await desk.interaction(desk.interactionId);
    expect(incident.relatedInteractions.map((r) => [r.id, r.relation])).toEqual([
      [desk.interactionId, 'origin'],
    ]);
    expect(incident.shortDescription).toBe('Cannot print');
    expect(interaction.assignedTo).toBe(desk.agent.id);
    expect(interaction.state).toBe('Work in Progress');
    expect(relatedRecordsOf(interaction).map((r) => [r.kind, r.id])).toEqual([
      ['incident', incident.id],
    ]);
  });

  it('Alt+R and Alt+X start Create Request and Find existing incidents from a field', async () => {
    const { desk, number, app } = await openWindow({ assigned: true });
    const form = await openByKeyboard(app.user, number);
    within(form).getByLabelText('Short description').focus();

    await app.user.keyboard('{Alt>}r{/Alt}');
    const request = await screen.findByRole('dialog', { name: 'Create Request' });
    await app.user.keyboard('{Escape}');
    await waitFor(() => expect(request.isConnected).toBe(false));

    await app.user.keyboard('{Alt>}x{/Alt}');
    const found = await screen.findByRole('dialog', { name: 'Existing incidents' });
    const hit = await within(found).findByRole('listitem', { name: /INC0001001/ });
    expect(hit.textContent).toContain(desk.outage.shortDescription);
    await app.user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Nothing was made or changed: the agent only looked.
    expect(await desk.requests()).toHaveLength(0);
    expect(await desk.incidents()).toHaveLength(1);
  });

  it('saves what the agent typed first, as the button does', async () => {
    const { desk, number, app } = await openWindow();
    const form = await openByKeyboard(app.user, number);
    const field = within(form).getByLabelText<HTMLInputElement>('Short description');
    await app.user.click(field);
    await app.user.keyboard(' on floor 3');
    await app.user.keyboard('{Alt>}i{/Alt}');
    await screen.findByRole('dialog', { name: 'Assign the interaction first' });
    expect((await desk.interaction(desk.interactionId)).shortDescription).toBe(
      'Cannot print on floor 3',
    );
  });

  it('on a new interaction only says to save it first', async () => {
    const { desk, app } = await openWindow();
    const form = await screen.findByRole('form', { name: 'New interaction' });
    for (const key of ['i', 'r', 'x']) {
      await app.user.keyboard(`{Alt>}${key}{/Alt}`);
      expect(within(form).getByRole('status').textContent).toBe('Save the interaction first.');
    }
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await desk.incidents()).toHaveLength(1);
  });

  it('does nothing while an incident is shown', async () => {
    const { number, app } = await openWindow();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await openByKeyboard(app.user, number);
    await app.user.click(within(nav).getByRole('button', { name: 'Incidents' }));
    await screen.findByRole('region', { name: 'Incidents' });
    await app.user.keyboard('{Alt>}i{/Alt}{Alt>}r{/Alt}{Alt>}x{/Alt}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('region', { name: 'Incidents' }).isConnected).toBe(true);
  });

  it('does nothing on a closed interaction', async () => {
    desk = await printerDesk();
    valueOf(
      await desk.store.command('interaction.close', {
        id: desk.interactionId,
        state: 'Closed Complete',
      }),
    );
    const { number, interactionId } = {
      number: (await desk.interaction(desk.interactionId)).number,
      interactionId: desk.interactionId,
    };
    const app = renderDeskpad(desk.store);
    act(() => app.deps.ui.getState().openAnyRecord('interaction', interactionId));
    const form = await screen.findByRole('form', { name: `Interaction ${number}` });
    expect(within(form).queryByRole('group', { name: 'Escalate' })).toBeNull();
    await app.user.keyboard('{Alt>}i{/Alt}{Alt>}r{/Alt}{Alt>}x{/Alt}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(form).getByRole('status').textContent).toBe('');
  });

  it('the app menu’s Escalate commands do what the keys do', async () => {
    const menu: { send: ((command: MenuCommand) => void) | null } = { send: null };
    (window as Window & { deskpad?: DeskpadBridge }).deskpad = {
      platform: 'linux',
      appVersion: 'test',
      onMenuCommand: (listener) => {
        menu.send = listener;
        return () => {
          menu.send = null;
        };
      },
      requestStorePort: () => undefined,
      onCallLink: () => () => undefined,
    };
    const { number, app } = await openWindow();
    await openByKeyboard(app.user, number);
    await waitFor(() => expect(menu.send).not.toBeNull());
    menu.send?.('find-existing-incidents');
    const found = await screen.findByRole('dialog', { name: 'Existing incidents' });
    // Its list may already show the incidents (headings of their own) by now.
    expect(within(found).getByRole('heading', { level: 2 }).textContent).toBe('Existing incidents');
  });

  it('the buttons name their keys, the help lists them, and axe finds nothing', async () => {
    const { number, app } = await openWindow();
    const form = await openByKeyboard(app.user, number);
    const escalate = within(form).getByRole('group', { name: 'Escalate' });
    const shown = within(escalate)
      .getAllByRole('button')
      .map((b) => [b.textContent, b.getAttribute('aria-keyshortcuts'), b.title]);
    expect(shown).toEqual([
      ['Create Incident', 'Alt+I', 'Create Incident (Alt+I)'],
      ['Create Request', 'Alt+R', 'Create Request (Alt+R)'],
      ['Find existing incidents', 'Alt+X', 'Find existing incidents (Alt+X)'],
    ]);
    await expectNoAxeViolations(form);

    await app.user.keyboard('{F1}');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(help)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual(
      expect.arrayContaining([
        'Alt+ICreate Incident',
        'Alt+RCreate Request',
        'Alt+XFind existing incidents',
      ]),
    );
    await expectNoAxeViolations(help);
  });
});
