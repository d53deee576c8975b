// The directory download from the desk server: a progress bar named "Downloading directory" with
// "N of M users" while pages arrive, gone when ready, and the form usable all along.

import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';
import {
  createSyncDouble,
  signedInAs,
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

const page = (done: number, total: number) =>
  ({ type: 'directory-progress', phase: 'generating', source: 'server', done, total }) as const;

describe('downloading the directory', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('shows pages arriving as "N of M users" and never blocks the form', async () => {
    const { user } = renderDeskpad(desk.api);
    const short = await screen.findByLabelText<HTMLInputElement>('Short description', {
      exact: true,
    });
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());

    act(() => desk.emit(page(2000, 4000)));
    const bar = await screen.findByRole('progressbar', { name: 'Downloading directory' });
    expect(bar.getAttribute('value')).toBe('2000');
    expect(bar.getAttribute('max')).toBe('4000');
    expect(
      screen.getByText(`${(2000).toLocaleString()} of ${(4000).toLocaleString()} users`),
    ).toBeTruthy();

    // The total grows while pages come.
    act(() => desk.emit(page(4000, 6000)));
    await screen.findByText(`${(4000).toLocaleString()} of ${(6000).toLocaleString()} users`);

    await user.type(short, 'Typed during the download');
    expect(short.value).toBe('Typed during the download');

    act(() =>
      desk.emit({
        type: 'directory-progress',
        phase: 'indexing',
        source: 'server',
        done: 0,
        total: 5000,
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('progressbar', { name: 'Downloading directory' })).toBeNull(),
    );
    expect(
      screen.getByRole('progressbar', { name: /Loading the directory: indexing/ }),
    ).toBeTruthy();

    act(() =>
      desk.emit({
        type: 'directory-progress',
        phase: 'ready',
        source: 'server',
        done: 5000,
        total: 5000,
      }),
    );
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  });
});
