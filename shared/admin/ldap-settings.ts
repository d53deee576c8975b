// The LDAP / Active Directory sync's settings, presets and status as zod schemas: one source for
// the server's checks and the settings form. Shapes only; the bind password never appears in a view.

import { z } from 'zod';

export const LdapDirectoryKind = z.enum(['active-directory', 'openldap']);
export type LdapDirectoryKind = z.infer<typeof LdapDirectoryKind>;

const AttributeName = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'An attribute name is letters, digits and hyphens.')
  .max(100);
const OptionalAttribute = z.union([AttributeName, z.literal('')]);

/** Which LDAP attribute fills each user field; '' leaves the field empty. */
export const LdapAttributeMapping = z.object({
  externalKey: AttributeName,
  userName: AttributeName,
  firstName: OptionalAttribute,
  lastName: OptionalAttribute,
  displayName: OptionalAttribute,
  email: OptionalAttribute,
  phone: OptionalAttribute,
  mobile: OptionalAttribute,
  department: OptionalAttribute,
  location: OptionalAttribute,
  employeeId: OptionalAttribute,
  /**
   * The number on the card the walk-up kiosk reads (issue 12). No directory has a standard one, so
   * '' by default, and '' here leaves everyone's badge number as the import or an admin set it.
   */
  badgeNumber: OptionalAttribute.default(''),
  /** userAccountControl: bit 2 means disabled; any other attribute: present and not FALSE. */
  disabled: OptionalAttribute,
});
export type LdapAttributeMapping = z.infer<typeof LdapAttributeMapping>;

/** Groups list their members (`member`) or users list their groups (`memberOf`). */
export const LdapMembership = z.enum(['member', 'memberOf']);

const Dn = z.string().trim().min(1, 'Enter a DN, such as dc=example,dc=org.').max(1000);
const Filter = z
  .string()
  .trim()
  .min(3, 'Enter an LDAP filter, such as (objectClass=person).')
  .max(2000)
  .refine((f) => f.startsWith('(') && f.endsWith(')'), 'A filter starts with ( and ends with ).');

export const LdapUrl = z
  .string()
  .trim()
  .regex(
    /^ldaps?:\/\/[^\s/:]+(:\d{1,5})?\/?$/i,
    'Enter the server as ldaps://host:636 or ldap://host:389.',
  );

/** Everything but the bind password. */
export const LdapSettings = z.object({
  kind: LdapDirectoryKind,
  url: LdapUrl,
  startTls: z.boolean(),
  /** Accept a server certificate no trusted authority signed (self-signed test servers only). */
  allowUntrustedCertificate: z.boolean(),
  bindDn: Dn,
  baseDn: Dn,
  userFilter: Filter,
  groupBaseDn: z.union([Dn, z.literal('')]),
  groupFilter: Filter,
  membership: LdapMembership,
  mapping: LdapAttributeMapping,
  /** Every N minutes; 0 = off (Sync now only). */
  scheduleMinutes: z.number().int().min(0).max(10_080),
});
export type LdapSettings = z.infer<typeof LdapSettings>;

/** Saving: the password is optional, and empty keeps the stored one. */
export const LdapSettingsInput = LdapSettings.extend({
  bindPassword: z.string().max(1000).optional(),
});
export type LdapSettingsInput = z.infer<typeof LdapSettingsInput>;

/** What a browser sees: the settings, whether a password is stored, and warnings in words. */
export const LdapSettingsView = z.object({
  settings: LdapSettings.nullable(),
  passwordSet: z.boolean(),
  warnings: z.array(z.string()),
});
export type LdapSettingsView = z.infer<typeof LdapSettingsView>;

export const LdapRunMode = z.enum(['full', 'incremental']);

export const LdapRunResult = z.object({
  ok: z.boolean(),
  mode: LdapRunMode,
  startedAt: z.string(),
  finishedAt: z.string(),
  entriesRead: z.number().int(),
  usersWritten: z.number().int(),
  groupsWritten: z.number().int(),
  deactivated: z.number().int(),
  /** In words, for the administrator; never a password. */
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type LdapRunResult = z.infer<typeof LdapRunResult>;

export const LdapProgress = z.object({
  phase: z.enum(['connecting', 'users', 'groups', 'listing', 'writing']),
  startedAt: z.string(),
  entriesRead: z.number().int(),
  entriesWritten: z.number().int(),
});
export type LdapProgress = z.infer<typeof LdapProgress>;

export const LdapStatus = z.object({
  running: LdapProgress.nullable(),
  lastResult: LdapRunResult.nullable(),
  nextRunAt: z.string().nullable(),
});
export type LdapStatus = z.infer<typeof LdapStatus>;

export const LdapTestResult = z.object({
  ok: z.boolean(),
  message: z.string(),
  /** Users the filter found in a sample (up to the sample size). */
  sampleCount: z.number().int(),
  sample: z.array(z.object({ userName: z.string(), name: z.string(), email: z.string() })),
});
export type LdapTestResult = z.infer<typeof LdapTestResult>;

const AD_MAPPING: LdapAttributeMapping = {
  externalKey: 'objectGUID',
  userName: 'sAMAccountName',
  firstName: 'givenName',
  lastName: 'sn',
  displayName: 'displayName',
  email: 'mail',
  phone: 'telephoneNumber',
  mobile: 'mobile',
  department: 'department',
  location: 'physicalDeliveryOfficeName',
  employeeId: 'employeeID',
  badgeNumber: '',
  disabled: 'userAccountControl',
};

const OPENLDAP_MAPPING: LdapAttributeMapping = {
  externalKey: 'entryUUID',
  userName: 'uid',
  firstName: 'givenName',
  lastName: 'sn',
  displayName: 'cn',
  email: 'mail',
  phone: 'telephoneNumber',
  mobile: 'mobile',
  department: 'ou',
  location: 'l',
  employeeId: 'employeeNumber',
  badgeNumber: '',
  disabled: 'pwdAccountLockedTime',
};

/** The fields a preset fills in; the administrator adds the server, the bind DN and the base DN. */
export type LdapPreset = Pick<
  LdapSettings,
  'kind' | 'userFilter' | 'groupFilter' | 'membership' | 'mapping'
>;

export const LDAP_PRESETS: Readonly<Record<LdapDirectoryKind, LdapPreset>> = {
  'active-directory': {
    kind: 'active-directory',
    userFilter: '(&(objectCategory=person)(objectClass=user))',
    groupFilter: '(objectClass=group)',
    membership: 'memberOf',
    mapping: AD_MAPPING,
  },
  openldap: {
    kind: 'openldap',
    userFilter: '(objectClass=inetOrgPerson)',
    groupFilter: '(objectClass=groupOfNames)',
    membership: 'member',
    mapping: OPENLDAP_MAPPING,
  },
};

/** The change attribute each kind's incremental sync filters on. */
export const CHANGE_ATTRIBUTE: Readonly<Record<LdapDirectoryKind, string>> = {
  'active-directory': 'uSNChanged',
  openldap: 'modifyTimestamp',
};

/** Warnings shown beside saved settings (plain ldap:// sends the password readable on the wire). */
export function ldapSettingsWarnings(settings: LdapSettings): string[] {
  const warnings: string[] = [];
  if (settings.url.toLowerCase().startsWith('ldap://') && !settings.startTls)
    warnings.push(
      'ldap:// without StartTLS sends the bind password unencrypted: prefer ldaps:// or turn on StartTLS.',
    );
  if (settings.allowUntrustedCertificate)
    warnings.push('The server certificate is not checked: use this only with a test server.');
  return warnings;
}
