// The Catalog editor by keyboard on a real store host: a form built field by field with its live
// preview following, names from labels, Move up / Move down, problems named before anything is
// sent, the server's refusal shown, Publish, Retire and Discard, and no axe violations.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogAdminView } from '../../../shared/admin/catalog';
import type { CatalogItem } from '../../../shared/domain/catalog';
import { deskWithIncidents, type Desk } from '../../../web/testing/desks';
import { expectNoAxeViolations } from '../../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../../web/testing/render-deskpad';
import { CatalogEditor, type CatalogEditorActions, type CatalogOutcome } from './catalog-editor';

let desk: Desk | null = null;
afterEach(async () => {
  await desk?.close();
  desk = null;
});

const GROUPS = [
  { id: 'grp-desk', name: 'Service Desk' },
  { id: 'grp-hw', name: 'Hardware' },
];

/** The page's actions as a server would answer them, recorded. */
function recordingActions(
  answers: Partial<Record<keyof CatalogEditorActions, CatalogOutcome>> = {},
) {
  const saved: Record<string, unknown>[] = [];
  let last: CatalogAdminView | null = null;
  const viewOf = (item: CatalogItem, state: CatalogAdminView['state']): CatalogAdminView => ({
    state,
    item,
    draft: null,
  });
  const answer = (outcome: CatalogOutcome) => Promise.resolve(outcome);
  const actions: CatalogEditorActions = {
    save: vi.fn((item: Record<string, unknown>) => {
      saved.push(item);
      last = viewOf(item as CatalogItem, 'draft');
      return answer(answers.save ?? { ok: true, view: last });
    }),
    publish: vi.fn(() => {
      if (!last) throw new Error('published before saving');
      last = viewOf({ ...last.item, active: true }, 'published');
      return answer(answers.publish ?? { ok: true, view: last });
    }),
    retire: vi.fn(() => {
      if (!last) throw new Error('retired before saving');
      last = viewOf({ ...last.item, active: false }, 'retired');
      return answer(answers.retire ?? { ok: true, view: last });
    }),
    discard: vi.fn(() => answer(answers.discard ?? { ok: false, message: 'No.' })),
  };
  return { actions, saved };
}

/** The editor and its preview: in the app they sit inside the Administration section's main. */
const editorNode = (): Element => {
  const node = document.querySelector('.catalog-editor');
  if (!node) throw new Error('no editor');
  return node;
};

let keys = 0;
const newId = () => `k${(keys += 1)}`;

async function renderEditor(view: CatalogAdminView | null, actions: CatalogEditorActions) {
  desk = await deskWithIncidents(1);
  const onClose = vi.fn();
  const rendered = renderOnDesk(
    desk.store,
    <CatalogEditor view={view} groups={GROUPS} newId={newId} actions={actions} onClose={onClose} />,
  );
  const form = document.querySelector<HTMLFormElement>('.catalog-form');
  if (!form) throw new Error('no editor form');
  const preview = screen.getByRole('region', { name: 'Preview' });
  return {
    ...rendered,
    form: within(form),
    preview: within(preview),
    previewNode: preview,
    onClose,
  };
}

