// The phone desk on the interaction form, on the real store host: a form opened for a call fills
// itself and runs the call timer; the hangup moves it to Wrap Up; the wrap-up code and handle time
// are kept at close; one keypress picks among callers sharing a number; Start call / End call by
// Alt+T without a phone system; a reopened form shows the running timer from the record.

import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WALK_UP_DEFAULTS, type WalkUpLocation } from '../../shared/domain/walk-up-location';
import type { CallLink } from '../../shared/call-link';
import type { DeskpadBridge } from '../../shared/desktop-bridge';
import type { Interaction } from '../../shared/domain/interaction';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { renderDeskpad, STORE_TEST_TIMEOUT_MS } from '../../web/testing/render-deskpad';
import { openWalkUpDesk } from '../../web/testing/walk-up-desk';
import { PLACE_KEY } from '../walk-up/walk-up-place';
import {
  answeredCall,
  deskWithCalls,
  personOf,
  someUsers,
  type DeskWithCalls,
} from './testing/desk-with-calls';

const HQ: WalkUpLocation = {
  id: 'loc-hq',
  name: 'Service Desk — HQ',
  description: '',
  active: true,
  ...WALK_UP_DEFAULTS,
  wrapUpCodes: ['Resolved on first call', 'Escalated', 'Call back needed'],
};

let real: Awaited<ReturnType<typeof openWalkUpDesk>>;
let desk: DeskWithCalls;

beforeEach(async () => {
  real = await openWalkUpDesk([HQ]);
  desk = deskWithCalls(real);
  localStorage.setItem(PLACE_KEY, JSON.stringify({ location: HQ.id, station: 'Phone 1' }));
});
afterEach(async () => {
  localStorage.clear();
  delete (window as Window & { deskpad?: DeskpadBridge }).deskpad;
  await real.close();
});

const field = <E extends HTMLElement = HTMLInputElement>(label: string): E =>
  screen.getByLabelText<E>(label, { exact: true });

async function saved(id: string): Promise<Interaction> {
  const answer = await real.query('interaction.get', { id });
  if (!answer.ok || !answer.value) throw new Error('The interaction is not on the desk');
  return answer.value;
}

