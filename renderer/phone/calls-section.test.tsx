// The Calls section in the whole window: the navigation's count of missed calls not seen, the
// caller log's columns, the All / Missed / Answered, queue and agent filters, Log as interaction
// and opening a call's interaction by keyboard, and Mark all missed as seen.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, tabTo } from '../../web/testing/agent-steps';
import { openTestStore } from '../../web/testing/open-test-store';
import { renderDeskpad, STORE_TEST_TIMEOUT_MS } from '../../web/testing/render-deskpad';
import { callPerson, callView, fakeCallStore, type FakeCallStore } from './testing/fake-call-store';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let base: TestStore;
let fake: FakeCallStore;
let me = '';
const clock = new Date('2026-12-04T11:00:00.000Z');

const ANA = callPerson('user-ana', 'Ana Ruiz', { vip: true });
const BEN = callPerson('user-ben', 'Ben Okafor');

const at = (time: string) => `2026-12-04T${time}.000Z`;

function seedLog(): void {
  fake.setCalls([
    callView('missed-ana', {
      callerPerson: ANA,
      state: 'Missed',
      rangAt: at('10:50:00'),
      endedAt: at('10:50:30'),
      cause: 'cancel',
      queue: 'Service desk',
    }),
    callView('missed-unknown', {
      from: '+44 113 496 0000',
      numberE164: '+441134960000',
      state: 'Missed',
      rangAt: at('10:40:00'),
      endedAt: at('10:40:20'),
      queue: 'Hardware',
    }),
    callView('answered-ben', {
      callerPerson: BEN,
      state: 'Ended',
      rangAt: at('10:30:00'),
      answeredAt: at('10:30:10'),
      endedAt: at('10:34:15'),
      answeredBy: 'agent-2',
      answeredByName: 'Carla Phone',
      interaction: 'int-ben',
      interactionNumber: 'IMS0001042',
      queue: 'Hardware',
    }),
    callView('answered-me', {
      callerPerson: ANA,
      direction: 'out',
      from: '+44 20 7946 0000',
      to: '+44 20 7946 0958',
      state: 'Ended',
      rangAt: at('10:20:00'),
      answeredAt: at('10:20:05'),
      endedAt: at('10:21:00'),
      answeredBy: me,
      answeredByName: 'Demo Agent',
      queue: null,
    }),
    callView('seen-missed', {
      callerPerson: BEN,
      state: 'Missed',
      rangAt: at('09:00:00'),
      seen: true,
    }),
    callView('blocked', {
      state: 'Rejected',
      rangAt: at('08:00:00'),
      from: '+44 7700 900123',
      numberE164: '+447700900123',
    }),
  ]);
}

beforeEach(async () => {
  base = await openTestStore({ demoUsers: 50, demoIncidents: 0 });
  const session = await base.query('session.current', {});
  if (!session.ok) throw new Error(session.error.message);
  me = session.value.agent.id;
  fake = fakeCallStore(base, () => me);
  seedLog();
});
afterEach(async () => {
  await base.close();
});

const render = () => renderDeskpad(fake.store, { now: () => clock });
const nav = () => screen.getByRole('navigation', { name: 'Main' });
const callsButton = () => within(nav()).getByRole('button', { name: /^Calls/ });

async function openCalls(user: ReturnType<typeof render>['user']): Promise<HTMLElement> {
  await user.click(callsButton());
  return screen.findByRole('region', { name: 'Calls' });
}

const callerNames = (section: HTMLElement): string[] =>
  within(section)
    .getAllByRole('rowheader')
    .map((cell) => cell.querySelector('.call-log-caller')?.textContent ?? '');

