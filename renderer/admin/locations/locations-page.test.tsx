// The Locations page by keyboard: locations listed, one created, one renamed in place, one
// deactivated; each call's input checked; labelled and axe-clean.

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LocationView } from '../../../shared/admin/locations';
import { expectNoAxeViolations, tabTo } from '../../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../../web/testing/render-deskpad';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { LocationsPage } from './locations-page';

function locationServer() {
  let locations: LocationView[] = [
    { id: 'loc-hq', name: 'HQ lobby', description: 'Ground floor', active: true },
  ];
  const one = (id: string) => ({ location: locations.find((l) => l.id === id) });
  return fakeAdminStore({
    'locations.list': () => ({ locations }),
    'locations.create': (input) => {
      const { name, description } = input as { name: string; description: string };
      locations = [...locations, { id: 'loc-new', name, description, active: true }];
      return one('loc-new');
    },
    'locations.update': (input) => {
      const change = input as { id: string; name: string; description: string };
      locations = locations.map((l) => (l.id === change.id ? { ...l, ...change } : l));
      return one(change.id);
    },
    'locations.set-active': (input) => {
      const change = input as { id: string; active: boolean };
      locations = locations.map((l) => (l.id === change.id ? { ...l, active: change.active } : l));
      return one(change.id);
    },
  });
}

describe('the Locations page', () => {
  it(
    'creates, renames and deactivates locations by keyboard',
    async () => {
      const { store, calls } = locationServer();
      const { user, container } = renderOnDesk(store, <LocationsPage />);
      const table = await screen.findByRole('table', { name: 'Locations' });
      expect(within(table).getByRole('row', { name: /HQ lobby/ }).textContent).toContain(
        'Ground floor',
      );
      await expectNoAxeViolations(container);

      const form = screen.getByRole('form', { name: 'New location' });
      await tabTo(user, within(form).getByRole('textbox', { name: 'Name' }));
      await user.keyboard('Annex{Tab}Car park entrance{Enter}');
      await screen.findByText('Location Annex created.');
      expect(calls.find((c) => c.operation === 'locations.create')?.input).toEqual({
        name: 'Annex',
        description: 'Car park entrance',
      });
      await within(table).findByRole('row', { name: /Annex/ });

      await tabTo(user, screen.getByRole('button', { name: 'Edit HQ lobby' }));
      await user.keyboard('{Enter}');
      const name = screen.getByRole('textbox', { name: 'Name of HQ lobby' });
      await tabTo(user, name);
      await user.clear(name);
      await user.keyboard('HQ walk-up{Enter}');
      await screen.findByText('Location HQ walk-up saved.');

      await tabTo(user, screen.getByRole('button', { name: 'Deactivate HQ walk-up' }));
      await user.keyboard('{Enter}');
      await screen.findByText('Location HQ walk-up deactivated.');
      expect(calls.filter((c) => c.operation !== 'locations.list').map((c) => c.operation)).toEqual(
        ['locations.create', 'locations.update', 'locations.set-active'],
      );
    },
    STORE_TEST_TIMEOUT_MS,
  );
});
