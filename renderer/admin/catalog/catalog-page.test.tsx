// The Catalog page through the store host's admin calls: the list with its states and search by
// keyboard, a form opened and published, a new form created and refused, axe-clean.

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CatalogAdminSummary, CatalogAdminView } from '../../../shared/admin/catalog';
import type { CatalogItem } from '../../../shared/domain/catalog';
import { fail } from '../../../shared/domain/result';
import { expectNoAxeViolations } from '../../../web/testing/agent-steps';
import { renderOnDesk } from '../../../web/testing/render-deskpad';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { CatalogPage } from './catalog-page';

const BADGE: CatalogItem = {
  id: 'cat-badge',
  name: 'Building badge',
  category: 'Access',
  description: '',
  keywords: [],
  fields: [{ name: 'reason', label: 'Reason', type: 'text', required: true, maxLength: 100 }],
  fulfillmentGroup: null,
  active: false,
};

const ROWS: CatalogAdminSummary[] = [
  {
    id: 'cat-badge',
    name: 'Building badge',
    category: 'Access',
    state: 'draft',
    unpublishedChanges: false,
    fieldCount: 1,
  },
  {
    id: 'cat-laptop',
    name: 'New laptop',
    category: 'Hardware',
    state: 'published',
    unpublishedChanges: true,
    fieldCount: 3,
  },
];

describe('the Catalog page', () => {
  it('lists forms with their state, searches, opens one and publishes it', async () => {
    let view: CatalogAdminView = { state: 'draft', item: BADGE, draft: null };
    const { store, calls } = fakeAdminStore({
      'catalog.list': (input) => {
        const { query = '' } = input as { query?: string };
        return { items: ROWS.filter((r) => r.name.toLowerCase().includes(query.toLowerCase())) };
      },
      'catalog.get': () => view,
      'catalog.publish': () => {
        view = { state: 'published', item: { ...BADGE, active: true }, draft: null };
        return view;
      },
    });
    const { user, container } = renderOnDesk(store, <CatalogPage />);
    const table = await screen.findByRole('table', { name: 'Request forms' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['Building badge', 'Access', 'Draft', '1'],
      ['New laptop', 'Hardware', 'Published, with unpublished changes', '3'],
    ]);
    await expectNoAxeViolations(container);

    await user.type(screen.getByLabelText('Search the catalog'), 'lap');
    await waitFor(() => expect(screen.queryByText('Building badge')).toBeNull());
    await user.selectOptions(screen.getByLabelText('State'), 'Published');
    await waitFor(() =>
      expect(calls.at(-1)).toEqual({
        operation: 'catalog.list',
        input: { query: 'lap', state: 'published' },
      }),
    );
    await user.clear(screen.getByLabelText('Search the catalog'));
    screen.getByRole('button', { name: 'Building badge' }).focus();
    await user.keyboard('{Enter}');
    await screen.findByText('State: Draft');
    expect(screen.getByRole('region', { name: 'Preview' })).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    await screen.findByText('Published: desks offer it from their next directory sync.');
    expect(calls.filter((c) => c.operation === 'catalog.publish')).toEqual([
      { operation: 'catalog.publish', input: { id: 'cat-badge' } },
    ]);
    await user.click(screen.getByRole('button', { name: 'Back to the catalog' }));
    await screen.findByRole('table', { name: 'Request forms' });
  });

  it('creates a form and shows the server’s refusal', async () => {
    const { store, calls } = fakeAdminStore({
      'catalog.list': () => ({ items: [] }),
      'catalog.save': () =>
        fail('invalid-input', 'Pick a fulfillment group that exists and is active.', {
          fulfillmentGroup: 'Pick a fulfillment group that exists and is active.',
        }),
    });
    const { user } = renderOnDesk(store, <CatalogPage />, { newId: () => 'cat-new' });
    await screen.findByText('No request forms yet.');
    await user.click(screen.getByRole('button', { name: 'Create a form' }));
    await user.type(screen.getByLabelText('Name'), 'Parking permit');
    await user.type(screen.getByLabelText('Category'), 'Facilities');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Pick a fulfillment group that exists and is active.',
    );
    expect(calls.at(-1)).toMatchObject({
      operation: 'catalog.save',
      input: { id: 'cat-new', name: 'Parking permit', category: 'Facilities', fields: [] },
    });
  });
});
