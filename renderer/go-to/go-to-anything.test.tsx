// Go to anything in the window, by keyboard, on the real store host: Ctrl+G, a number, words, a
// command; results grouped by kind under headings; arrows and Enter open; Escape gives focus back.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateInteractionArgs } from '../../shared/domain/interaction';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;

beforeEach(async () => {
  store = await openTestStore({ demoIncidents: 20 });
});
afterEach(async () => {
  await store.close();
});

const base: Omit<CreateInteractionArgs, 'id' | 'shortDescription' | 'type'> = {
  openedFor: null,
  contactEmail: '',
  contactPhone: '',
  component: null,
  assignmentGroup: null,
  assignedTo: null,
  description: '',
};

async function create(id: string, shortDescription: string): Promise<string> {
  const made = await store.command('interaction.create', {
    ...base,
    id,
    shortDescription,
    type: 'Phone',
  });
  if (!made.ok) throw new Error(made.error.message);
  return made.value.number;
}

const goTo = () => screen.getByRole('dialog', { name: 'Go to anything' });
const box = () => within(goTo()).getByRole('combobox');
const results = () => within(goTo()).getByRole('listbox', { name: 'Results' });
/** The groups' headings, in the order they show. */
const headings = () =>
  within(results())
    .getAllByRole('group')
    .map((g) => document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent);
const highlighted = () => within(results()).getByRole('option', { selected: true }).textContent;

describe('Go to anything', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('opens with Ctrl+G, finds an incident by number under Incidents, and Enter opens it', async () => {
    const { user } = renderDeskpad(store);
    await screen.findByRole('combobox', { name: 'Opened for' });
    await user.keyboard('{Control>}g{/Control}');
    await waitFor(() => expect(document.activeElement).toBe(box()));
    // Nothing typed yet: the commands (no record was opened in this window).
    await within(results()).findByRole('group', { name: 'Commands' });
    expect(within(results()).getByRole('option', { name: /New interaction/ })).toBeDefined();

    await user.keyboard('inc1001');
    const incidents = await within(results()).findByRole('group', { name: 'Incidents' });
    await waitFor(() =>
      expect(within(incidents).getAllByRole('option')[0]?.textContent).toContain('INC0001001'),
    );
    expect(highlighted()).toContain('INC0001001');
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: 'Incident INC0001001' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('finds interactions by words, moves with the arrows, and lists the opened one as Recent next time', async () => {
    const older = await create('a', 'Printer jam on floor 2');
    const newer = await create('b', 'Printer out of toner');
    const { user } = renderDeskpad(store);
    await screen.findByRole('combobox', { name: 'Opened for' });
    await user.keyboard('{Control>}g{/Control}');
    await user.keyboard('printer');
    const group = await within(results()).findByRole('group', { name: 'Interactions' });
    await waitFor(() => expect(within(group).getAllByRole('option')).toHaveLength(2));
    expect(highlighted()).toContain(newer);
    await user.keyboard('{ArrowDown}');
    expect(highlighted()).toContain(older);
    expect(highlighted()).toContain('Printer jam on floor 2');
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: `Interaction ${older}` });

    await user.keyboard('{Control>}g{/Control}');
    const recent = await within(results()).findByRole('group', { name: 'Recent' });
    await waitFor(() =>
      expect(within(recent).getAllByRole('option')[0]?.textContent).toContain(older),
    );
    expect(headings()).toEqual(['Recent', 'Commands']);
  });

  it('runs a command: "callb" puts Callbacks due first, and Enter shows that section', async () => {
    await create('c', 'Callback wanted about the badge reader');
    const { user } = renderDeskpad(store);
    await screen.findByRole('combobox', { name: 'Opened for' });
    await user.keyboard('{Control>}g{/Control}');
    await user.keyboard('callb');
    await waitFor(() => expect(headings()).toEqual(['Commands', 'Interactions']));
    expect(highlighted()).toContain('Callbacks due');
    await user.keyboard('{Enter}');
    await screen.findByRole('region', { name: 'Callbacks due' });
  });

  it('says when nothing matches, and Escape closes it with focus back where it was', async () => {
    const { user } = renderDeskpad(store);
    const short = await screen.findByLabelText('Short description', { exact: true });
    await user.click(short);
    await user.keyboard('{Control>}g{/Control}');
    await waitFor(() => expect(document.activeElement).toBe(box()));
    await user.keyboard('zzqx');
    await within(goTo()).findByText('Nothing on this desk matches “zzqx”.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(short));
  });

  it('is listed in the keyboard shortcuts help', async () => {
    const { user } = renderDeskpad(store);
    await screen.findByRole('combobox', { name: 'Opened for' });
    await user.keyboard('{F1}');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help.textContent).toContain('Go to anything');
    expect(help.textContent).toContain('Ctrl+G');
    expect(help.textContent).toContain('Ctrl+Enter');
  });
});
