// The kiosk page against a fake server: signed in once, check-in by badge scan or as a guest, an
// unknown person told plainly, the banner when the server is out of reach (a retry is one visit),
// the exit survey in one tap, back to the start when left alone; labelled and axe-clean.

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { KioskVisitStatus } from '../../shared/sync/walk-up-api';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { UNREACHABLE, type KioskAnswer, type KioskApi } from './kiosk-api';
import { KioskApp } from './kiosk-app';
import { kioskMemory } from './kiosk-storage';

const LOCATION = {
  id: 'loc-hq',
  name: 'Service Desk — HQ',
  reasons: ['Laptop or PC problem', 'Printer'],
  lobbyNames: 'first-name-last-initial' as const,
  waitTargetMinutes: 10,
};

const status = (over: Partial<KioskVisitStatus> = {}): KioskVisitStatus => ({
  id: 'visit-1',
  number: 'VIS0001001',
  greeting: 'Hello, Carla',
  state: 'Waiting',
  position: 2,
  estimatedWaitMinutes: 5,
  station: null,
  surveyOpen: false,
  ...over,
});

const ok = <T,>(value: T): KioskAnswer<T> => ({ ok: true, value });
const unreachable = { ok: false, kind: 'unreachable', message: UNREACHABLE } as const;

function fakeStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
    map,
  };
}

function setUp(options: { token?: boolean; api?: Partial<KioskApi>; idleMs?: number } = {}) {
  const storage = fakeStorage(options.token === false ? {} : { 'deskpad.kiosk.token': 'tok' });
  const memory = kioskMemory(storage, () => new Date());
  const api: KioskApi = {
    signIn: vi.fn(),
    location: vi.fn(() => Promise.resolve(ok(LOCATION))),
    checkIn: vi.fn(() => Promise.resolve(ok(status()))),
    visit: vi.fn(() => Promise.resolve(ok(status()))),
    survey: vi.fn(() => Promise.resolve(ok(status({ state: 'Done', surveyOpen: false })))),
    ...options.api,
  };
  let ids = 0;
  const view = render(
    <KioskApp
      api={api}
      memory={memory}
      locationId="loc-hq"
      newId={() => `check-in-${++ids}`}
      pollMs={50}
      idleMs={options.idleMs ?? 60_000}
    />,
  );
  return { api, memory, storage, view, user: userEvent.setup() };
}

