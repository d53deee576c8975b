// Administration → Desk storage: N, the days of recent history every desk keeps, and the storage
// ceiling desks evict down to (ADR 0020), with what each does. Checked with the shared schema
// before it is sent; bad input changes nothing. Never writes but through sync-scope.save.

import { useId, useState, type FormEvent } from 'react';
import { SyncScopeSettings } from '../../../shared/admin/sync-scope';
import { FormField } from '../../interaction-form/form-field';
import { fieldErrorsOf, type FieldErrors } from '../../task-form/field-errors';
import { useAdminCall, useAdminQuery } from '../admin-client';
import { AdminLoadState } from '../admin-load-state';

const FIELDS = ['recentDays', 'ceilingMb'] as const;

/** A whole number typed in a number box, or NaN (an empty box) for the schema to refuse in words. */
const whole = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export function SyncScopePage() {
  const settings = useAdminQuery('sync-scope.get', {});
  return (
    <div className="org-page">
      <AdminLoadState query={settings} what="the desk storage settings" />
      {settings.value && <SyncScopeForm saved={settings.value} />}
    </div>
  );
}

function SyncScopeForm({ saved }: { saved: SyncScopeSettings }) {
  const call = useAdminCall();
  const id = useId();
  const [recentDays, setRecentDays] = useState(String(saved.recentDays));
  const [ceilingMb, setCeilingMb] = useState(String(saved.ceilingMb));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const refuse = (found: FieldErrors, text: string): void => {
    setErrors(found);
    setMessage({ text, alert: true });
    const field = FIELDS.find((f) => found[f] !== undefined);
    if (field) document.getElementById(`${id}-${field}`)?.focus();
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const parsed = SyncScopeSettings.safeParse({
      recentDays: whole(recentDays),
      ceilingMb: whole(ceilingMb),
    });
    if (!parsed.success) {
      const found = fieldErrorsOf(parsed.error);
      refuse(found, `Nothing was saved. ${Object.values(found).join(' ')}`);
      return;
    }
    setBusy(true);
    setMessage({ text: 'Saving…', alert: false });
    const answer = await call('sync-scope.save', parsed.data);
    setBusy(false);
    if (!answer.ok) {
      refuse(answer.error.fieldErrors ?? {}, answer.error.message);
      return;
    }
    const now = answer.value;
    setErrors({});
    setRecentDays(String(now.recentDays));
    setCeilingMb(String(now.ceilingMb));
    setMessage({
      text: `Saved. Desks keep ${now.recentDays} ${now.recentDays === 1 ? 'day' : 'days'} of recent history and a ceiling of ${now.ceilingMb} MB from their next sync.`,
      alert: false,
    });
  };

  return (
    <form
      className="admin-form admin-settings"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => void save(e)}
    >
      <h3 id={`${id}-title`}>What every desk keeps</h3>
      <p className="field-hint">
        Every desk always keeps the open work: open incidents and requests, the open interactions of
        its locations, and the work of its agent and their groups, with the records they link to.
        These settings decide how much history it keeps besides, for reading offline.
      </p>
      <FormField
        id={`${id}-recentDays`}
        label="Recent history (days)"
        error={errors.recentDays}
        hint="A desk also keeps every record changed in this many days, and what its agent opened then, so recent work reads offline. More days take more storage on every desk and a longer first sync. From 1 to 3650; the default is 30."
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={3650}
            step={1}
            inputMode="numeric"
            value={recentDays}
            onChange={(e) => setRecentDays(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        id={`${id}-ceilingMb`}
        label="Storage ceiling per desk (MB)"
        error={errors.ceilingMb}
        hint="When a desk holds more than this, it removes recent history no screen needs, the longest unchanged first, until it is below. Open work and changes not synced yet are never removed, so a desk may stay above it. From 50 to 20000; the default is 200."
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={50}
            max={20_000}
            step={1}
            inputMode="numeric"
            value={ceilingMb}
            onChange={(e) => setCeilingMb(e.target.value)}
          />
        )}
      </FormField>
      <p className="muted" role="status">
        {message && !message.alert ? message.text : ''}
      </p>
      {message?.alert && (
        <p className="error-text" role="alert">
          {message.text}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Save desk storage
        </button>
      </div>
    </form>
  );
}
