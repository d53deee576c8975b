// The LDAP settings form: directory kind (its preset), server, bind DN and password (write-only),
// where to look, attribute mapping and schedule. Never shows a stored password, never saves itself.

import { useId, type ReactNode } from 'react';
import type {
  LdapAttributeMapping,
  LdapDirectoryKind,
  LdapSettings,
} from '../../../shared/admin/ldap-settings';
import { FormField } from '../../interaction-form/form-field';
import {
  KIND_LABELS,
  MAPPING_LABELS,
  type LdapFormErrors,
  type LdapFormState,
} from './ldap-form-model';

interface LdapSettingsFormProps {
  state: LdapFormState;
  errors: LdapFormErrors;
  passwordSet: boolean;
  onChange: (next: LdapFormState) => void;
  onKind: (kind: LdapDirectoryKind) => void;
  children?: ReactNode;
}

export function LdapSettingsForm(props: LdapSettingsFormProps) {
  const { state, errors, onChange } = props;
  const id = useId();
  type TextField =
    'url' | 'bindDn' | 'baseDn' | 'userFilter' | 'groupBaseDn' | 'groupFilter' | 'scheduleMinutes';
  const text = (field: TextField, label: string, hint?: string) => (
    <FormField id={`${id}-${field}`} label={label} error={errors[field]} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={state[field]}
          onChange={(e) => onChange({ ...state, [field]: e.target.value })}
        />
      )}
    </FormField>
  );
  const check = (field: 'startTls' | 'allowUntrustedCertificate', label: string) => (
    <div className="field field--checkbox">
      <input
        id={`${id}-${field}`}
        type="checkbox"
        checked={state[field]}
        onChange={(e) => onChange({ ...state, [field]: e.target.checked })}
      />
      <label htmlFor={`${id}-${field}`}>{label}</label>
    </div>
  );
  const mapping = (field: keyof LdapAttributeMapping) => (
    <FormField
      key={field}
      id={`${id}-mapping-${field}`}
      label={MAPPING_LABELS[field]}
      error={errors[`mapping.${field}`]}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={state.mapping[field]}
          onChange={(e) =>
            onChange({ ...state, mapping: { ...state.mapping, [field]: e.target.value } })
          }
        />
      )}
    </FormField>
  );

  return (
    <>
      <fieldset className="form-row form-row--stack">
        <legend>Server</legend>
        <FormField
          id={`${id}-kind`}
          label="Directory"
          hint="Choosing one fills in its filters and attribute names."
        >
          {(control) => (
            <select
              {...control}
              value={state.kind}
              onChange={(e) => props.onKind(e.target.value as LdapDirectoryKind)}
            >
              {(Object.keys(KIND_LABELS) as LdapDirectoryKind[]).map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {text('url', 'Server URL', 'ldaps://dc1.example.org:636 is preferred.')}
        {check('startTls', 'Use StartTLS (for ldap:// URLs)')}
        {check('allowUntrustedCertificate', 'Accept an untrusted certificate (test servers only)')}
        {text('bindDn', 'Bind DN')}
        <FormField
          id={`${id}-bindPassword`}
          label="Bind password"
          error={errors.bindPassword}
          hint={
            props.passwordSet
              ? 'A password is stored on the server. Leave this empty to keep it.'
              : 'Stored on the server only; it is never shown again.'
          }
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={state.bindPassword}
              onChange={(e) => onChange({ ...state, bindPassword: e.target.value })}
            />
          )}
        </FormField>
      </fieldset>
      <fieldset className="form-row form-row--stack">
        <legend>Where to look</legend>
        {text('baseDn', 'Base DN')}
        {text('userFilter', 'User filter')}
        {text('groupBaseDn', 'Group base DN', 'Empty: the base DN.')}
        {text('groupFilter', 'Group filter')}
        <FormField id={`${id}-membership`} label="Group members from">
          {(control) => (
            <select
              {...control}
              value={state.membership}
              onChange={(e) =>
                onChange({ ...state, membership: e.target.value as LdapSettings['membership'] })
              }
            >
              <option value="member">The group’s member attribute</option>
              <option value="memberOf">The user’s memberOf attribute</option>
            </select>
          )}
        </FormField>
      </fieldset>
      <fieldset className="form-row form-row--stack">
        <legend>Attribute mapping</legend>
        {(Object.keys(MAPPING_LABELS) as (keyof LdapAttributeMapping)[]).map(mapping)}
      </fieldset>
      <fieldset className="form-row form-row--stack">
        <legend>Schedule</legend>
        {text('scheduleMinutes', 'Sync every (minutes)', '0 turns the schedule off.')}
      </fieldset>
      {props.children}
    </>
  );
}