describe('the kiosk page', () => {
  it('is signed in once by staff with a kiosk account, and refuses any other', async () => {
    const signIn = vi
      .fn<KioskApi['signIn']>()
      .mockResolvedValueOnce(
        ok({ token: 't-agent', expiresAt: '', agent: { roles: ['agent'] } as never }),
      )
      .mockResolvedValueOnce(
        ok({ token: 't-kiosk', expiresAt: '', agent: { roles: ['kiosk'] } as never }),
      );
    const { user, storage, view } = setUp({ token: false, api: { signIn } });
    await screen.findByRole('heading', { name: 'Sign in this kiosk' });
    await expectNoAxeViolations(view.container);
    await user.type(screen.getByLabelText('User name'), 'ana.agent');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'This is not a kiosk account. Sign in with the kiosk account for this tablet.',
    );
    expect(storage.map.has('deskpad.kiosk.token')).toBe(false);
    await user.clear(screen.getByLabelText('User name'));
    await user.type(screen.getByLabelText('User name'), 'kiosk.hq');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Check in' });
    expect(storage.map.get('deskpad.kiosk.token')).toBe('t-kiosk');
    expect([...storage.map.values()].join()).not.toContain('secret');
  });

  it('checks in by a scanned badge: the reader types and presses Enter, then a reason, then the place in the queue', async () => {
    const { user, api, memory, view } = setUp();
    const field = await screen.findByLabelText('Employee id, email or badge number');
    // Focused by an effect after the first paint: on a loaded machine a moment after it shows.
    await waitFor(() => expect(document.activeElement).toBe(field));
    await expectNoAxeViolations(view.container);
    await user.keyboard('0042 7731{Enter}');
    await screen.findByRole('heading', { name: 'What is your visit about?' });
    await expectNoAxeViolations(view.container);
    await user.click(screen.getByRole('button', { name: 'Printer' }));
    await screen.findByRole('heading', { name: 'Hello, Carla' });
    expect(screen.getByRole('status').textContent).toBe(
      'You are number 2 in the queue.Estimated wait: about 5 minutes.',
    );
    expect(api.checkIn).toHaveBeenCalledWith({
      id: 'check-in-1',
      location: 'loc-hq',
      identifier: '0042 7731',
      reason: 'Printer',
      reasonDetail: '',
    });
    expect(memory.recent().map((r) => r.id)).toEqual(['visit-1']);
    await expectNoAxeViolations(view.container);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('heading', { name: 'Check in' });
  });

  it('tells an unknown person plainly and lets them check in as a guest with their own words', async () => {
    const checkIn = vi
      .fn<KioskApi['checkIn']>()
      .mockResolvedValueOnce({
        ok: false,
        kind: 'refused',
        message: 'We could not find you with that.',
        fieldErrors: { identifier: 'We could not find you with that.' },
      })
      .mockResolvedValueOnce(ok(status({ greeting: 'Hello, Gail', position: 1 })));
    const { user, api } = setUp({ api: { checkIn } });
    await user.type(
      await screen.findByLabelText('Employee id, email or badge number'),
      'E-0{Enter}',
    );
    await user.click(await screen.findByRole('button', { name: 'Laptop or PC problem' }));
    expect((await screen.findByRole('alert')).textContent).toBe('We could not find you with that.');
    expect(screen.getByRole('heading', { name: 'Check in' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Check in as a guest' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter your name.');
    await user.type(screen.getByLabelText('Your name'), 'Gail Guest{Enter}');
    await user.type(
      await screen.findByLabelText('Or tell us in a few words'),
      'New starter, no badge',
    );
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    await screen.findByRole('heading', { name: 'Hello, Gail' });
    expect(screen.getByRole('status').textContent).toContain('You are next in the queue.');
    expect(api.checkIn).toHaveBeenLastCalledWith({
      id: 'check-in-2',
      location: 'loc-hq',
      guestName: 'Gail Guest',
      reason: 'New starter, no badge',
      reasonDetail: '',
    });
  });

  it('says plainly when it cannot reach the server, and a retry is the same check-in', async () => {
    const checkIn = vi
      .fn<KioskApi['checkIn']>()
      .mockResolvedValueOnce(unreachable)
      .mockResolvedValueOnce(ok(status()));
    const { user, api, view } = setUp({ api: { checkIn } });
    await user.type(
      await screen.findByLabelText('Employee id, email or badge number'),
      'E-1{Enter}',
    );
    await user.click(await screen.findByRole('button', { name: 'Printer' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual([UNREACHABLE, UNREACHABLE]);
    await expectNoAxeViolations(view.container);
    await user.click(screen.getByRole('button', { name: 'Printer' }));
    await screen.findByRole('heading', { name: 'Hello, Carla' });
    expect(screen.queryByRole('alert')).toBeNull();
    const calls = vi.mocked(api.checkIn).mock.calls.map(([request]) => request.id);
    expect(calls).toEqual(['check-in-1', 'check-in-1']);
  });

  it('offers the survey of a finished visit checked in here: one tap sends it with the comment', async () => {
    const visit = vi.fn<KioskApi['visit']>(() =>
      Promise.resolve(
        ok(status({ state: 'Done', position: null, estimatedWaitMinutes: null, surveyOpen: true })),
      ),
    );
    const storage = fakeStorage({
      'deskpad.kiosk.token': 'tok',
      'deskpad.kiosk.recent': JSON.stringify([{ id: 'visit-1', at: new Date().toISOString() }]),
    });
    const memory = kioskMemory(storage, () => new Date());
    const api: KioskApi = {
      signIn: vi.fn(),
      location: () => Promise.resolve(ok(LOCATION)),
      checkIn: vi.fn(),
      visit,
      survey: vi.fn(() => Promise.resolve(ok(status({ state: 'Done', surveyOpen: false })))),
    };
    const view = render(
      <KioskApp api={api} memory={memory} locationId="loc-hq" newId={() => 'x'} pollMs={50} />,
    );
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'How was your visit?' });
    await expectNoAxeViolations(view.container);
    await user.type(screen.getByLabelText('Anything to add? (optional)'), 'Quick, thanks');
    await user.click(screen.getByRole('button', { name: '4 Happy' }));
    await screen.findByRole('heading', { name: 'Thank you!' });
    expect(api.survey).toHaveBeenCalledWith('visit-1', { rating: 4, comment: 'Quick, thanks' });
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('heading', { name: 'Check in' });
    expect(memory.recent()).toEqual([]);
  });

  it('goes back to the start when nobody touches it', async () => {
    const { user } = setUp({ idleMs: 300 });
    await user.type(
      await screen.findByLabelText('Employee id, email or badge number'),
      'E-1{Enter}',
    );
    await screen.findByRole('heading', { name: 'What is your visit about?' });
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Check in' })).toBeTruthy(), {
      timeout: 3_000,
    });
  });
});
