// The Administration section by keyboard: its navigation lists the pages the agent's roles may use
// (all for an admin, Knowledge only for a technician, none for an agent, who is not offered the
// section), the overview shows the organization's counts, and a desk server that cannot be reached
// is said plainly, with Try again.

import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AdminOverview } from '../../shared/admin/overview';
import { fail } from '../../shared/domain/result';
import { expectNoAxeViolations, tabTo } from '../../web/testing/agent-steps';
import { renderOnDesk } from '../../web/testing/render-deskpad';
import { AdminSection } from './admin-section';
import { ADMIN_PAGES, adminPagesFor } from './admin-pages';
import { shownTo } from '../app/main-nav';
import { fakeAdminStore } from './testing/fake-admin-store';

const OVERVIEW: AdminOverview = {
  users: { active: 1200, deactivated: 3 },
  agents: { active: 14, disabled: 1 },
  groups: 9,
  configurationItems: { active: 5400, retired: 12 },
  catalogItems: { draft: 1, published: 8, retired: 2 },
  locations: 2,
  lastChangeAt: '2026-12-04T09:00:00.000Z',
};

describe('the Administration section', () => {
  it('lists its pages and shows the overview, axe-clean', async () => {
    const { store, calls } = fakeAdminStore({ 'overview.get': () => OVERVIEW });
    const { container } = renderOnDesk(store, <AdminSection />);
    const nav = screen.getByRole('navigation', { name: 'Administration' });
    expect(nav.querySelectorAll('button')).toHaveLength(ADMIN_PAGES.length);
    await screen.findByText('1200 active, 3 deactivated');
    expect(screen.getByText('14 active, 1 disabled')).toBeTruthy();
    expect(screen.getByText('8 published, 1 draft, 2 retired')).toBeTruthy();
    expect(calls).toEqual([{ operation: 'overview.get', input: {} }]);
    await expectNoAxeViolations(container);
  });

  it('says when the desk server cannot answer, and tries again by keyboard', async () => {
    let answer: unknown = fail(
      'not-ready',
      'Administration needs the desk server, and it cannot be reached now.',
    );
    const { store, calls } = fakeAdminStore({ 'overview.get': () => answer });
    const { user } = renderOnDesk(store, <AdminSection />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('cannot be reached');
    answer = OVERVIEW;
    await tabTo(user, screen.getByRole('button', { name: 'Try again' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByText('9')).toBeTruthy();
    expect(calls).toHaveLength(2);
  });

  it('shows a technician the Knowledge page only, and an agent no Administration at all', async () => {
    const { store, calls } = fakeAdminStore(
      {
        'knowledge.list': () => ({ articles: [] }),
        'overview.get': () => OVERVIEW,
      },
      { roles: ['technician'] },
    );
    const { container } = renderOnDesk(store, <AdminSection />);
    await screen.findByText('No knowledge articles yet.');
    const nav = screen.getByRole('navigation', { name: 'Administration' });
    expect([...nav.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Knowledge']);
    expect(screen.getByRole('heading', { name: 'Knowledge', level: 2 })).toBeTruthy();
    expect(calls.map((c) => c.operation)).toEqual(['knowledge.list']);
    await expectNoAxeViolations(container);

    expect(shownTo('administration', ['technician'])).toBe(true);
    expect(shownTo('administration', ['admin'])).toBe(true);
    expect(shownTo('administration', ['agent'])).toBe(false);
    expect(shownTo('administration', ['manager'])).toBe(false);
    expect(adminPagesFor(['agent'])).toEqual([]);
    expect(adminPagesFor(['admin'])).toEqual(ADMIN_PAGES);
    expect(adminPagesFor(['agent', 'technician']).map((p) => p.id)).toEqual(['knowledge']);
  });
});
