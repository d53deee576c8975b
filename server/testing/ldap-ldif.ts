// Generates a test directory as LDIF: nested OUs (ou=people → ou=<site> → ou=<department>),
// inetOrgPerson users and groupOfNames groups. Pure text generation; it never talks to a server.

export const TEST_BASE_DN = 'dc=deskpad,dc=test';
export const TEST_ADMIN_DN = `cn=admin,${TEST_BASE_DN}`;
export const TEST_ADMIN_PASSWORD = 'slapd-test-secret';
export const PEOPLE_DN = `ou=people,${TEST_BASE_DN}`;
export const GROUPS_DN = `ou=groups,${TEST_BASE_DN}`;

export const TEST_SITES = ['london', 'paris', 'berlin', 'madrid', 'rome'] as const;
export const TEST_DEPARTMENTS = [
  'finance',
  'sales',
  'engineering',
  'support',
  'legal',
  'marketing',
  'operations',
  'facilities',
] as const;

const FIRST = ['Ana', 'Ben', 'Chloe', 'David', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas'];
const LAST = ['Ruiz', 'Okafor', 'Martin', 'Novak', 'Schmidt', 'Rossi', 'Dubois', 'Kowalski'];

export interface TestLdapUser {
  uid: string;
  dn: string;
  site: string;
  department: string;
  givenName: string;
  sn: string;
  mail: string;
  telephoneNumber: string;
  mobile: string;
  employeeNumber: string;
}

/** The n-th (0-based) test user: the same n always gives the same user. */
export function testLdapUser(n: number): TestLdapUser {
  const uid = `user${String(n + 1).padStart(6, '0')}`;
  const site = TEST_SITES[n % TEST_SITES.length] ?? 'london';
  const department =
    TEST_DEPARTMENTS[Math.floor(n / TEST_SITES.length) % TEST_DEPARTMENTS.length] ?? 'finance';
  const givenName = FIRST[n % FIRST.length] ?? 'Ana';
  const sn = `${LAST[Math.floor(n / FIRST.length) % LAST.length] ?? 'Ruiz'}${n + 1}`;
  return {
    uid,
    dn: `uid=${uid},${departmentDn(site, department)}`,
    site,
    department,
    givenName,
    sn,
    mail: `${uid}@deskpad.test`,
    telephoneNumber: `+44 20 7946 ${String(n % 10_000).padStart(4, '0')}`,
    mobile: `+44 7700 ${String(900_000 + (n % 100_000)).padStart(6, '0')}`,
    employeeNumber: `E${String(n + 1).padStart(7, '0')}`,
  };
}

export const siteDn = (site: string): string => `ou=${site},${PEOPLE_DN}`;
export const departmentDn = (site: string, department: string): string =>
  `ou=${department},${siteDn(site)}`;
export const departmentGroupDn = (department: string): string =>
  `cn=${department}-team,${GROUPS_DN}`;

/** GeneralizedTime as LDAP writes it: 20260101000000Z. */
export function generalizedTime(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`;
}

function organizationalUnit(dn: string, ou: string): string {
  return `dn: ${dn}\nobjectClass: organizationalUnit\nou: ${ou}\n`;
}

/**
 * The whole directory as one LDIF for slapadd. Entries get a past, strictly increasing
 * modifyTimestamp (one second apart), as a directory grown over time has; a bulk load stamping
 * every entry with the same second would make the first incremental sync re-read everything.
 */
export function generateLdif(users: number, now = new Date()): string {
  const parts: string[] = [];
  parts.push(
    `dn: ${TEST_BASE_DN}\nobjectClass: top\nobjectClass: dcObject\nobjectClass: organization\no: Deskpad Test\ndc: deskpad\n`,
    organizationalUnit(PEOPLE_DN, 'people'),
    organizationalUnit(GROUPS_DN, 'groups'),
  );
  for (const site of TEST_SITES) {
    parts.push(organizationalUnit(siteDn(site), site));
    for (const department of TEST_DEPARTMENTS)
      parts.push(organizationalUnit(departmentDn(site, department), department));
  }
  const start = now.getTime() - (users + 10) * 1000 - 3_600_000;
  const members = new Map<string, string[]>(TEST_DEPARTMENTS.map((d) => [d, []]));
  for (let n = 0; n < users; n++) {
    const u = testLdapUser(n);
    members.get(u.department)?.push(u.dn);
    const stamp = generalizedTime(new Date(start + n * 1000));
    parts.push(
      [
        `dn: ${u.dn}`,
        'objectClass: inetOrgPerson',
        `uid: ${u.uid}`,
        `cn: ${u.givenName} ${u.sn}`,
        `givenName: ${u.givenName}`,
        `sn: ${u.sn}`,
        `mail: ${u.mail}`,
        `telephoneNumber: ${u.telephoneNumber}`,
        `mobile: ${u.mobile}`,
        `ou: ${u.department}`,
        `l: ${u.site}`,
        `employeeNumber: ${u.employeeNumber}`,
        `createTimestamp: ${stamp}`,
        `modifyTimestamp: ${stamp}`,
        '',
      ].join('\n'),
    );
  }
  const groupStamp = generalizedTime(new Date(start + users * 1000));
  for (const department of TEST_DEPARTMENTS) {
    const dns = members.get(department) ?? [];
    // groupOfNames needs at least one member.
    const list = dns.length > 0 ? dns : [TEST_ADMIN_DN];
    parts.push(
      [
        `dn: ${departmentGroupDn(department)}`,
        'objectClass: groupOfNames',
        `cn: ${department}-team`,
        `description: Everyone in ${department}`,
        ...list.map((dn) => `member: ${dn}`),
        `createTimestamp: ${groupStamp}`,
        `modifyTimestamp: ${groupStamp}`,
        '',
      ].join('\n'),
    );
  }
  return parts.join('\n');
}
