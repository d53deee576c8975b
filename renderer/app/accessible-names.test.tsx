// The accessible names the end-to-end suite and assistive technology find things by: each one
// names exactly one element. Renaming any of them breaks this test first, on purpose.

import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INTERACTION_LABELS as L } from '../../shared/domain/interaction';
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

const FIELDS = [
  L.openedFor,
  L.contactEmail,
  L.contactPhone,
  L.type,
  L.component,
  L.assignmentGroup,
  L.assignedTo,
  L.shortDescription,
  L.description,
  L.workNotes,
];
const BUTTONS = ['New interaction', 'Save', 'Close interaction', 'Abandon', 'Add work note'];

describe('accessible names', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('labels every field of the form, and each label finds one control', () => {
    renderDeskpad(store);
    expect(FIELDS).toEqual([
      'Opened for',
      'Contact email',
      'Contact phone',
      'Type',
      'Component',
      'Assignment group',
      'Assigned to',
      'Short description',
      'Description',
      'Work notes',
    ]);
    for (const label of FIELDS) {
      expect(screen.getAllByLabelText(label, { exact: true }), label).toHaveLength(1);
    }
    expect(screen.getByLabelText('Opened for', { exact: true }).getAttribute('role')).toBe(
      'combobox',
    );
  });

  it('names each button once', () => {
    renderDeskpad(store);
    for (const name of BUTTONS) {
      expect(screen.getAllByRole('button', { name }), name).toHaveLength(1);
    }
  });

  it('has one h1, the sync mark, the call announcer and the save message, the two named regions, and the internal-notes warning', async () => {
    renderDeskpad(store);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    // The sync mark, the incoming calls said politely (silent while none rings), and the form's
    // message that says what the last save did.
    const statuses = screen.getAllByRole('status');
    expect(statuses).toHaveLength(3);
    expect(statuses[0]?.textContent).toMatch(/Online|Offline/);
    expect(statuses[1]?.textContent).toBe('');
    const list = screen.getByRole('region', { name: 'Interactions' });
    expect(list.textContent).toContain('Interactions');
    const related = screen.getByRole('region', { name: "User's Interactions" });
    expect(within(related).getByRole('heading', { level: 3 }).textContent).toBe(
      "User's Interactions",
    );
    expect(screen.getByRole('main').contains(related)).toBe(true);
    expect(within(screen.getByRole('banner')).getByRole('heading', { level: 1 }).textContent).toBe(
      'Deskpad',
    );
    const notes = screen.getByLabelText('Work notes', { exact: true });
    const described = (notes.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(described).toContain('Work notes are internal: the caller never sees them.');
    const form = await screen.findByRole('form', { name: 'New interaction' });
    expect(form.contains(notes)).toBe(true);
  });
});
