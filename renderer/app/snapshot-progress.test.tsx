// A fresh desk's first sync by snapshot: a progress bar named "Bringing this desk’s records" with
// "N of M" while its pages are stored, axe-clean, gone when it is over, the form usable all along.

import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import {
  expectFormUsable,
  expectProgressBar,
  renderDeskForm,
  signedInDeskPerTest,
} from '../../web/testing/progress-steps';
import { STORE_TEST_TIMEOUT_MS } from '../../web/testing/render-deskpad';
import { syncStatus } from '../../web/testing/sync-double';

const desk = signedInDeskPerTest();

const NAME = 'Bringing this desk’s records';
const snapshot = (done: number, total: number) =>
  act(() =>
    desk().set({ status: syncStatus({ connection: 'syncing', snapshot: { done, total } }) }),
  );

describe('a first sync by snapshot', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('shows records stored of the total, and never blocks the form', async () => {
    const { user, short } = await renderDeskForm(desk().api);
    expect(screen.queryByRole('progressbar', { name: NAME })).toBeNull();

    snapshot(12400, 38000);
    const of = `${(12400).toLocaleString()} of ${(38000).toLocaleString()}`;
    const bar = await expectProgressBar(NAME, 12400, 38000, of);
    const header = bar.closest('header');
    if (!header) throw new Error('the bar is in the banner');
    await expectNoAxeViolations(header);

    await expectFormUsable(user, short, 'Typed during the first sync');

    snapshot(38000, 38000);
    await screen.findByText(`${(38000).toLocaleString()} of ${(38000).toLocaleString()}`);

    act(() => desk().set({ status: syncStatus({ connection: 'online' }) }));
    await waitFor(() => expect(screen.queryByRole('progressbar', { name: NAME })).toBeNull());
  });
});
