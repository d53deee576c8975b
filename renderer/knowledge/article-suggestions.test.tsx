// Knowledge beside the interaction form, by keyboard on the real store host (the demo desk's
// articles): typing "printer" suggests the printer articles, Alt+1 opens the best one, Resolved
// with this closes the interaction Closed Complete with a work note naming the article, Attach saves
// it with that note; axe-clean.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
});
afterEach(async () => {
  await store.close();
});

const field = (label: string): HTMLInputElement =>
  screen.getByLabelText<HTMLInputElement>(label, { exact: true });

async function pickACaller(app: ReturnType<typeof renderDeskpad>): Promise<void> {
  const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
  await app.user.click(lookup);
  await app.user.keyboard('a');
  await within(screen.getByRole('listbox', { name: 'Matching callers' })).findAllByRole('option');
  await app.user.keyboard('{ArrowDown}{Enter}');
  await waitFor(() => expect(field('Contact email').value).not.toBe(''));
}

it(
  'Attach saves the interaction with a work note naming the article, and keeps it open',
  async () => {
    const app = renderDeskpad(store);
    await pickACaller(app);
    await app.user.type(field('Short description'), 'paper jam');
    const panel = screen.getByRole('region', { name: 'Knowledge' });
    await within(panel).findByRole('button', { name: 'Paper jam on a floor printer' });
    await app.user.keyboard('{Alt>}1{/Alt}');
    await screen.findByRole('dialog', { name: 'Paper jam on a floor printer' });
    await app.user.keyboard('{Enter}');
    const saved = await screen.findByText(/^Saved IMS-P\d+$/);
    expect(screen.queryByRole('dialog')).toBeNull();
    const list = await store.query('interaction.list', { view: 'all-open' });
    const item = list.ok
      ? list.value.find((i) => saved.textContent?.endsWith(i.number))
      : undefined;
    const record = await store.query('interaction.get', { id: item?.id ?? '' });
    expect(record.ok && record.value?.workNotes.map((n) => n.text)).toEqual([
      'Attached knowledge article kb-demo-paper-jam (revision 1): Paper jam on a floor printer',
    ]);
  },
  STORE_TEST_TIMEOUT_MS,
);

it(
  'suggests articles as the Short description is typed; Alt+1 opens one; Resolved with this closes',
  async () => {
    const app = renderDeskpad(store);
    await pickACaller(app);

    const panel = screen.getByRole('region', { name: 'Knowledge' });
    expect(panel.textContent).toContain('Type the Short description');
    await app.user.type(field('Short description'), 'Printer offline on floor 2');
    await waitFor(() =>
      expect(
        within(panel)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual([
        'Printer shows offline or jobs stay in the queue',
        'Paper jam on a floor printer',
      ]),
    );
    await expectNoAxeViolations(panel);

    // Focus is still in Short description: one key opens the best article.
    await app.user.keyboard('{Alt>}1{/Alt}');
    const dialog = await screen.findByRole('dialog', {
      name: 'Printer shows offline or jobs stay in the queue',
    });
    expect(within(dialog).getByRole('heading', { level: 3 }).textContent).toBe('Clear the queue');
    expect(document.activeElement?.textContent).toBe('Attach');
    await expectNoAxeViolations(dialog);

    await app.user.tab();
    expect(document.activeElement?.textContent).toBe('Resolved with this');
    await app.user.keyboard('{Enter}');
    const closed = await screen.findByText(/^Closed IMS-P\d+: Closed Complete$/);
    const number = closed.textContent?.match(/IMS-P\d+/)?.[0] ?? '';
    const list = await store.query('interaction.list', { view: 'recently-closed' });
    const item = list.ok ? list.value.find((i) => i.number === number) : undefined;
    const record = await store.query('interaction.get', { id: item?.id ?? '' });
    expect(record.ok && record.value?.state).toBe('Closed Complete');
    expect(record.ok && record.value?.resolvedWith).toEqual({
      id: 'kb-demo-printer-offline',
      revision: 1,
    });
    expect(record.ok && record.value?.workNotes.map((n) => n.text)).toEqual([
      'Resolved with knowledge article kb-demo-printer-offline (revision 1): Printer shows offline or jobs stay in the queue',
    ]);
  },
  STORE_TEST_TIMEOUT_MS,
);
