// The caller lookup by keyboard, on the real store host: type three letters, ArrowDown, Enter,
// and the contact fields are filled from the directory, which the agent's edits never change.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserHit } from '../../shared/domain/directory';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';

const valueOf = (element: HTMLElement): string => (element as HTMLInputElement).value;

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
});
afterEach(async () => {
  await store.close();
});

/** A caller and the first match the desk shows for the first three letters of their name. */
async function someCaller(): Promise<{ letters: string; first: UserHit }> {
  const groups = await store.query('directory.listGroups', {});
  if (!groups.ok || !groups.value[0]) throw new Error('the demo directory has no groups');
  const members = await store.query('directory.groupMembers', { groupId: groups.value[0].id });
  const member = members.ok ? members.value[0] : undefined;
  if (!member) throw new Error('the first group has no members');
  const letters = member.lastName.slice(0, 3);
  const hits = await store.query('directory.searchUsers', { query: letters, limit: 10 });
  const first = hits.ok ? hits.value[0] : undefined;
  if (!first) throw new Error(`no match for ${letters}`);
  return { letters, first };
}

/** A phone call for `caller` logged by the signed-in agent. */
async function log(id: string, caller: UserHit): Promise<void> {
  const created = await store.command('interaction.create', {
    id,
    openedFor: caller.id,
    contactEmail: caller.email,
    contactPhone: '',
    type: 'Phone',
    component: null,
    assignmentGroup: null,
    assignedTo: null,
    shortDescription: `Call ${id}`,
    description: '',
  });
  expect(created.ok).toBe(true);
}

