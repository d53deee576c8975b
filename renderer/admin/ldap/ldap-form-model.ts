// The LDAP settings form's state: text fields as typed, the preset a directory kind fills in, and
// the check into the settings input (zod from shared/). Pure; never calls the server.

import {
  LDAP_PRESETS,
  LdapSettingsInput,
  type LdapAttributeMapping,
  type LdapDirectoryKind,
  type LdapSettings,
} from '../../../shared/admin/ldap-settings';

export interface LdapFormState {
  kind: LdapDirectoryKind;
  url: string;
  startTls: boolean;
  allowUntrustedCertificate: boolean;
  bindDn: string;
  /** Typed by the administrator now; never filled from the server. */
  bindPassword: string;
  baseDn: string;
  userFilter: string;
  groupBaseDn: string;
  groupFilter: string;
  membership: LdapSettings['membership'];
  mapping: LdapAttributeMapping;
  scheduleMinutes: string;
}

export const MAPPING_LABELS: Readonly<Record<keyof LdapAttributeMapping, string>> = {
  externalKey: 'Unique key',
  userName: 'User name',
  firstName: 'First name',
  lastName: 'Last name',
  displayName: 'Display name',
  email: 'Email',
  phone: 'Phone',
  mobile: 'Mobile',
  department: 'Department',
  location: 'Location',
  employeeId: 'Employee ID',
  badgeNumber: 'Badge number',
  disabled: 'Disabled when',
};

export const KIND_LABELS: Readonly<Record<LdapDirectoryKind, string>> = {
  'active-directory': 'Active Directory',
  openldap: 'OpenLDAP',
};

export function emptyLdapForm(kind: LdapDirectoryKind = 'active-directory'): LdapFormState {
  const preset = LDAP_PRESETS[kind];
  return {
    kind,
    url: '',
    startTls: false,
    allowUntrustedCertificate: false,
    bindDn: '',
    bindPassword: '',
    baseDn: '',
    userFilter: preset.userFilter,
    groupBaseDn: '',
    groupFilter: preset.groupFilter,
    membership: preset.membership,
    mapping: { ...preset.mapping },
    scheduleMinutes: '60',
  };
}

export function formFromSettings(settings: LdapSettings | null): LdapFormState {
  if (!settings) return emptyLdapForm();
  return {
    ...settings,
    mapping: { ...settings.mapping },
    bindPassword: '',
    scheduleMinutes: String(settings.scheduleMinutes),
  };
}

/** Switching the directory kind fills in that kind's filters and attribute mapping. */
export function applyPreset(state: LdapFormState, kind: LdapDirectoryKind): LdapFormState {
  const preset = LDAP_PRESETS[kind];
  return {
    ...state,
    kind,
    userFilter: preset.userFilter,
    groupFilter: preset.groupFilter,
    membership: preset.membership,
    mapping: { ...preset.mapping },
  };
}

export type LdapFormErrors = Partial<Record<string, string>>;

export type LdapFormCheck =
  { ok: true; input: LdapSettingsInput } | { ok: false; errors: LdapFormErrors };

/** Field errors keyed like the form's ids ('url', 'mapping.email', …). */
export function checkLdapForm(state: LdapFormState): LdapFormCheck {
  const minutes = state.scheduleMinutes.trim() === '' ? 0 : Number(state.scheduleMinutes);
  const { bindPassword, scheduleMinutes: _typed, ...rest } = state;
  const parsed = LdapSettingsInput.safeParse({
    ...rest,
    scheduleMinutes: minutes,
    ...(bindPassword !== '' ? { bindPassword } : {}),
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: LdapFormErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.');
    if (errors[key] !== undefined) continue;
    errors[key] =
      key === 'scheduleMinutes'
        ? 'Enter whole minutes between 0 (off) and 10080 (a week).'
        : issue.message.startsWith('Invalid')
          ? 'Check this value.'
          : issue.message;
  }
  return { ok: false, errors };
}
