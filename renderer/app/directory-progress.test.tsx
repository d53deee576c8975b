// The directory download from the desk server: a progress bar named "Downloading directory" with
// "N records so far" while pages arrive, gone when ready, and the form usable all along.

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
  it('shows pages arriving as "N records so far" and never blocks the form', async () => {
    const { user } = renderDeskpad(desk.api);
    const short = await screen.findByLabelText<HTMLInputElement>('Short description', {
      exact: true,
    });
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());

    act(() => desk.emit(page(2000, 4000)));
    const bar = await screen.findByRole('progressbar', { name: 'Downloading directory' });
    expect(bar.getAttribute('value')).toBe('2000');
    expect(bar.getAttribute('max')).toBe('4000');
    // Users, groups and configuration items all count: the words say records, not users.
    const described = document.getElementById(bar.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe(`${(2000).toLocaleString()} records so far`);

    // The bar's end moves on while pages come.
    act(() => desk.emit(page(4000, 6000)));
    await screen.findByText(`${(4000).toLocaleString()} records so far`);
    expect(bar.getAttribute('max')).toBe('6000');

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
    const indexing = screen.getByRole('progressbar', { name: /Loading the directory: indexing/ });
    expect(indexing.getAttribute('max')).toBe('5000');

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
