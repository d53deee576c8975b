// The caller lookup answers a keystroke from what it asked ahead, on the real store host: the
// matches are on screen with the key press itself, and the store host's own answer confirms them.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreHostApi } from '../../shared/store-api/contract';
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

/** The store host, except that `directory.searchUsers` never answers while `hold` says so. */
function withSearchHeld(hold: { on: boolean }): StoreHostApi {
  return {
    ...store,
    command: (name, input) => store.command(name, input),
    subscribe: (name, input, listener) => store.subscribe(name, input, listener),
    onEvent: (listener) => store.onEvent(listener),
    act: (name, input) => store.act(name, input),
    query: (name, input) =>
      name === 'directory.searchUsers' && hold.on
        ? new Promise(() => undefined)
        : store.query(name, input),
  };
}

describe('caller lookahead', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('shows the matches for the next key without waiting for the search', async () => {
    const expected = await store.query('directory.searchUsers', { query: 'm', limit: 10 });
    if (!expected.ok || expected.value.length === 0) throw new Error('nobody matches "m"');
    const hold = { on: true };
    const { user } = renderDeskpad(withSearchHeld(hold));
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    await waitFor(() => expect(document.activeElement).toBe(lookup));
    // Focus asked ahead for the empty text; give the store host a moment to answer.
    await new Promise((resolve) => setTimeout(resolve, 300));

    await user.keyboard('M');
    const listbox = await screen.findByRole('listbox', { name: 'Matching callers' });
    const names = within(listbox)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(names).toHaveLength(expected.value.length);
    expect(names[0]).toContain(expected.value[0]?.name);
  });

  it('waits for the search when the key was not asked ahead (a paste)', async () => {
    const hold = { on: true };
    const { user } = renderDeskpad(withSearchHeld(hold));
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    await waitFor(() => expect(document.activeElement).toBe(lookup));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await user.paste('mar');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // No matches are shown: the menu stays out of sight until the search answers.
    expect(screen.queryByRole('listbox', { name: 'Matching callers' })).toBeNull();
    hold.on = false;
    await user.type(lookup, 'i');
    const listbox = await screen.findByRole('listbox', { name: 'Matching callers' });
    expect(within(listbox).getAllByRole('option').length).toBeGreaterThan(0);
  });
});
