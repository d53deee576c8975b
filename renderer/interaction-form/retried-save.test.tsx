// A save whose answer was lost (the store host restarted after saving) and is tried again: the
// work note reaches the record once, never dropped and never written twice.

import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail, ok, type StoreResult } from '../../shared/domain/result';
import type { StoreHostApi } from '../../shared/store-api/contract';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';
import { STORE_RESTARTED_MESSAGE } from '../store-client';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
});
afterEach(async () => {
  await store.close();
});

/**
 * The real store host, except that the first create is saved but its answer is lost, as when the
 * host restarts mid-call. With `recordNotShownYet`, the form's live record has not arrived from
 * the new host either, so the retry goes through the create path again.
 */
function losingFirstCreateAnswer(real: StoreHostApi, recordNotShownYet: boolean): StoreHostApi {
  let lost = false;
  return {
    query: (name, input) => real.query(name, input),
    act: (name, input) => real.act(name, input),
    onEvent: (listener) => real.onEvent(listener),
    async command(name, input) {
      const answer = await real.command(name, input);
      if (name !== 'interaction.create' || lost) return answer;
      lost = true;
      return fail('not-ready', STORE_RESTARTED_MESSAGE);
    },
    subscribe(name, input, listener) {
      if (recordNotShownYet && name === 'interaction.get') {
        (listener as (result: StoreResult<null>) => void)(ok(null));
        return Promise.resolve(() => undefined);
      }
      return real.subscribe(name, input, listener);
    },
  };
}

const field = (label: string): HTMLInputElement =>
  screen.getByLabelText<HTMLInputElement>(label, { exact: true });

async function notesOnTheOnlyRecord(): Promise<string[]> {
  const list = await store.query('interaction.list', { view: 'all-open' });
  if (!list.ok) throw new Error(list.error.message);
  expect(list.value).toHaveLength(1);
  const record = await store.query('interaction.get', { id: list.value[0]?.id ?? '' });
  if (!record.ok || !record.value) throw new Error('the record is not on the desk');
  return record.value.workNotes.map((n) => n.text);
}

describe('saving again after a lost answer', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('keeps a work note written after the failed first save (the retried create used to drop it)', async () => {
    const { user } = renderDeskpad(losingFirstCreateAnswer(store, true));
    await user.type(field('Short description'), 'Printer jam on floor 2');
    await user.keyboard('{Control>}s{/Control}');
    expect((await screen.findByRole('alert')).textContent).toContain('restarted');

    await user.type(field('Work notes'), 'Cleared the jam, test page printed.');
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText(/^Saved IMS-P\d{4}$/);

    expect(await notesOnTheOnlyRecord()).toEqual(['Cleared the jam, test page printed.']);
    await waitFor(() => expect(field('Work notes').value).toBe(''));
  });

  it('keeps the newer text when the note was changed after the failed first save', async () => {
    const { user } = renderDeskpad(losingFirstCreateAnswer(store, true));
    await user.type(field('Short description'), 'VPN drops every hour');
    await user.type(field('Work notes'), 'Asked for logs.');
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByRole('alert');

    await user.clear(field('Work notes'));
    await user.type(field('Work notes'), 'Asked for logs; caller sends them today.');
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText(/^Saved IMS-P\d{4}$/);

    // The first text was saved by the create whose answer was lost; the agent's latest is there too.
    expect(await notesOnTheOnlyRecord()).toEqual([
      'Asked for logs.',
      'Asked for logs; caller sends them today.',
    ]);
  });

  it('does not write the note twice when the saved record shows up before the retry', async () => {
    const { user } = renderDeskpad(losingFirstCreateAnswer(store, false));
    await user.type(field('Short description'), 'Badge does not open door 4');
    await user.type(field('Work notes'), 'Re-encoded the badge.');
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByRole('alert');
    // The live record arrives: the form now edits the record the lost create made.
    await screen.findByRole('heading', { level: 2, name: /^Interaction IMS-P\d{4}$/ });

    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText(/^Saved IMS-P\d{4}$/);
    expect(await notesOnTheOnlyRecord()).toEqual(['Re-encoded the badge.']);
    await waitFor(() => expect(field('Work notes').value).toBe(''));
  });
});
