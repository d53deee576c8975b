// Maps one LDAP entry to the directory's user or group shape, by the attribute mapping of the
// settings (AD and OpenLDAP presets). Pure: it never talks to a server or a database.

import type { Entry } from 'ldapts';
import type { LdapAttributeMapping, LdapSettings } from '../../shared/admin/ldap-settings';

export interface LdapUserRecord {
  /** entryUUID on OpenLDAP, objectGUID on AD: a moved entry (new DN) keeps it. */
  externalKey: string;
  dn: string;
  userName: string;
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  phone: string;
  mobile: string;
  employeeId: string;
  department: string;
  location: string;
  /** Undefined when no attribute is mapped to it: the user keeps the badge number they have. */
  badgeNumber?: string | undefined;
  active: boolean;
  /** Group DNs from memberOf (AD); empty when groups list their members. */
  groupDns: string[];
}

export interface LdapGroupRecord {
  externalKey: string;
  dn: string;
  name: string;
  description: string;
  /** Member DNs as the group lists them (membership 'member'). */
  memberDns: string[];
}

type Value = Entry[string];

function first(value: Value | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) {
    const [head] = value;
    if (head === undefined) return '';
    return typeof head === 'string' ? head : head.toString('utf8');
  }
  return typeof value === 'string' ? value : value.toString('utf8');
}

function all(value: Value | undefined): string[] {
  if (value === undefined) return [];
  const list: (string | Buffer)[] = Array.isArray(value) ? value : [value];
  return list.map((v) => (typeof v === 'string' ? v : v.toString('utf8')));
}

/** Attribute names are case-insensitive in LDAP; servers answer in their own case. */
export function attribute(entry: Entry, name: string): Value | undefined {
  if (name === '') return undefined;
  if (name in entry) return entry[name];
  const lower = name.toLowerCase();
  const key = Object.keys(entry).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : entry[key];
}

/** AD's objectGUID is 16 bytes, the first three fields little-endian; shown as AD shows it. */
export function guidToString(bytes: Buffer): string {
  if (bytes.length !== 16) return bytes.toString('hex');
  const hex = (from: number, to: number, reverse: boolean): string => {
    const part = [...bytes.subarray(from, to)];
    return (reverse ? part.reverse() : part).map((b) => b.toString(16).padStart(2, '0')).join('');
  };
  return [
    hex(0, 4, true),
    hex(4, 6, true),
    hex(6, 8, true),
    hex(8, 10, false),
    hex(10, 16, false),
  ].join('-');
}

/** The entry's external key as text, whatever the server sent (binary GUID or text UUID). */
export function externalKeyOf(entry: Entry, keyAttribute: string): string {
  const value = attribute(entry, keyAttribute);
  const head = Array.isArray(value) ? value[0] : value;
  if (head === undefined) return '';
  if (Buffer.isBuffer(head)) return head.length === 16 ? guidToString(head) : head.toString('utf8');
  return head;
}

/** userAccountControl's ACCOUNTDISABLE bit (2); any other attribute: present and not FALSE/0. */
export function isDisabled(entry: Entry, disabledAttribute: string): boolean {
  if (disabledAttribute === '') return false;
  const value = first(attribute(entry, disabledAttribute)).trim();
  if (value === '') return false;
  if (disabledAttribute.toLowerCase() === 'useraccountcontrol') return (Number(value) & 2) !== 0;
  return !['false', '0', 'no'].includes(value.toLowerCase());
}

/** The attributes to ask for: every mapped one, the change attribute and memberOf when used. */
export function userAttributes(settings: LdapSettings, changeAttribute: string): string[] {
  const names = new Set<string>(
    Object.values(settings.mapping).filter((name): name is string => name !== ''),
  );
  names.add(changeAttribute);
  if (settings.membership === 'memberOf') names.add('memberOf');
  return [...names];
}

export function mapUser(entry: Entry, settings: LdapSettings): LdapUserRecord | null {
  const m: LdapAttributeMapping = settings.mapping;
  const externalKey = externalKeyOf(entry, m.externalKey);
  const userName = first(attribute(entry, m.userName)).trim();
  if (externalKey === '' || userName === '') return null;
  const get = (name: string): string => first(attribute(entry, name)).trim();
  const firstName = get(m.firstName);
  const lastName = get(m.lastName);
  const name = get(m.displayName) || [firstName, lastName].filter(Boolean).join(' ') || userName;
  return {
    externalKey,
    dn: entry.dn,
    userName,
    firstName,
    lastName,
    name,
    email: get(m.email),
    phone: get(m.phone),
    mobile: get(m.mobile),
    employeeId: get(m.employeeId),
    department: get(m.department),
    location: get(m.location),
    badgeNumber: m.badgeNumber === '' ? undefined : get(m.badgeNumber),
    active: !isDisabled(entry, m.disabled),
    groupDns: settings.membership === 'memberOf' ? all(attribute(entry, 'memberOf')) : [],
  };
}

export function mapGroup(entry: Entry, settings: LdapSettings): LdapGroupRecord | null {
  const externalKey = externalKeyOf(entry, settings.mapping.externalKey);
  const name = first(attribute(entry, 'cn')).trim();
  if (externalKey === '' || name === '') return null;
  return {
    externalKey,
    dn: entry.dn,
    name,
    description: first(attribute(entry, 'description')).trim(),
    memberDns: settings.membership === 'member' ? all(attribute(entry, 'member')) : [],
  };
}

/** DNs compare without case or spaces after commas (servers differ in how they print them). */
export const normalizeDn = (dn: string): string => dn.replace(/\s*,\s*/g, ',').toLowerCase();
