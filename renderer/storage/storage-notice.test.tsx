// The storage notice by keyboard: shown with the fix when the browser will not keep the database,
// Ask again and Dismiss reached with Tab, nothing shown when storage is persisted; axe-clean.

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, tabTo } from '../../web/testing/agent-steps';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';
import { StorageNotice } from './storage-notice';
import { STORAGE_WORDS, type StoragePersistence } from './storage-persistence';

const sourceAnswering = (first: StoragePersistence, then: StoragePersistence = first) => {
  const asked: string[] = [];
  return {
    asked,
    check: () => {
      asked.push('check');
      return Promise.resolve(first);
    },
    ask: () => {
      asked.push('ask');
      return Promise.resolve(then);
    },
  };
};

describe('the storage notice', () => {
  it('tells the agent, with the fix, when the browser may clear the data; Ask again by keyboard', async () => {
    const user = userEvent.setup();
    const source = sourceAnswering('not-granted', 'persisted');
    const { container } = render(<StorageNotice source={source} />);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'This browser may clear Deskpad’s data when space runs low',
      ),
    );
    expect(screen.getByRole('status').textContent).toMatch(
      /Install Deskpad.*allow persistent storage/,
    );
    await expectNoAxeViolations(container);
    const askAgain = screen.getByRole('button', { name: STORAGE_WORDS.askAgain });
    await tabTo(user, askAgain);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('button')).toBeNull());
    expect(source.asked).toEqual(['check', 'ask']);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('can be dismissed by keyboard', async () => {
    const user = userEvent.setup();
    render(<StorageNotice source={sourceAnswering('not-granted')} />);
    const dismiss = await screen.findByRole('button', { name: STORAGE_WORDS.dismiss });
    await tabTo(user, dismiss);
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says nothing when the data is kept, unknown, or there is no browser to ask', async () => {
    for (const answer of ['persisted', 'unknown'] as const) {
      const source = sourceAnswering(answer);
      const { unmount } = render(<StorageNotice source={source} />);
      await waitFor(() => expect(source.asked).toEqual(['check']));
      expect(screen.getByRole('status').textContent).toBe('');
      expect(screen.queryByRole('button')).toBeNull();
      unmount();
    }
    render(<StorageNotice source={undefined} />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('the storage notice in the window', () => {
  it(
    'shows under the banner when the browser build was not granted persistent storage',
    async () => {
      const store = await openTestStore();
      try {
        const { container } = renderDeskpad(store, { storage: sourceAnswering('not-granted') });
        await waitFor(() =>
          expect(
            screen
              .getAllByRole('status')
              .some((s) => s.textContent?.includes('may clear Deskpad’s data')),
          ).toBe(true),
        );
        expect(screen.getByRole('button', { name: STORAGE_WORDS.dismiss })).toBeTruthy();
        await expectNoAxeViolations(container);
      } finally {
        await store.close();
      }
    },
    STORE_TEST_TIMEOUT_MS,
  );
});
