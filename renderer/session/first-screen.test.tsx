// The window's first screen is decided before any is shown (issue 10): "Starting…" until the store
// host knows the session, never the workspace of an agent who is not there; a launch link that was
// refused says so on Sign in; another agent's session asks "Switch from A to B?" first.

import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail, ok, type StoreResult } from '../../shared/domain/result';
import type { SessionState } from '../../shared/store-api/contract';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';
import {
  createSyncDouble,
  DESK_SERVER_URL,
  signedInAs,
  signedOut,
  testAgent,
  type SyncDouble,
} from '../../web/testing/sync-double';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;
let desk: SyncDouble;

const starting: SessionState = {
  status: 'starting',
  agent: null,
  serverUrl: DESK_SERVER_URL,
  expiresAt: null,
  endedBy: null,
};

/** Every text the page ever showed, as the agent would have seen it (hidden parts excluded). */
function watchShownText(): { seen: string[]; stop: () => void } {
  const seen: string[] = [];
  const note = (): void => {
    const text = document.body.textContent;
    if (text && seen.at(-1) !== text) seen.push(text);
  };
  const observer = new MutationObserver(note);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

beforeEach(async () => {
  store = await openTestStore();
  desk = createSyncDouble(store, { session: starting });
});
afterEach(async () => {
  await store.close();
});

const ana = testAgent({ id: 'usr_ana', userName: 'ana.agent', name: 'Ana Agent' });
const bo = testAgent({ id: 'usr_bo', userName: 'bo.agent', name: 'Bo Agent' });

describe('the first screen', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('shows Starting… until the session is known, then Sign in, and never the workspace first', async () => {
    const watch = watchShownText();
    renderDeskpad(desk.api, { showBeforeSession: false });
    expect((await screen.findByRole('status')).textContent).toContain('Starting…');
    expect(screen.queryByRole('button', { name: 'New interaction' })).toBeNull();

    desk.set({ session: signedOut() });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    watch.stop();
    // Before Sign in, nothing but "Starting…" was ever on the page: no header, no agent's name.
    const beforeSignIn = watch.seen.slice(
      0,
      watch.seen.findIndex((t) => t.includes('Sign in')),
    );
    expect(beforeSignIn.every((t) => t.trim() === '' || t.trim() === 'Starting…')).toBe(true);
  });

  it('tells the store host and the page once, after its first screen is drawn, never while Starting…', async () => {
    let pageTold = 0;
    renderDeskpad(desk.api, {
      showBeforeSession: false,
      onFirstScreenDrawn: () => (pageTold += 1),
    });
    await screen.findByRole('status');
    // Long enough for a frame and the task after it: nothing is said while Starting… is shown.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(desk.windowShown()).toBe(0);
    expect(pageTold).toBe(0);

    desk.set({ session: signedInAs(ana) });
    await screen.findByRole('button', { name: 'New interaction' });
    await waitFor(() => expect(desk.windowShown()).toBe(1));
    expect(pageTold).toBe(1);
    // Signing out shows Sign in: a screen drawn later, not the window's first.
    desk.set({ session: signedOut() });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(desk.windowShown()).toBe(1);
    expect(pageTold).toBe(1);
    expect(desk.acts).toEqual([]);
  });

  it('tells the page each screen it shows, Sign in or the desk, never Starting…', async () => {
    const shown: string[] = [];
    desk.set({ session: signedOut() });
    renderDeskpad(desk.api, {
      showBeforeSession: false,
      onScreenShown: (screen) => shown.push(screen),
    });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    await waitFor(() => expect(shown).toEqual(['sign-in']));

    desk.set({ session: signedInAs(ana) });
    await screen.findByRole('button', { name: 'New interaction' });
    await waitFor(() => expect(shown).toEqual(['sign-in', 'desk']));
    // A re-render of the same screen says nothing more.
    desk.set({ session: signedInAs(ana) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shown).toEqual(['sign-in', 'desk']);

    desk.set({ session: signedOut() });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    await waitFor(() => expect(shown).toEqual(['sign-in', 'desk', 'sign-in']));
  });

  it('waits for a launch link, and says on Sign in when it was already used or expired', async () => {
    let refuse: (answer: StoreResult<SessionState>) => void = () => {};
    const launch = new Promise<StoreResult<SessionState>>((resolve) => (refuse = resolve));
    desk.set({ session: signedOut() });
    renderDeskpad(desk.api, { showBeforeSession: false, launch });
    expect((await screen.findByRole('status')).textContent).toContain('Starting…');

    refuse(fail('invalid-input', 'This launch link was already used or has expired. Sign in.'));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(screen.getByRole('alert').textContent).toContain(
      'This launch link was already used or has expired. Sign in.',
    );
  });

  it('asks "Switch from A to B?" with A’s waiting changes, and Cancel keeps A', async () => {
    desk.set({ session: signedInAs(ana) });
    desk.answerActs(({ name, input }) => {
      if (name !== 'session.switch') return fail('unknown-operation', name);
      const accepted = (input as { accept: boolean }).accept;
      const session = signedInAs(accepted ? bo : ana);
      desk.set({ session });
      return ok(session);
    });
    const { user } = renderDeskpad(desk.api, { showBeforeSession: false });
    await screen.findByRole('button', { name: 'New interaction' });
    // A launch link brings Bo while Ana is signed in.
    desk.set({
      session: { ...signedInAs(ana), switchAsked: { from: ana, to: bo, unsynced: 2 } },
    });
    const dialog = await screen.findByRole('dialog', {
      name: 'Switch from Ana Agent to Bo Agent?',
    });
    expect(dialog.textContent).toContain(
      'Ana Agent is signed in on this desk and has 2 changes not synced yet. They stay on this desk and are sent when Ana Agent signs in again.',
    );
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));
    await expectNoAxeViolations(document.body);

    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.acts).toEqual([{ name: 'session.switch', input: { accept: false } }]);
  });

  it('switches to B when asked to', async () => {
    desk.set({
      session: { ...signedInAs(ana), switchAsked: { from: ana, to: bo, unsynced: 0 } },
    });
    desk.answerActs(() => {
      desk.set({ session: signedInAs(bo) });
      return ok(signedInAs(bo));
    });
    const { user } = renderDeskpad(desk.api, { showBeforeSession: false });
    const dialog = await screen.findByRole('dialog', {
      name: 'Switch from Ana Agent to Bo Agent?',
    });
    expect(dialog.textContent).toContain(
      'Ana Agent is signed in on this desk. Switching signs Bo Agent in instead.',
    );
    await user.click(screen.getByRole('button', { name: 'Switch to Bo Agent' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.acts).toEqual([{ name: 'session.switch', input: { accept: true } }]);
  });
});
