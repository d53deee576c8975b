// The Groups page by keyboard: groups with member counts, a group opened, a member picked by
// name and added, one removed, a refused name said at the field; labelled and axe-clean.

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GroupDetail, GroupSummary, MemberView } from '../../../shared/admin/groups';
import { fail } from '../../../shared/domain/result';
import { expectNoAxeViolations, tabTo } from '../../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../../web/testing/render-deskpad';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { GroupsPage } from './groups-page';

const person = (id: string, name: string, userName: string): MemberView => ({
  id,
  name,
  userName,
  email: `${userName}@example.org`,
  active: true,
});
const ANA = person('agent-1', 'Ana Agent', 'ana.agent');
const CARLA = person('caller-1', 'Carla Caller', 'carla.caller');

function groupServer() {
  let members: MemberView[] = [ANA];
  const detail = (): GroupDetail => ({
    id: 'grp-desk',
    name: 'Service Desk',
    description: 'First line',
    active: true,
    source: 'local',
    memberCount: members.length,
    members,
  });
  const summary = (): GroupSummary => {
    const { members: _members, ...rest } = detail();
    return rest;
  };
  return fakeAdminStore({
    'groups.list': () => ({ groups: [summary()], more: false }),
    'groups.get': () => ({ group: detail() }),
    'groups.find-users': () => ({ users: [ANA, CARLA] }),
    'groups.add-member': () => {
      members = [...members, CARLA];
      return { group: detail() };
    },
    'groups.remove-member': () => {
      members = members.filter((m) => m.id !== ANA.id);
      return { group: detail() };
    },
    'groups.create': () =>
      fail('conflict', 'There is already a group named Service Desk.', {
        name: 'There is already a group named Service Desk.',
      }),
  });
}

describe('the Groups page', () => {
  it(
    'opens a group and adds and removes members by keyboard',
    async () => {
      const { store, calls } = groupServer();
      const { user, container } = renderOnDesk(store, <GroupsPage />);
      const table = await screen.findByRole('table', { name: 'Groups' });
      const row = within(table).getByRole('row', { name: /Service Desk/ });
      expect(
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ).toEqual(['Service Desk', 'First line', '1', 'Active']);
      await tabTo(user, within(row).getByRole('button', { name: 'Service Desk' }));
      await user.keyboard('{Enter}');
      const panel = await screen.findByRole('region', { name: 'Service Desk' });
      expect(within(panel).getByRole('list').textContent).toContain('Ana Agent');

      const picker = within(panel).getByRole('combobox', { name: 'Add a member' });
      await tabTo(user, picker);
      await user.keyboard('car');
      await screen.findByRole('option', { name: /Carla Caller/ });
      // Ana is a member already: not offered again.
      expect(screen.queryByRole('option', { name: /Ana Agent/ })).toBeNull();
      await user.keyboard('{ArrowDown}{Enter}');
      await screen.findByText('Carla Caller added to Service Desk.');
      expect(calls.filter((c) => c.operation === 'groups.add-member')).toEqual([
        { operation: 'groups.add-member', input: { groupId: 'grp-desk', userId: 'caller-1' } },
      ]);

      await tabTo(user, within(panel).getByRole('button', { name: 'Remove Ana Agent' }));
      await user.keyboard('{Enter}');
      await screen.findByText('Ana Agent removed from Service Desk.');
      await waitFor(() => expect(within(panel).queryByText('Ana Agent')).toBeNull());
      await expectNoAxeViolations(container);
    },
    STORE_TEST_TIMEOUT_MS,
  );

  it(
    'says a refused name at the Name field and keeps what was typed',
    async () => {
      const { store } = groupServer();
      const { user } = renderOnDesk(store, <GroupsPage />);
      await screen.findByRole('table', { name: 'Groups' });
      const form = screen.getByRole('form', { name: 'New group' });
      const name = within(form).getByRole('textbox', { name: 'Name' });
      await tabTo(user, name);
      await user.keyboard('Service Desk');
      await user.click(within(form).getByRole('button', { name: 'Create group' }));
      await within(form).findByText('There is already a group named Service Desk.');
      expect(name.getAttribute('aria-invalid')).toBe('true');
      expect((name as HTMLInputElement).value).toBe('Service Desk');
    },
    STORE_TEST_TIMEOUT_MS,
  );
});
