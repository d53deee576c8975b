// Go to anything and the server's history (issue 15), on the real store host with the session, the
// connection and the history actions played: online the desk's own results come at once and the
// server's follow under their own heading, Enter on one opens it (fetched and kept); offline the box
// says plainly that older records are not on this desk. By keyboard, axe-clean.

import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOT_ON_THIS_DESK } from '../../shared/domain/history-search';
import { fail, ok, type StoreResult } from '../../shared/domain/result';
import type { HistoryHitView } from '../../shared/store-api/history-contract';
import { openTestStore } from '../../web/testing/open-test-store';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';
import {
  createSyncDouble,
  signedInAs,
  syncStatus,
  testAgent,
  type SyncDouble,
} from '../../web/testing/sync-double';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;
let desk: SyncDouble;

beforeEach(async () => {
  store = await openTestStore({ demoIncidents: 5 });
  desk = createSyncDouble(store, { session: signedInAs(testAgent()) });
});
afterEach(async () => {
  await store.close();
});

async function create(id: string, shortDescription: string): Promise<string> {
  const made = await store.command('interaction.create', {
    id,
    shortDescription,
    type: 'Phone',
    openedFor: null,
    contactEmail: '',
    contactPhone: '',
    component: null,
    assignmentGroup: null,
    assignedTo: null,
    description: '',
  });
  if (!made.ok) throw new Error(made.error.message);
  return made.value.number;
}

/** history.open as the store host answers it: the record fetched and kept on the desk, then opened. */
async function openedFromServer(): Promise<{ number: string; answer: StoreResult<unknown> }> {
  const number = await create('srv-old', 'Printer caught fire in the basement');
  return {
    number,
    answer: ok({ kind: 'interaction', id: 'srv-old', number: 'IMS0000042', from: 'server' }),
  };
}

/**
 * The desk's history actions as the server answers them: `search` for history.search, and
 * history.open fetching and keeping the record (`openedFromServer`). Says the number it kept, '' until
 * then.
 */
function answerHistory(
  search: () => StoreResult<unknown> | Promise<StoreResult<unknown>>,
): () => string {
  let fetched = '';
  desk.answerActs(async ({ name }) => {
    if (name === 'history.search') return search();
    if (name === 'history.open') {
      const opened = await openedFromServer();
      fetched = opened.number;
      return opened.answer;
    }
    return fail('unknown-operation', name);
  });
  return () => fetched;
}

/** The app, and Go to anything opened by its key, as an agent does. */
async function openGoToBox() {
  const { user } = renderDeskpad(desk.api);
  await screen.findByRole('combobox', { name: 'Opened for' });
  await user.keyboard('{Control>}g{/Control}');
  return user;
}

const serverHit = (over: Partial<HistoryHitView>): HistoryHitView => ({
  kind: 'interaction',
  id: 'srv-old',
  number: 'IMS0000042',
  shortDescription: 'Printer caught fire in the basement',
  state: 'Closed Complete',
  callerId: null,
  callerName: 'Carla Caller',
  match: 'words',
  openedAt: '2024-03-01T09:00:00.000Z',
  updatedAt: '2024-03-01T10:00:00.000Z',
  source: 'server',
  onDesk: false,
  ...over,
});

const goTo = () => screen.getByRole('dialog', { name: 'Go to anything' });
const results = () => within(goTo()).getByRole('listbox', { name: 'Results' });
const headings = () =>
  within(results())
    .queryAllByRole('group')
    .map((g) => document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent);
const highlighted = () => within(results()).getByRole('option', { selected: true }).textContent;
const status = () => within(goTo()).getAllByRole('status')[0]?.textContent;

