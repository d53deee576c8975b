// The incoming-call banner in the whole window: a known caller with the VIP mark and open records,
// an unknown number with Look up, a shared number, Answer and Alt+A opening the call's interaction,
// Dismiss, the polite announcement that never moves focus, the interaction opened once when this
// agent answered on the phone, and the banner gone when someone else did.

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
const clock = new Date('2026-12-04T09:00:12.000Z');

const ANA = callPerson('user-ana', 'Ana Ruiz', {
  vip: true,
  department: 'Finance',
  location: 'London HQ',
});
const BEN = callPerson('user-ben', 'Ben Okafor', { department: 'Facilities', location: 'Leeds' });

beforeEach(async () => {
  base = await openTestStore({ demoUsers: 50, demoIncidents: 0 });
  const session = await base.query('session.current', {});
  if (!session.ok) throw new Error(session.error.message);
  me = session.value.agent.id;
  fake = fakeCallStore(base, () => me);
});
afterEach(async () => {
  await base.close();
});

const render = () => renderDeskpad(fake.store, { now: () => clock });
const bannerRegion = () => screen.findByRole('region', { name: /^Incoming call/ });
const bannerOf = async (name: RegExp) =>
  within(await bannerRegion()).findByRole('article', { name });

describe('the incoming-call banner', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('pops a known VIP caller with where they work, the number, the queue, the ringing time and open records, without taking focus', async () => {
    const { user, deps } = render();
    const short = screen.getByLabelText('Short description', { exact: true });
    await user.click(short);
    await user.keyboard('Printer');

    fake.setCalls([callView('call-1', { callerPerson: ANA, notify: [me] })], {
      [ANA.id]: [
        {
          kind: 'interaction',
          id: 'int-1',
          number: 'IMS0001001',
          shortDescription: 'VPN drops',
          state: 'Work In Progress',
        },
        {
          kind: 'incident',
          id: 'inc-1',
          number: 'INC0001001',
          shortDescription: 'VPN gateway down',
          state: 'In Progress',
        },
        {
          kind: 'request',
          id: 'req-1',
          number: 'REQ0001001',
          shortDescription: 'New laptop',
          state: 'Open',
        },
      ],
    });
    const banner = await bannerOf(/Incoming call Ana Ruiz/);
    expect(within(banner).getByRole('heading', { level: 3 }).textContent).toBe(
      'Incoming call Ana RuizVIP',
    );
    expect(banner.textContent).toContain('Finance · London HQ');
    expect(banner.textContent).toContain('Queue Service desk');
    expect(banner.textContent).toContain('Ringing 0:12');
    expect(
      within(banner).getByRole('link', { name: '+44 20 7946 0958' }).getAttribute('href'),
    ).toBe('tel:+442079460958');
    // Said politely, and the agent goes on typing where they were.
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
        'Incoming call from Ana Ruiz (VIP)',
      ),
    );
    expect(document.activeElement).toBe(short);
    await user.keyboard(' jam');
    expect((short as HTMLInputElement).value).toBe('Printer jam');
    await expectNoAxeViolations(await bannerRegion());

    // Each open record opens where it is worked.
    await user.click(within(banner).getByRole('button', { name: /INC0001001 · VPN gateway down/ }));
    expect(deps.ui.getState().section).toBe('incidents');
    expect(deps.ui.getState().openTasks.incident).toBe('inc-1');
    // The banner is on every screen.
    expect((await bannerRegion()).textContent).toContain('Ana Ruiz');
    expect(
      within(banner).getByRole('button', { name: /Interaction IMS0001001 · VPN drops/ }),
    ).toBeDefined();
    expect(
      within(banner).getByRole('button', { name: /Request REQ0001001 · New laptop/ }),
    ).toBeDefined();
  });

  it('says "Unknown caller" with the number, and Look up types the number in the caller lookup of the call’s interaction', async () => {
    const { user, deps } = render();
    fake.setCalls([
      callView('call-2', { from: '+44 113 496 0000', numberE164: '+441134960000', notify: [me] }),
    ]);
    const banner = await bannerOf(/Unknown caller \+44 113 496 0000/);
    expect(
      within(banner).queryByRole('link', { name: '+44 113 496 0000' })?.getAttribute('href'),
    ).toBe('tel:+441134960000');
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
        'Incoming call from unknown caller +44 113 496 0000',
      ),
    );
    await expectNoAxeViolations(banner);
    await user.click(within(banner).getByRole('button', { name: 'Look up' }));
    expect(deps.ui.getState().open.fromCall).toBe('call-2');
    const lookup = screen.getByRole('combobox', { name: 'Opened for' });
    await waitFor(() => expect((lookup as HTMLInputElement).value).toBe('+441134960000'));
    expect(document.activeElement).toBe(lookup);
    // Answer afterwards shows the same form again: never a second interaction for the call.
    const formId = deps.ui.getState().open.id;
    await user.click(within(banner).getByRole('button', { name: 'Answer' }));
    expect(deps.ui.getState().open.id).toBe(formId);
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: /^Incoming call/ })).toBeNull(),
    );
  });

  it('lists everyone who shares the number', async () => {
    render();
    fake.setCalls([
      callView('call-3', {
        candidates: [ANA.id, BEN.id],
        candidatePeople: [ANA, BEN],
        notify: [me],
      }),
    ]);
    const banner = await bannerOf(/2 people share \+44 20 7946 0958/);
    const people = within(banner).getByRole('list', { name: 'People with this number' });
    expect(
      within(people)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ana RuizVIP — Finance · London HQ', 'Ben Okafor — Facilities · Leeds']);
    expect(within(banner).queryByRole('button', { name: 'Look up' })).toBeNull();
    await expectNoAxeViolations(banner);
  });

  it('stacks calls newest first; Alt+A answers the newest by opening its interaction, Dismiss hides a banner here', async () => {
    const { user, deps } = render();
    fake.setCalls([
      callView('older', { callerPerson: BEN, notify: [me], rangAt: '2026-12-04T09:00:00.000Z' }),
      callView('newer', { callerPerson: ANA, notify: [me], rangAt: '2026-12-04T09:00:05.000Z' }),
    ]);
    const region = await screen.findByRole('region', { name: 'Incoming calls (2)' });
    expect(
      within(region)
        .getAllByRole('article')
        .map((a) => within(a).getByRole('heading', { level: 3 }).textContent),
    ).toEqual(['Incoming call Ana RuizVIP', 'Incoming call Ben Okafor']);
    expect(
      within(region)
        .getAllByRole('button', { name: 'Answer' })[0]
        ?.getAttribute('aria-keyshortcuts'),
    ).toBe('Alt+A');

    await user.keyboard('{Alt>}a{/Alt}');
    expect(deps.ui.getState().open).toMatchObject({ isNew: true, fromCall: 'newer' });
    expect(deps.ui.getState().section).toBe('interactions');
    const left = await bannerOf(/Ben Okafor/);
    expect(screen.queryByRole('article', { name: /Ana Ruiz/ })).toBeNull();

    // Dismiss by keyboard: the banner goes on this desk only; the call still rings for the others,
    // and focus goes back where the agent came from.
    const newButton = screen.getByRole('button', { name: 'New interaction' });
    newButton.focus();
    await tabTo(user, within(left).getByRole('button', { name: 'Dismiss' }));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', {
        name: 'Requests',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: /^Incoming call/ })).toBeNull(),
    );
    expect(fake.calls().find((c) => c.id === 'older')?.state).toBe('Ringing');
    expect(fake.commands).toEqual([]);
  });

  it('by keyboard: Tab from the navigation reaches the banner; Answer with unsaved typing asks first and keeps the banner', async () => {
    const { user, deps } = render();
    await user.click(screen.getByLabelText('Short description', { exact: true }));
    await user.keyboard('Half-typed note');
    fake.setCalls([callView('call-6', { callerPerson: BEN, notify: [me] })]);
    const banner = await bannerOf(/Ben Okafor/);
    within(screen.getByRole('navigation', { name: 'Main' }))
      .getByRole('button', { name: 'Requests' })
      .focus();
    // The number to dial back, then Answer: the banner reads and tabs in the same order.
    await user.tab();
    expect(document.activeElement).toBe(within(banner).getByRole('link', { name: /7946 0958/ }));
    await user.tab();
    expect(document.activeElement).toBe(within(banner).getByRole('button', { name: 'Answer' }));
    await user.keyboard('{Enter}');
    await screen.findByRole('dialog', { name: /Unsaved changes/ });
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(deps.ui.getState().open.fromCall).toBeUndefined();
    expect(screen.getByRole('article', { name: /Ben Okafor/ })).toBe(banner);
  });

  it('opens the interaction once when the phone says this agent answered, and not again for the same call', async () => {
    const { deps } = render();
    fake.setCalls([callView('call-4', { callerPerson: ANA, notify: [me] })]);
    await bannerOf(/Ana Ruiz/);
    deps.ui.getState().showSection('walk-up');

    fake.update('call-4', {
      state: 'Answered',
      answeredBy: me,
      answeredAt: '2026-12-04T09:00:10.000Z',
    });
    await waitFor(() => expect(deps.ui.getState().open.fromCall).toBe('call-4'));
    expect(deps.ui.getState().section).toBe('interactions');
    const first = deps.ui.getState().open.id;
    // The banner has done its job, and more news about the call opens nothing more.
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: /^Incoming call/ })).toBeNull(),
    );
    fake.update('call-4', { answeringNumber: '201' });
    fake.update('call-4', { updatedAt: '2026-12-04T09:00:11.000Z' });
    await new Promise((r) => setTimeout(r, 50));
    expect(deps.ui.getState().open.id).toBe(first);
    expect(deps.ui.getState().callsOpened).toEqual(['call-4']);
  });

  it('opens nothing for a call whose interaction exists (a reload after saving), nor for an old call the phone never hung up', async () => {
    const { deps } = render();
    const opened = deps.ui.getState().open.id;
    fake.setCalls([
      callView('saved', {
        state: 'Answered',
        answeredBy: me,
        answeredAt: '2026-12-04T08:59:00.000Z',
        interaction: 'int-9',
      }),
      callView('stale', {
        state: 'Answered',
        answeredBy: me,
        answeredAt: '2026-12-03T08:00:00.000Z',
      }),
    ]);
    await new Promise((r) => setTimeout(r, 100));
    expect(deps.ui.getState().open.id).toBe(opened);
    expect(deps.ui.getState().callsOpened).toEqual([]);
  });

  it('takes the banner away when someone else answered, and opens nothing here', async () => {
    const { deps } = render();
    fake.setCalls([callView('call-5', { callerPerson: BEN, notify: [me, 'agent-2'] })]);
    await bannerOf(/Ben Okafor/);
    const opened = deps.ui.getState().open.id;
    fake.update('call-5', {
      state: 'Answered',
      answeredBy: 'agent-2',
      answeredAt: '2026-12-04T09:00:09.000Z',
    });
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: /^Incoming call/ })).toBeNull(),
    );
    expect(deps.ui.getState().open.id).toBe(opened);
  });
});