describe('the Catalog editor', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('builds a form by keyboard with the preview following, and saves it as a draft', async () => {
    const { actions, saved } = recordingActions();
    const { user, form, preview, previewNode } = await renderEditor(null, actions);
    expect(screen.getByText('State: New, not saved yet')).toBeDefined();

    await user.click(form.getByLabelText('Name'));
    await user.keyboard('New laptop');
    await user.tab();
    await user.keyboard('Hardware');
    expect(preview.getByRole('group', { name: 'New laptop' })).toBeDefined();
    await user.selectOptions(form.getByLabelText('Fulfillment group'), 'Hardware');

    form.getByRole('button', { name: 'Add a field' }).focus();
    await user.keyboard('{Enter}');
    const firstLabel = form.getByLabelText('Label');
    await waitFor(() => expect(document.activeElement).toBe(firstLabel));
    await user.keyboard('Cost center (if known)');
    expect(
      form.getByLabelText<HTMLInputElement>('Name', { selector: '.catalog-field input' }).value,
    ).toBe('cost_center_if_known');
    expect(preview.getByLabelText('Cost center (if known)')).toBeDefined();

    form.getByRole('button', { name: 'Add a field' }).focus();
    await user.keyboard('{Enter}');
    await user.keyboard('Size');
    const size = form.getByRole('group', { name: 'Field 2: Size' });
    await user.selectOptions(within(size).getByLabelText('Type'), 'Choice');
    await user.type(within(size).getByLabelText('Option 1 label'), 'Small');
    await user.click(within(size).getByRole('button', { name: 'Add an option' }));
    await user.type(within(size).getByLabelText('Option 2 label'), '15 inch');
    await user.click(within(size).getByLabelText('Required'));
    const sizeSelect = preview.getByLabelText<HTMLSelectElement>('Size');
    expect([...sizeSelect.options].map((o) => o.text)).toEqual(['Pick one', 'Small', '15 inch']);

    // Move up by keyboard: the preview follows and focus stays on the moved field's buttons.
    const up = form.getByRole('button', { name: 'Move up: Field 2: Size' });
    up.focus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(document.activeElement).toBe(
        form.getByRole('button', { name: 'Move down: Field 1: Size' }),
      ),
    );
    const labels = () =>
      [...previewNode.querySelectorAll('.catalog-item-form label')].map((l) => l.textContent);
    expect(labels()).toEqual(['Size', 'Cost center (if known)']);
    expect(form.getByRole('status').textContent).toBe('Moved to position 1 of 2.');
    await expectNoAxeViolations(editorNode());

    await user.click(form.getByRole('button', { name: 'Save draft' }));
    await screen.findByText('Saved as a draft.');
    expect(saved).toEqual([
      {
        id: 'k1',
        name: 'New laptop',
        category: 'Hardware',
        description: '',
        keywords: [],
        fulfillmentGroup: 'grp-hw',
        active: false,
        fields: [
          {
            name: 'size',
            label: 'Size',
            type: 'choice',
            required: true,
            options: [
              { value: 'small', label: 'Small' },
              { value: 'field_15_inch', label: '15 inch' },
            ],
          },
          {
            name: 'cost_center_if_known',
            label: 'Cost center (if known)',
            type: 'text',
            required: false,
            maxLength: 200,
          },
        ],
      },
    ]);
    expect(screen.getByText('State: Draft')).toBeDefined();

    await user.click(form.getByRole('button', { name: 'Publish' }));
    await screen.findByText('Published: desks offer it from their next directory sync.');
    expect(actions.publish).toHaveBeenCalledWith('k1');
    await user.click(form.getByRole('button', { name: 'Retire' }));
    await screen.findByText('Retired: no longer offered; requests that name it keep it.');
    expect(screen.getByText('State: Retired')).toBeDefined();
  });

  it('names every problem before anything is sent and puts focus on the first', async () => {
    const { actions } = recordingActions();
    const { user, form } = await renderEditor(null, actions);
    await user.click(form.getByRole('button', { name: 'Add a field' }));
    const field = form.getByRole('group', { name: 'Field 1' });
    await user.clear(within(field).getByLabelText('Max length'));
    await user.type(within(field).getByLabelText('Max length'), '0');
    await user.click(form.getByRole('button', { name: 'Publish' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Check the form: 5 things need fixing.');
    const formName = form.getByLabelText('Name', { selector: '.catalog-form > .field input' });
    await waitFor(() => expect(document.activeElement).toBe(formName));
    for (const message of [
      'Name is required.',
      'Category is required.',
      'Field 1: Label is required.',
      'Field 1: Max length must be at least 1.',
    ])
      expect(form.getByText(message)).toBeDefined();
    expect(form.getByText(/^A field name is up to 40/)).toBeDefined();
    expect(formName.getAttribute('aria-invalid')).toBe('true');
    expect(actions.save).not.toHaveBeenCalled();
    expect(actions.publish).not.toHaveBeenCalled();
    await expectNoAxeViolations(editorNode());
  });

  it('shows the server’s refusal on the field it names', async () => {
    const { actions } = recordingActions({
      save: {
        ok: false,
        message: 'Check Field 1.',
        fieldErrors: { 'fields.0.name': 'Requests already keep answers under another name.' },
      },
    });
    const { user, form } = await renderEditor(null, actions);
    await user.type(form.getByLabelText('Name'), 'Badge');
    await user.type(form.getByLabelText('Category'), 'Access');
    await user.click(form.getByRole('button', { name: 'Add a field' }));
    await user.keyboard('Reason');
    await user.click(form.getByRole('button', { name: 'Save draft' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Check Field 1.');
    const name = form.getByLabelText('Name', { selector: '.catalog-field input' });
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(form.getByText('Requests already keep answers under another name.')).toBeDefined();
  });

  it('opens a published form with unpublished changes, and the preview checks answers as Submit would', async () => {
    const published: CatalogItem = {
      id: 'cat-badge',
      name: 'Building badge',
      category: 'Access',
      description: 'A badge for the front door.',
      keywords: ['door'],
      fields: [{ name: 'reason', label: 'Reason', type: 'text', required: true, maxLength: 100 }],
      fulfillmentGroup: 'grp-desk',
      active: true,
    };
    const draft: CatalogItem = {
      ...published,
      fields: [
        ...published.fields,
        { name: 'floor_access', label: 'Floor access', type: 'checkbox', required: true },
      ],
    };
    const { actions } = recordingActions({
      discard: { ok: true, view: { state: 'published', item: published, draft: null } },
    });
    const { user, form, preview } = await renderEditor(
      { state: 'published', item: published, draft },
      actions,
    );
    expect(screen.getByText('State: Published, with unpublished changes')).toBeDefined();
    expect(form.getByLabelText<HTMLInputElement>('Keywords').value).toBe('door');
    expect(preview.getByLabelText('Floor access')).toBeDefined();

    await user.click(preview.getByRole('button', { name: 'Check the answers' }));
    expect(preview.getByRole('status').textContent).toBe(
      'Not accepted: Check Reason, Floor access.',
    );
    expect(preview.getByText('Reason is required.')).toBeDefined();
    expect(preview.getByText('Floor access must be checked.')).toBeDefined();
    await user.type(preview.getByLabelText('Reason'), 'New starter');
    await user.click(preview.getByLabelText('Floor access'));
    await user.click(preview.getByRole('button', { name: 'Check the answers' }));
    expect(preview.getByRole('status').textContent).toBe('These answers would be accepted.');

    await user.click(form.getByRole('button', { name: 'Discard unpublished changes' }));
    await screen.findByText('Unpublished changes discarded.');
    expect(preview.queryByLabelText('Floor access')).toBeNull();
    expect(form.queryByRole('button', { name: 'Discard unpublished changes' })).toBeNull();
  });
});
