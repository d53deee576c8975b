// One Save is one interaction.save; a save whose answer was lost (the store host restarted after
// saving) and is tried again: the work note reaches the record once, never dropped nor written twice.

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
 * The real store host, except that the first save is made but its answer is lost, as when the
 * host restarts mid-call. With `recordNotShownYet`, the form's live record has not arrived from
 * the new host either, so the retry is a first save again. `sent` lists every command sent.
 */
function losingFirstSaveAnswer(
  real: StoreHostApi,
  recordNotShownYet: boolean,
  sent: string[] = [],
): StoreHostApi {
  let lost = false;
  return {
    query: (name, input) => real.query(name, input),
    act: (name, input) => real.act(name, input),
    onEvent: (listener) => real.onEvent(listener),
    async command(name, input) {
      sent.push(name);
      const answer = await real.command(name, input);
      if (name !== 'interaction.save' || lost) return answer;
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

/** The real store host, listing every command the form sends. */
function counting(real: StoreHostApi, sent: string[]): StoreHostApi {
  return {
    query: (name, input) => real.query(name, input),
    act: (name, input) => real.act(name, input),
    onEvent: (listener) => real.onEvent(listener),
    subscribe: (name, input, listener) => real.subscribe(name, input, listener),
    command(name, input) {
      sent.push(name);
      return real.command(name, input);
    },
  };
}

describe('one Save, one command', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('saves a new interaction with its first work note as one interaction.save', async () => {
    const sent: string[] = [];
    const { user } = renderDeskpad(counting(store, sent));
    await user.type(field('Short description'), 'Monitor flickers');
    await user.type(field('Work notes'), 'Swapped the cable.');
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText(/^Saved IMS-P\d{4}$/);
    expect(sent).toEqual(['interaction.save']);
    expect(await notesOnTheOnlyRecord()).toEqual(['Swapped the cable.']);

    // The next Save, with a changed field and another note, is again one command.
    await user.type(field('Description'), 'Second screen too.');
    await user.type(field('Work notes'), 'Ordered a new monitor.');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(sent).toEqual(['interaction.save', 'interaction.save']));
    await waitFor(() => expect(field('Work notes').value).toBe(''));
    expect(await notesOnTheOnlyRecord()).toEqual(['Swapped the cable.', 'Ordered a new monitor.']);
  });
});

describe('saving again after a lost answer', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('keeps a work note written after the failed first save (a retried create once dropped it)', async () => {
    const { user } = renderDeskpad(losingFirstSaveAnswer(store, true));
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
    const { user } = renderDeskpad(losingFirstSaveAnswer(store, true));
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
    const { user } = renderDeskpad(losingFirstSaveAnswer(store, false));
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
