// The LDAP settings page by keyboard: labelled fields, the AD and OpenLDAP presets, a stored
// password never shown, Save, Test connection, Sync now with progress and errors in words; axe-clean.

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  LDAP_PRESETS,
  type LdapSettings,
  type LdapSettingsInput,
  type LdapStatus,
} from '../../../shared/admin/ldap-settings';
import { fail } from '../../../shared/domain/result';
import { expectNoAxeViolations, tabTo } from '../../../web/testing/agent-steps';
import { renderOnDesk } from '../../../web/testing/render-deskpad';
import { AdminSection } from '../admin-section';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { LdapPage, type LdapPageClient } from './ldap-page';

const STORED_PASSWORD = 'the-stored-bind-secret';

const stored: LdapSettings = {
  ...LDAP_PRESETS['active-directory'],
  url: 'ldaps://dc1.example.org:636',
  startTls: false,
  allowUntrustedCertificate: false,
  bindDn: 'CN=deskpad,OU=Service,DC=example,DC=org',
  baseDn: 'DC=example,DC=org',
  groupBaseDn: '',
  scheduleMinutes: 60,
};

function fakeClient(status: LdapStatus) {
  const calls: { saved: LdapSettingsInput[]; tested: LdapSettingsInput[]; synced: number } = {
    saved: [],
    tested: [],
    synced: 0,
  };
  let current = status;
  const client: LdapPageClient = {
    getSettings: () => Promise.resolve({ settings: stored, passwordSet: true, warnings: [] }),
    saveSettings: (input) => {
      calls.saved.push(input);
      const { bindPassword: _password, ...settings } = input;
      return Promise.resolve({ settings, passwordSet: true, warnings: [] });
    },
    test: (input) => {
      calls.tested.push(input);
      return Promise.resolve({
        ok: false,
        message: 'The LDAP server refused the bind DN or password.',
        sampleCount: 0,
        sample: [],
      });
    },
    syncNow: () => {
      calls.synced += 1;
      current = {
        ...current,
        running: {
          phase: 'users',
          startedAt: '2026-12-04T01:00:00.000Z',
          entriesRead: 1500,
          entriesWritten: 1000,
        },
      };
      return Promise.resolve({ started: true, message: 'Sync started.' });
    },
    status: () => Promise.resolve(current),
  };
  return { client, calls };
}

const failedLast: LdapStatus = {
  running: null,
  nextRunAt: '2026-12-04T02:00:00.000Z',
  lastResult: {
    ok: false,
    mode: 'incremental',
    startedAt: '2026-12-04T00:59:00.000Z',
    finishedAt: '2026-12-04T00:59:01.000Z',
    entriesRead: 0,
    usersWritten: 0,
    groupsWritten: 0,
    deactivated: 0,
    errors: [
      'The LDAP server at ldaps://dc1.example.org:636 could not be reached (connection refused).',
    ],
    warnings: [],
  },
};

