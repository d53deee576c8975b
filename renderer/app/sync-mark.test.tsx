// The sync mark in the banner: Online, Offline or Syncing, the changes waiting, when the desk last
// synced, the last problem in words, and Sync now only where a desk server is configured.

import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../shared/store-api/contract';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';
import {
  createSyncDouble,
  signedInAs,
  syncStatus,
  testAgent,
  type SyncDouble,
} from '../../web/testing/sync-double';
import { formatShortTime } from '../format/format-time';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;
let desk: SyncDouble;

const local: SessionState = { status: 'local', agent: null, serverUrl: null, expiresAt: null };
const NOW = new Date('2026-11-24T10:30:00');

beforeEach(async () => {
  store = await openTestStore();
  desk = createSyncDouble(store, { session: signedInAs(testAgent()) });
});
afterEach(async () => {
  await store.close();
});

const banner = (): HTMLElement => screen.getByRole('banner');
const mark = (): HTMLElement =>
  within(banner())
    .getAllByRole('status')
    .find((s) => s.textContent?.includes('not synced')) as HTMLElement;

describe('the sync mark', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('says Online, Syncing or Offline with the changes waiting', async () => {
    desk.set({ status: syncStatus({ pendingChanges: 4 }) });
    renderDeskpad(desk.api, { now: () => NOW });
    await waitFor(() => expect(mark().textContent).toContain('4 changes not synced'));
    expect(mark().textContent).toContain('Online');

    act(() => desk.set({ status: syncStatus({ connection: 'syncing', pendingChanges: 1 }) }));
    await waitFor(() => expect(mark().textContent).toContain('Syncing'));
    expect(mark().textContent).toContain('1 change not synced');

    act(() =>
      desk.set({
        status: syncStatus({
          connection: 'offline',
          pendingChanges: 1,
          lastError:
            'The desk server at http://desk.test cannot be reached; changes wait on this desk.',
        }),
      }),
    );
    await waitFor(() => expect(mark().textContent).toContain('Offline'));
    expect(mark().textContent).toContain('cannot be reached; changes wait on this desk.');
  });

  it('shows when the desk last synced, and nothing before the first sync', async () => {
    renderDeskpad(desk.api, { now: () => NOW });
    await waitFor(() => expect(mark().textContent).toContain('0 changes not synced'));
    expect(within(banner()).queryByText(/Last synced/)).toBeNull();

    const at = '2026-11-24T10:27:00';
    act(() => desk.set({ status: syncStatus({ lastSyncedAt: new Date(at).toISOString() }) }));
    const last = await within(banner()).findByText(/Last synced/);
    expect(last.textContent).toBe(
      `Last synced ${formatShortTime(new Date(at).toISOString(), NOW)}`,
    );
  });

  it('syncs now when asked, where a desk server is configured', async () => {
    const { user } = renderDeskpad(desk.api);
    await user.click(await within(banner()).findByRole('button', { name: 'Sync now' }));
    expect(desk.acts).toEqual([{ name: 'sync.now', input: {} }]);
  });

  it('asks for a sync at once when the window sees the network come back', async () => {
    renderDeskpad(desk.api);
    await within(banner()).findByRole('button', { name: 'Sync now' });
    // The button is painted before React runs the effect that listens for `online`; on a busy
    // machine the event could come first. Let pending effects run, as they would before any
    // real network change.
    await act(async () => {});
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(desk.acts).toEqual([{ name: 'sync.now', input: {} }]));
  });

  it('has no Sync now on a desk without a desk server', async () => {
    desk.set({
      session: local,
      status: syncStatus({ lastError: 'No desk server is reachable: this desk works on its own.' }),
    });
    renderDeskpad(desk.api);
    await waitFor(() => expect(mark().textContent).toContain('works on its own'));
    expect(within(banner()).queryByRole('button', { name: 'Sync now' })).toBeNull();
    expect(within(banner()).queryByRole('button', { name: 'Sign out' })).toBeNull();
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(desk.acts).toEqual([]);
  });
});
