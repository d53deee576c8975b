// A fresh desk's first sync by snapshot: a progress bar named "Bringing this desk’s records" with
// "N of M" while its pages are stored, axe-clean, gone when it is over, the form usable all along.

import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';
import {
  createSyncDouble,
  signedInAs,
  syncStatus,
  testAgent,
  type SyncDouble,
} from '../../web/testing/sync-double';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;
let desk: SyncDouble;

beforeEach(async () => {
  store = await openTestStore();
  desk = createSyncDouble(store, { session: signedInAs(testAgent()) });
});
afterEach(async () => {
  await store.close();
});

const NAME = 'Bringing this desk’s records';

describe('a first sync by snapshot', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('shows records stored of the total, and never blocks the form', async () => {
    const { user } = renderDeskpad(desk.api);
    const short = await screen.findByLabelText<HTMLInputElement>('Short description', {
      exact: true,
    });
    expect(screen.queryByRole('progressbar', { name: NAME })).toBeNull();

    act(() =>
      desk.set({
        status: syncStatus({ connection: 'syncing', snapshot: { done: 12400, total: 38000 } }),
      }),
    );
    const bar = await screen.findByRole('progressbar', { name: NAME });
    expect(bar.getAttribute('value')).toBe('12400');
    expect(bar.getAttribute('max')).toBe('38000');
    const described = document.getElementById(bar.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe(
      `${(12400).toLocaleString()} of ${(38000).toLocaleString()}`,
    );
    const header = bar.closest('header');
    if (!header) throw new Error('the bar is in the banner');
    await expectNoAxeViolations(header);

    await user.type(short, 'Typed during the first sync');
    expect(short.value).toBe('Typed during the first sync');

    act(() =>
      desk.set({
        status: syncStatus({ connection: 'syncing', snapshot: { done: 38000, total: 38000 } }),
      }),
    );
    await screen.findByText(`${(38000).toLocaleString()} of ${(38000).toLocaleString()}`);

    act(() => desk.set({ status: syncStatus({ connection: 'online' }) }));
    await waitFor(() => expect(screen.queryByRole('progressbar', { name: NAME })).toBeNull());
  });
});
