// Changes a test slapd the way a directory administrator would (add, modify, move, lock, delete),
// bound as its rootdn. For tests and benches only; it never touches a directory it did not start.

import { Attribute, Change, Client } from 'ldapts';
import { departmentDn, departmentGroupDn, type TestLdapUser } from './ldap-ldif';
import type { Slapd } from './slapd';

export interface LdapAdmin {
  addUser(user: TestLdapUser): Promise<void>;
  replace(dn: string, attribute: string, value: string): Promise<void>;
  /** modrdn to another OU: a new DN for the same entry (same entryUUID). */
  move(dn: string, site: string, department: string): Promise<string>;
  /** Locks the account the way ppolicy does (pwdAccountLockedTime 000001010000Z: for good). */
  lock(dn: string): Promise<void>;
  remove(dn: string): Promise<void>;
  addMember(department: string, memberDn: string): Promise<void>;
  close(): Promise<void>;
}

export async function ldapAdmin(slapd: Slapd): Promise<LdapAdmin> {
  const client = new Client({ url: slapd.url });
  await client.bind(slapd.adminDn, slapd.adminPassword);
  const replace = async (dn: string, type: string, value: string): Promise<void> =>
    client.modify(
      dn,
      new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) }),
    );
  return {
    addUser: (u) =>
      client.add(u.dn, {
        objectClass: 'inetOrgPerson',
        uid: u.uid,
        cn: `${u.givenName} ${u.sn}`,
        givenName: u.givenName,
        sn: u.sn,
        mail: u.mail,
        telephoneNumber: u.telephoneNumber,
        mobile: u.mobile,
        ou: u.department,
        l: u.site,
        employeeNumber: u.employeeNumber,
      }),
    replace,
    move: async (dn, site, department) => {
      const rdn = dn.split(',')[0] ?? '';
      const newDn = `${rdn},${departmentDn(site, department)}`;
      await client.modifyDN(dn, newDn);
      return newDn;
    },
    lock: (dn) => replace(dn, 'pwdAccountLockedTime', '000001010000Z'),
    remove: (dn) => client.del(dn),
    addMember: (department, memberDn) =>
      client.modify(
        departmentGroupDn(department),
        new Change({
          operation: 'add',
          modification: new Attribute({ type: 'member', values: [memberDn] }),
        }),
      ),
    close: () => client.unbind(),
  };
}
