// Needs attention, as an agent meets it: the banner button with the count, the list with each
// refused change in words, Retry, Discard asked first, and Open for a record on the desk.

import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NeedsAttentionItem } from '../../shared/store-api/contract';
import { fail } from '../../shared/domain/result';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
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
let onDesk: NeedsAttentionItem;
let gone: NeedsAttentionItem;

beforeEach(async () => {
  store = await openTestStore();
  desk = createSyncDouble(store, { session: signedInAs(testAgent()) });
  const made = await store.command('interaction.create', {
    id: 'rec-1',
    openedFor: null,
    contactEmail: '',
    contactPhone: '',
    type: 'Phone',
    component: null,
    assignmentGroup: null,
    assignedTo: null,
    shortDescription: 'Printer jam',
    description: '',
  });
  if (!made.ok) throw new Error(made.error.message);
  onDesk = {
    id: 7,
    mutationId: 12,
    name: 'interaction.close',
    args: { id: 'rec-1', state: 'Closed Complete' },
    at: '2026-11-24T09:00:00.000Z',
    actorId: 'usr_agent_1',
    recordKind: 'interaction',
    recordId: 'rec-1',
    recordNumber: made.value.number,
    shortDescription: 'Printer jam',
    reason: { code: 'rule', message: 'This interaction was already closed on another desk.' },
    refusedAt: '2026-11-24T09:05:00.000Z',
  };
  gone = {
    ...onDesk,
    id: 8,
    mutationId: 13,
    name: 'interaction.create',
    args: { id: 'rec-2', shortDescription: 'Badge reader down' },
    recordId: 'rec-2',
    recordNumber: null,
    shortDescription: 'Badge reader down',
    reason: {
      code: 'rule',
      message: 'The interaction was not saved.',
      fieldErrors: { assignedTo: 'Assigned to must be a member of the Assignment group.' },
    },
  };
});
afterEach(async () => {
  await store.close();
});

const banner = (): HTMLElement => screen.getByRole('banner');

async function openList(user: ReturnType<typeof renderDeskpad>['user']): Promise<HTMLElement> {
  const button = await within(banner()).findByRole('button', { name: 'Needs attention (2)' });
  expect(button.getAttribute('aria-expanded')).toBe('false');
  await user.click(button);
  expect(button.getAttribute('aria-expanded')).toBe('true');
  return screen.getByRole('region', { name: 'Needs attention' });
}

const entry = (list: HTMLElement, name: RegExp): HTMLElement =>
  within(list).getByRole('listitem', { name });

describe('Needs attention', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('shows no button while nothing was refused', async () => {
    renderDeskpad(desk.api);
    await within(banner()).findByRole('button', { name: 'Sync now' });
    expect(within(banner()).queryByRole('button', { name: /Needs attention/ })).toBeNull();
  });

  it('lists each refused change: the interaction, the change in words, the reason; axe-clean', async () => {
    desk.set({ needsAttention: [gone, onDesk] });
    const { user } = renderDeskpad(desk.api);
    const list = await openList(user);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Needs attention'));

    const closing = entry(list, new RegExp(`^Interaction ${onDesk.recordNumber} · Printer jam$`));
    expect(closing.textContent).toContain('Close interaction');
    expect(closing.textContent).toContain('This interaction was already closed on another desk.');
    expect(within(closing).getAllByRole('time')).toHaveLength(2);
    expect(within(closing).getByRole('button', { name: 'Open' }).hasAttribute('disabled')).toBe(
      false,
    );

    const creating = entry(list, /^An interaction not on this desk · Badge reader down$/);
    expect(creating.textContent).toContain('Create interaction');
    expect(creating.textContent).toContain('Assigned to must be a member of the Assignment group.');
    // Not on the desk: nothing to open.
    expect(within(creating).queryByRole('button', { name: 'Open' })).toBeNull();

    await expectNoAxeViolations(list);
  });

  it('retries a change and shows why a retry did not work', async () => {
    desk.set({ needsAttention: [gone, onDesk] });
    const { user } = renderDeskpad(desk.api);
    const list = await openList(user);
    const closing = entry(list, /Printer jam/);
    await user.click(within(closing).getByRole('button', { name: 'Retry' }));
    expect(desk.acts).toEqual([{ name: 'sync.retry', input: { id: 7 } }]);

    desk.answerActs(() => fail('not-found', 'That change is no longer waiting for attention.'));
    await user.click(within(closing).getByRole('button', { name: 'Retry' }));
    expect((await within(closing).findByRole('alert')).textContent).toBe(
      'Retry did not work: That change is no longer waiting for attention.',
    );
  });

  it('discards only after the agent confirms, because the data is dropped', async () => {
    desk.set({ needsAttention: [gone, onDesk] });
    const { user } = renderDeskpad(desk.api);
    const list = await openList(user);
    await user.click(
      within(entry(list, /Badge reader down/)).getByRole('button', { name: 'Discard' }),
    );

    let dialog = await screen.findByRole('dialog', { name: 'Discard this change?' });
    expect(dialog.textContent).toContain(
      '“Create interaction” on An interaction not on this desk · Badge reader down',
    );
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep it' }));
    await expectNoAxeViolations(dialog);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(desk.acts).toEqual([]);

    await user.click(
      within(entry(list, /Badge reader down/)).getByRole('button', { name: 'Discard' }),
    );
    dialog = await screen.findByRole('dialog', { name: 'Discard this change?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));
    expect(desk.acts).toEqual([{ name: 'sync.discard', input: { id: 8 } }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    act(() => desk.set({ needsAttention: [onDesk] }));
    await within(banner()).findByRole('button', { name: 'Needs attention (1)' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
  });

  it('opens the interaction a refused change belongs to', async () => {
    desk.set({ needsAttention: [gone, onDesk] });
    const { user } = renderDeskpad(desk.api);
    const list = await openList(user);
    await user.click(within(entry(list, /Printer jam/)).getByRole('button', { name: 'Open' }));
    const heading = await screen.findByRole('heading', {
      level: 2,
      name: `Interaction ${onDesk.recordNumber}`,
    });
    expect(heading.textContent).toBe(`Interaction ${onDesk.recordNumber}`);
    expect(screen.queryByRole('region', { name: 'Needs attention' })).toBeNull();
  });
});
