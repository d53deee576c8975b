// The LDAP sync against a real OpenLDAP slapd (10,000 users in nested OUs, groups): the first sync,
// then an add, a changed phone, a move, a lock and a deletion; wrong password, unreachable, bad filter.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LDAP_PRESETS, type LdapSettings } from '../../shared/admin/ldap-settings';
import { ldapAdmin, type LdapAdmin } from '../testing/ldap-admin';
import { GROUPS_DN, TEST_BASE_DN, testLdapUser } from '../testing/ldap-ldif';
import {
  freeLoopbackPort,
  slapdInstalled,
  startSlapd,
  SYNC_BIND_DN,
  SYNC_BIND_PASSWORD,
  type Slapd,
} from '../testing/slapd';
import type { LdapGroupRecord, LdapUserRecord } from './ldap-entry-mapping';
import { WRONG_PASSWORD_MESSAGE } from './ldap-errors';
import { changedFilter, laterChange, parseCursor } from './ldap-cursor';
import { runLdapSync, type LdapDirectoryTarget } from './ldap-sync';

const USERS = 10_000;
const HOOK_TIMEOUT_MS = 120_000;

function memoryDirectory() {
  const users = new Map<string, LdapUserRecord>();
  const groups = new Map<
    string,
    { group: LdapGroupRecord; memberKeys: string[]; active: boolean }
  >();
  const writes = { users: 0 };
  const target: LdapDirectoryTarget = {
    writeUsers: (records) => {
      for (const r of records) users.set(r.externalKey, r);
      writes.users += records.length;
      return Promise.resolve({ written: records.length, refused: [] });
    },
    writeGroups: (batch) => {
      for (const g of batch) groups.set(g.group.externalKey, { ...g, active: true });
      return Promise.resolve(batch.length);
    },
    writeUserGroups: () => Promise.resolve(0),
    deactivateUsersMissing: (present) => {
      let n = 0;
      for (const [key, user] of users)
        if (user.active && !present.has(key)) {
          users.set(key, { ...user, active: false });
          n += 1;
        }
      return Promise.resolve(n);
    },
    deactivateGroupsMissing: () => Promise.resolve(0),
  };
  return { users, groups, writes, target };
}

const settingsFor = (slapd: Slapd, overrides: Partial<LdapSettings> = {}): LdapSettings => ({
  ...LDAP_PRESETS.openldap,
  url: slapd.url,
  startTls: false,
  allowUntrustedCertificate: false,
  bindDn: SYNC_BIND_DN,
  baseDn: TEST_BASE_DN,
  groupBaseDn: GROUPS_DN,
  scheduleMinutes: 0,
  ...overrides,
});

describe('change cursor', () => {
  it('compares uSNChanged as numbers and timestamps as text', () => {
    expect(laterChange('999', '1000')).toBe('1000');
    expect(laterChange('20260101000000Z', '20251231235959Z')).toBe('20260101000000Z');
    expect(laterChange(null, '5')).toBe('5');
    // uSNChanged counts every change: strictly after the cursor.
    expect(changedFilter('(a=b)', 'uSNChanged', { value: '42', csn: null })).toBe(
      '(&(a=b)(uSNChanged>=43))',
    );
    expect(
      changedFilter(
        '(a=b)',
        'modifyTimestamp',
        parseCursor('{"value":"20261204010203Z","csn":null}'),
      ),
    ).toBe('(&(a=b)(modifyTimestamp>=20261204010203Z))');
    expect(() => parseCursor('1)(x=*')).toThrow(/damaged/);
    expect(parseCursor('12345')).toEqual({ value: '12345', csn: null });
  });
});

