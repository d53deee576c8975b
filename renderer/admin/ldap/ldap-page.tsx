// The LDAP / Active Directory page of Administration: the settings form with Save and Test
// connection, and the Sync now panel polling the status. Talks to the server only through `client`.

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type {
  LdapSettingsInput,
  LdapSettingsView,
  LdapStatus,
  LdapTestResult,
} from '../../../shared/admin/ldap-settings';
import {
  applyPreset,
  checkLdapForm,
  formFromSettings,
  type LdapFormErrors,
  type LdapFormState,
} from './ldap-form-model';
import { LdapSettingsForm } from './ldap-settings-form';
import { LdapSyncPanel } from './ldap-sync-panel';

/** The admin operations this page calls (ldap.settings.get, .save, ldap.test, .sync, .status). */
export interface LdapPageClient {
  getSettings(): Promise<LdapSettingsView>;
  saveSettings(input: LdapSettingsInput): Promise<LdapSettingsView>;
  test(input: LdapSettingsInput): Promise<LdapTestResult>;
  syncNow(): Promise<{ started: boolean; message: string }>;
  status(): Promise<LdapStatus>;
}

const POLL_RUNNING_MS = 1000;
const POLL_IDLE_MS = 15_000;

const words = (error: unknown): string =>
  error instanceof Error ? error.message : 'The server did not answer.';

export function LdapPage({ client }: { client: LdapPageClient }) {
  const [view, setView] = useState<LdapSettingsView | null>(null);
  const [form, setForm] = useState<LdapFormState | null>(null);
  const [errors, setErrors] = useState<LdapFormErrors>({});
  const [message, setMessage] = useState<string>('');
  const [problem, setProblem] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<LdapStatus | null>(null);
  const [startMessage, setStartMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    client.getSettings().then(
      (loaded) => {
        if (!live) return;
        setView(loaded);
        setForm(formFromSettings(loaded.settings));
      },
      (error: unknown) => live && setProblem(words(error)),
    );
    return () => {
      live = false;
    };
  }, [client]);

  const refreshStatus = useCallback(
    () => client.status().then(setStatus, (error: unknown) => setStartMessage(words(error))),
    [client],
  );
  const running = status?.running !== null && status?.running !== undefined;
  useEffect(() => {
    void refreshStatus();
    const timer = setInterval(() => void refreshStatus(), running ? POLL_RUNNING_MS : POLL_IDLE_MS);
    return () => clearInterval(timer);
  }, [refreshStatus, running]);

  const checked = (): LdapSettingsInput | null => {
    if (!form) return null;
    const check = checkLdapForm(form);
    setErrors(check.ok ? {} : check.errors);
    if (!check.ok) setProblem('Some settings need a fix: see the fields marked.');
    return check.ok ? check.input : null;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setMessage('');
    setProblem('');
    const input = checked();
    if (!input) return;
    setBusy(true);
    try {
      const saved = await client.saveSettings(input);
      setView(saved);
      setForm(formFromSettings(saved.settings));
      setMessage('Settings saved.');
    } catch (error) {
      setProblem(words(error));
    } finally {
      setBusy(false);
    }
  };

  const test = async () => {
    if (busy) return;
    setMessage('');
    setProblem('');
    const input = checked();
    if (!input) return;
    setBusy(true);
    try {
      const result = await client.test(input);
      if (result.ok) setMessage(result.message);
      else setProblem(result.message);
    } catch (error) {
      setProblem(words(error));
    } finally {
      setBusy(false);
    }
  };

  const syncNow = async () => {
    setStartMessage(null);
    try {
      const answer = await client.syncNow();
      setStartMessage(answer.message);
    } catch (error) {
      setStartMessage(words(error));
    }
    await refreshStatus();
  };

  return (
    <div className="ldap-page">
      {!form ? (
        <p role="status">{problem || 'Loading the LDAP settings…'}</p>
      ) : (
        <form onSubmit={(e) => void save(e)} noValidate aria-label="LDAP settings">
          {view?.warnings.map((w) => (
            <p key={w} className="field-hint">
              {w}
            </p>
          ))}
          <LdapSettingsForm
            state={form}
            errors={errors}
            passwordSet={view?.passwordSet ?? false}
            onChange={setForm}
            onKind={(kind) => setForm(applyPreset(form, kind))}
          />
          <div className="actions">
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              Save
            </button>
            <button
              type="button"
              className="button"
              aria-disabled={busy}
              onClick={() => void test()}
            >
              Test connection
            </button>
          </div>
          <p className="save-message" role="status" aria-atomic="true">
            {message}
          </p>
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
      <LdapSyncPanel
        status={status}
        canSync={view?.settings !== null && view !== null}
        startMessage={startMessage}
        onSyncNow={() => void syncNow()}
      />
    </div>
  );
}
