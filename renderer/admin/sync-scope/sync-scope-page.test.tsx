// The Desk storage page by keyboard: the saved settings shown with what each does, bad input
// refused in words without a call, the server's refusal in its words, and a save that sends the
// typed values and says so; axe-clean throughout.

import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail } from '../../../shared/domain/result';
import { expectNoAxeViolations, tabTo } from '../../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../../web/testing/render-deskpad';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { SyncScopePage } from './sync-scope-page';

function scopeServer() {
  let settings = { recentDays: 30, ceilingMb: 200 };
  let refuseNext = false;
  const fake = fakeAdminStore({
    'sync-scope.get': () => settings,
    'sync-scope.save': (input) => {
      if (refuseNext) {
        refuseNext = false;
        return fail('not-permitted', 'Only an administrator can change what desks keep.');
      }
      settings = input as typeof settings;
      return settings;
    },
  });
  return { ...fake, refuseOnce: () => (refuseNext = true), saved: () => settings };
}

const saves = (calls: { operation: string; input: unknown }[]) =>
  calls.filter((c) => c.operation === 'sync-scope.save').map((c) => c.input);

describe('the Desk storage page', () => {
  it(
    'shows the settings, refuses bad input in words, shows a refusal and saves by keyboard',
    async () => {
      const server = scopeServer();
      const { user, container } = renderOnDesk(server.store, <SyncScopePage />);
      const days = await screen.findByRole('spinbutton', { name: 'Recent history (days)' });
      const ceiling = screen.getByRole('spinbutton', { name: 'Storage ceiling per desk (MB)' });
      expect(days).toHaveProperty('value', '30');
      expect(ceiling).toHaveProperty('value', '200');
      expect(days.getAttribute('aria-describedby')).toBeTruthy();
      expect(screen.getByText(/changed in this many days/).id).toBe(
        days.getAttribute('aria-describedby'),
      );
      await expectNoAxeViolations(container);

      // Out of range and empty: refused in words, nothing sent, focus on the first bad field.
      await tabTo(user, days);
      await user.clear(days);
      await user.keyboard('0');
      await tabTo(user, ceiling);
      await user.clear(ceiling);
      await tabTo(user, screen.getByRole('button', { name: 'Save desk storage' }));
      await user.keyboard('{Enter}');
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('Nothing was saved.');
      expect(alert.textContent).toContain('Recent days must be at least 1.');
      expect(alert.textContent).toContain('whole number of MB');
      expect(days.getAttribute('aria-invalid')).toBe('true');
      expect(ceiling.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(days);
      await expectNoAxeViolations(container);

      await user.clear(days);
      await user.keyboard('4000');
      await user.type(ceiling, '100');
      await user.keyboard('{Enter}');
      expect((await screen.findByRole('alert')).textContent).toContain(
        'Recent days can be at most 3650',
      );
      expect(saves(server.calls)).toEqual([]);
      expect(server.saved()).toEqual({ recentDays: 30, ceilingMb: 200 });

      // The server's refusal, in its words; the typed values stay.
      server.refuseOnce();
      await user.clear(days);
      await user.keyboard('7{Enter}');
      expect((await screen.findByRole('alert')).textContent).toBe(
        'Only an administrator can change what desks keep.',
      );
      expect(days).toHaveProperty('value', '7');

      await tabTo(user, screen.getByRole('button', { name: 'Save desk storage' }));
      await user.keyboard('{Enter}');
      await screen.findByText(
        'Saved. Desks keep 7 days of recent history and a ceiling of 100 MB from their next sync.',
      );
      expect(screen.queryByRole('alert')).toBeNull();
      expect(days.getAttribute('aria-invalid')).toBeNull();
      expect(saves(server.calls)).toEqual([
        { recentDays: 7, ceilingMb: 100 },
        { recentDays: 7, ceilingMb: 100 },
      ]);
      expect(server.saved()).toEqual({ recentDays: 7, ceilingMb: 100 });
      await expectNoAxeViolations(container);
    },
    STORE_TEST_TIMEOUT_MS,
  );
});
