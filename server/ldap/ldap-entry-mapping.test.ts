// Entry mapping with the Active Directory and OpenLDAP presets: objectGUID as AD shows it,
// userAccountControl's disabled bit, pwdAccountLockedTime, memberOf, attribute names in any case.

import { describe, expect, it } from 'vitest';
import { LDAP_PRESETS, type LdapSettings } from '../../shared/admin/ldap-settings';
import { guidToString, isDisabled, mapUser } from './ldap-entry-mapping';

const base = {
  url: 'ldaps://dc1.example.org',
  startTls: false,
  allowUntrustedCertificate: false,
  bindDn: 'CN=deskpad,DC=example,DC=org',
  baseDn: 'DC=example,DC=org',
  groupBaseDn: '',
  scheduleMinutes: 0,
};
const ad: LdapSettings = { ...LDAP_PRESETS['active-directory'], ...base };
const openldap: LdapSettings = { ...LDAP_PRESETS.openldap, ...base };

// AD shows {2D8C0E1B-6F3A-4C21-9E0B-1234567890AB}; the wire has the first three fields reversed.
const guid = Buffer.from('1b0e8c2d3a6f214c9e0b1234567890ab', 'hex');

describe('LDAP entry mapping', () => {
  it('maps an Active Directory user with its GUID, disabled bit and groups', () => {
    expect(guidToString(guid)).toBe('2d8c0e1b-6f3a-4c21-9e0b-1234567890ab');
    const user = mapUser(
      {
        dn: 'CN=Ana Ruiz,OU=Staff,DC=example,DC=org',
        objectGUID: guid,
        samaccountname: 'aruiz',
        givenName: 'Ana',
        sn: 'Ruiz',
        displayName: 'Ana Ruiz (Finance)',
        mail: 'ana.ruiz@example.org',
        telephoneNumber: '+1 555 0100',
        department: 'Finance',
        physicalDeliveryOfficeName: 'HQ 3rd floor',
        employeeID: '004211',
        userAccountControl: '514',
        memberOf: ['CN=Finance,OU=Groups,DC=example,DC=org', 'CN=VPN,OU=Groups,DC=example,DC=org'],
      },
      ad,
    );
    expect(user).toMatchObject({
      externalKey: '2d8c0e1b-6f3a-4c21-9e0b-1234567890ab',
      userName: 'aruiz',
      name: 'Ana Ruiz (Finance)',
      location: 'HQ 3rd floor',
      employeeId: '004211',
      active: false,
      groupDns: ['CN=Finance,OU=Groups,DC=example,DC=org', 'CN=VPN,OU=Groups,DC=example,DC=org'],
    });
    expect(isDisabled({ dn: '', userAccountControl: '512' }, 'userAccountControl')).toBe(false);
  });

  it('maps an OpenLDAP user, locked by ppolicy or by nsAccountLock', () => {
    const entry = {
      dn: 'uid=bo,ou=people,dc=example,dc=org',
      entryUUID: '81a711e2-83cd-1041-89ce-7ba46203dba6',
      uid: 'bo',
      cn: 'Bo Novak',
      mail: 'bo@example.org',
      ou: 'Sales',
      l: 'Paris',
      employeeNumber: 'E7',
    };
    expect(mapUser(entry, openldap)).toMatchObject({ active: true, department: 'Sales' });
    // No badge attribute mapped: the badge is left alone; mapped: read like any other field.
    expect(mapUser(entry, openldap)?.badgeNumber).toBeUndefined();
    const badged = { ...openldap, mapping: { ...openldap.mapping, badgeNumber: 'roomNumber' } };
    expect(mapUser({ ...entry, roomNumber: ' 0042 ' }, badged)?.badgeNumber).toBe('0042');
    expect(mapUser({ ...entry, pwdAccountLockedTime: '000001010000Z' }, openldap)?.active).toBe(
      false,
    );
    const nsLock = { ...openldap, mapping: { ...openldap.mapping, disabled: 'nsAccountLock' } };
    expect(mapUser({ ...entry, nsAccountLock: 'TRUE' }, nsLock)?.active).toBe(false);
    expect(mapUser({ ...entry, nsAccountLock: 'false' }, nsLock)?.active).toBe(true);
  });

  it('skips an entry without its key or user name', () => {
    expect(mapUser({ dn: 'uid=x,dc=example,dc=org', uid: 'x' }, openldap)).toBeNull();
    expect(mapUser({ dn: 'cn=y,dc=example,dc=org', entryUUID: 'u-1' }, openldap)).toBeNull();
  });
});
