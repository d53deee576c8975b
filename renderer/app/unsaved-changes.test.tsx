// The Unsaved changes guard on the real store host, by keyboard: leaving a form with typing not
// saved asks first (Keep editing, Discard changes, Save and continue); a clean form never asks.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskpadBridge, MenuCommand } from '../../shared/desktop-bridge';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { openTestStore } from '../../web/testing/open-test-store';
import {
  STORE_TEST_TIMEOUT_MS,
  renderDeskpad,
  type RenderedDeskpad,
} from '../../web/testing/render-deskpad';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
});
afterEach(async () => {
  await store.close();
  delete (window as Window & { deskpad?: DeskpadBridge }).deskpad;
});

const field = <E extends HTMLElement = HTMLInputElement>(label: string): E =>
  screen.getByLabelText<E>(label, { exact: true });

const formHeading = (name: string) => screen.findByRole('heading', { level: 2, name });

/** Puts focus in the field without a click, then types: the agent works by keyboard. */
async function typeInto({ user }: RenderedDeskpad, label: string, text: string): Promise<void> {
  field(label).focus();
  await user.keyboard(text);
}

const newInteractionKeys = ({ user }: RenderedDeskpad) => user.keyboard('{Alt>}n{/Alt}');

async function interactions() {
  const list = await store.query('interaction.list', { view: 'all-open' });
  if (!list.ok) throw new Error(list.error.message);
  return list.value;
}

async function unsavedDialog(): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog', { name: 'Unsaved changes' });
  await waitFor(() =>
    expect(document.activeElement).toBe(
      within(dialog).getByRole('button', { name: 'Keep editing' }),
    ),
  );
  return dialog;
}

