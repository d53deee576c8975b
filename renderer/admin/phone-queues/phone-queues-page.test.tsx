// The Phone queues page by keyboard: a queue mapped to a group, a refusal shown by its field,
// one moved to another group in place and one removed; each call's input checked; axe-clean.

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PhoneQueueView } from '../../../shared/admin/phone-queues';
import { fail } from '../../../shared/domain/result';
import { expectNoAxeViolations, tabTo } from '../../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../../web/testing/render-deskpad';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { PhoneQueuesPage } from './phone-queues-page';

const GROUPS = [
  { id: 'grp-desk', name: 'Service Desk' },
  { id: 'grp-net', name: 'Network' },
].map((g) => ({ ...g, description: '', active: true, source: 'local', memberCount: 2 }));

function queueServer() {
  let queues: PhoneQueueView[] = [];
  const named = (groupId: string) => GROUPS.find((g) => g.id === groupId)?.name ?? '';
  return fakeAdminStore({
    'phone-queues.list': () => ({ queues }),
    'groups.list': () => ({ groups: GROUPS, more: false }),
    'phone-queues.create': (input) => {
      const { name, groupId } = input as { name: string; groupId: string };
      if (queues.some((q) => q.name.toLowerCase() === name.toLowerCase()))
        return fail('conflict', `The queue ${name} is mapped already.`, {
          name: `The queue ${name} is mapped already.`,
        });
      const queue = {
        id: `q-${name}`,
        name,
        groupId,
        groupName: named(groupId),
        groupActive: true,
      };
      queues = [...queues, queue];
      return { queue };
    },
    'phone-queues.update': (input) => {
      const { id, name, groupId } = input as { id: string; name: string; groupId: string };
      queues = queues.map((q) =>
        q.id === id ? { ...q, name, groupId, groupName: named(groupId) } : q,
      );
      return { queue: queues.find((q) => q.id === id) };
    },
    'phone-queues.remove': (input) => {
      const { id } = input as { id: string };
      queues = queues.filter((q) => q.id !== id);
      return { removed: id };
    },
  });
}

describe('the Phone queues page', () => {
  it(
    'maps queues to groups, refuses a taken name, moves one and removes one by keyboard',
    async () => {
      const { store, calls } = queueServer();
      const { user, container } = renderOnDesk(store, <PhoneQueuesPage />);
      await screen.findByText('No phone queues yet.');
      const form = screen.getByRole('form', { name: 'New phone queue' });
      const group = within(form).getByRole('combobox', { name: 'Group' });
      await within(form).findByRole('option', { name: 'Network' });
      await expectNoAxeViolations(container);

      const name = within(form).getByRole('textbox', {
        name: 'Queue name, as the phone system sends it',
      });
      await tabTo(user, name);
      await user.keyboard('Service Desk');
      await user.selectOptions(group, 'grp-desk');
      await tabTo(user, within(form).getByRole('button', { name: 'Add queue' }));
      await user.keyboard('{Enter}');
      await screen.findByText('Queue Service Desk goes to Service Desk.');

      await tabTo(user, name);
      await user.keyboard('service desk');
      await user.selectOptions(group, 'grp-net');
      await tabTo(user, within(form).getByRole('button', { name: 'Add queue' }));
      await user.keyboard('{Enter}');
      expect((await within(form).findByText(/mapped already/)).textContent).toBe(
        'The queue service desk is mapped already.',
      );
      await expectNoAxeViolations(container);
      await user.clear(name);
      await user.keyboard('Network line{Enter}');
      await screen.findByText('Queue Network line goes to Network.');

      const table = screen.getByRole('table', { name: 'Phone queues' });
      await tabTo(user, within(table).getByRole('button', { name: 'Edit Service Desk' }));
      await user.keyboard('{Enter}');
      await user.selectOptions(
        within(table).getByRole('combobox', { name: 'Group of Service Desk' }),
        'grp-net',
      );
      await tabTo(user, within(table).getByRole('button', { name: 'Save' }));
      await user.keyboard('{Enter}');
      await screen.findByText('Queue Service Desk goes to Network.');
      expect(within(table).getByRole('row', { name: /^Service Desk/ }).textContent).toContain(
        'Network',
      );

      await tabTo(user, within(table).getByRole('button', { name: 'Remove Network line' }));
      await user.keyboard('{Enter}');
      await screen.findByText(/Queue Network line removed/);
      expect(within(table).queryByRole('row', { name: /Network line/ })).toBeNull();
      expect(
        calls.filter(
          (c) => c.operation.startsWith('phone-queues.') && c.operation !== 'phone-queues.list',
        ),
      ).toEqual([
        { operation: 'phone-queues.create', input: { name: 'Service Desk', groupId: 'grp-desk' } },
        { operation: 'phone-queues.create', input: { name: 'service desk', groupId: 'grp-net' } },
        { operation: 'phone-queues.create', input: { name: 'Network line', groupId: 'grp-net' } },
        {
          operation: 'phone-queues.update',
          input: { id: 'q-Service Desk', name: 'Service Desk', groupId: 'grp-net' },
        },
        { operation: 'phone-queues.remove', input: { id: 'q-Network line' } },
      ]);
    },
    STORE_TEST_TIMEOUT_MS,
  );
});
