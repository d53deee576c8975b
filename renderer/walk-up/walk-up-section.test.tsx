// The agent's Walk-up section on a location's queue: the place kept per desk, the queue in order
// with waiting times and estimates, Check in on someone's behalf or a guest, Call next (VIPs
// first), No-show only after the grace time, Back to the queue, and Start opening the interaction.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../shared/domain/directory';
import { WALK_UP_DEFAULTS, type WalkUpLocation } from '../../shared/domain/walk-up-location';
import { expectNoAxeViolations, tabTo } from '../../web/testing/agent-steps';
import { renderOnDesk, STORE_TEST_TIMEOUT_MS } from '../../web/testing/render-deskpad';
import { fakeWalkUpStore, type FakeWalkUpStore } from './testing/fake-walk-up-store';
import { PLACE_KEY } from './walk-up-place';
import { WalkUpSection } from './walk-up-section';

const HQ: WalkUpLocation = {
  id: 'loc-hq',
  name: 'Service Desk — HQ',
  description: '',
  active: true,
  ...WALK_UP_DEFAULTS,
  graceMinutes: 3,
};

const person = (id: string, name: string, extra: Partial<User> = {}): User => {
  const [firstName = '', lastName = ''] = name.split(' ');
  return {
    id,
    userName: firstName.toLowerCase(),
    firstName,
    lastName,
    name,
    email: `${firstName.toLowerCase()}@example.com`,
    phone: '+44 20 7946 0958',
    employeeId: `E${id}`,
    department: 'Finance',
    location: 'HQ',
    vip: false,
    active: true,
    mobile: '',
    phoneE164: '',
    mobileE164: '',
    roles: [],
    ...extra,
  };
};

const AGENT = person('agent-1', 'Dana Desk', { roles: ['agent'] });
const ADA = person('user-ada', 'Ada Lovelace', { vip: true });
const GRACE = person('user-grace', 'Grace Hopper');

let clock: Date;
let fake: FakeWalkUpStore;

beforeEach(() => {
  localStorage.clear();
  clock = new Date('2026-12-04T09:00:00.000Z');
  fake = fakeWalkUpStore({
    location: HQ,
    agent: AGENT,
    users: [AGENT, ADA, GRACE],
    now: () => clock,
  });
});
afterEach(() => localStorage.clear());

const minutesAgo = (m: number) => new Date(clock.getTime() - m * 60_000).toISOString();

function renderSection(place = true) {
  if (place)
    localStorage.setItem(PLACE_KEY, JSON.stringify({ location: HQ.id, station: 'Counter 2' }));
  let ids = 0;
  return renderOnDesk(fake.store, <WalkUpSection />, {
    now: () => clock,
    newId: () => `new-${(ids += 1)}`,
  });
}

const rowOf = (table: HTMLElement, name: string): HTMLElement => {
  const row = within(table)
    .getByRole('rowheader', { name: new RegExp(name) })
    .closest('tr');
  if (!row) throw new Error(`No row for ${name}`);
  return row;
};

