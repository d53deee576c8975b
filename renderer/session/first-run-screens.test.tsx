// Create the first administrator (a setup link) and Change your password (a temporary one), by
// keyboard on the real store host with the session played by the sync double: labels, errors, axe.

import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/domain/result';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';
import {
  createSyncDouble,
  signedInAs,
  signedOut,
  testAgent,
  type SyncDouble,
} from '../../web/testing/sync-double';
import { ACCOUNT_WORDS } from './account-words';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;
let desk: SyncDouble;
const CODE = 'c'.repeat(43);

beforeEach(async () => {
  store = await openTestStore();
  desk = createSyncDouble(store, { session: signedOut() });
});
afterEach(async () => {
  await store.close();
});

const field = (label: string): HTMLInputElement =>
  screen.getByLabelText<HTMLInputElement>(label, { exact: true });

const describedText = (element: HTMLElement): string =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('Create the first administrator', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('is what a setup link opens: labelled fields, focus in User name, no axe violations', async () => {
    renderDeskpad(desk.api, { setupCode: CODE, showBeforeSession: false });
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Create the first administrator',
    });
    await waitFor(() => expect(document.activeElement).toBe(field('User name')));
    for (const label of ['First name', 'Last name', 'Email', 'Password', 'Confirm password'])
      expect(field(label)).toBeInstanceOf(HTMLInputElement);
    expect(field('Password').type).toBe('password');
    expect(screen.queryByRole('button', { name: 'New interaction' })).toBeNull();
    await expectNoAxeViolations(heading.closest('main') as HTMLElement);
  });

  it('checks the fields with the shared schema, sends once by Enter, and the desk lands signed in', async () => {
    const { user } = renderDeskpad(desk.api, { setupCode: CODE, showBeforeSession: false });
    await screen.findByRole('heading', { name: 'Create the first administrator' });
    await waitFor(() => expect(document.activeElement).toBe(field('User name')));
    await user.keyboard('{Enter}');
    expect(describedText(field('User name'))).toContain('Enter a user name.');
    expect(describedText(field('Password'))).toContain('at least 8 characters');
    expect(desk.acts).toEqual([]);

    await user.keyboard('ada.admin');
    await user.tab();
    await user.keyboard('Ada');
    await user.tab();
    await user.keyboard('Lovelace');
    await user.tab();
    await user.tab();
    await user.keyboard('a long password');
    await user.tab();
    await user.keyboard('a long passwort{Enter}');
    expect(describedText(field('Confirm password'))).toContain(ACCOUNT_WORDS.passwordsDiffer);
    expect(document.activeElement).toBe(field('Confirm password'));
    expect(desk.acts).toEqual([]);

    desk.answerActs(({ name }) => {
      if (name !== 'session.setup') return fail('unknown-operation', name);
      desk.set({ session: signedInAs(testAgent({ name: 'Ada Lovelace', roles: ['admin'] })) });
      return ok(desk.scene().session);
    });
    await user.clear(field('Confirm password'));
    await user.keyboard('a long password{Enter}');
    await waitFor(() => expect(desk.acts.map((a) => a.name)).toEqual(['session.setup']));
    expect(desk.acts[0]?.input).toEqual({
      code: CODE,
      userName: 'ada.admin',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: '',
      password: 'a long password',
    });
    await screen.findByRole('button', { name: 'New interaction' });
    expect(screen.queryByRole('heading', { name: 'Create the first administrator' })).toBeNull();
  });

  it('says the server’s refusal and offers Sign in instead', async () => {
    const { user } = renderDeskpad(desk.api, { setupCode: CODE, showBeforeSession: false });
    await screen.findByRole('heading', { name: 'Create the first administrator' });
    desk.answerActs(() =>
      fail('invalid-input', 'An administrator exists already: sign in instead.'),
    );
    await user.type(field('User name'), 'ada');
    await user.type(field('First name'), 'Ada');
    await user.type(field('Last name'), 'L');
    await user.type(field('Password'), 'a long password');
    await user.type(field('Confirm password'), 'a long password{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'An administrator exists already: sign in instead.',
    );
    await user.click(screen.getByRole('button', { name: 'Sign in instead' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
  });
});

describe('Change your password', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('comes before the desk after a temporary password, and opens it once changed', async () => {
    desk.set({ session: { ...signedInAs(testAgent()), mustChangePassword: true } });
    const { user } = renderDeskpad(desk.api, { showBeforeSession: false });
    const heading = await screen.findByRole('heading', { level: 1, name: 'Change your password' });
    await waitFor(() => expect(document.activeElement).toBe(field('Current password')));
    // The workspace is there (typing kept) but hidden: nothing of it can be reached.
    expect(screen.queryByRole('button', { name: 'New interaction' })).toBeNull();
    await expectNoAxeViolations(heading.closest('main') as HTMLElement);

    desk.answerActs(({ name }) => {
      if (name !== 'session.changePassword') return fail('unknown-operation', name);
      const { currentPassword } = desk.acts.at(-1)?.input as { currentPassword: string };
      if (currentPassword !== 'temporary pw')
        return fail('invalid-input', 'The current password is not right.', {
          currentPassword: 'This is not your current password.',
        });
      desk.set({ session: signedInAs(testAgent()) });
      return ok(desk.scene().session);
    });
    await user.keyboard('wrong one');
    await user.tab();
    await user.keyboard('my own password');
    await user.tab();
    await user.keyboard('my own password{Enter}');
    await waitFor(() =>
      expect(describedText(field('Current password'))).toContain(
        'This is not your current password.',
      ),
    );
    expect(document.activeElement).toBe(field('Current password'));

    await user.clear(field('Current password'));
    await user.keyboard('temporary pw{Enter}');
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: 'Change your password' })).toBeNull(),
    );
    await screen.findByRole('button', { name: 'New interaction' });
  });
});
