// The Agents page by keyboard: the list with roles, last sign-in and marks; Create agent checked by
// the shared schema; Set roles, Reset password, Disable and Unlock each send one operation. Axe-clean.

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgentRow } from '../../../shared/admin/agents';
import { fail } from '../../../shared/domain/result';
import { expectNoAxeViolations, tabTo } from '../../../web/testing/agent-steps';
import { renderOnDesk } from '../../../web/testing/render-deskpad';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { AgentsPage } from './agents-page';

const row = (over: Partial<AgentRow>): AgentRow => ({
  id: 'u1',
  userName: 'ana.agent',
  name: 'Ana Agent',
  firstName: 'Ana',
  lastName: 'Agent',
  email: '',
  roles: ['agent'],
  lastSignInAt: null,
  disabled: false,
  inactive: false,
  locked: false,
  mustChangePassword: false,
  ...over,
});

const ANA = row({ lastSignInAt: '2026-12-03T08:30:00.000Z' });
const BO = row({
  id: 'u2',
  userName: 'bo.tech',
  name: 'Bo Tech',
  roles: ['technician'],
  locked: true,
  disabled: true,
});

describe('Agents', () => {
  it('lists the agents with roles, last sign-in and marks, axe-clean', async () => {
    const { store } = fakeAdminStore({ 'agents.list': () => ({ agents: [ANA, BO], more: false }) });
    const { container } = renderOnDesk(store, <AgentsPage />);
    const ana = (await screen.findByRole('rowheader', { name: 'ana.agent' })).closest(
      'tr',
    ) as HTMLElement;
    expect(ana.textContent).toContain('Agent');
    expect(ana.textContent).toContain('Active');
    expect(ana.textContent).not.toContain('Never');
    const bo = screen.getByRole('rowheader', { name: 'bo.tech' }).closest('tr') as HTMLElement;
    expect(bo.textContent).toContain('Never');
    expect(bo.textContent).toContain('Disabled, Locked');
    expect(within(bo).getByRole('button', { name: 'Enable bo.tech' })).toBeTruthy();
    expect(within(ana).queryByRole('button', { name: 'Unlock ana.agent' })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('creates an agent by keyboard: the schema’s messages first, then one call, and the list reloads', async () => {
    const created = row({
      id: 'u3',
      userName: 'grace',
      name: 'Grace Hopper',
      mustChangePassword: true,
    });
    let listed = [ANA];
    const { store, calls } = fakeAdminStore({
      'agents.list': () => ({ agents: listed, more: false }),
      'agents.create': () => {
        listed = [ANA, created];
        return { agent: created };
      },
    });
    const { user } = renderOnDesk(store, <AgentsPage />);
    await screen.findByRole('rowheader', { name: 'ana.agent' });
    await tabTo(user, screen.getByRole('button', { name: 'Create agent' }));
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Create agent' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('User name'));
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('alert').textContent).toBe('Check the fields marked.');
    expect(calls.filter((c) => c.operation === 'agents.create')).toEqual([]);
    await expectNoAxeViolations(dialog);

    await user.keyboard('grace');
    await user.type(within(dialog).getByLabelText('First name'), 'Grace');
    await user.type(within(dialog).getByLabelText('Last name'), 'Hopper');
    await user.type(within(dialog).getByLabelText('Temporary password'), 'temporary pw 1{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.operation === 'agents.create')?.input).toEqual({
      userName: 'grace',
      firstName: 'Grace',
      lastName: 'Hopper',
      email: '',
      roles: ['agent'],
      temporaryPassword: 'temporary pw 1',
    });
    const grace = (await screen.findByRole('rowheader', { name: 'grace' })).closest(
      'tr',
    ) as HTMLElement;
    expect(grace.textContent).toContain('Must change password');
    expect(screen.getByRole('status').textContent).toContain('Grace Hopper was created');
  });

  it('sets roles, resets a password, disables after asking, unlocks, and says a refusal', async () => {
    const { store, calls } = fakeAdminStore({
      'agents.list': () => ({ agents: [ANA, BO], more: false }),
      'agents.set-roles': () => ({ agent: ANA }),
      'agents.reset-password': () => ({ agent: ANA }),
      'agents.set-disabled': () =>
        fail(
          'conflict',
          'Ana Agent is the only administrator: make someone else an administrator first.',
        ),
      'agents.unlock': () => ({ agent: BO }),
    });
    const { user } = renderOnDesk(store, <AgentsPage />);
    await screen.findByRole('rowheader', { name: 'ana.agent' });

    await user.click(screen.getByRole('button', { name: 'Set roles of ana.agent' }));
    const roles = await screen.findByRole('dialog', { name: 'Set roles of Ana Agent' });
    await user.click(within(roles).getByLabelText('Administrator'));
    await user.click(within(roles).getByRole('button', { name: 'Save roles' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.operation === 'agents.set-roles')?.input).toEqual({
      userId: 'u1',
      roles: ['agent', 'admin'],
    });

    await user.click(screen.getByRole('button', { name: 'Reset password of ana.agent' }));
    const reset = await screen.findByRole('dialog', { name: 'Reset the password of Ana Agent' });
    await user.keyboard('short{Enter}');
    expect(within(reset).getByText('A password needs at least 8 characters.')).toBeTruthy();
    await user.keyboard(' but longer{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.operation === 'agents.reset-password')?.input).toEqual({
      userId: 'u1',
      temporaryPassword: 'short but longer',
    });

    await user.click(screen.getByRole('button', { name: 'Disable ana.agent' }));
    const disable = await screen.findByRole('dialog', { name: 'Disable Ana Agent?' });
    expect(document.activeElement).toBe(within(disable).getByRole('button', { name: 'Cancel' }));
    await user.click(within(disable).getByRole('button', { name: 'Disable' }));
    expect((await within(disable).findByRole('alert')).textContent).toContain(
      'the only administrator',
    );
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Unlock bo.tech' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('Bo Tech is unlocked'),
    );
    expect(calls.filter((c) => c.operation !== 'agents.list').map((c) => c.operation)).toEqual([
      'agents.set-roles',
      'agents.reset-password',
      'agents.set-disabled',
      'agents.unlock',
    ]);
  });

  it('finds any user by name to make them an agent, asking once the typing stops', async () => {
    const CARLA = row({ id: 'c1', userName: 'carla', name: 'Carla Caller', roles: [] });
    const { store, calls } = fakeAdminStore({
      'agents.list': (input) =>
        (input as { query: string }).query === 'carla'
          ? { agents: [CARLA], more: false }
          : { agents: [ANA], more: false },
      'agents.set-roles': () => ({ agent: { ...CARLA, roles: ['agent'] } }),
    });
    const { user } = renderOnDesk(store, <AgentsPage />);
    await screen.findByRole('rowheader', { name: 'ana.agent' });
    await user.type(screen.getByLabelText('Find a user'), 'carla');
    const carla = (await screen.findByRole('rowheader', { name: 'carla' })).closest(
      'tr',
    ) as HTMLElement;
    expect(carla.textContent).toContain('No role (caller)');
    expect(calls.map((c) => c.input)).toEqual([{ query: '' }, { query: 'carla' }]);
    await user.click(within(carla).getByRole('button', { name: 'Set roles of carla' }));
    const dialog = await screen.findByRole('dialog', { name: 'Set roles of Carla Caller' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Agent'));
    await user.keyboard(' {Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.operation === 'agents.set-roles')?.input).toEqual({
      userId: 'c1',
      roles: ['agent'],
    });
  });
});
