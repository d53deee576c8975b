// The Locations page by keyboard: locations listed, one created, one renamed in place, one
// deactivated, one's walk-up settings changed (reasons reordered, added, removed; the lobby name's
// live example); each call's input checked; labelled and axe-clean.

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LocationView } from '../../../shared/admin/locations';
import { WALK_UP_DEFAULTS } from '../../../shared/domain/walk-up-location';
import { expectNoAxeViolations, tabTo } from '../../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../../web/testing/render-deskpad';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { LocationsPage } from './locations-page';

function locationServer() {
  let locations: LocationView[] = [
    {
      id: 'loc-hq',
      name: 'HQ lobby',
      description: 'Ground floor',
      active: true,
      ...WALK_UP_DEFAULTS,
      reasons: ['Printer', 'Password or account', 'Something else'],
      blockedNumbers: [],
    },
  ];
  const one = (id: string) => ({ location: locations.find((l) => l.id === id) });
  return fakeAdminStore({
    'locations.list': () => ({ locations }),
    'locations.create': (input) => {
      const { name, description } = input as { name: string; description: string };
      locations = [
        ...locations,
        {
          id: 'loc-new',
          name,
          description,
          active: true,
          ...WALK_UP_DEFAULTS,
          blockedNumbers: [],
        },
      ];
      return one('loc-new');
    },
    'locations.update': (input) => {
      const change = input as Partial<LocationView> & { id: string };
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

  it(
    'changes the walk-up settings by keyboard: reasons reordered, added and removed, the lobby names with a live example',
    async () => {
      const { store, calls } = locationServer();
      const { user, container } = renderOnDesk(store, <LocationsPage />);
      const table = await screen.findByRole('table', { name: 'Locations' });
      expect(within(table).getByRole('row', { name: /HQ lobby/ }).textContent).toContain(
        '3 reasons · VIPs first · 3 min grace · target 10 min',
      );
      await tabTo(user, screen.getByRole('button', { name: 'Walk-up settings of HQ lobby' }));
      await user.keyboard('{Enter}');
      const form = screen.getByRole('form', { name: 'Walk-up settings of HQ lobby' });
      await expectNoAxeViolations(container);

      // Printer goes down one; the focus stays on the button that moved it.
      const down = within(form).getByRole('button', { name: 'Move Printer down' });
      await tabTo(user, down);
      await user.keyboard('{Enter}');
      expect(
        within(form)
          .getAllByRole('listitem')
          .map((li) => li.firstChild?.textContent),
      ).toEqual(['Password or account', 'Printer', 'Something else']);
      expect(document.activeElement).toBe(
        within(form).getByRole('button', { name: 'Move Printer down' }),
      );
      await tabTo(user, within(form).getByRole('button', { name: 'Remove Something else' }));
      await user.keyboard('{Enter}');
      await tabTo(user, within(form).getByRole('textbox', { name: 'New reason' }));
      await user.keyboard('printer{Enter}');
      expect(within(form).getByRole('alert').textContent).toBe('printer is in the list already.');
      await user.clear(within(form).getByRole('textbox', { name: 'New reason' }));
      await user.keyboard('Pick up equipment{Enter}');

      await tabTo(user, within(form).getByRole('checkbox', { name: 'Call next takes VIPs first' }));
      await user.keyboard(' ');
      const grace = within(form).getByRole('spinbutton', {
        name: 'Grace time before No-show (minutes)',
      });
      await tabTo(user, grace);
      await user.clear(grace);
      await user.keyboard('5');
      const names = within(form).getByRole('combobox', { name: 'Names on the lobby board' });
      expect(within(form).getByRole('status').textContent).toBe('Ada L.');
      await user.selectOptions(names, 'initials');
      expect(within(form).getByRole('status').textContent).toBe('A. L.');
      const target = within(form).getByRole('spinbutton', { name: 'Wait target (minutes)' });
      await tabTo(user, target);
      await user.clear(target);
      await user.keyboard('15');
      await tabTo(user, within(form).getByRole('button', { name: 'Save walk-up settings' }));
      await user.keyboard('{Enter}');
      await screen.findByText('Walk-up settings of HQ lobby saved.');
      expect(calls.find((c) => c.operation === 'locations.update')?.input).toEqual({
        id: 'loc-hq',
        reasons: ['Password or account', 'Printer', 'Pick up equipment'],
        vipFirst: false,
        graceMinutes: 5,
        lobbyNames: 'initials',
        waitTargetMinutes: 15,
      });
      expect((await within(table).findByRole('row', { name: /HQ lobby/ })).textContent).toContain(
        '3 reasons · first come, first served · 5 min grace · target 15 min',
      );
    },
    STORE_TEST_TIMEOUT_MS,
  );
});