describe('caller lookup', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('picks a caller with three letters, ArrowDown and Enter, and fills the contact fields', async () => {
    const { letters, first } = await someCaller();
    const { user } = renderDeskpad(store);
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    await waitFor(() => expect(document.activeElement).toBe(lookup));

    await user.keyboard(letters);
    const listbox = await screen.findByRole('listbox', { name: 'Matching callers' });
    const firstOption = await within(listbox).findByRole('option', {
      name: new RegExp(first.email),
    });
    expect(firstOption.textContent).toContain(first.department);
    expect(firstOption.textContent).toContain(first.location);

    await user.keyboard('{ArrowDown}{Enter}');

    expect(valueOf(lookup)).toBe(first.name);
    expect(valueOf(screen.getByLabelText('Contact email', { exact: true }))).toBe(first.email);
    expect(valueOf(screen.getByLabelText('Contact phone', { exact: true }))).toBe(first.phone);
    expect(within(listbox).queryAllByRole('option', { hidden: true })).toHaveLength(0);
  });

  it('lets the agent overwrite the contact email without changing the directory', async () => {
    const { letters, first } = await someCaller();
    const { user } = renderDeskpad(store);
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    await user.click(lookup);
    await user.keyboard(letters);
    await screen.findByRole('option', { name: new RegExp(first.email) });
    await user.keyboard('{ArrowDown}{Enter}');

    const email = screen.getByLabelText('Contact email', { exact: true });
    await user.clear(email);
    await user.type(email, 'call-me-here@example.org');
    await user.type(
      screen.getByLabelText('Short description', { exact: true }),
      'Printer on 2nd floor jams',
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved IMS/);

    const listed = await store.query('interaction.listForUser', { userId: first.id });
    expect(listed.ok && listed.value).toHaveLength(1);
    const id = listed.ok ? listed.value[0]?.id : undefined;
    const saved = await store.query('interaction.get', { id: id ?? '' });
    expect(saved.ok && saved.value?.contactEmail).toBe('call-me-here@example.org');
    const inDirectory = await store.query('directory.getUser', { id: first.id });
    expect(inDirectory.ok && inDirectory.value?.email).toBe(first.email);
  });

  it('fills the contact fields again when the same caller is picked again', async () => {
    const { letters, first } = await someCaller();
    const { user } = renderDeskpad(store);
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    const pick = async () => {
      await user.clear(lookup);
      await user.keyboard(letters);
      await screen.findByRole('option', { name: new RegExp(first.email) });
      await user.keyboard('{ArrowDown}{Enter}');
    };
    await user.click(lookup);
    await pick();
    const email = screen.getByLabelText('Contact email', { exact: true });
    await user.clear(email);
    await user.type(email, 'someone.else@example.org');

    await user.click(lookup);
    await pick();
    expect(valueOf(email)).toBe(first.email);
    expect(valueOf(lookup)).toBe(first.name);
  });

  it('puts back the picked caller when typed text was not picked', async () => {
    const { letters, first } = await someCaller();
    const { user } = renderDeskpad(store);
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    await user.click(lookup);
    await user.keyboard(letters);
    await screen.findByRole('option', { name: new RegExp(first.email) });
    await user.keyboard('{ArrowDown}{Enter}');
    await user.keyboard('{Backspace}{Backspace}zz');
    await user.click(screen.getByLabelText('Short description', { exact: true }));
    expect(valueOf(lookup)).toBe(first.name);
  });

  it('shows the caller’s interactions in the related list as soon as the caller is picked', async () => {
    const { letters, first } = await someCaller();
    const earlier = await store.command('interaction.create', {
      id: 'earlier-one',
      openedFor: first.id,
      contactEmail: first.email,
      contactPhone: '',
      type: 'Email',
      component: null,
      assignmentGroup: null,
      assignedTo: null,
      shortDescription: 'Asked about VPN access',
      description: '',
    });
    expect(earlier.ok).toBe(true);
    const { user } = renderDeskpad(store);
    const related = screen.getByRole('region', { name: "User's Interactions" });
    expect(related.textContent).toMatch(/Pick the caller/);

    await user.click(await screen.findByRole('combobox', { name: 'Opened for' }));
    await user.keyboard(letters);
    await screen.findByRole('option', { name: new RegExp(first.email) });
    await user.keyboard('{ArrowDown}{Enter}');

    await waitFor(() => expect(related.textContent).toContain('Asked about VPN access'));
  });

  it('lists the agent’s latest callers, newest first and each once, on ArrowDown in the empty field', async () => {
    const members = await store.query('directory.searchUsers', { query: 'a', limit: 3 });
    const [older, newer] = members.ok ? members.value : [];
    if (!older || !newer) throw new Error('the demo directory has too few users');
    await log('first-call', older);
    await log('second-call', newer);
    await log('third-call', older);
    const { user } = renderDeskpad(store);
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    await waitFor(() => expect(document.activeElement).toBe(lookup));

    await user.keyboard('{ArrowDown}');
    const listbox = await screen.findByRole('listbox', { name: 'Matching callers' });
    await waitFor(() =>
      expect(
        within(listbox)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual([expect.stringContaining(older.email), expect.stringContaining(newer.email)]),
    );
    await waitFor(() =>
      expect(within(listbox).getByRole('option', { selected: true }).textContent).toContain(
        older.email,
      ),
    );
    await user.keyboard('{Enter}');
    expect(valueOf(lookup)).toBe(older.name);
    expect(valueOf(screen.getByLabelText('Contact email', { exact: true }))).toBe(older.email);
  });

  it('lists nothing and says nothing on ArrowDown before the agent has logged a call', async () => {
    const { user } = renderDeskpad(store);
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    await waitFor(() => expect(document.activeElement).toBe(lookup));
    await user.keyboard('{ArrowDown}');
    const recent = await store.query('directory.recentCallers', { limit: 5 });
    expect(recent.ok && recent.value).toEqual([]);
    expect(screen.queryByRole('listbox', { name: 'Matching callers' })).toBeNull();
    expect(screen.queryByText(/No caller matches/)).toBeNull();
  });

  it('says so when nobody matches', async () => {
    const { user } = renderDeskpad(store);
    await user.click(await screen.findByRole('combobox', { name: 'Opened for' }));
    await user.keyboard('zzqx');
    const none = await screen.findByText('No caller matches “zzqx”.');
    expect(none.textContent).toBe('No caller matches “zzqx”.');
  });

  it('lists a known caller first for one letter of their name, says why, and Enter picks them; axe-clean', async () => {
    // Someone who is not among the first matches of their given name's first letter until the
    // agent deals with them.
    const before = await store.query('directory.searchUsers', { query: 'a', limit: 10 });
    const caller = before.ok
      ? before.value.find((hit, i) => i > 2 && hit.name.startsWith('A'))
      : undefined;
    if (!caller) throw new Error('too few matches for a');
    await log('a-call', caller);
    await log('another-call', caller);
    const { user } = renderDeskpad(store);
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    await waitFor(() => expect(document.activeElement).toBe(lookup));

    await user.keyboard('a');
    const listbox = await screen.findByRole('listbox', { name: 'Matching callers' });
    await waitFor(() =>
      expect(within(listbox).getAllByRole('option')[0]?.textContent).toContain(caller.email),
    );
    const option = within(listbox).getAllByRole('option')[0];
    expect(option?.textContent).toContain('Known caller · 2 interactions · last today');
    expect(lookup.getAttribute('aria-describedby')).toBeTruthy();
    expect(
      document.getElementById(lookup.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')
        ?.textContent,
    ).toMatch(/^Enter picks the first match/);
    await expectNoAxeViolations(lookup.closest('form') ?? document.body);

    // Enter with nothing highlighted: the first match, and on to Short description.
    await user.keyboard('{Enter}');
    expect(valueOf(lookup)).toBe(caller.name);
    expect(valueOf(screen.getByLabelText('Contact email', { exact: true }))).toBe(caller.email);
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByLabelText('Short description', { exact: true }),
      ),
    );
  });

  it('picks the first match on Enter typed right after the letter, before the matches are shown', async () => {
    const [caller] = await store
      .query('directory.searchUsers', { query: 'm', limit: 8 })
      .then((r) => (r.ok ? r.value.slice(5) : []));
    if (!caller) throw new Error('too few demo users');
    await log('the-call', caller);
    const { user } = renderDeskpad(store);
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    await waitFor(() => expect(document.activeElement).toBe(lookup));
    await user.keyboard('m{Enter}');
    await waitFor(() => expect(valueOf(lookup)).toBe(caller.name));
  });
});
