// The LDAP settings row: an empty password keeps the stored one, a changed source resets the
// cursor, one run at a time across instances (a dead one's lease lapses), the schedule falls due.

import { expect, it } from 'vitest';
import { LDAP_PRESETS, type LdapSettingsInput } from '../../shared/admin/ldap-settings';
import { describeOnDatabases } from '../testing/test-databases';
import {
  claimLdapRun,
  finishLdapRun,
  ldapRunDue,
  readLdapSettingsView,
  readLdapStatus,
  readStoredPassword,
  RUN_LEASE_MS,
  saveLdapSettings,
} from './ldap-settings-store';

const input = (over: Partial<LdapSettingsInput> = {}): LdapSettingsInput => ({
  ...LDAP_PRESETS['active-directory'],
  url: 'ldaps://dc1.example.org:636',
  startTls: false,
  allowUntrustedCertificate: false,
  bindDn: 'CN=deskpad,DC=example,DC=org',
  bindPassword: 'first-secret',
  baseDn: 'DC=example,DC=org',
  groupBaseDn: '',
  scheduleMinutes: 30,
  ...over,
});

const at = new Date('2026-12-04T09:00:00.000Z');
const later = (ms: number) => new Date(at.getTime() + ms);

const okResult = {
  ok: true,
  mode: 'full' as const,
  startedAt: at.toISOString(),
  finishedAt: at.toISOString(),
  entriesRead: 1,
  usersWritten: 1,
  groupsWritten: 0,
  deactivated: 0,
  errors: [],
  warnings: [],
};

describeOnDatabases('LDAP settings', (suite) => {
  it('keeps the stored password when none is given and never shows it', async () => {
    const { db } = suite.database();
    expect(await readLdapSettingsView(db)).toEqual({
      settings: null,
      passwordSet: false,
      warnings: [],
    });
    await saveLdapSettings(db, input(), at);
    await saveLdapSettings(db, input({ bindPassword: '', scheduleMinutes: 0 }), at);
    expect(await readStoredPassword(db)).toBe('first-secret');
    const view = await readLdapSettingsView(db);
    expect(view.passwordSet).toBe(true);
    expect(view.settings?.scheduleMinutes).toBe(0);
    expect(JSON.stringify(view)).not.toContain('first-secret');
  });

  it('runs one sync at a time across instances; a run whose instance died lapses', async () => {
    const { db } = suite.database();
    expect(await claimLdapRun(db, 'a', at)).toEqual({ ok: false, reason: 'not-configured' });
    await saveLdapSettings(db, input(), at);
    const first = await claimLdapRun(db, 'a', at);
    expect(first.ok && first.run.password).toBe('first-secret');
    expect(await claimLdapRun(db, 'b', later(1000))).toEqual({ ok: false, reason: 'running' });
    expect((await readLdapStatus(db, later(1000))).running).not.toBeNull();
    // Instance a died without finishing: after the lease, b may run.
    const taken = await claimLdapRun(db, 'b', later(RUN_LEASE_MS + 1000));
    expect(taken.ok).toBe(true);
    // a's late finish changes nothing; b's is recorded with its cursor.
    await finishLdapRun(db, 'a', okResult, '20260101000000Z', later(RUN_LEASE_MS + 2000));
    expect((await readLdapStatus(db, later(RUN_LEASE_MS + 2000))).lastResult).toBeNull();
    await finishLdapRun(db, 'b', okResult, '20261204090000Z', later(RUN_LEASE_MS + 3000));
    const status = await readLdapStatus(db, later(RUN_LEASE_MS + 3000));
    expect(status.running).toBeNull();
    expect(status.lastResult?.ok).toBe(true);
    expect(status.nextRunAt).toBe(later(RUN_LEASE_MS + 3000 + 30 * 60_000).toISOString());
    const again = await claimLdapRun(db, 'c', later(RUN_LEASE_MS + 4000));
    expect(again.ok && again.run.cursor).toBe('20261204090000Z');
  });

  it('falls due on schedule; a failed run keeps the cursor; a new source starts over', async () => {
    const { db } = suite.database();
    await saveLdapSettings(db, input(), at);
    expect(await ldapRunDue(db, later(29 * 60_000))).toBe(false);
    expect(await ldapRunDue(db, later(30 * 60_000))).toBe(true);
    await claimLdapRun(db, 'a', at);
    await finishLdapRun(db, 'a', okResult, '123', at);
    await claimLdapRun(db, 'a', at);
    await finishLdapRun(db, 'a', { ...okResult, ok: false, errors: ['x'] }, null, at);
    const kept = await claimLdapRun(db, 'b', at);
    expect(kept.ok && kept.run.cursor).toBe('123');
    await finishLdapRun(db, 'b', okResult, '123', at);
    await saveLdapSettings(db, input({ scheduleMinutes: 5 }), at);
    const same = await claimLdapRun(db, 'c', at);
    expect(same.ok && same.run.cursor).toBe('123');
    await finishLdapRun(db, 'c', okResult, '123', at);
    const saved = await saveLdapSettings(db, input({ baseDn: 'OU=Staff,DC=example,DC=org' }), at);
    expect(saved.cursorReset).toBe(true);
    const reset = await claimLdapRun(db, 'd', at);
    expect(reset.ok && reset.run.cursor).toBeNull();
  });
});