describe('the Calls section', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('counts missed calls not seen in the navigation and lists recent calls with their details', async () => {
    const { user } = render();
    await waitFor(() => expect(callsButton().textContent).toBe('Calls2'));
    expect(callsButton().getAttribute('aria-describedby')).not.toBeNull();
    expect(
      document.getElementById(callsButton().getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('2 missed calls not seen');

    const section = await openCalls(user);
    const table = await within(section).findByRole('table', { name: 'Recent calls (6)' });
    expect(within(table).getAllByRole('row')).toHaveLength(7);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Rang at',
      'Direction',
      'Caller',
      'Queue',
      'State',
      'Answered by',
      'Talk time',
      'Interaction',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (row: HTMLElement | undefined) =>
      row ? [...row.querySelectorAll('th, td')].map((c) => c.textContent) : [];
    expect(cells(rows[0]).slice(1)).toEqual([
      'Inbound',
      'Ana RuizVIP+44 20 7946 0958',
      'Service desk',
      'MissedNot seen',
      '',
      '',
      'Log as interaction',
    ]);
    expect(cells(rows[1]).slice(1, 3)).toEqual(['Inbound', 'Unknown caller+44 113 496 0000']);
    expect(cells(rows[2]).slice(1)).toEqual([
      'Inbound',
      'Ben Okafor+44 20 7946 0958',
      'Hardware',
      'Ended',
      'Carla Phone',
      '4 min 05 s',
      'IMS0001042',
    ]);
    // An outbound call shows the number that was called.
    expect(cells(rows[3]).slice(1, 3)).toEqual(['Outbound', 'Ana RuizVIP+44 20 7946 0958']);
    expect(cells(rows[4]).slice(4)).toEqual(['Missed', '', '', 'Log as interaction']);
    // A blocked number was refused, never popped: nothing to log.
    expect(cells(rows[5]).slice(2)).toEqual([
      'Unknown caller+44 7700 900123',
      'Service desk',
      'Rejected',
      '',
      '',
      '',
    ]);
    expect(
      within(rows[1] as HTMLElement)
        .getByRole('link', { name: '+44 113 496 0000' })
        .getAttribute('href'),
    ).toBe('tel:+441134960000');
    await expectNoAxeViolations(section);
  });

  it('filters by Missed and Answered, by queue and by agent', async () => {
    const { user } = render();
    const section = await openCalls(user);
    await within(section).findByRole('table', { name: 'Recent calls (6)' });

    await user.click(within(section).getByRole('radio', { name: 'Missed' }));
    await within(section).findByRole('table', { name: 'Missed calls (3)' });
    expect(callerNames(section)).toEqual(['Ana RuizVIP', 'Unknown caller', 'Ben Okafor']);

    await user.click(within(section).getByRole('radio', { name: 'Answered' }));
    await within(section).findByRole('table', { name: 'Answered calls (2)' });

    await user.selectOptions(
      within(section).getByRole('combobox', { name: 'Filter by queue' }),
      'Hardware',
    );
    await within(section).findByRole('table', { name: 'Answered calls (1)' });
    expect(callerNames(section)).toEqual(['Ben Okafor']);

    await user.selectOptions(
      within(section).getByRole('combobox', { name: 'Filter by queue' }),
      '',
    );
    const agent = within(section).getByRole('combobox', { name: 'Filter by agent' });
    expect(
      within(agent)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Any agent', 'Carla Phone', 'Demo Agent']);
    await user.selectOptions(agent, 'Demo Agent');
    await within(section).findByRole('table', { name: 'Answered calls (1)' });
    expect(callerNames(section)).toEqual(['Ana RuizVIP']);
    // The other agents stay to choose from while the list shows one.
    expect(within(agent).getAllByRole('option')).toHaveLength(3);

    await user.selectOptions(agent, '');
    await user.click(within(section).getByRole('radio', { name: 'Missed' }));
    await user.selectOptions(
      within(section).getByRole('combobox', { name: 'Filter by queue' }),
      'Hardware',
    );
    await within(section).findByRole('table', { name: 'Missed calls (1)' });
    expect(callerNames(section)).toEqual(['Unknown caller']);
  });

  it('by keyboard: Alt+L to the list, arrows between calls, Enter logs a missed call or opens the interaction a call became', async () => {
    const { user, deps } = render();
    const section = await openCalls(user);
    await within(section).findByRole('table', { name: 'Recent calls (6)' });
    const buttons = within(section).getAllByRole('button', {
      name: /Log as interaction|IMS0001042/,
    });
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Log as interaction',
      'Log as interaction',
      'IMS0001042',
      'Log as interaction',
      'Log as interaction',
    ]);

    await user.keyboard('{Alt>}l{/Alt}');
    expect(document.activeElement).toBe(buttons[0]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(buttons[2]);
    await user.keyboard('{Enter}');
    expect(deps.ui.getState().open).toEqual({ id: 'int-ben', isNew: false });
    expect(deps.ui.getState().section).toBe('interactions');

    await user.click(callsButton());
    await within(section.ownerDocument.body).findByRole('region', { name: 'Calls' });
    await user.keyboard('{Alt>}l{/Alt}');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(deps.ui.getState().open).toMatchObject({ isNew: true, fromCall: 'missed-unknown' });
    expect(deps.ui.getState().section).toBe('interactions');
    expect(fake.commands).toEqual([]);
  });

  it('Mark all missed as seen marks the missed calls listed with one command, and the count goes', async () => {
    const { user } = render();
    const section = await openCalls(user);
    await within(section).findByRole('table', { name: 'Recent calls (6)' });
    const mark = within(section).getByRole('button', { name: 'Mark all missed as seen' });
    await tabTo(user, mark);
    await user.keyboard('{Enter}');
    expect(await within(section).findByText('Marked 2 missed calls as seen.')).toBeDefined();
    expect(fake.commands).toEqual([
      { name: 'call.markSeen', input: { id: 'missed-ana', ids: ['missed-ana', 'missed-unknown'] } },
    ]);
    await waitFor(() => expect(callsButton().textContent).toBe('Calls'));
    expect(callsButton().getAttribute('aria-describedby')).toBeNull();
    expect(within(section).queryByText('Not seen')).toBeNull();
    expect((mark as HTMLButtonElement).disabled).toBe(true);
  });

  it('Mark all missed as seen covers only the missed calls the filters list', async () => {
    const { user } = render();
    const section = await openCalls(user);
    await user.selectOptions(
      await within(section).findByRole('combobox', { name: 'Filter by queue' }),
      'Hardware',
    );
    await within(section).findByRole('table', { name: 'Recent calls (2)' });
    await user.click(within(section).getByRole('button', { name: 'Mark all missed as seen' }));
    await within(section).findByText('Marked 1 missed call as seen.');
    expect(fake.commands).toEqual([
      { name: 'call.markSeen', input: { id: 'missed-unknown', ids: ['missed-unknown'] } },
    ]);
    await waitFor(() => expect(callsButton().textContent).toBe('Calls1'));
  });
});