describe('the Walk-up section', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('asks for the location, then keeps the place for this desk', async () => {
    const { user } = renderSection(false);
    const section = screen.getByRole('region', { name: 'Walk-up' });
    expect(section.textContent).toContain('Choose the location this desk serves');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Location' }), HQ.name);
    await user.type(screen.getByRole('textbox', { name: 'Station' }), 'Counter 5');
    expect(JSON.parse(localStorage.getItem(PLACE_KEY) ?? '{}')).toEqual({
      location: HQ.id,
      station: 'Counter 5',
    });
    expect(await screen.findByText('Nobody is waiting.')).toBeDefined();
  });

  it('shows the queue in order, VIPs first, with waiting time and estimate, and no axe violations', async () => {
    fake.seed({ name: 'Ben Early', reason: 'Printer', at: minutesAgo(12) });
    fake.seed({ name: 'Vera Vip', reason: 'Password or account', vip: true, at: minutesAgo(2) });
    renderSection();
    const waiting = await screen.findByRole('table', { name: 'Waiting (2)' });
    const rows = within(waiting).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^1Vera Vip VIP \(guest\)Password or account2 min/),
      expect.stringMatching(/^2Ben Early \(guest\)Printer12 min/),
    ]);
    // No service times yet at this location: the queue says so rather than inventing a figure.
    expect(rows[0]?.textContent).toContain('No estimate yet');
    await expectNoAxeViolations(screen.getByRole('region', { name: 'Walk-up' }));
  });

  it('checks in a guest and a directory user on their behalf, with a listed or typed reason', async () => {
    const { user } = renderSection();
    const form = await screen.findByRole('form', { name: 'Check in' });
    await user.click(within(form).getByRole('radio', { name: 'A guest' }));
    await user.click(within(form).getByRole('button', { name: 'Check in' }));
    expect(within(form).getByText('Pick a reason for the visit.')).toBeDefined();
    expect(fake.commands).toEqual([]);

    await user.type(within(form).getByRole('textbox', { name: 'Guest name' }), 'Sam Visitor');
    await user.selectOptions(
      within(form).getByRole('combobox', { name: 'Reason for visit' }),
      'Printer',
    );
    await user.click(within(form).getByRole('button', { name: 'Check in' }));
    expect(await screen.findByText(`Checked in Sam Visitor at ${HQ.name}.`)).toBeDefined();

    await user.click(within(form).getByRole('radio', { name: 'Someone in the directory' }));
    await user.type(within(form).getByRole('combobox', { name: 'Person' }), 'Ada');
    await user.click(await screen.findByRole('option', { name: /Ada Lovelace/ }));
    await user.selectOptions(
      within(form).getByRole('combobox', { name: 'Reason for visit' }),
      'Other (type the reason)',
    );
    await user.type(
      within(form).getByRole('textbox', { name: 'Other reason' }),
      'Badge stopped working',
    );
    await user.click(within(form).getByRole('button', { name: 'Check in' }));
    await screen.findByText(`Checked in Ada Lovelace at ${HQ.name}.`);

    const waiting = await screen.findByRole('table', { name: 'Waiting (2)' });
    // Ada is a VIP and the location takes VIPs first.
    expect(
      within(waiting)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['Ada Lovelace VIP', 'Sam Visitor (guest)']);
    expect(fake.visits().map((v) => [v.person, v.reason, v.channel])).toEqual([
      [null, 'Printer', 'agent'],
      [ADA.id, 'Badge stopped working', 'agent'],
    ]);
  });

  it('Call next calls the first in the queue to this station; No-show waits for the grace time', async () => {
    fake.seed({ name: 'Ben Early', reason: 'Printer', at: minutesAgo(12) });
    fake.seed({ name: 'Cleo Later', reason: 'Printer', at: minutesAgo(5) });
    const { user } = renderSection();
    await screen.findByRole('table', { name: 'Waiting (2)' });
    const callNext = screen.getByRole('button', { name: 'Call next' });
    expect(callNext.getAttribute('aria-keyshortcuts')).toBe('Alt+C');
    await tabTo(user, callNext);
    await user.keyboard('{Enter}');
    const called = await screen.findByRole('table', { name: 'Called (1)' });
    const row = rowOf(called, 'Ben Early');
    expect(row.textContent).toContain('Counter 2');
    expect(screen.getByRole('status').textContent).toBe('Called Ben Early to Counter 2.');
    expect(within(row).queryByRole('button', { name: 'No-show' })).toBeNull();
    expect(row.textContent).toContain('No-show after 3 min');

    // Back to the queue keeps Ben's place (check-in time).
    await user.click(within(row).getByRole('button', { name: 'Back to the queue' }));
    const waiting = await screen.findByRole('table', { name: 'Waiting (2)' });
    expect(within(waiting).getAllByRole('rowheader')[0]?.textContent).toBe('Ben Early (guest)');

    await user.click(within(rowOf(waiting, 'Cleo Later')).getByRole('button', { name: 'Call' }));
    clock = new Date(clock.getTime() + 4 * 60_000);
    // The next refresh (here: another change) shows the time passed.
    await user.click(screen.getByRole('button', { name: 'Call next' }));
    const calledNow = await screen.findByRole('table', { name: 'Called (2)' });
    const cleo = rowOf(calledNow, 'Cleo Later');
    await waitFor(() =>
      expect(within(cleo).getByRole('button', { name: 'No-show' })).toBeDefined(),
    );
    await user.click(within(cleo).getByRole('button', { name: 'No-show' }));
    await screen.findByRole('table', { name: 'Called (1)' });
    expect(fake.visits().map((v) => [v.displayName, v.state])).toEqual([
      ['Ben Early', 'Called'],
      ['Cleo Later', 'No-show'],
    ]);
  });

  it('Start serves the called person and opens the new interaction in the form', async () => {
    fake.seed({ name: 'Ben Early', reason: 'Printer', at: minutesAgo(3) });
    const { user, deps } = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Call next' }));
    const called = await screen.findByRole('table', { name: 'Called (1)' });
    await user.click(within(rowOf(called, 'Ben Early')).getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(deps.ui.getState().section).toBe('interactions'));
    const start = fake.commands.find((c) => c.name === 'visit.start');
    expect(start?.input).toMatchObject({ station: 'Counter 2', contactEmail: '' });
    const interactionId = (start?.input as { interactionId: string }).interactionId;
    expect(deps.ui.getState().open).toEqual({ id: interactionId, isNew: false });
    expect(fake.visits()[0]).toMatchObject({ state: 'In service', interaction: interactionId });
  });

  it('refuses Call next without a station, and says why', async () => {
    fake.seed({ name: 'Ben Early', reason: 'Printer', at: minutesAgo(3) });
    localStorage.setItem(PLACE_KEY, JSON.stringify({ location: HQ.id, station: '' }));
    let ids = 0;
    const { user } = renderOnDesk(fake.store, <WalkUpSection />, {
      now: () => clock,
      newId: () => `n-${(ids += 1)}`,
    });
    await screen.findByRole('table', { name: 'Waiting (1)' });
    await user.click(screen.getByRole('button', { name: 'Call next' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Name your station (e.g. Counter 2).',
    );
    expect(fake.commands).toEqual([]);
  });
});
