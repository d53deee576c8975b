// The Audit log page: changes newest first with before → after as readable lines, filtered by
// action and date from the form, older changes on request; labelled and axe-clean.

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../../shared/admin/audit';
import { expectNoAxeViolations, tabTo } from '../../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../../web/testing/render-deskpad';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { AuditPage } from './audit-page';
import { fieldChanges } from './audit-changes';

const entry = (id: string, action: string, over: Partial<AuditEntryView> = {}): AuditEntryView => ({
  id,
  at: '2026-12-03T10:00:00.000Z',
  actorId: 'admin-1',
  actorName: 'Adam Admin',
  action,
  targetKind: 'group',
  targetId: 'grp-net',
  targetName: 'Networks',
  before: null,
  after: null,
  ...over,
});

const RENAME = entry('3', 'group.update', {
  before: { name: 'Network', description: '' },
  after: { name: 'Networks', description: 'LAN' },
});
const ADDED = entry('2', 'group.add-member', { after: { member: 'Tess Tech (tech-1)' } });
const OLDER = entry('1', 'location.create', {
  targetKind: 'location',
  targetName: 'Annex',
  after: { name: 'Annex' },
});

describe('the Audit log page', () => {
  it(
    'shows who changed what, before → after, filters and pages',
    async () => {
      const { store, calls } = fakeAdminStore({
        'audit.list': (input) =>
          (input as { before?: string }).before === 'cursor-2'
            ? { entries: [OLDER], next: null }
            : { entries: [RENAME, ADDED], next: 'cursor-2' },
      });
      const { user, container } = renderOnDesk(store, <AuditPage />);
      const table = await screen.findByRole('table', {
        name: 'Administrative changes, newest first',
      });
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows.map((r) => within(r).getAllByRole('cell')[2]?.textContent)).toEqual([
        'group.update',
        'group.add-member',
      ]);
      const changes = within(rows[0] as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
      expect(changes).toEqual(['name: was Network → now Networks', 'description: was — → now LAN']);
      expect(rows[1]?.textContent).toContain('member: Tess Tech (tech-1)');
      await expectNoAxeViolations(container);

      await tabTo(user, screen.getByRole('button', { name: 'Show older changes' }));
      await user.keyboard('{Enter}');
      await within(table).findByText('location.create');
      expect(screen.queryByRole('button', { name: 'Show older changes' })).toBeNull();

      const filters = screen.getByRole('form', { name: 'Filter the audit log' });
      await tabTo(user, within(filters).getByRole('combobox', { name: 'Action' }));
      await user.keyboard('group.update');
      await user.selectOptions(
        within(filters).getByRole('combobox', { name: 'Target kind' }),
        'Groups',
      );
      await user.type(within(filters).getByLabelText('From'), '2026-12-01');
      await user.click(within(filters).getByRole('button', { name: 'Filter' }));
      await screen.findByRole('table');
      const last = calls.at(-1)?.input as Record<string, unknown>;
      expect(last).toMatchObject({ action: 'group.update', targetKind: 'group', actor: '' });
      expect(new Date(last.from as string).getDate()).toBe(1);
    },
    STORE_TEST_TIMEOUT_MS,
  );

  it('reads a creation and a removal as one side only', () => {
    expect(fieldChanges({ before: null, after: { name: 'Annex', active: true } })).toEqual([
      { field: 'name', before: null, after: 'Annex' },
      { field: 'active', before: null, after: 'yes' },
    ]);
    expect(fieldChanges({ before: { parentId: 'x' }, after: null })).toEqual([
      { field: 'parent id', before: 'x', after: null },
    ]);
  });
});
