// The Sign in screen and Sign out, by keyboard, on the real store host with the session played by
// the sync double: field errors from the shared schema, the server's refusals in words, work kept.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail } from '../../shared/domain/result';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';
import {
  createSyncDouble,
  signedInAs,
  signedOut,
  syncStatus,
  testAgent,
  type SyncDouble,
} from '../../web/testing/sync-double';
import { SIGN_IN_WORDS } from './sign-in-words';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;
let desk: SyncDouble;

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

async function signInScreen(): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { level: 1, name: 'Sign in' });
  return heading.closest('main') as HTMLElement;
}

describe('Sign in', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('asks to sign in with focus in User name, and hides the workspace meanwhile', async () => {
    renderDeskpad(desk.api);
    const screenArea = await signInScreen();
    await waitFor(() => expect(document.activeElement).toBe(field('User name')));
    expect(field('Password').type).toBe('password');
    expect(
      within(screenArea).getByRole('button', { name: 'Sign in' }).hasAttribute('disabled'),
    ).toBe(false);
    expect(screenArea.textContent).toContain('http://desk.test');
    expect(screen.queryByRole('button', { name: 'New interaction' })).toBeNull();
    await expectNoAxeViolations(screenArea);
  });

  it('shows the schema’s messages next to empty fields, focuses the first, and sends nothing', async () => {
    const { user } = renderDeskpad(desk.api);
    await signInScreen();
    await waitFor(() => expect(document.activeElement).toBe(field('User name')));
    await user.keyboard('{Enter}');
    expect(field('User name').getAttribute('aria-invalid')).toBe('true');
    expect(describedText(field('User name'))).toContain('Enter your user name.');
    expect(describedText(field('Password'))).toContain('Enter your password.');
    expect(document.activeElement).toBe(field('User name'));
    expect(desk.acts).toEqual([]);

    await user.keyboard('sam.agent');
    expect(field('User name').getAttribute('aria-invalid')).toBeNull();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(field('Password'));
    expect(desk.acts).toEqual([]);
  });

  it('signs in with Enter, then shows who is signed in and starts at the caller lookup', async () => {
    const { user } = renderDeskpad(desk.api);
    await signInScreen();
    await waitFor(() => expect(document.activeElement).toBe(field('User name')));
    await user.keyboard('sam.agent{Tab}correct horse{Enter}');

    expect(desk.acts).toEqual([
      { name: 'session.signIn', input: { userName: 'sam.agent', password: 'correct horse' } },
    ]);
    const banner = await screen.findByRole('banner');
    await within(banner).findByText('Signed in as', { exact: false });
    expect(banner.textContent).toContain('Sam Agent');
    expect(within(banner).getByRole('button', { name: 'Sign out' }).hasAttribute('disabled')).toBe(
      false,
    );
    expect(screen.queryByRole('heading', { name: 'Sign in' })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Opened for' })),
    );
  });

  it.each([
    [
      'wrong user name or password',
      fail('invalid-input', 'Wrong user name or password.'),
      SIGN_IN_WORDS.wrongCredentials,
    ],
    ['too many tries', fail('rule', 'Too many sign-in attempts.'), SIGN_IN_WORDS.tooManyTries],
    [
      'no desk server',
      fail('not-ready', 'The desk server did not answer.'),
      SIGN_IN_WORDS.unreachable,
    ],
  ])('says in words when the server refuses: %s', async (_case, answer, words) => {
    desk.answerActs(() => answer);
    const { user } = renderDeskpad(desk.api);
    await signInScreen();
    await waitFor(() => expect(document.activeElement).toBe(field('User name')));
    await user.keyboard('sam.agent{Tab}not it{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(words);
    expect(screen.getByRole('heading', { name: 'Sign in' }).textContent).toBe('Sign in');
    if (answer.error.code === 'invalid-input') {
      // The user name stays; the password is typed again.
      expect(field('User name').value).toBe('sam.agent');
      expect(field('Password').value).toBe('');
      expect(document.activeElement).toBe(field('Password'));
    }
  });

  it('says that changes waiting on the desk are kept while nobody is signed in', async () => {
    desk.set({ status: syncStatus({ pendingChanges: 3 }) });
    renderDeskpad(desk.api);
    const area = await signInScreen();
    await waitFor(() =>
      expect(area.textContent).toContain(
        '3 changes saved on this desk are not synced yet. They are kept, and sync after you sign in.',
      ),
    );
  });

  it('keeps typing not saved yet in the form while the session ends and the agent signs in again', async () => {
    desk.set({ session: signedInAs(testAgent()) });
    const { user } = renderDeskpad(desk.api);
    const short = await screen.findByLabelText<HTMLInputElement>('Short description', {
      exact: true,
    });
    await user.type(short, 'Half-typed call');

    desk.set({ session: signedOut() });
    await signInScreen();
    desk.set({ session: signedInAs(testAgent()) });
    await waitFor(() => expect(field('Short description').value).toBe('Half-typed call'));
  });
});

describe('Sign out', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  beforeEach(() => {
    desk.set({ session: signedInAs(testAgent()), status: syncStatus({ pendingChanges: 2 }) });
  });

  it('asks first, says the 2 waiting changes stay, and Escape keeps the agent signed in', async () => {
    const { user } = renderDeskpad(desk.api);
    const banner = screen.getByRole('banner');
    const signOut = await within(banner).findByRole('button', { name: 'Sign out' });
    signOut.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Sign out' });
    expect(describedText(dialog)).toBe(
      '2 changes are not synced yet. They stay on this desk and sync after the next sign-in.',
    );
    expect(document.activeElement).toBe(
      within(dialog).getByRole('button', { name: 'Stay signed in' }),
    );
    await expectNoAxeViolations(dialog);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(desk.acts).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(signOut));
  });

  it('signs out when confirmed and shows the Sign in screen', async () => {
    const { user } = renderDeskpad(desk.api);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    expect(desk.acts).toEqual([{ name: 'session.signOut', input: {} }]);
    await signInScreen();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
