// Contact templates on the interaction form, on the real store host, by keyboard: `/` and letters in
// Short description list them and Enter applies one; what the agent typed is changed only after the
// confirm's yes; Save as template, rename and delete; a template that closes at once makes Save
// close the interaction; no axe violations with the list, the dialog and the confirm open.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVICE_DESK_GROUP_ID } from '../../shared/demo/directory-generator';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;

const PASSWORD_RESET = {
  id: 'tpl-password',
  name: 'Password reset',
  type: null,
  component: null,
  assignmentGroup: SERVICE_DESK_GROUP_ID,
  shortDescription: 'Password reset',
  description: 'Identity checked; password reset; signed in again.',
  closesAtOnce: true,
};

beforeEach(async () => {
  store = await openTestStore();
  const saved = await store.act('template.save', PASSWORD_RESET);
  if (!saved.ok) throw new Error(saved.error.message);
  await store.act('template.save', {
    ...PASSWORD_RESET,
    id: 'tpl-printer',
    name: 'Printer jam',
    shortDescription: 'Printer jam',
    description: '',
    closesAtOnce: false,
  });
});
afterEach(async () => {
  await store.close();
});

const field = <E extends HTMLElement = HTMLInputElement>(label: string): E =>
  screen.getByLabelText<E>(label, { exact: true });

async function shortDescription(): Promise<HTMLInputElement> {
  return screen.findByRole<HTMLInputElement>('combobox', { name: 'Short description' });
}