describe('the LDAP settings page', () => {
  it('shows the stored settings, never the stored password, and saves by keyboard', async () => {
    const user = userEvent.setup();
    const { client, calls } = fakeClient(failedLast);
    const { container } = render(<LdapPage client={client} />);
    const url = await screen.findByRole('textbox', { name: 'Server URL' });
    expect(url).toHaveProperty('value', stored.url);
    const password = screen.getByLabelText('Bind password');
    expect(password).toHaveProperty('value', '');
    expect(password.getAttribute('type')).toBe('password');
    expect(container.innerHTML).not.toContain(STORED_PASSWORD);
    expect(screen.getByText(/A password is stored on the server/)).toBeDefined();
    expect(screen.getByRole('textbox', { name: 'User name' })).toHaveProperty(
      'value',
      'sAMAccountName',
    );
    await screen.findByText(/could not be reached \(connection refused\)/);
    await expectNoAxeViolations(container);

    await tabTo(user, screen.getByRole('textbox', { name: 'Department' }));
    await user.keyboard('{Control>}a{/Control}division');
    await tabTo(user, screen.getByRole('button', { name: 'Save' }));
    await user.keyboard('{Enter}');
    await screen.findByText('Settings saved.');
    expect(calls.saved).toHaveLength(1);
    expect(calls.saved[0]?.mapping.department).toBe('division');
    // Empty password field: the stored one is kept (not sent).
    expect(calls.saved[0]?.bindPassword).toBeUndefined();
  });

  it('fills in the OpenLDAP preset, names a bad field, and tests the connection', async () => {
    const user = userEvent.setup();
    const { client, calls } = fakeClient(failedLast);
    render(<LdapPage client={client} />);
    const kind = await screen.findByRole('combobox', { name: 'Directory' });
    await user.selectOptions(kind, 'openldap');
    expect(screen.getByRole('textbox', { name: 'User name' })).toHaveProperty('value', 'uid');
    expect(screen.getByRole('textbox', { name: 'Disabled when' })).toHaveProperty(
      'value',
      'pwdAccountLockedTime',
    );
    expect(screen.getByRole('textbox', { name: 'User filter' })).toHaveProperty(
      'value',
      '(objectClass=inetOrgPerson)',
    );

    const url = screen.getByRole('textbox', { name: 'Server URL' });
    await user.clear(url);
    await user.type(url, 'dc1.example.org');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Some settings need a fix: see the fields marked.',
    );
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Enter the server as ldaps:\/\/host:636/)).toBeDefined();
    expect(calls.saved).toHaveLength(0);

    await user.clear(url);
    await user.type(url, 'ldap://127.0.0.1:3890');
    await user.type(screen.getByLabelText('Bind password'), 'typed-now');
    await tabTo(user, screen.getByRole('button', { name: 'Test connection' }));
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The LDAP server refused the bind DN or password.',
      ),
    );
    expect(calls.tested[0]?.bindPassword).toBe('typed-now');
  });

  it('starts a sync with Sync now and shows its progress', async () => {
    const user = userEvent.setup();
    const { client, calls } = fakeClient({ running: null, lastResult: null, nextRunAt: null });
    const { container } = render(<LdapPage client={client} />);
    await screen.findByRole('textbox', { name: 'Server URL' });
    const syncNow = screen.getByRole('button', { name: 'Sync now' });
    await tabTo(user, syncNow);
    await user.keyboard('{Enter}');
    await screen.findByText('Reading users: 1500 entries read, 1000 written.');
    expect(calls.synced).toBe(1);
    expect(screen.getByRole('progressbar', { name: 'Sync progress' })).toBeDefined();
    expect(syncNow.getAttribute('aria-disabled')).toBe('true');
    await expectNoAxeViolations(container);
  });
});

describe('the LDAP page in Administration', () => {
  it('is reached from the navigation and calls the ldap operations through the store host', async () => {
    const { store, calls } = fakeAdminStore({
      'overview.get': () => fail('not-ready', 'Not needed here.'),
      'ldap.settings.get': () => ({ settings: stored, passwordSet: true, warnings: [] }),
      'ldap.status': () => failedLast,
      'ldap.sync': () =>
        fail('not-ready', 'Administration needs the desk server, and it cannot be reached now.'),
    });
    const { user, container } = renderOnDesk(store, <AdminSection />);
    const link = screen.getByRole('button', { name: 'LDAP / Active Directory' });
    await tabTo(user, link);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('textbox', { name: 'Base DN' })).toHaveProperty(
      'value',
      stored.baseDn,
    );
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    await screen.findByText('Administration needs the desk server, and it cannot be reached now.');
    expect(calls.map((c) => c.operation)).toEqual(
      expect.arrayContaining(['ldap.settings.get', 'ldap.status', 'ldap.sync']),
    );
    expect(container.innerHTML).not.toContain(STORED_PASSWORD);
    await expectNoAxeViolations(container);
  });
});
