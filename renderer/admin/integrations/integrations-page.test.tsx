// The Integrations page by keyboard: a new integration for a location shows its address once with
// Copy, Done hides it for good; Revoke asks first and Cancel changes nothing; axe-clean throughout.

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IntegrationView } from '../../../shared/admin/integrations';
import { WALK_UP_DEFAULTS } from '../../../shared/domain/walk-up-location';
import { expectNoAxeViolations, tabTo } from '../../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../../web/testing/render-deskpad';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { IntegrationsPage } from './integrations-page';

const URL = 'https://desk.example.org/api/v1/cti/s3cr3t-token';

function integrationServer() {
  let integrations: IntegrationView[] = [];
  return fakeAdminStore({
    'integrations.list': () => ({ integrations }),
    'locations.list': () => ({
      locations: [
        {
          id: 'loc-hq',
          name: 'HQ',
          description: '',
          active: true,
          ...WALK_UP_DEFAULTS,
          blockedNumbers: [],
        },
      ],
    }),
    'integrations.create': (input) => {
      const { name, locationId } = input as { name: string; locationId: string | null };
      const integration: IntegrationView = {
        id: 'int-1',
        name,
        kind: 'cti',
        locationId,
        locationName: locationId ? 'HQ' : null,
        createdBy: 'Adam Admin',
        createdAt: '2026-12-04T09:00:00.000Z',
        lastUsedAt: null,
        revokedAt: null,
      };
      integrations = [integration];
      return { integration, token: 's3cr3t-token', endpointUrl: URL };
    },
    'integrations.revoke': () => {
      integrations = integrations.map((i) => ({ ...i, revokedAt: '2026-12-04T10:00:00.000Z' }));
      return { integration: integrations[0] };
    },
  });
}

describe('the Integrations page', () => {
  it(
    'creates an integration, shows its address once, and revokes it after asking',
    async () => {
      const { store, calls } = integrationServer();
      const { user, container } = renderOnDesk(store, <IntegrationsPage />);
      await screen.findByText('No integrations yet.');
      const form = screen.getByRole('form', { name: 'New integration' });
      await within(form).findByRole('option', { name: 'HQ' });
      await expectNoAxeViolations(container);

      await tabTo(user, within(form).getByRole('textbox', { name: 'Name' }));
      await user.keyboard('Asterisk HQ');
      await user.selectOptions(
        within(form).getByRole('combobox', { name: 'Location it serves' }),
        'loc-hq',
      );
      await tabTo(user, within(form).getByRole('button', { name: 'Create integration' }));
      await user.keyboard('{Enter}');

      const shown = await screen.findByRole('region', { name: 'Asterisk HQ is ready' });
      const address = within(shown).getByRole<HTMLInputElement>('textbox', {
        name: 'Endpoint address',
      });
      expect(address.value).toBe(URL);
      expect(document.activeElement).toBe(address);
      await expectNoAxeViolations(container);
      expect(calls.find((c) => c.operation === 'integrations.create')?.input).toEqual({
        name: 'Asterisk HQ',
        locationId: 'loc-hq',
      });
      await tabTo(user, within(shown).getByRole('button', { name: 'Copy address' }));
      await user.keyboard('{Enter}');
      expect(await navigator.clipboard.readText()).toBe(URL);
      await tabTo(user, within(shown).getByRole('button', { name: 'Done' }));
      await user.keyboard('{Enter}');
      await screen.findByText('Integration Asterisk HQ created.');
      expect(container.textContent).not.toContain('s3cr3t-token');

      const table = screen.getByRole('table', { name: 'Integrations' });
      const row = within(table).getByRole('row', { name: /Asterisk HQ/ });
      expect(row.textContent).toContain('by Adam Admin');
      expect(row.textContent).toContain('Never');
      expect(row.textContent).toContain('Live');

      await tabTo(user, within(row).getByRole('button', { name: 'Revoke Asterisk HQ' }));
      await user.keyboard('{Enter}');
      const dialog = screen.getByRole('dialog', { name: 'Revoke Asterisk HQ?' });
      expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
      await user.keyboard('{Enter}');
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(calls.some((c) => c.operation === 'integrations.revoke')).toBe(false);

      await tabTo(user, within(row).getByRole('button', { name: 'Revoke Asterisk HQ' }));
      await user.keyboard('{Enter}');
      const again = screen.getByRole('dialog', { name: 'Revoke Asterisk HQ?' });
      await expectNoAxeViolations(again);
      await tabTo(user, within(again).getByRole('button', { name: 'Revoke' }));
      await user.keyboard('{Enter}');
      await screen.findByText('Integration Asterisk HQ revoked: its address no longer works.');
      const revoked = within(table).getByRole('row', { name: /Asterisk HQ/ });
      expect(revoked.textContent).toContain('Revoked');
      expect(within(revoked).queryByRole('button')).toBeNull();
    },
    STORE_TEST_TIMEOUT_MS,
  );
});
