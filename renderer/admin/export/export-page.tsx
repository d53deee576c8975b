// Administration → Export: pick interactions, incidents or requests and a date range, Export → the
// CSV downloads. The desk server hands a single-use link (export.link) that the browser downloads
// straight to disk, streamed; the page never holds the file and no token goes into a link.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  EXPORT_KINDS,
  EXPORT_KIND_LABELS,
  EXPORT_RANGE_MAX_DAYS,
  ExportLinkInput,
  type ExportKind,
  type ExportLink,
} from '../../../shared/admin/export';
import { useDeskpad } from '../../app/deskpad-context';
import { useLiveValue } from '../../hooks/use-live-query';
import { FormField } from '../../interaction-form/form-field';
import '../catalog/catalog.css';
import { fieldErrorsOf, type FieldErrors } from '../../task-form/field-errors';
import { useAdminCall } from '../admin-client';

const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Where the link downloads from: the desk server's address, or this page's own in the browser build. */
export function downloadUrl(link: Pick<ExportLink, 'path'>, serverUrl: string | null): string {
  return serverUrl ? new URL(link.path, serverUrl).toString() : link.path;
}

export function ExportPage() {
  const { now } = useDeskpad();
  const call = useAdminCall();
  const session = useLiveValue('session.state', {}, null);
  const id = useId();
  const today = now();
  const [kind, setKind] = useState<ExportKind>('interactions');
  const [from, setFrom] = useState(
    isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1))),
  );
  const [to, setTo] = useState(isoDay(today));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);
  const [ready, setReady] = useState<{ url: string; fileName: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const linkRef = useRef<HTMLAnchorElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setReady(null);
    const parsed = ExportLinkInput.safeParse({ kind, from, to });
    if (!parsed.success) {
      const found = fieldErrorsOf(parsed.error);
      setErrors(found);
      setMessage({ text: Object.values(found).join(' '), alert: true });
      document.getElementById(`${id}-${found.from ? 'from' : 'to'}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    setMessage({ text: 'Preparing the export…', alert: false });
    const answer = await call('export.link', parsed.data);
    setBusy(false);
    if (!answer.ok) {
      setErrors(answer.error.fieldErrors ?? {});
      setMessage({ text: answer.error.message, alert: true });
      return;
    }
    const url = downloadUrl(answer.value, session?.serverUrl ?? null);
    setReady({ url, fileName: answer.value.fileName });
    setMessage({
      text: `${answer.value.fileName} is downloading. The link works once, within a minute; export again for another copy.`,
      alert: false,
    });
  };

  // A new link starts its download at once; it stays on the page for a browser that asks first.
  useEffect(() => {
    if (ready) linkRef.current?.click();
  }, [ready]);

  const dateField = (
    key: 'from' | 'to',
    label: string,
    value: string,
    set: (v: string) => void,
  ) => (
    <FormField id={`${id}-${key}`} label={label} error={errors[key]}>
      {(control) => (
        <input
          {...control}
          type="date"
          aria-required
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <form className="export-form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="muted">
        A CSV file (UTF-8, opens in Excel) of the records opened from the first day to the last,
        both included, in UTC; at most {EXPORT_RANGE_MAX_DAYS} days. Work notes are internal and
        never exported.
      </p>
      <FormField id={`${id}-kind`} label="Records" error={errors.kind}>
        {(control) => (
          <select {...control} value={kind} onChange={(e) => setKind(e.target.value as ExportKind)}>
            {EXPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {EXPORT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {dateField('from', 'From', from, setFrom)}
      {dateField('to', 'To', to, setTo)}
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          Export
        </button>
      </div>
      <p
        role={message?.alert ? 'alert' : 'status'}
        className={message?.alert ? 'form-error' : 'muted'}
      >
        {message?.text}
      </p>
      {ready && (
        <p>
          <a ref={linkRef} href={ready.url} download={ready.fileName}>
            Download {ready.fileName}
          </a>
        </p>
      )}
    </form>
  );
}
