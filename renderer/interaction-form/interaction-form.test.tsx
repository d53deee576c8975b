// The interaction form on the real store host, by keyboard and as an agent sees it: required
// Short description, the saved number, one record per form, closing, and a closed record.

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
});

const field = <E extends HTMLElement = HTMLInputElement>(label: string): E =>
  screen.getByLabelText<E>(label, { exact: true });

async function openInteractions(): Promise<number> {
  const list = await store.query('interaction.list', { view: 'all-open' });
  if (!list.ok) throw new Error(list.error.message);
  return list.value.length;
}

async function pickACaller({ user }: RenderedDeskpad): Promise<void> {
  const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
  await user.click(lookup);
  await user.keyboard('a');
  const listbox = screen.getByRole('listbox', { name: 'Matching callers' });
  await within(listbox).findAllByRole('option');
  await user.keyboard('{ArrowDown}{Enter}');
  await waitFor(() => expect(field('Contact email').value).not.toBe(''));
}

describe('interaction form', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('refuses to save without a Short description: error shown, focus moved, nothing saved', async () => {
    const app = renderDeskpad(store);
    await pickACaller(app);
    await app.user.click(screen.getByRole('button', { name: 'Save' }));

    const short = field('Short description');
    await waitFor(() => expect(document.activeElement).toBe(short));
    expect(short.getAttribute('aria-invalid')).toBe('true');
    const described = short.getAttribute('aria-describedby')?.split(' ') ?? [];
    const errorText = described.map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(errorText).toContain('Short description is required.');
    expect(screen.getByRole('alert').textContent).toMatch(/not saved/);
    expect(await openInteractions()).toBe(0);
    const sync = await store.query('sync.status', {});
    expect(sync.ok && sync.value.pendingChanges).toBe(0);

    await app.user.type(short, 'Cannot print');
    expect(short.getAttribute('aria-invalid')).toBeNull();
  });

  it('saves with Ctrl+S, says the number, and shows it in the list', async () => {
    const app = renderDeskpad(store);
    await pickACaller(app);
    await app.user.selectOptions(field('Type'), 'Walk-in');
    await app.user.type(field('Short description'), 'Password reset at the counter');
    await app.user.type(field('Description'), 'Verified identity with badge.');
    await app.user.keyboard('{Control>}s{/Control}');

    const message = await screen.findByText(/^Saved IMS-P\d{4}$/);
    const number = message.textContent?.replace('Saved ', '') ?? '';
    expect(
      screen.getByRole('heading', { level: 2, name: `Interaction ${number}` }).textContent,
    ).toBe(`Interaction ${number}`);
    const list = screen.getByRole('region', { name: 'Interactions' });
    const row = (await within(list).findByRole('button', { name: number })).closest('tr, li');
    expect(row?.textContent).toContain('Password reset at the counter');
  });

  it('makes one record from a double click on Save and a repeated Ctrl+S', async () => {
    const app = renderDeskpad(store);
    await pickACaller(app);
    await app.user.type(field('Short description'), 'Laptop will not start');
    const save = screen.getByRole('button', { name: 'Save' });
    fireEvent.click(save);
    fireEvent.click(save);
    await app.user.dblClick(save);
    await app.user.keyboard('{Control>}s{/Control}{Control>}s{/Control}');
    await screen.findByText(/^Saved IMS-P/);
    await waitFor(async () => expect(await openInteractions()).toBe(1));
    const sync = await store.query('sync.status', {});
    expect(sync.ok && sync.value.pendingChanges).toBe(1);
  });

  it('closes an interaction; a closed one is read-only except for work notes', async () => {
    const app = renderDeskpad(store);
    await pickACaller(app);
    await app.user.type(field('Short description'), 'Monitor flickers');
    await app.user.type(field('Work notes'), 'Swapped the cable.');
    await app.user.click(screen.getByRole('button', { name: 'Close interaction' }));

    await screen.findByText(/^Closed IMS-P\d+: Closed Complete$/);
    const form = screen.getByRole('form');
    expect(within(form).getByText('Closed Complete').textContent).toBe('Closed Complete');
    expect(field('Short description').readOnly).toBe(true);
    expect(field('Contact email').readOnly).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Opened for' }).readOnly).toBe(
      true,
    );
    expect(field<HTMLSelectElement>('Type').disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Abandon' })).toBeNull();
    expect(screen.getByRole('list', { name: 'Journal' }).textContent).toContain(
      'Swapped the cable.',
    );

    await app.user.type(field('Work notes'), 'Caller confirmed it works.');
    await app.user.click(screen.getByRole('button', { name: 'Add work note' }));
    await screen.findByText('Caller confirmed it works.', { selector: '.journal-text' });
    const journal = screen.getByRole('list', { name: 'Journal' });
    const entries = within(journal)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(entries[0]).toContain('Caller confirmed it works.');
    expect(entries[1]).toContain('Swapped the cable.');
  });

  it('abandons an interaction and starts a new one with Alt+N', async () => {
    const app = renderDeskpad(store);
    await pickACaller(app);
    await app.user.type(field('Short description'), 'Caller hung up');
    await app.user.click(screen.getByRole('button', { name: 'Abandon' }));
    await screen.findByText(/^Abandoned IMS-P\d+: Closed Abandoned$/);

    await app.user.keyboard('{Alt>}n{/Alt}');
    expect(
      (await screen.findByRole('heading', { level: 2, name: 'New interaction' })).textContent,
    ).toBe('New interaction');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Opened for' })),
    );
    expect(field('Short description').value).toBe('');
  });
});
