// Rating an article from its dialog, by keyboard, on the real store host (the demo desk, offline):
// Helpful says "You marked this helpful" and is kept as the agent's; Outdated takes a short comment
// and replaces it; a comment too long is refused with the reason and changes nothing; axe-clean.

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

const ARTICLE = 'kb-demo-printer-offline';
const TITLE = 'Printer shows offline or jobs stay in the queue';

it(
  'rates the article Helpful, then flags it Outdated with a comment, by keyboard',
  async () => {
    const app = renderDeskpad(store);
    const description = await screen.findByLabelText<HTMLInputElement>('Short description', {
      exact: true,
    });
    await app.user.type(description, 'Printer offline');
    const panel = screen.getByRole('region', { name: 'Knowledge' });
    await within(panel).findByRole('button', { name: TITLE });
    await app.user.keyboard('{Alt>}1{/Alt}');
    const dialog = await screen.findByRole('dialog', { name: TITLE });
    const group = within(dialog).getByRole('group', { name: 'Did this article help?' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => [b.textContent, b.getAttribute('aria-pressed')]),
    ).toEqual([
      ['Helpful', 'false'],
      ['Not helpful', 'false'],
      ['Outdated', 'false'],
    ]);
    expect(document.activeElement?.textContent).toBe('Attach');

    // Back from Attach: Outdated, Not helpful, Helpful.
    await app.user.keyboard('{Shift>}{Tab}{Tab}{Tab}{/Shift}');
    expect(document.activeElement?.textContent).toBe('Helpful');
    await app.user.keyboard('{Enter}');
    await within(dialog).findByText('You marked this helpful.');
    expect(
      within(group).getByRole('button', { name: 'Helpful' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await expectNoAxeViolations(dialog);

    await app.user.keyboard('{Tab}{Tab}{Enter}');
    const comment = await within(dialog).findByLabelText<HTMLInputElement>(
      'What has changed? (optional)',
    );
    await waitFor(() => expect(document.activeElement).toBe(comment));
    await expectNoAxeViolations(dialog);
    // Too long: refused with the reason, nothing kept.
    await app.user.paste('x'.repeat(281));
    await app.user.keyboard('{Enter}');
    await within(dialog).findByText('A comment can be at most 280 characters.');
    expect(await store.query('knowledge.myRating', { id: ARTICLE, revision: 1 })).toMatchObject({
      ok: true,
      value: { verdict: 'helpful' },
    });

    await app.user.clear(comment);
    await app.user.type(comment, 'The menu is now called Printers & scanners{Enter}');
    await within(dialog).findByText(
      'You flagged this outdated. “The menu is now called Printers & scanners”',
    );
    const mine = await store.query('knowledge.myRating', { id: ARTICLE, revision: 1 });
    expect(mine).toMatchObject({
      ok: true,
      value: { verdict: 'outdated', comment: 'The menu is now called Printers & scanners' },
    });
    const status = await store.query('sync.status', {});
    expect(status.ok && status.value.pendingChanges).toBe(2);
  },
  STORE_TEST_TIMEOUT_MS,
);