describe('a form opened for a call', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('is prefilled, times the call from its answer, goes to Wrap Up at hangup and keeps handle time', async () => {
    const [caller] = await someUsers(real, 'a', 1);
    if (!caller) throw new Error('no caller');
    const call = answeredCall({
      from: caller.phone,
      secondsAgo: 192,
      caller: caller.id,
      callerPerson: personOf(caller),
    });
    desk.putCall(call);
    const app = renderDeskpad(desk.store);
    act(() => app.deps.ui.getState().newInteractionFromCall(call.id));

    await waitFor(() => expect(field('Contact email').value).toBe(caller.email));
    expect(field<HTMLSelectElement>('Type').value).toBe('Phone');
    expect(screen.getByRole('combobox', { name: 'Opened for' })).toHaveProperty(
      'value',
      caller.name,
    );
    expect(field('Contact phone').value).toBe(caller.phone);
    expect(screen.getByRole('timer').textContent).toMatch(/^Call 03:1[2-5]$/);
    // Click to dial: the caller card's phone and the contact phone are tel: links.
    await waitFor(() => expect(screen.getAllByRole('link', { name: caller.phone }).length).toBe(2));
    const dial = screen.getAllByRole('link', { name: caller.phone });
    for (const link of dial) expect(link.getAttribute('href')).toMatch(/^tel:\+?\d{4,}$/);

    await app.user.type(field('Short description'), 'VPN drops every hour');
    await app.user.keyboard('{Control>}s{/Control}');
    await screen.findByText(/^Saved IMS-P\d{4}$/);
    const id = app.deps.ui.getState().open.id;
    const first = await saved(id);
    expect(first).toMatchObject({
      call: call.id,
      talkStartedAt: call.answeredAt,
      state: 'Work in Progress',
    });
    const save = desk.commands.find((c) => c.name === 'interaction.save');
    expect(save?.input).toMatchObject({ call: call.id, talkStartedAt: call.answeredAt });

    // The phone system hangs up: the pulled call has its end; the form ends the call once.
    const endedAt = new Date().toISOString();
    desk.putCall({ ...call, state: 'Ended', endedAt, cause: 'normalClearing' });
    await waitFor(() => expect(screen.getByRole('timer').textContent).toMatch(/^Wrap Up 00:0\d$/));
    expect(await screen.findByText(/^Call ended: IMS-P\d{4} is in Wrap Up$/)).toHaveProperty(
      'tagName',
      'SPAN',
    );
    desk.putCall({ ...call, state: 'Ended', endedAt, cause: 'normalClearing' });
    expect(desk.commands.filter((c) => c.name === 'interaction.endCall')).toEqual([
      { name: 'interaction.endCall', input: { id, at: endedAt } },
    ]);
    expect(await saved(id)).toMatchObject({ state: 'Wrap Up', talkEndedAt: endedAt });

    const form = screen.getByRole('form');
    await expectNoAxeViolations(form);
    await app.user.selectOptions(field<HTMLSelectElement>('Wrap-up code'), 'Escalated');
    await app.user.click(screen.getByRole('button', { name: 'Close interaction' }));
    await screen.findByText(/^Closed IMS-P\d{4}: Closed Complete$/);

    const closed = await saved(id);
    expect(closed).toMatchObject({ state: 'Closed Complete', wrapUpCode: 'Escalated' });
    expect(closed.talkSeconds).toBeGreaterThanOrEqual(192);
    expect(closed.handleTimeSeconds).toBe((closed.talkSeconds ?? 0) + (closed.wrapUpSeconds ?? 0));
    const summary = within(form).getByText('Handle time').closest('dl');
    expect(summary?.textContent).toContain('Talk time3 min');
    expect(summary?.textContent).toContain('Wrap-up codeEscalated');
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('offers callers who share the number, one keypress each', async () => {
    const people = await someUsers(real, 'e', 2);
    const [, second] = people;
    if (!second) throw new Error('no second candidate');
    const call = answeredCall({
      from: '+44 20 7946 0123',
      numberE164: '+442079460123',
      secondsAgo: 5,
      candidates: people.map((p) => p.id),
      candidatePeople: people.map(personOf),
    });
    desk.putCall(call);
    const app = renderDeskpad(desk.store);
    act(() => app.deps.ui.getState().newInteractionFromCall(call.id));

    const group = await screen.findByRole('group', { name: /^2 people have \+442079460123/ });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(group).getAllByRole('button')[0]),
    );
    expect(field('Contact phone').value).toBe('+442079460123');
    await app.user.keyboard('2');

    await waitFor(() => expect(field('Contact email').value).toBe(second.email));
    expect(screen.getByRole('combobox', { name: 'Opened for' })).toHaveProperty(
      'value',
      second.name,
    );
    expect(field('Contact phone').value).toBe(second.phone);
    expect(screen.queryByRole('group', { name: /people have/ })).toBeNull();
    expect(document.activeElement).toBe(field('Short description'));
  });

  it('leaves Opened for empty for an unknown caller, with the number in Contact phone', async () => {
    const call = answeredCall({
      from: '+44 7700 900123',
      numberE164: '+447700900123',
      secondsAgo: 1,
    });
    desk.putCall(call);
    const app = renderDeskpad(desk.store);
    act(() => app.deps.ui.getState().newInteractionFromCall(call.id));

    await waitFor(() => expect(field('Contact phone').value).toBe('+447700900123'));
    expect(screen.getByRole('combobox', { name: 'Opened for' })).toHaveProperty('value', '');
    expect(field('Contact email').value).toBe('');
    expect(field<HTMLSelectElement>('Type').value).toBe('Phone');
    // Click to dial: the number is a tel: link in E.164.
    expect(screen.getByRole('link', { name: '+447700900123' }).getAttribute('href')).toBe(
      'tel:+447700900123',
    );
  });
});

