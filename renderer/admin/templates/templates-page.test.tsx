// The Contact templates page of Administration by keyboard: a location's template added (a refusal
// shown by its field first), edited in place, retired and brought back; each call's input checked;
// axe-clean.

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TemplateAdminView } from '../../../shared/admin/templates';
import { fail } from '../../../shared/domain/result';
import { expectNoAxeViolations, tabTo } from '../../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../../web/testing/render-deskpad';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { TemplatesPage } from './templates-page';

const GROUPS = [{ id: 'grp-desk', name: 'Service Desk' }].map((g) => ({
  ...g,
  description: '',
  active: true,
  source: 'local',
  memberCount: 2,
}));
const HQ = { id: 'loc-hq', name: 'Service Desk — HQ' };

function templateServer() {
  let templates: TemplateAdminView[] = [];
  return fakeAdminStore({
    'templates.list': (input) => {
      const { includeRetired } = input as { includeRetired?: boolean };
      return { templates: templates.filter((t) => includeRetired || t.active) };
    },
    'locations.list': () => ({ locations: [{ ...HQ, description: '', active: true }] }),
    'groups.list': () => ({ groups: GROUPS, more: false }),
    'templates.create': (input) => {
      const fields = input as Omit<TemplateAdminView, 'id'>;
      if (fields.name === '')
        return fail('invalid-input', 'Check the fields.', { name: 'Name the template.' });
      const template: TemplateAdminView = {
        ...fields,
        id: `t-${templates.length + 1}`,
        scope: 'location',
        owner: null,
        active: true,
        updatedAt: '2026-12-04T10:00:00.000Z',
        locationName: HQ.name,
        componentName: null,
        assignmentGroupName: fields.assignmentGroup === 'grp-desk' ? 'Service Desk' : null,
      };
      templates = [...templates, template];
      return { template };
    },
    'templates.update': (input) => {
      const { id, ...change } = input as Partial<TemplateAdminView> & { id: string };
      templates = templates.map((t) => (t.id === id ? { ...t, ...change } : t));
      return { template: templates.find((t) => t.id === id) };
    },
    'templates.set-active': (input) => {
      const { id, active } = input as { id: string; active: boolean };
      templates = templates.map((t) => (t.id === id ? { ...t, active } : t));
      return { template: templates.find((t) => t.id === id) };
    },
  });
}

describe('the Contact templates page', () => {
  it(
    'adds a location template, edits it, retires it and brings it back, by keyboard',
    async () => {
      const { store, calls } = templateServer();
      const { user, container } = renderOnDesk(store, <TemplatesPage />);
      await screen.findByText('No contact templates yet.');
      const form = screen.getByRole('form', { name: 'New contact template' });
      await within(form).findByRole('option', { name: HQ.name });
      await expectNoAxeViolations(container);

      await user.selectOptions(within(form).getByRole('combobox', { name: 'Location' }), 'loc-hq');
      await tabTo(user, within(form).getByRole('button', { name: 'Add template' }));
      await user.keyboard('{Enter}');
      expect(await within(form).findByText('Name the template.')).toBeDefined();

      await tabTo(user, within(form).getByRole('textbox', { name: 'Template name' }));
      await user.keyboard('Password reset');
      await user.selectOptions(
        within(form).getByRole('combobox', { name: 'Assignment group' }),
        'grp-desk',
      );
      await tabTo(user, within(form).getByRole('textbox', { name: 'Short description' }));
      await user.keyboard('Password reset');
      await tabTo(user, within(form).getByRole('checkbox', { name: /Usually closes at once/ }));
      await user.keyboard(' ');
      await tabTo(user, within(form).getByRole('button', { name: 'Add template' }));
      await user.keyboard('{Enter}');
      await screen.findByText(`Template Password reset added for ${HQ.name}.`);
      const table = screen.getByRole('table', { name: 'Contact templates' });
      expect(within(table).getByRole('row', { name: /^Password reset/ }).textContent).toContain(
        'Service Desk · “Password reset”Yes',
      );
      await expectNoAxeViolations(container);

      await tabTo(user, within(table).getByRole('button', { name: 'Edit Password reset' }));
      await user.keyboard('{Enter}');
      const edit = screen.getByRole('form', { name: `Edit Password reset (${HQ.name})` });
      const name = within(edit).getByRole('textbox', { name: 'Template name' });
      await user.clear(name);
      await user.keyboard('Reset a password{Enter}');
      await screen.findByText('Template Reset a password saved.');

      await tabTo(user, within(table).getByRole('button', { name: 'Retire Reset a password' }));
      await user.keyboard('{Enter}');
      await screen.findByText('Template Reset a password retired: desks stop offering it.');
      await user.click(screen.getByRole('checkbox', { name: 'Show retired templates' }));
      await user.click(await screen.findByRole('button', { name: 'Bring back Reset a password' }));
      await screen.findByText('Template Reset a password is offered again.');

      const changes = calls.filter((c) => !c.operation.endsWith('.list'));
      expect(changes.map((c) => c.operation)).toEqual([
        'templates.create',
        'templates.create',
        'templates.update',
        'templates.set-active',
        'templates.set-active',
      ]);
      expect(changes[1]?.input).toEqual({
        name: 'Password reset',
        type: null,
        component: null,
        assignmentGroup: 'grp-desk',
        shortDescription: 'Password reset',
        description: '',
        closesAtOnce: true,
        location: 'loc-hq',
      });
      expect(changes[2]?.input).toMatchObject({ id: 't-1', name: 'Reset a password' });
    },
    STORE_TEST_TIMEOUT_MS,
  );
});