describe('unsaved changes', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('asks on Alt+N; Keep editing (Enter) and Escape keep the text and give focus back', async () => {
    const app = renderDeskpad(store);
    await typeInto(app, 'Short description', 'Printer on fire');
    await newInteractionKeys(app);

    const dialog = await unsavedDialog();
    expect(dialog.textContent).toContain('This new interaction is not saved.');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const description = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toContain('This new interaction is not saved.');
    const names = within(dialog)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(names).toEqual(['Save and continue', 'Discard changes', 'Keep editing']);
    // Tab stays inside the dialog.
    await app.user.keyboard('{Tab}');
    expect(document.activeElement?.textContent).toBe('Save and continue');
    await app.user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement?.textContent).toBe('Keep editing');

    await app.user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(field('Short description').value).toBe('Printer on fire');
    await waitFor(() => expect(document.activeElement).toBe(field('Short description')));

    await newInteractionKeys(app);
    await unsavedDialog();
    await app.user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(field('Short description').value).toBe('Printer on fire');
    await waitFor(() => expect(document.activeElement).toBe(field('Short description')));
    expect(await interactions()).toHaveLength(0);
  });

  it('Discard changes opens a fresh form at the caller lookup, with nothing saved', async () => {
    const app = renderDeskpad(store);
    await typeInto(app, 'Short description', 'Wrong number');
    await typeInto(app, 'Work notes', 'Caller hung up.');
    await newInteractionKeys(app);
    await unsavedDialog();
    await app.user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement?.textContent).toBe('Discard changes');
    await app.user.keyboard('{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(field('Short description').value).toBe('');
    expect(field<HTMLTextAreaElement>('Work notes').value).toBe('');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Opened for' })),
    );
    expect(await interactions()).toHaveLength(0);
  });

  it('Save and continue saves with the work note, then opens a new form', async () => {
    const app = renderDeskpad(store);
    await typeInto(app, 'Short description', 'Password reset');
    await typeInto(app, 'Work notes', 'Verified by badge.');
    await newInteractionKeys(app);
    await unsavedDialog();
    await app.user.keyboard('{Tab}');
    expect(document.activeElement?.textContent).toBe('Save and continue');
    await app.user.keyboard('{Enter}');

    await waitFor(async () => expect(await interactions()).toHaveLength(1));
    const [saved] = await interactions();
    const record = await store.query('interaction.get', { id: saved?.id ?? '' });
    expect(record.ok && record.value?.workNotes.map((n) => n.text)).toEqual(['Verified by badge.']);
    expect(saved?.shortDescription).toBe('Password reset');
    await waitFor(() => expect(field('Short description').value).toBe(''));
    expect((await formHeading('New interaction')).textContent).toBe('New interaction');
    expect(screen.queryByRole('dialog')).toBeNull();
    // The agent still learns the number of what was saved, on the form that replaced it.
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      `Saved ${saved?.number ?? '?'}`,
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Opened for' })),
    );
  });

  it('a save refused by validation keeps the agent on the form, at the error', async () => {
    const app = renderDeskpad(store);
    await typeInto(app, 'Description', 'Caller could not say what broke.');
    await newInteractionKeys(app);
    await unsavedDialog();
    await app.user.keyboard('{Tab}{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const short = field('Short description');
    await waitFor(() => expect(document.activeElement).toBe(short));
    expect(short.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/not saved/);
    expect(field<HTMLTextAreaElement>('Description').value).toBe(
      'Caller could not say what broke.',
    );
    expect((await formHeading('New interaction')).textContent).toBe('New interaction');
    expect(await interactions()).toHaveLength(0);
  });

  it('never asks for an untouched form, or one whose typing was taken back', async () => {
    const app = renderDeskpad(store);
    const first = app.deps.ui.getState().open.id;
    await newInteractionKeys(app);
    await waitFor(() => expect(app.deps.ui.getState().open.id).not.toBe(first));
    expect(screen.queryByRole('dialog')).toBeNull();

    await typeInto(app, 'Short description', 'ab{Backspace}{Backspace}');
    const second = app.deps.ui.getState().open.id;
    screen.getByRole('button', { name: 'New interaction' }).focus();
    await app.user.keyboard('{Enter}');
    await waitFor(() => expect(app.deps.ui.getState().open.id).not.toBe(second));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks before opening another record from the Interactions list, and names the record', async () => {
    const app = renderDeskpad(store);
    await typeInto(app, 'Short description', 'Monitor flickers');
    await app.user.keyboard('{Control>}s{/Control}');
    const number = (await screen.findByText(/^Saved IMS-P\d{4}$/)).textContent?.slice(6) ?? '';
    await newInteractionKeys(app);
    await formHeading('New interaction');
    await typeInto(app, 'Short description', 'Keyboard missing keys');

    await app.user.keyboard('{Alt>}l{/Alt}');
    const list = screen.getByRole('region', { name: 'Interactions' });
    const row = await within(list).findByRole('button', { name: number });
    await waitFor(() => expect(document.activeElement).toBe(row));
    await app.user.keyboard('{Enter}');
    const dialog = await unsavedDialog();
    expect(dialog.textContent).toContain('This new interaction is not saved.');

    await app.user.keyboard('{Shift>}{Tab}{/Shift}{Enter}');
    expect((await formHeading(`Interaction ${number}`)).textContent).toBe(`Interaction ${number}`);
    await waitFor(() => expect(document.activeElement).toBe(row));

    // The opened record, edited, is named by its number.
    await typeInto(app, 'Short description', ' again');
    await newInteractionKeys(app);
    const asked = await unsavedDialog();
    expect(asked.textContent).toContain(`${number} has changes that are not saved.`);
  });

  it('asks for the app menu’s New interaction too, and has no axe violations', async () => {
    const menu: { send: ((command: MenuCommand) => void) | null } = { send: null };
    const bridge: DeskpadBridge = {
      platform: 'linux',
      appVersion: 'test',
      onMenuCommand: (listener) => {
        menu.send = listener;
        return () => {
          menu.send = null;
        };
      },
      requestStorePort: () => undefined,
      onCallLink: () => () => undefined,
    };
    (window as Window & { deskpad?: DeskpadBridge }).deskpad = bridge;
    const app = renderDeskpad(store);
    await typeInto(app, 'Short description', 'Badge reader down');
    await waitFor(() => expect(menu.send).not.toBeNull());
    menu.send?.('new-interaction');

    const dialog = await unsavedDialog();
    await expectNoAxeViolations(dialog);
    // The rest of the window cannot be reached while the dialog asks.
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(true);
    expect(app.deps.ui.getState().open.id).toEqual(expect.any(String));
  });

  it('lets the browser warn before the page unloads only while something is unsaved', async () => {
    const app = renderDeskpad(store);
    const unload = (): boolean => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await typeInto(app, 'Short description', 'Laptop will not start');
    await waitFor(() => expect(unload()).toBe(true));
    await app.user.keyboard('{Control>}s{/Control}');
    await screen.findByText(/^Saved IMS-P\d{4}$/);
    await waitFor(() => expect(unload()).toBe(false));
  });
});