describe(
  'Start call and End call without a phone system',
  { timeout: STORE_TEST_TIMEOUT_MS },
  () => {
    it('Alt+T starts the timer, the save keeps it, Alt+T again moves to Wrap Up', async () => {
      const app = renderDeskpad(desk.store);
      await app.user.click(await screen.findByRole('button', { name: 'Start call' }));
      expect(screen.getByRole('timer').textContent).toBe('Call 00:00');
      expect(await screen.findByText('Call started: Save keeps the call timer.')).toHaveProperty(
        'tagName',
        'SPAN',
      );

      await app.user.type(field('Short description'), 'Printer jam');
      await app.user.keyboard('{Control>}s{/Control}');
      await screen.findByText(/^Saved IMS-P\d{4}$/);
      const id = app.deps.ui.getState().open.id;
      expect((await saved(id)).talkStartedAt).toEqual(expect.any(String));

      await app.user.keyboard('{Alt>}t{/Alt}');
      await screen.findByText(/^Call ended: IMS-P\d{4} is in Wrap Up$/);
      expect(screen.getByRole('timer').textContent).toMatch(/^Wrap Up 00:0\d$/);
      expect(await saved(id)).toMatchObject({ state: 'Wrap Up' });
      await expectNoAxeViolations(screen.getByRole('form'));

      // A second call on the same interaction, from the keyboard again.
      await app.user.keyboard('{Alt>}t{/Alt}');
      await screen.findByText(/^Call started on IMS-P\d{4}$/);
      expect(screen.getByRole('timer').textContent).toMatch(/^Call 00:0\d$/);
      expect(screen.getByRole('button', { name: 'End call' })).toHaveProperty('type', 'button');
    });

    it('a reopened form shows the running timer from the times in the record', async () => {
      const started = new Date(Date.now() - 75_000).toISOString();
      const made = await real.command('interaction.save', {
        id: 'ims-reopen',
        openedFor: null,
        contactEmail: '',
        contactPhone: '',
        type: 'Phone',
        component: null,
        assignmentGroup: null,
        assignedTo: null,
        shortDescription: 'Mid-call reload',
        description: '',
        talkStartedAt: started,
      });
      if (!made.ok) throw new Error(made.error.message);
      const app = renderDeskpad(desk.store);
      act(() => app.deps.ui.getState().openInteraction('ims-reopen'));
      await waitFor(() =>
        expect(screen.getByRole('timer').textContent).toMatch(/^Call 01:1[5-9]$/),
      );
    });
  },
);

describe('a softphone’s deskpad://call link', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('pops the caller found in the directory by the number, without the server', async () => {
    const [caller] = await someUsers(real, 'o', 1);
    if (!caller) throw new Error('no caller');
    const links: { send: ((link: CallLink) => void) | null } = { send: null };
    (window as Window & { deskpad?: DeskpadBridge }).deskpad = {
      platform: 'linux',
      appVersion: 'test',
      onMenuCommand: () => () => undefined,
      requestStorePort: () => undefined,
      onCallLink: (listener) => {
        links.send = listener;
        return () => {
          links.send = null;
        };
      },
    };
    const app = renderDeskpad(desk.store);
    await waitFor(() => expect(links.send).not.toBeNull());
    act(() => links.send?.({ from: caller.phone, callId: 'softphone-1' }));

    await waitFor(() => expect(field('Contact email').value).toBe(caller.email));
    expect(screen.getByRole('combobox', { name: 'Opened for' })).toHaveProperty(
      'value',
      caller.name,
    );
    expect(field<HTMLSelectElement>('Type').value).toBe('Phone');
    expect(app.deps.ui.getState().open).toMatchObject({ isNew: true, fromNumber: caller.phone });
    expect(desk.commands).toEqual([]);
  });

  it('an unknown number leaves Opened for empty, with the number in Contact phone', async () => {
    const app = renderDeskpad(desk.store);
    act(() => app.deps.ui.getState().newInteractionFromNumber('+1 999 555 0199'));
    await waitFor(() => expect(field('Contact phone').value).toBe('+1 999 555 0199'));
    expect(screen.getByRole('combobox', { name: 'Opened for' })).toHaveProperty('value', '');
  });
});
