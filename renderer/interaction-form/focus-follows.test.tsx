// Focus that follows the work (issue 16): picking the caller moves focus to the first field still
// needed, and Ctrl+Enter saves and closes as Closed Complete in one step, asking nothing else.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const field = (label: string): HTMLInputElement =>
  screen.getByLabelText<HTMLInputElement>(label, { exact: true });

async function closedInteractions() {
  const list = await store.query('interaction.list', { view: 'recently-closed' });
  if (!list.ok) throw new Error(list.error.message);
  return list.value;
}

describe('focus that follows the work', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('goes from the picked caller to Short description, and Ctrl+Enter saves and closes', async () => {
    const { user } = renderDeskpad(store);
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    // A new interaction starts at the caller: the agent just types.
    await waitFor(() => expect(document.activeElement).toBe(lookup));
    await user.keyboard('a');
    const listbox = screen.getByRole('listbox', { name: 'Matching callers' });
    await within(listbox).findAllByRole('option');
    await user.keyboard('{ArrowDown}{Enter}');
    // Type is set (Phone, the desk's last channel): the next field needed is Short description.
    await waitFor(() => expect(document.activeElement).toBe(field('Short description')));
    expect(field('Contact email').value).not.toBe('');
    const caller = field('Opened for').value;

    await user.keyboard('Password reset done');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByText(/^Closed IMS-P\d+: Closed Complete$/);
    expect(screen.queryByRole('dialog')).toBeNull();
    const [closed] = await closedInteractions();
    expect(closed).toMatchObject({
      shortDescription: 'Password reset done',
      state: 'Closed Complete',
      openedForName: caller,
    });
  });

  it('Ctrl+Enter on a form that is not valid saves nothing and shows what is missing', async () => {
    const { user } = renderDeskpad(store);
    await screen.findByRole('combobox', { name: 'Opened for' });
    await user.keyboard('{Control>}{Enter}{/Control}');
    const short = field('Short description');
    await waitFor(() => expect(document.activeElement).toBe(short));
    expect(short.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/not saved/);
    expect(await closedInteractions()).toEqual([]);
  });

  it('leaves focus in Opened for when nothing more is needed (a caller changed on a filled form)', async () => {
    const { user } = renderDeskpad(store);
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    await user.click(field('Short description'));
    await user.keyboard('Monitor flickers');
    await user.click(lookup);
    await user.keyboard('a');
    await within(screen.getByRole('listbox', { name: 'Matching callers' })).findAllByRole('option');
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(field('Contact email').value).not.toBe(''));
    expect(document.activeElement).toBe(lookup);
  });
});
