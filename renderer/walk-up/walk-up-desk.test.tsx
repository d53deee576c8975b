// The walk-up desk in the whole window on the real store host: the header's waiting count, Check in
// on someone's behalf, Call next and Start by their shortcuts, the interaction prefilled (Walk-in,
// Opened for, the reason), and Close interaction finishing the visit.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WALK_UP_DEFAULTS, type WalkUpLocation } from '../../shared/domain/walk-up-location';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { valueOf } from '../../web/testing/desks';
import { renderDeskpad, STORE_TEST_TIMEOUT_MS } from '../../web/testing/render-deskpad';
import { openWalkUpDesk } from '../../web/testing/walk-up-desk';
import { PLACE_KEY } from './walk-up-place';

const HQ: WalkUpLocation = {
  id: 'loc-hq',
  name: 'Service Desk — HQ',
  description: '',
  active: true,
  ...WALK_UP_DEFAULTS,
};

let store: Awaited<ReturnType<typeof openWalkUpDesk>>;

beforeEach(async () => {
  // The directory feed brings a desk its locations; here the fixture puts one there.
  store = await openWalkUpDesk([HQ]);
  localStorage.setItem(PLACE_KEY, JSON.stringify({ location: HQ.id, station: 'Counter 1' }));
});
afterEach(async () => {
  localStorage.clear();
  await store.close();
});

describe('the walk-up desk in the window', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('checks a guest in, calls and starts them by shortcut, and Close interaction finishes the visit', async () => {
    const { user } = renderDeskpad(store);
    const banner = await screen.findByRole('banner');
    await user.click(await within(banner).findByRole('button', { name: '0 waiting' }));
    const section = await screen.findByRole('region', { name: 'Walk-up' });
    expect(screen.getByRole('button', { name: 'Walk-up' }).getAttribute('aria-current')).toBe(
      'page',
    );

    const form = await within(section).findByRole('form', { name: 'Check in' });
    await user.click(within(form).getByRole('radio', { name: 'A guest' }));
    await user.type(within(form).getByRole('textbox', { name: 'Guest name' }), 'Sam Visitor');
    await user.selectOptions(
      within(form).getByRole('combobox', { name: 'Reason for visit' }),
      'Printer',
    );
    await user.click(within(form).getByRole('button', { name: 'Check in' }));
    const waiting = await within(section).findByRole('table', { name: 'Waiting (1)' });
    expect(within(waiting).getByRole('rowheader').textContent).toBe('Sam Visitor (guest)');
    await within(banner).findByRole('button', { name: '1 waiting' });
    await expectNoAxeViolations(section);

    // Alt+C: Call next; Alt+S: Start serving the person called.
    within(section).getByRole('button', { name: 'Call next' }).focus();
    await user.keyboard('{Alt>}c{/Alt}');
    const called = await within(section).findByRole('table', { name: 'Called (1)' });
    expect(called.textContent).toContain('Counter 1');
    // The call is answered (the queue can show it a moment before): a shortcut pressed while
    // one is on its way is not taken twice.
    await within(section).findByText('Called Sam Visitor to Counter 1.');
    await user.keyboard('{Alt>}s{/Alt}');

    // The form opens on the new interaction (a fresh form: look it up again until it is there).
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>('Short description').value).toBe('Printer'),
    );
    expect(screen.getByLabelText<HTMLSelectElement>('Type').value).toBe('Walk-in');
    const [visit] = valueOf(await store.query('walkUp.queue', { location: HQ.id })).inService;
    expect(visit?.state).toBe('In service');

    await user.click(screen.getByRole('button', { name: 'Close interaction' }));
    await waitFor(async () => {
      const done = valueOf(await store.query('visit.get', { id: visit?.id ?? '' }));
      expect(done?.state).toBe('Done');
    });
    await user.click(screen.getByRole('button', { name: 'Walk-up' }));
    const finished = await screen.findByRole('table', { name: 'Finished today (1)' });
    expect(within(finished).getAllByRole('row')[1]?.textContent).toBe(
      'Sam Visitor (guest)PrinterDone',
    );
  });
});
