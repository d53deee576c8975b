// The Incidents work list through the wired window, on the real store host: by queue and state on
// the printer desk, highest priority first on a busy desk, and Needs attention's Open on a refusal.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PRIORITY_LABELS } from '../../shared/domain/priority';
import type { NeedsAttentionItem } from '../../shared/store-api/contract';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { deskWithIncidents, printerDesk, type Desk } from '../../web/testing/desks';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';
import { createSyncDouble, signedInAs, testAgent } from '../../web/testing/sync-double';

let desk: Desk | null = null;

afterEach(async () => {
  await desk?.close();
  desk = null;
});

const nav = () => screen.getByRole('navigation', { name: 'Main' });
const columnOf = (table: HTMLElement, name: string): string[] => {
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent);
  const index = headers.indexOf(name);
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelectorAll('td, th')[index]?.textContent ?? '');
};

describe('working incidents and requests', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('lists by queue and state, opens the incident, and works it through its machine', async () => {
    const printer = await printerDesk();
    desk = printer;
    const { user } = renderDeskpad(printer.store);
    await user.click(within(nav()).getByRole('button', { name: 'Incidents' }));
    const list = await screen.findByRole('region', { name: 'Incidents' });
    await expectNoAxeViolations(list);
    await waitFor(() => expect(list.textContent).toContain('No incidents assigned to you.'));
    await user.click(within(list).getByRole('radio', { name: 'My groups' }));
    // The demo agent is in every demo group (it plays every part): Network's incident is there.
    await within(list).findByRole('button', { name: 'INC0001001' });
    await user.click(within(list).getByRole('radio', { name: 'All' }));
    const open = await within(list).findByRole('button', { name: 'INC0001001' });
    await user.selectOptions(within(list).getByLabelText('Filter by state'), 'Resolved');
    await waitFor(() => expect(list.textContent).toContain('No incidents in Resolved.'));
    await user.selectOptions(within(list).getByLabelText('Filter by state'), 'New');
    expect(await within(list).findByRole('button', { name: 'INC0001001' })).not.toBe(open);
    await user.click(within(list).getByRole('button', { name: 'INC0001001' }));

    const panel = await screen.findByRole('region', { name: 'Incident INC0001001' });
    await expectNoAxeViolations(panel);
    const states = within(panel).getByRole('group', { name: 'State' });
    await user.click(within(states).getByRole('button', { name: 'Start work' }));
    await waitFor(async () =>
      expect((await printer.incident(printer.outage.id)).state).toBe('In Progress'),
    );
    // Assign to me puts the agent in their own group; Save sends it.
    await user.click(within(panel).getByRole('button', { name: 'Assign to me' }));
    await user.click(within(panel).getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await printer.incident(printer.outage.id)).assignedTo).toBe(printer.agent.id),
    );
    await user.click(within(list).getByRole('radio', { name: 'Assigned to me' }));
    await user.selectOptions(within(list).getByLabelText('Filter by state'), '');
    const mine = await within(list).findByRole('button', { name: 'INC0001001' });
    expect(mine.textContent).toBe('INC0001001');

    await user.click(within(states).getByRole('button', { name: 'Resolve' }));
    const resolve = await screen.findByRole('dialog', { name: 'Resolve INC0001001' });
    await expectNoAxeViolations(resolve);
    await user.selectOptions(
      within(resolve).getByLabelText('Resolution code'),
      'Solution provided',
    );
    await user.type(within(resolve).getByLabelText('Resolution notes'), 'Switch port replaced.');
    await user.click(within(resolve).getByRole('button', { name: 'Submit' }));
    await waitFor(async () =>
      expect((await printer.incident(printer.outage.id)).state).toBe('Resolved'),
    );
    await waitFor(() =>
      expect(within(states).getByRole('button', { name: 'Reopen incident' }).textContent).toBe(
        'Reopen incident',
      ),
    );
    await user.click(within(states).getByRole('button', { name: 'Close incident' }));
    await waitFor(async () =>
      expect((await printer.incident(printer.outage.id)).state).toBe('Closed'),
    );
    await waitFor(() => expect(within(states).queryAllByRole('button')).toHaveLength(0));
  });

  it('on a busy desk, All lists the open and the done, highest priority first, and a state narrows it', async () => {
    const busy = await deskWithIncidents(60);
    desk = busy;
    const { user } = renderDeskpad(busy.store);
    await user.click(within(nav()).getByRole('button', { name: 'Incidents' }));
    const list = await screen.findByRole('region', { name: 'Incidents' });
    await user.click(within(list).getByRole('radio', { name: 'All' }));
    await within(list).findByRole('button', { name: 'INC0001001' });
    const table = within(list).getByRole('table');
    const labels = Object.values(PRIORITY_LABELS);
    const shown = columnOf(table, 'Priority').map((label) => labels.indexOf(label));
    expect(shown.length).toBe((await busy.incidents()).length);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));

    await user.selectOptions(within(list).getByLabelText('Filter by state'), 'Resolved');
    const resolved = (await busy.incidents()).filter((i) => i.state === 'Resolved');
    expect(resolved.length).toBeGreaterThan(0);
    await waitFor(() =>
      expect(columnOf(within(list).getByRole('table'), 'State')).toEqual(
        resolved.map(() => 'Resolved'),
      ),
    );
  });

  it('Needs attention: a refused reopen names the incident, and Open opens it', async () => {
    const printer = await printerDesk();
    desk = printer;
    const refused: NeedsAttentionItem = {
      id: 3,
      mutationId: 9,
      name: 'incident.reopen',
      args: { id: printer.outage.id, noteId: 'n-1', reason: 'Still cannot print.' },
      at: '2026-11-24T09:30:00.000Z',
      actorId: printer.agent.id,
      recordKind: 'incident',
      recordId: printer.outage.id,
      recordNumber: 'INC0001001',
      shortDescription: printer.outage.shortDescription,
      reason: {
        code: 'rule',
        message: 'A Closed incident cannot be reopened; create a new incident.',
      },
      refusedAt: '2026-11-24T09:31:00.000Z',
    };
    const played = createSyncDouble(printer.store, {
      session: signedInAs(testAgent({ id: printer.agent.id, name: printer.agent.name })),
      needsAttention: [refused],
    });
    const { user } = renderDeskpad(played.api);
    await user.click(await screen.findByRole('button', { name: 'Needs attention (1)' }));
    const region = screen.getByRole('region', { name: 'Needs attention' });
    const item = within(region).getByRole('listitem', {
      name: `Incident INC0001001 · ${printer.outage.shortDescription}`,
    });
    expect(item.textContent).toContain('Reopen incident');
    expect(item.textContent).toContain('A Closed incident cannot be reopened');
    await user.click(within(item).getByRole('button', { name: 'Open' }));
    const panel = await screen.findByRole('region', { name: 'Incident INC0001001' });
    expect(within(panel).getByLabelText<HTMLInputElement>('Short description').value).toBe(
      printer.outage.shortDescription,
    );
  });
});
