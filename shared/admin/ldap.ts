// The LDAP / Active Directory sync's admin operations: settings (the password write-only), Test
// connection, Sync now and the status. Shapes only; the schemas live in ldap-settings.ts.

import { z } from 'zod';
import { LdapSettingsInput, LdapSettingsView, LdapStatus, LdapTestResult } from './ldap-settings';
import { adminOperation } from './operation';

export const LdapSyncStart = z.object({ started: z.boolean(), message: z.string() });

export const LDAP_OPERATIONS = {
  'ldap.settings.get': adminOperation('ldap.settings.get', z.strictObject({}), LdapSettingsView),
  'ldap.settings.save': adminOperation('ldap.settings.save', LdapSettingsInput, LdapSettingsView),
  'ldap.test': adminOperation('ldap.test', LdapSettingsInput, LdapTestResult),
  'ldap.sync': adminOperation('ldap.sync', z.strictObject({}), LdapSyncStart),
  'ldap.status': adminOperation('ldap.status', z.strictObject({}), LdapStatus),
} as const;
