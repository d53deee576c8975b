// The Configuration items page by keyboard: the tree loads, a search match is revealed in it, a
// move into its own inside is refused in words, an item retired with what is inside; axe-clean.

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type {
  ConfigurationItemMatch,
  ConfigurationItemNode,
} from '../../../shared/admin/configuration-items';
import { fail } from '../../../shared/domain/result';
import { expectNoAxeViolations, tabTo } from '../../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../../web/testing/render-deskpad';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { ConfigurationItemsPage } from './configuration-items-page';

const node = (
  id: string,
  name: string,
  className: string,
  parentId: string | null,
  childCount: number,
): ConfigurationItemNode => ({
  id,
  name,
  className,
  parentId,
  location: 'HQ',
  active: true,
  childCount,
});

const HQ = node('ci-hq', 'HQ', 'Building', null, 1);
const FLOOR = node('ci-f1', 'HQ-F1 network', 'Floor network', 'ci-hq', 1);
const PRINTER = node('ci-prn', 'HQ-F1-PRN01', 'Printer', 'ci-f1', 0);
const ITEMS = [HQ, FLOOR, PRINTER];
const CYCLE = 'HQ cannot move into HQ-F1-PRN01: HQ-F1-PRN01 is inside HQ.';

function itemServer() {
  return fakeAdminStore({
    'configuration-items.children': (input) => {
      const { parentId } = input as { parentId: string | null };
      return { items: ITEMS.filter((i) => i.parentId === parentId), more: false };
    },
    'configuration-items.search': (): { items: ConfigurationItemMatch[]; more: boolean } => ({
      items: [{ ...PRINTER, path: [HQ, FLOOR] }],
      more: false,
    }),
    'configuration-items.move': () => fail('conflict', CYCLE, { parentId: CYCLE }),
    'configuration-items.retire': () => ({ item: { ...HQ, active: false }, retired: 3 }),
  });
}

describe('the Configuration items page', () => {
  it(
    'reveals a search match in the tree, refuses a cycle in words, retires with what is inside',
    async () => {
      const { store, calls } = itemServer();
      const { user, container } = renderOnDesk(store, <ConfigurationItemsPage />);
      const tree = await screen.findByRole('tree', { name: 'Configuration items' });
      await within(tree).findByRole('treeitem', { name: /^HQ/ });
      await expectNoAxeViolations(container);

      await tabTo(user, screen.getByRole('searchbox', { name: 'Search configuration items' }));
      await user.keyboard('prn{Enter}');
      const show = await screen.findByRole('button', { name: 'Show HQ-F1-PRN01 in the tree' });
      await tabTo(user, show);
      await user.keyboard('{Enter}');
      const printer = await within(tree).findByRole('treeitem', { name: /HQ-F1-PRN01/ });
      await waitFor(() => expect(document.activeElement).toBe(printer));
      expect(printer.getAttribute('aria-level')).toBe('3');
      expect(printer.getAttribute('aria-selected')).toBe('true');
      expect(screen.getByRole('heading', { name: 'HQ-F1-PRN01' })).toBeTruthy();

      // Up to the floor network, close it, up to HQ, and pick it.
      await user.keyboard('{ArrowLeft}{ArrowLeft}');
      expect(within(tree).queryByRole('treeitem', { name: /HQ-F1-PRN01/ })).toBeNull();
      await user.keyboard('{ArrowLeft}{Enter}');
      await screen.findByRole('heading', { name: 'HQ' });
      await tabTo(user, screen.getByRole('button', { name: 'Move…' }));
      await user.keyboard('{Enter}');
      const move = await screen.findByRole('dialog', { name: 'Move HQ' });
      await user.keyboard('prn');
      await screen.findByRole('option', { name: /HQ-F1-PRN01/ });
      await user.keyboard('{ArrowDown}{Enter}');
      await tabTo(user, within(move).getByRole('button', { name: 'Move' }));
      await user.keyboard('{Enter}');
      expect((await within(move).findByRole('alert')).textContent).toBe(CYCLE);
      expect(calls.find((c) => c.operation === 'configuration-items.move')?.input).toEqual({
        id: 'ci-hq',
        parentId: 'ci-prn',
      });
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

      await tabTo(user, screen.getByRole('button', { name: 'Retire…' }));
      await user.keyboard('{Enter}');
      const retire = await screen.findByRole('dialog', { name: 'Retire HQ?' });
      await expectNoAxeViolations(retire);
      await user.click(
        within(retire).getByRole('checkbox', { name: 'Also retire everything inside it' }),
      );
      await user.click(within(retire).getByRole('button', { name: 'Retire' }));
      await screen.findByText('HQ and 2 items inside it retired.');
      expect(calls.find((c) => c.operation === 'configuration-items.retire')?.input).toEqual({
        id: 'ci-hq',
        withChildren: true,
      });
    },
    STORE_TEST_TIMEOUT_MS,
  );
});
