// User's Tasks, Callbacks due and the callback notice on the interaction, on the real store host:
// the printer desk after its interaction was associated with the network incident and it was resolved.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printerDesk, valueOf, type PrinterDesk } from '../../web/testing/desks';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../web/testing/render-deskpad';
import { CallbackNotice } from '../escalation/callback-notice';
import { CallbacksDue } from './callbacks-due';
import { UsersTasks } from './users-tasks';

let desk: PrinterDesk;
let interactionNumber: string;

/** The person who reported the outage called again; the agent associated, the technician resolved. */
beforeEach(async () => {
  desk = await printerDesk({ callerIsIncidentCaller: true });
  interactionNumber = (await desk.interaction(desk.interactionId)).number;
  valueOf(
    await desk.store.command('interaction.associateIncident', {
      id: desk.interactionId,
      incidentId: desk.outage.id,
    }),
  );
  valueOf(
    await desk.store.command('incident.resolve', {
      id: desk.outage.id,
      resolutionCode: 'Solution provided',
      resolutionNotes: 'Switch port replaced.',
    }),
  );
});
afterEach(async () => {
  await desk.close();
});

describe('User’s Tasks and Callbacks due', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('lists the caller’s incidents and requests, and a callback row opens its interaction', async () => {
    const opened: string[] = [];
    const { user } = renderOnDesk(
      desk.store,
      <>
        <UsersTasks userId={desk.caller.id} onOpen={(t) => opened.push(t.id)} />
        <CallbacksDue onOpen={(id) => opened.push(id)} />
      </>,
    );
    const tasks = screen.getByRole('region', { name: "User's Tasks" });
    await user.click(await within(tasks).findByRole('button', { name: 'INC0001001' }));
    expect(opened).toEqual([desk.outage.id]);

    const callbacks = screen.getByRole('region', { name: 'Callbacks due' });
    const row = await within(callbacks).findByRole('listitem', {
      name: `${interactionNumber} · ${desk.caller.name}`,
    });
    expect(row.textContent).toContain('Switch port replaced.');
    await expectNoAxeViolations(callbacks);
    within(row).getByRole('button', { name: interactionNumber }).focus();
    await user.keyboard('{Enter}');
    expect(opened).toEqual([desk.outage.id, desk.interactionId]);
  });

  it('on the interaction: Reopen incident asks why, and the callback leaves the list', async () => {
    const { user } = renderOnDesk(
      desk.store,
      <>
        <CallbackNotice interactionId={desk.interactionId} />
        <CallbacksDue onOpen={() => undefined} />
      </>,
    );
    const notice = await screen.findByRole('list', {
      name: 'Callbacks due for this interaction',
    });
    expect(notice.textContent).toContain(
      `INC0001001 · ${desk.outage.shortDescription} was resolved`,
    );
    await expectNoAxeViolations(notice);
    const reopen = within(notice).getByRole('button', { name: 'Reopen incident' });
    reopen.focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Reopen INC0001001' });
    // An empty reason is refused with the machine's sentence; Tab reaches Submit.
    await user.keyboard('{Tab}{Enter}');
    const refusal = await within(dialog).findByRole('alert');
    expect(refusal.textContent).toContain('Check Reason for reopening.');
    expect(dialog.textContent).toContain('Say why the incident is reopened');
    await user.type(within(dialog).getByLabelText('Reason for reopening'), 'Still cannot print.');
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await desk.incident(desk.outage.id)).toMatchObject({
      state: 'In Progress',
      reopenCount: 1,
    });
    const callbacks = screen.getByRole('region', { name: 'Callbacks due' });
    await waitFor(() => expect(callbacks.textContent).toContain('No callbacks due.'));
    await waitFor(() =>
      expect(document.activeElement?.textContent).toContain('INC0001001 is In Progress again'),
    );
  });

  it('a Closed incident cannot be reopened: the reason says so and nothing changes', async () => {
    const { user } = renderOnDesk(
      desk.store,
      <CallbackNotice interactionId={desk.interactionId} />,
    );
    const reopen = await screen.findByRole('button', { name: 'Reopen incident' });
    await user.click(reopen);
    const dialog = screen.getByRole('dialog', { name: 'Reopen INC0001001' });
    // Meanwhile the technician closed it; the dialog was already open.
    valueOf(await desk.store.command('incident.close', { id: desk.outage.id }));
    await user.type(within(dialog).getByLabelText('Reason for reopening'), 'Still broken.');
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'A Closed incident cannot be reopened',
    );
    expect((await desk.incident(desk.outage.id)).state).toBe('Closed');
  });
});
