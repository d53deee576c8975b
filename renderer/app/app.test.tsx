// The window around the form, by keyboard: the help overlay, the list and its views, the sync
// mark. On the real store host, as an agent meets them.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateInteractionArgs } from '../../shared/domain/interaction';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
});
afterEach(async () => {
  await store.close();
});

const base: Omit<CreateInteractionArgs, 'id' | 'shortDescription' | 'type'> = {
  openedFor: null,
  contactEmail: '',
  contactPhone: '',
  component: null,
  assignmentGroup: null,
  assignedTo: null,
  description: '',
};

async function create(id: string, shortDescription: string, type: CreateInteractionArgs['type']) {
  const made = await store.command('interaction.create', { ...base, id, shortDescription, type });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

describe('the Deskpad window', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('opens the Keyboard shortcuts dialog with "?" outside a field, closes it with Escape, and gives focus back', async () => {
    const { user } = renderDeskpad(store);
    const newButton = screen.getByRole('button', { name: 'New interaction' });
    newButton.focus();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Ctrl+S');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(newButton));
  });

  it('keeps "?" as text in a field, and opens the help with F1 from anywhere', async () => {
    const { user } = renderDeskpad(store);
    const short = screen.getByLabelText('Short description', { exact: true });
    await user.click(short);
    await user.keyboard('why?');
    expect((short as HTMLInputElement).value).toBe('why?');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('{F1}');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help.textContent).toContain('Ctrl+S');
  });

  it('lists open interactions, filters by type, shows closed ones under Recently closed, and Alt+L focuses the list', async () => {
    await create('a', 'Printer jam', 'Phone');
    await create('b', 'Forgot password', 'Walk-in');
    const closing = await create('c', 'Wrong number', 'Phone');
    await store.command('interaction.close', { id: closing.id, state: 'Closed Abandoned' });
    const { user } = renderDeskpad(store);
    const list = screen.getByRole('region', { name: 'Interactions' });

    await waitFor(() => expect(list.textContent).toContain('Printer jam'));
    expect(list.textContent).toContain('Forgot password');
    expect(within(list).queryByText('Wrong number')).toBeNull();

    await user.selectOptions(within(list).getByLabelText('Filter by type'), 'Walk-in');
    await waitFor(() => expect(within(list).queryByText('Printer jam')).toBeNull());
    expect(list.textContent).toContain('Forgot password');

    await user.selectOptions(within(list).getByLabelText('Filter by type'), '');
    await user.click(within(list).getByRole('radio', { name: 'Recently closed' }));
    await waitFor(() => expect(list.textContent).toContain('Wrong number'));

    await user.keyboard('{Alt>}l{/Alt}');
    expect(document.activeElement?.textContent).toBe(closing.number);
    await user.keyboard('{Enter}');
    const opened = await screen.findByRole('heading', {
      level: 2,
      name: `Interaction ${closing.number}`,
    });
    expect(opened.textContent).toBe(`Interaction ${closing.number}`);
  });

  it('moves between rows with the arrow keys and opens one with Enter', async () => {
    await create('a', 'First call', 'Phone');
    await create('b', 'Second call', 'Chat');
    const { user } = renderDeskpad(store);
    const list = screen.getByRole('region', { name: 'Interactions' });
    await within(list).findByText('Second call');
    const rows = within(list)
      .getAllByRole('button')
      .filter((b) => b.classList.contains('row-open'));
    rows[0]?.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows[1]);
    await user.keyboard('{Enter}');
    const number = rows[1]?.textContent ?? '';
    const opened = await screen.findByRole('heading', { level: 2, name: `Interaction ${number}` });
    expect(opened.textContent).toBe(`Interaction ${number}`);
  });

  it('shows Online and the changes not synced in the status mark', async () => {
    renderDeskpad(store);
    const mark = screen.getAllByRole('status')[0] as HTMLElement;
    await waitFor(() => expect(mark.textContent).toContain('0 changes not synced'));
    expect(mark.textContent).toContain('Online');
    await create('a', 'Printer jam', 'Phone');
    await waitFor(() => expect(mark.textContent).toContain('1 change not synced'));
  });
});