describe('Go to anything and the history', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('shows the desk’s results at once, then the server’s, and Enter opens one fetched from the server', async () => {
    const onDesk = await create('desk-1', 'Printer jam on floor 2');
    const fetched = answerHistory(() =>
      // The desk's own record comes back from the server too: it is listed once, as the desk's.
      ok({
        hits: [serverHit({ id: 'desk-1', number: onDesk, onDesk: true }), serverHit({})],
        nextCursor: null,
      }),
    );
    const user = await openGoToBox();
    await user.keyboard('printer');
    await within(results()).findByRole('group', { name: 'Interactions' });
    const server = await within(results()).findByRole('group', {
      name: 'From the server (history)',
    });
    expect(headings()).toEqual(['Interactions', 'From the server (history)']);
    const rows = within(server).getAllByRole('option');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('IMS0000042');
    expect(rows[0]?.textContent).toContain('on the server');
    expect(desk.acts).toContainEqual({
      name: 'history.search',
      input: { query: 'printer', limit: 10 },
    });
    await expectNoAxeViolations(goTo());

    await user.keyboard('{ArrowDown}');
    expect(highlighted()).toContain('IMS0000042');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fetched()).not.toBe(''));
    await screen.findByRole('heading', { name: `Interaction ${fetched()}` });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(desk.acts).toContainEqual({
      name: 'history.open',
      input: { kind: 'interaction', number: 'IMS0000042' },
    });
  });

  it('opens a typed number the desk does not hold from the server, and says why when it cannot', async () => {
    desk.answerActs(({ name }) => {
      if (name === 'history.search')
        return ok({ hits: [serverHit({ match: 'number' })], nextCursor: null });
      if (name === 'history.open')
        return fail('not-permitted', 'You may not read the history on this desk server.');
      return fail('unknown-operation', name);
    });
    const user = await openGoToBox();
    await user.keyboard('IMS0000042');
    await within(results()).findByRole('group', { name: 'From the server (history)' });
    expect(highlighted()).toContain('IMS0000042');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(status()).toBe('You may not read the history on this desk server.'));
    expect(goTo()).toBeDefined();
  });

  it('keeps the server’s rows, highlighted, while the same text is asked again, so Enter still opens one', async () => {
    let searches = 0;
    let release: () => void = () => {};
    const fetched = answerHistory(async () => {
      searches += 1;
      // The second asking (the connection came back) answers only when the test says so.
      if (searches > 1) await new Promise<void>((resolve) => (release = resolve));
      return ok({ hits: [serverHit({ match: 'number' })], nextCursor: null });
    });
    const user = await openGoToBox();
    await user.keyboard('IMS0000042');
    await within(results()).findByRole('group', { name: 'From the server (history)' });
    expect(highlighted()).toContain('IMS0000042');
    // The connection blinks (a failed attempt on the way back online): the text is asked again.
    act(() => desk.set({ status: syncStatus({ connection: 'offline', serverReachable: false }) }));
    act(() => desk.set({ status: syncStatus() }));
    await waitFor(() => expect(searches).toBe(2));
    // While that answer is on its way the row stays, highlighted, and Enter opens it.
    expect(highlighted()).toContain('IMS0000042');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fetched()).not.toBe(''));
    await screen.findByRole('heading', { name: `Interaction ${fetched()}` });
    release();
  });

  it('offline, says plainly that older records are not on this desk, and never asks the server', async () => {
    await create('desk-2', 'Printer jam on floor 4');
    desk.set({ status: syncStatus({ connection: 'offline', serverReachable: false }) });
    const user = await openGoToBox();
    await user.keyboard('printer');
    await within(results()).findByRole('group', { name: 'Interactions' });
    await waitFor(() => expect(status()).toBe(NOT_ON_THIS_DESK));
    await user.keyboard('{Control>}a{/Control}{Backspace}IMS0000042');
    await waitFor(() =>
      expect(status()).toBe(`IMS0000042 is not on this desk. ${NOT_ON_THIS_DESK}`),
    );
    expect(headings()).toEqual([]);
    await expectNoAxeViolations(goTo());
    // Back online, the same text asks the server.
    desk.answerActs(() => ok({ hits: [serverHit({ match: 'number' })], nextCursor: null }));
    act(() => desk.set({ status: syncStatus() }));
    await within(results()).findByRole('group', { name: 'From the server (history)' });
    expect(desk.acts.map((a) => a.name)).toEqual(['history.search']);
  });
});
