// Sync details: the sync mark opens it (mouse or keyboard); it lists the last sync attempts with
// their outcome and timing and the recent log lines, and Copy for support copies them, no token.

import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, type StoreResult } from '../../shared/domain/result';
import type { StoreHostApi, SyncDetails } from '../../shared/store-api/contract';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';
import {
  createSyncDouble,
  signedInAs,
  syncStatus,
  testAgent,
  type SyncDouble,
} from '../../web/testing/sync-double';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { storageWords } from './storage-words';
import { supportText } from './support-text';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;
let desk: SyncDouble;

const NOW = new Date('2026-11-24T10:30:00.000Z');
const UNREACHABLE = 'The desk server at http://desk.test did not answer (fetch failed).';

const details: SyncDetails = {
  attempts: [
    {
      kind: 'push',
      startedAt: '2026-11-24T10:29:50.000Z',
      durationMs: 1240,
      outcome: 'failed',
      error: UNREACHABLE,
    },
    {
      kind: 'pull',
      startedAt: '2026-11-24T10:20:00.000Z',
      durationMs: 85,
      outcome: 'ok',
      error: null,
    },
  ],
  log: [
    {
      at: '2026-11-24T10:20:00.000Z',
      level: 'info',
      module: 'session',
      message: 'signed in as ana',
    },
    {
      at: '2026-11-24T10:29:51.000Z',
      level: 'warn',
      module: 'sync',
      message: `push failed after 1240 ms: ${UNREACHABLE}`,
    },
  ],
};

/** The store with Sync details answered from `shown` (the host's own answer is tested there). */
function withDetails(api: StoreHostApi, shown: SyncDetails): StoreHostApi {
  const answer = ok(shown) as StoreResult<never>;
  return {
    ...api,
    query: (name, input) =>
      name === 'sync.details' ? Promise.resolve(answer) : api.query(name, input),
    subscribe: (name, input, listener) => {
      if (name !== 'sync.details') return api.subscribe(name, input, listener);
      listener(answer);
      return Promise.resolve(() => undefined);
    },
  };
}

beforeEach(async () => {
  store = await openTestStore();
  desk = createSyncDouble(store, { session: signedInAs(testAgent()) });
});
afterEach(async () => {
  await store.close();
});

const markButton = async (): Promise<HTMLElement> =>
  within(screen.getByRole('banner')).findByRole('button', { name: /changes? not synced/ });

describe('Sync details', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('opens from the sync mark and shows the last attempts and the recent log', async () => {
    desk.set({ status: syncStatus({ pendingChanges: 2, connection: 'offline' }) });
    const { user } = renderDeskpad(withDetails(desk.api, details), { now: () => NOW });
    const mark = await markButton();
    expect(mark.getAttribute('aria-haspopup')).toBe('dialog');
    await user.click(mark);

    const dialog = await screen.findByRole('dialog', { name: 'Sync details' });
    const table = within(dialog).getByRole('table', { name: 'Last sync attempts, newest first' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(1)
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['Send changes', '1.2 s', `Failed: ${UNREACHABLE}`],
      ['Get changes', '85 ms', 'Done'],
    ]);
    const log = within(dialog).getByRole('list', { name: 'Recent log lines' });
    expect(
      within(log)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringMatching(/info \[session\] signed in as ana$/),
      expect.stringMatching(/warn \[sync\] push failed after 1240 ms: The desk server/),
    ]);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
  });

  it('copies the status, attempts and log for support, with no token', async () => {
    const status = syncStatus({ pendingChanges: 2, lastError: UNREACHABLE });
    desk.set({ status });
    const { user } = renderDeskpad(withDetails(desk.api, details), { now: () => NOW });
    await user.click(await markButton());
    const dialog = await screen.findByRole('dialog', { name: 'Sync details' });
    await user.click(within(dialog).getByRole('button', { name: 'Copy for support' }));

    await waitFor(() =>
      expect(within(dialog).getByRole('status').textContent).toBe(
        'Copied. Paste it into your message to support.',
      ),
    );
    const copied = await navigator.clipboard.readText();
    expect(copied).toBe(supportText(details, { ...status, needsAttention: 0 }, NOW));
    expect(copied).toContain(`push  1240 ms  failed: ${UNREACHABLE}`);
    expect(copied).toContain('Changes not synced: 2');
    expect(copied).not.toMatch(/bearer|token/i);
  });

  it('is usable from the keyboard: Enter on the mark opens it, Escape closes it', async () => {
    const { user } = renderDeskpad(withDetails(desk.api, details), { now: () => NOW });
    const mark = await markButton();
    act(() => mark.focus());
    await user.keyboard('{Enter}');
    await screen.findByRole('dialog', { name: 'Sync details' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(mark);
  });

  it("shows the desk's storage use against its ceiling, axe-clean", async () => {
    const storage = {
      usedBytes: 12.34 * 1024 * 1024,
      quotaBytes: 10 * 1024 * 1024 * 1024,
      ceilingBytes: 200 * 1024 * 1024,
      records: 1234,
      measuredAt: '2026-11-24T10:29:00.000Z',
    };
    const { user } = renderDeskpad(withDetails(desk.api, { ...details, storage }), {
      now: () => NOW,
    });
    await user.click(await markButton());
    const dialog = await screen.findByRole('dialog', { name: 'Sync details' });
    expect(within(dialog).getByRole('heading', { name: 'Storage' })).toBeInstanceOf(HTMLElement);
    expect(
      within(dialog).getByText('12.3 MB used, kept under 200 MB: 1,234 records on this desk.'),
    ).toBeInstanceOf(HTMLElement);
    await expectNoAxeViolations(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Copy for support' }));
    await waitFor(async () =>
      expect(await navigator.clipboard.readText()).toContain(
        'Storage: 12.3 MB used, kept under 200 MB: 1,234 records on this desk.',
      ),
    );
  });

  it('where the browser does not estimate storage, says so and still counts the records', () => {
    expect(
      storageWords({
        usedBytes: null,
        quotaBytes: null,
        ceilingBytes: 200 * 1024 * 1024,
        records: 1,
        measuredAt: '2026-11-24T10:29:00.000Z',
      }),
    ).toBe(
      '1 record on this desk; this browser does not say how much space they use (kept under 200 MB).',
    );
  });

  it('on a desk that has not synced yet, says there is nothing to show yet', async () => {
    const { user } = renderDeskpad(store, { now: () => NOW });
    await user.click(await markButton());
    const dialog = await screen.findByRole('dialog', { name: 'Sync details' });
    expect(await within(dialog).findByText('No sync attempts yet.')).toBeInstanceOf(HTMLElement);
  });
});