describe('contact templates on the form', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('lists templates for / and letters, and Enter applies the first match', async () => {
    const { user } = renderDeskpad(store);
    const short = await shortDescription();
    await user.click(short);
    await user.keyboard('/');
    const list = await screen.findByRole('listbox', { name: 'Contact templates' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      expect.stringMatching(/^Password resetMine/),
      expect.stringMatching(/^Printer jamMine/),
      // Then the demo HQ location's (a local desk seeds them as the demo desk server does).
      expect.stringMatching(/^Outlook asks for the passwordService Desk — HQ/),
      expect.stringMatching(/^Password resetService Desk — HQ/),
      expect.stringMatching(/^VPN will not connectService Desk — HQ/),
    ]);
    await user.keyboard('pr');
    await waitFor(() =>
      expect(within(list).getByRole('option', { selected: true }).textContent).toMatch(
        /^Printer jam/,
      ),
    );
    await user.keyboard('{Backspace}{Backspace}pa');
    await waitFor(() =>
      expect(within(list).getByRole('option', { selected: true }).textContent).toMatch(
        /^Password reset/,
      ),
    );
    expect(short.getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(short.closest('form') as HTMLElement);

    await user.keyboard('{Enter}');
    await waitFor(() => expect(short.value).toBe('Password reset'));
    expect(field<HTMLTextAreaElement>('Description').value).toBe(PASSWORD_RESET.description);
    expect(
      screen.getByRole('checkbox', { name: 'Save closes it (Closed Complete)' }),
    ).toBeDefined();
    expect(await screen.findByText(/^Template Password reset applied/)).toBeDefined();
    expect(short.getAttribute('aria-expanded')).toBe('false');
  });

  it('never overwrites typed text without the agent’s yes, and says what would change', async () => {
    const { user } = renderDeskpad(store);
    const description = field<HTMLTextAreaElement>('Description');
    await user.type(description, 'The caller typed this.');
    const short = await shortDescription();
    await user.click(short);
    await user.keyboard('/pass{Enter}');

    const confirm = await screen.findByRole('dialog', {
      name: 'Apply the template Password reset?',
    });
    const rows = within(confirm).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      `DescriptionThe caller typed this.${PASSWORD_RESET.description}`,
    ]);
    await expectNoAxeViolations(confirm);
    // Keep what I typed is the default: Enter keeps it and fills only the empty fields.
    expect(document.activeElement).toBe(
      within(confirm).getByRole('button', { name: 'Keep what I typed' }),
    );
    await user.keyboard('{Enter}');
    await waitFor(() => expect(short.value).toBe('Password reset'));
    expect(description.value).toBe('The caller typed this.');

    // Again from the Templates dialog: Cancel changes nothing; Use the template’s replaces.
    await user.keyboard('{Alt>}p{/Alt}');
    const picker = await screen.findByRole('dialog', { name: 'Contact templates' });
    await expectNoAxeViolations(picker);
    await user.keyboard('pass{Enter}');
    const again = await screen.findByRole('dialog', { name: 'Apply the template Password reset?' });
    await user.click(within(again).getByRole('button', { name: 'Cancel' }));
    expect(description.value).toBe('The caller typed this.');
    await user.keyboard('{Alt>}p{/Alt}');
    await user.keyboard('pass{Enter}');
    const third = await screen.findByRole('dialog', { name: 'Apply the template Password reset?' });
    await user.click(within(third).getByRole('button', { name: 'Use the template’s' }));
    await waitFor(() => expect(description.value).toBe(PASSWORD_RESET.description));
  });

  it('saves the form as the agent’s own template, renames and deletes it', async () => {
    const { user } = renderDeskpad(store);
    const short = await shortDescription();
    await user.type(short, 'Badge does not open the door');
    await user.type(field<HTMLTextAreaElement>('Description'), 'Badge number:');
    await user.click(screen.getByRole('button', { name: 'Save as template' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save as template' });
    const name = within(dialog).getByRole('textbox', { name: 'Template name' });
    expect((name as HTMLInputElement).value).toBe('Badge does not open the door');
    await expectNoAxeViolations(dialog);
    await user.clear(name);
    await user.type(name, 'Badge{Enter}');
    expect(await screen.findByText(/^Saved the template Badge/)).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Templates' }));
    const picker = await screen.findByRole('dialog', { name: 'Contact templates' });
    const mine = within(picker).getByRole('region', { name: 'My templates' });
    expect(within(mine).getByText('Badge')).toBeDefined();
    await user.click(within(mine).getByRole('button', { name: 'Rename Badge' }));
    const rename = within(mine).getByRole('textbox', { name: 'New name for Badge' });
    await user.clear(rename);
    await user.type(rename, 'Door badge{Enter}');
    await waitFor(() => expect(within(mine).getByText('Door badge')).toBeDefined());
    await user.click(within(mine).getByRole('button', { name: 'Delete Door badge' }));
    await user.click(within(mine).getByRole('button', { name: 'Delete Door badge' }));
    await waitFor(() => expect(within(mine).queryByText('Door badge')).toBeNull());
    const listed = await store.query('template.list', { location: null });
    const own = listed.ok ? listed.value.filter((t) => t.scope === 'agent') : [];
    expect(own.map((t) => t.name)).toEqual(['Password reset', 'Printer jam']);
  });

  it('applies the highlighted template and saves and closes with Ctrl+Enter', async () => {
    const { user } = renderDeskpad(store);
    const short = await shortDescription();
    await user.click(short);
    await user.keyboard('/pr');
    const list = await screen.findByRole('listbox', { name: 'Contact templates' });
    await waitFor(() =>
      expect(within(list).getByRole('option', { selected: true }).textContent).toMatch(
        /^Printer jam/,
      ),
    );
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText(/^Closed IMS-P\d+: Closed Complete$/)).toBeDefined();
    expect(short.value).toBe('Printer jam');
  });

  it('highlights the agent’s usual template for a bare /, so / and Ctrl+Enter log it', async () => {
    const { user } = renderDeskpad(store);
    const highlighted = async () => {
      const list = await screen.findByRole('listbox', { name: 'Contact templates' });
      return within(list).getByRole('option', { selected: true }).textContent ?? '';
    };
    let short = await shortDescription();
    await user.click(short);
    await user.keyboard('/');
    // Never used yet: by name.
    expect(await highlighted()).toMatch(/^Password reset/);
    await user.keyboard('pr{Control>}{Enter}{/Control}');
    expect(await screen.findByText(/^Closed IMS-P\d+: Closed Complete$/)).toBeDefined();

    // The next contact: a bare slash now highlights the template the agent used.
    await user.keyboard('{Alt>}n{/Alt}');
    short = await shortDescription();
    await user.click(short);
    await waitFor(() => expect(short.value).toBe(''));
    await user.keyboard('/');
    await waitFor(async () =>
      expect(await highlighted()).toMatch(/^Printer jamMine · used lately/),
    );
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(screen.getAllByText(/^Closed IMS-P\d+: Closed Complete$/).length).toBeGreaterThan(0),
    );
    expect(short.value).toBe('Printer jam');
    const listed = await store.query('template.list', { location: null });
    const own = listed.ok ? listed.value.filter((t) => t.scope === 'agent') : [];
    const uses = own.map((t) => [t.name, t.uses > 0]);
    expect(uses).toEqual([
      ['Password reset', false],
      ['Printer jam', true],
    ]);
  });

  it('closes the interaction on Save when the template usually closes at once', async () => {
    const { user } = renderDeskpad(store);
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    await user.click(lookup);
    await user.keyboard('a');
    await within(screen.getByRole('listbox', { name: 'Matching callers' })).findAllByRole('option');
    await user.keyboard('{ArrowDown}{Enter}');
    const short = await shortDescription();
    await waitFor(() => expect(document.activeElement).toBe(short));
    await user.keyboard('/pa{Enter}');
    await waitFor(() => expect(short.value).toBe('Password reset'));
    await user.keyboard('{Control>}s{/Control}');
    expect(await screen.findByText(/^Closed IMS-P\d+: Closed Complete$/)).toBeDefined();
  });
});
