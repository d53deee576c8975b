// The Component picker (with its parent chain) and the assignment fields, by keyboard, on the real
// store host: Assign to me works the interaction, and a new group clears Assigned to.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const field = <E extends HTMLElement = HTMLInputElement>(label: string): E =>
  screen.getByLabelText<E>(label, { exact: true });

async function savedRecord() {
  const list = await store.query('interaction.list', { view: 'all-open' });
  const id = list.ok ? list.value[0]?.id : undefined;
  const record = await store.query('interaction.get', { id: id ?? 'none' });
  if (!record.ok || !record.value) throw new Error('nothing was saved');
  return record.value;
}

describe('Component', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('picks a configuration item by keyboard and shows its parent chain', async () => {
    const hits = await store.query('directory.searchConfigurationItems', {
      query: 'PRN',
      limit: 10,
    });
    const printer = hits.ok ? hits.value[0] : undefined;
    if (!printer) throw new Error('the demo directory has no printers');
    const { user } = renderDeskpad(store);

    await user.click(screen.getByRole('combobox', { name: 'Component' }));
    await user.keyboard('PRN');
    const listbox = screen.getByRole('listbox', { name: 'Matching configuration items' });
    await within(listbox).findByRole('option', { name: new RegExp(printer.name) });
    await user.keyboard('{ArrowDown}{Enter}');

    expect(field('Component').value).toBe(printer.name);
    const chain = printer.parents.map((p) => p.name).join(' › ');
    expect(await screen.findByText(`Printer in ${chain}`)).toHaveProperty(
      'textContent',
      `Printer in ${chain}`,
    );

    await user.type(field('Short description'), 'Paper jam');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved IMS/);
    expect((await savedRecord()).component).toBe(printer.id);
  });
});

describe('Assignment group and Assigned to', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('Assign to me puts the agent in their group and the interaction in Work in Progress', async () => {
    const { user } = renderDeskpad(store);
    const assignToMe = screen.getByRole('button', { name: 'Assign to me' });
    await waitFor(() => expect(assignToMe.getAttribute('aria-disabled')).toBe('false'));
    // By keyboard: the button keeps focus once it has done its work (it is aria-disabled then,
    // not disabled, so focus does not fall to the top of the page).
    assignToMe.focus();
    await user.keyboard('{Enter}');

    const group = field<HTMLSelectElement>('Assignment group');
    const assignee = field<HTMLSelectElement>('Assigned to');
    expect(group.value).not.toBe('');
    await waitFor(() => expect(assignee.selectedOptions[0]?.textContent).toBe('Demo Agent'));
    expect(assignToMe.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(assignToMe);

    await user.type(field('Short description'), 'Working it now');
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText(/^Saved IMS/);
    const saved = await savedRecord();
    expect(saved.state).toBe('Work in Progress');
    expect(saved.assignedTo).toBe(assignee.value);
    expect(within(screen.getByRole('form')).getByText('Work in Progress').textContent).toBe(
      'Work in Progress',
    );
  });

  it('clears Assigned to when the group changes', async () => {
    const { user } = renderDeskpad(store);
    const assignToMe = screen.getByRole('button', { name: 'Assign to me' });
    await waitFor(() => expect(assignToMe.getAttribute('aria-disabled')).toBe('false'));
    await user.click(assignToMe);
    const group = field<HTMLSelectElement>('Assignment group');
    const other = [...group.options].find((o) => o.value !== '' && o.value !== group.value);
    if (!other) throw new Error('the demo directory has one group only');

    await user.selectOptions(group, other.value);
    expect(field<HTMLSelectElement>('Assigned to').value).toBe('');
  });
});