describe.skipIf(!slapdInstalled() && process.env.CI !== 'true')('LDAP sync against slapd', () => {
  let slapd: Slapd;
  let admin: LdapAdmin;
  const directory = memoryDirectory();
  let cursor: string | null = null;
  const now = () => new Date();

  beforeAll(async () => {
    slapd = await startSlapd({ users: USERS });
    admin = await ldapAdmin(slapd);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await admin?.close();
    await slapd?.stop();
  }, HOOK_TIMEOUT_MS);

  it('reads all 10,000 users page by page on the first sync', async () => {
    const outcome = await runLdapSync({
      settings: settingsFor(slapd),
      password: SYNC_BIND_PASSWORD,
      cursor: null,
      target: directory.target,
      now,
    });
    expect(outcome.result.errors).toEqual([]);
    expect(outcome.result).toMatchObject({ ok: true, mode: 'full', usersWritten: USERS });
    expect(directory.users.size).toBe(USERS);
    const first = testLdapUser(0);
    const ana = [...directory.users.values()].find((u) => u.userName === first.uid);
    expect(ana).toMatchObject({
      email: first.mail,
      phone: first.telephoneNumber,
      mobile: first.mobile,
      department: first.department,
      location: first.site,
      employeeId: first.employeeNumber,
      active: true,
    });
    expect(directory.groups.size).toBe(8);
    const finance = [...directory.groups.values()].find((g) => g.group.name === 'finance-team');
    expect(finance?.memberKeys.length).toBe(USERS / 8);
    cursor = outcome.cursor;
    expect(parseCursor(cursor)?.value).toMatch(/^\d{14}Z$/);
  });

  it('reflects an add, a changed phone, a move, a lock and a deletion, and reads only those', async () => {
    const added = testLdapUser(USERS + 1);
    await admin.addUser(added);
    await admin.addMember('legal', added.dn);
    const phoned = testLdapUser(1);
    await admin.replace(phoned.dn, 'telephoneNumber', '+44 20 7946 9999');
    const moved = testLdapUser(2);
    const movedDn = await admin.move(moved.dn, 'rome', 'legal');
    const locked = testLdapUser(3);
    await admin.lock(locked.dn);
    const deleted = testLdapUser(4);
    await admin.remove(deleted.dn);
    const byName = (uid: string) => [...directory.users.values()].find((u) => u.userName === uid);
    const movedKey = byName(moved.uid)?.externalKey;

    const before = directory.writes.users;
    const outcome = await runLdapSync({
      settings: settingsFor(slapd),
      password: SYNC_BIND_PASSWORD,
      cursor,
      target: directory.target,
      now,
    });
    expect(outcome.result.errors).toEqual([]);
    expect(outcome.result.mode).toBe('incremental');
    // The four changed entries, not 10,000 (nor the cursor's own second again).
    expect(directory.writes.users - before).toBe(4);
    // Only the group that gained a member is read again.
    expect(outcome.result.groupsWritten).toBe(1);
    const legal = [...directory.groups.values()].find((g) => g.group.name === 'legal-team');
    expect(legal?.memberKeys).toContain(byName(added.uid)?.externalKey);
    expect(byName(added.uid)).toMatchObject({ active: true, email: added.mail });
    expect(byName(phoned.uid)?.phone).toBe('+44 20 7946 9999');
    expect(byName(moved.uid)).toMatchObject({ externalKey: movedKey, dn: movedDn, active: true });
    expect([...directory.users.values()].filter((u) => u.userName === moved.uid)).toHaveLength(1);
    expect(byName(locked.uid)?.active).toBe(false);
    expect(byName(deleted.uid)?.active).toBe(false);
    expect(outcome.result.deactivated).toBe(1);
    expect(directory.users.size).toBe(USERS + 1);
    expect(parseCursor(outcome.cursor)!.value >= parseCursor(cursor)!.value).toBe(true);
    cursor = outcome.cursor;
  });

  const failsWithoutChange = async (
    settings: LdapSettings,
    password: string,
    expected: RegExp | string,
  ) => {
    const snapshot = JSON.stringify([...directory.users.values()]);
    const outcome = await runLdapSync({
      settings,
      password,
      cursor,
      target: directory.target,
      now,
      timeouts: { connectMs: 2000, operationMs: 5000 },
    });
    expect(outcome.result.ok).toBe(false);
    expect(outcome.result.errors).toHaveLength(1);
    expect(outcome.result.errors[0]).toMatch(expected);
    expect(outcome.cursor).toBe(cursor);
    expect(JSON.stringify([...directory.users.values()])).toBe(snapshot);
  };

  it('a wrong password is refused in words and changes nothing', async () => {
    await failsWithoutChange(settingsFor(slapd), 'not the password', WRONG_PASSWORD_MESSAGE);
  });

  it('an unreachable server is named and changes nothing', async () => {
    const port = await freeLoopbackPort();
    await failsWithoutChange(
      settingsFor(slapd, { url: `ldap://127.0.0.1:${port}` }),
      SYNC_BIND_PASSWORD,
      `The LDAP server at ldap://127.0.0.1:${port} could not be reached (connection refused).`,
    );
  });

  it('a TLS problem is named and changes nothing', async () => {
    // ldaps:// to a port that speaks plain LDAP: the TLS handshake never completes.
    await failsWithoutChange(
      settingsFor(slapd, { url: `ldaps://127.0.0.1:${slapd.port}` }),
      SYNC_BIND_PASSWORD,
      /^A TLS problem with the LDAP server at ldaps:\/\/127\.0\.0\.1:\d+/,
    );
  });

  it('a bad filter is named and changes nothing', async () => {
    await failsWithoutChange(
      settingsFor(slapd, { userFilter: '(uid=user' }),
      SYNC_BIND_PASSWORD,
      /^The user filter is not a valid LDAP filter/,
    );
  });

  it('a base DN that does not exist is named and changes nothing', async () => {
    await failsWithoutChange(
      settingsFor(slapd, { baseDn: 'ou=nowhere,dc=deskpad,dc=test' }),
      SYNC_BIND_PASSWORD,
      /base DN of the user listing does not exist/,
    );
  });
});
