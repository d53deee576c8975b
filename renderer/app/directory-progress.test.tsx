// The directory download from the desk server: a progress bar named "Downloading directory" with
// "N records so far" while pages arrive, gone when ready, and the form usable all along.

import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  expectFormUsable,
  expectProgressBar,
  renderDeskForm,
  signedInDeskPerTest,
} from '../../web/testing/progress-steps';
import { STORE_TEST_TIMEOUT_MS } from '../../web/testing/render-deskpad';

const desk = signedInDeskPerTest();

const progress = (phase: 'generating' | 'indexing' | 'ready', done: number, total: number) =>
  act(() =>
    desk().emit({ type: 'directory-progress', phase, source: 'server', done, total } as const),
  );

describe('downloading the directory', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('shows pages arriving as "N records so far" and never blocks the form', async () => {
    const { user, short } = await renderDeskForm(desk().api);
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());

    progress('generating', 2000, 4000);
    // Users, groups and configuration items all count: the words say records, not users.
    const so = `${(2000).toLocaleString()} records so far`;
    const bar = await expectProgressBar('Downloading directory', 2000, 4000, so);

    // The bar's end moves on while pages come.
    progress('generating', 4000, 6000);
    await screen.findByText(`${(4000).toLocaleString()} records so far`);
    expect(bar.getAttribute('max')).toBe('6000');

    await expectFormUsable(user, short, 'Typed during the download');

    progress('indexing', 0, 5000);
    await waitFor(() =>
      expect(screen.queryByRole('progressbar', { name: 'Downloading directory' })).toBeNull(),
    );
    const indexing = screen.getByRole('progressbar', { name: /Loading the directory: indexing/ });
    expect(indexing.getAttribute('max')).toBe('5000');

    progress('ready', 5000, 5000);
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  });
});
