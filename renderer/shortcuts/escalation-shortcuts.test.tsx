// Escalating by keyboard shortcut through the wired window on the fake desk (real mutators): Alt+I,
// Alt+R, Alt+X and the app menu's Escalate commands do what their buttons do, and nothing elsewhere.

import { act, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskpadBridge, MenuCommand } from '../../shared/desktop-bridge';
import { relatedRecordsOf } from '../../shared/domain/related-records';
import { printerDesk } from '../escalation/testing/fake-desk';
import type { FakeDesk } from '../escalation/testing/fake-escalation-port';
import {
  renderEscalationApp,
  type RenderedEscalationApp,
} from '../escalation/testing/render-escalation-app';

let desk: FakeDesk;

/** Whole-window flows typed key by key: slow in jsdom on a busy two-core machine. */
const FLOW_TIMEOUT_MS = 30_000;

beforeEach(() => {
  desk = printerDesk();
});

afterEach(() => {
  delete (window as Window & { deskpad?: DeskpadBridge }).deskpad;
});

const noViolations = async (node: Element) => {
  const results = await axe.run(node, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
};

/** Alt+L to the Interactions list, then Enter on the interaction's number. */
async function openByKeyboard(app: RenderedEscalationApp, number: string): Promise<HTMLElement> {
  const list = screen.getByRole('region', { name: 'Interactions' });
  await within(list).findByRole('button', { name: number });
  await app.user.keyboard('{Alt>}l{/Alt}');
  await app.user.keyboard('{Enter}');
  return screen.findByRole('form', { name: `Interaction ${number}` });
}

const focusedText = () => document.activeElement?.textContent;

describe('escalation shortcuts', { timeout: FLOW_TIMEOUT_MS }, () => {
  it('escalates a saved interaction by keyboard only: Alt+I, Enter, Enter, Enter', async () => {
    const app = renderEscalationApp(desk);
    const form = await openByKeyboard(app, 'IMS0001001');
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
    const incident = [...desk.incidents.values()].find((i) => i.number === 'INC-P0001');
    const interaction = desk.interactions.get('ims-1');
    expect(incident?.relatedInteractions.map((r) => [r.id, r.relation])).toEqual([
      ['ims-1', 'origin'],
    ]);
    expect(incident?.shortDescription).toBe('Cannot print');
    expect(interaction?.assignedTo).toBe('usr_agent');
    expect(interaction?.state).toBe('Work in Progress');
    expect(interaction && relatedRecordsOf(interaction).map((r) => [r.kind, r.id])).toEqual([
      ['incident', incident?.id],
    ]);
  });

  it('Alt+R and Alt+X start Create Request and Find existing incidents from a field', async () => {
    desk.interactions.set('ims-1', {
      ...desk.interactions.get('ims-1')!,
      assignmentGroup: 'grp_service_desk',
      assignedTo: 'usr_agent',
    });
    const app = renderEscalationApp(desk);
    const form = await openByKeyboard(app, 'IMS0001001');
    within(form).getByLabelText('Short description').focus();

    await app.user.keyboard('{Alt>}r{/Alt}');
    const request = await screen.findByRole('dialog', { name: 'Create Request' });
    await app.user.keyboard('{Escape}');
    await waitFor(() => expect(request.isConnected).toBe(false));

    await app.user.keyboard('{Alt>}x{/Alt}');
    const found = await screen.findByRole('dialog', { name: 'Existing incidents' });
    expect(await within(found).findByRole('listitem', { name: /INC0001001/ })).toBeTruthy();
    await app.user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Nothing was made or changed: the agent only looked.
    expect(desk.requests.size).toBe(0);
    expect(desk.incidents.size).toBe(1);
  });

  it('saves what the agent typed first, as the button does', async () => {
    const app = renderEscalationApp(desk);
    const form = await openByKeyboard(app, 'IMS0001001');
    const field = within(form).getByLabelText<HTMLInputElement>('Short description');
    await app.user.click(field);
    await app.user.keyboard(' on floor 3');
    await app.user.keyboard('{Alt>}i{/Alt}');
    await screen.findByRole('dialog', { name: 'Assign the interaction first' });
    expect(desk.interactions.get('ims-1')?.shortDescription).toBe('Cannot print on floor 3');
  });

  it('on a new interaction only says to save it first', async () => {
    const app = renderEscalationApp(desk);
    const form = await screen.findByRole('form', { name: 'New interaction' });
    for (const key of ['i', 'r', 'x']) {
      await app.user.keyboard(`{Alt>}${key}{/Alt}`);
      expect(within(form).getByRole('status').textContent).toBe('Save the interaction first.');
    }
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(desk.incidents.size).toBe(1);
  });

  it('does nothing while an incident is shown', async () => {
    const app = renderEscalationApp(desk);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await openByKeyboard(app, 'IMS0001001');
    await app.user.click(within(nav).getByRole('button', { name: 'Incidents' }));
    await screen.findByRole('region', { name: 'Incidents' });
    await app.user.keyboard('{Alt>}i{/Alt}{Alt>}r{/Alt}{Alt>}x{/Alt}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('region', { name: 'Incidents' })).toBeTruthy();
  });

  it('does nothing on a closed interaction', async () => {
    desk.interactions.set('ims-1', {
      ...desk.interactions.get('ims-1')!,
      state: 'Closed Complete',
      closedAt: '2026-11-24T09:30:00.000Z',
      closedBy: 'usr_agent',
    });
    const app = renderEscalationApp(desk);
    act(() => app.deps.ui.getState().openAnyRecord('interaction', 'ims-1'));
    const form = await screen.findByRole('form', { name: 'Interaction IMS0001001' });
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
    };
    const app = renderEscalationApp(desk);
    await openByKeyboard(app, 'IMS0001001');
    await waitFor(() => expect(menu.send).not.toBeNull());
    menu.send?.('find-existing-incidents');
    expect(await screen.findByRole('dialog', { name: 'Existing incidents' })).toBeTruthy();
  });

  it('the buttons name their keys, the help lists them, and axe finds nothing', async () => {
    const app = renderEscalationApp(desk);
    const form = await openByKeyboard(app, 'IMS0001001');
    const escalate = within(form).getByRole('group', { name: 'Escalate' });
    const shown = within(escalate)
      .getAllByRole('button')
      .map((b) => [b.textContent, b.getAttribute('aria-keyshortcuts'), b.title]);
    expect(shown).toEqual([
      ['Create Incident', 'Alt+I', 'Create Incident (Alt+I)'],
      ['Create Request', 'Alt+R', 'Create Request (Alt+R)'],
      ['Find existing incidents', 'Alt+X', 'Find existing incidents (Alt+X)'],
    ]);
    await noViolations(form);

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
    await noViolations(help);
  });
});
