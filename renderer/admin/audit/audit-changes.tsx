// An audit entry's before → after as a person reads it: one line per field that changed, the old
// value struck through beside the new. Never decides what changed: the server recorded it.

import type { AuditEntryView } from '../../../shared/admin/audit';

export function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  return JSON.stringify(value);
}

/** Field names as words: `className` → "class name", `sign_in_disabled` → "sign in disabled". */
export const fieldWords = (key: string): string =>
  key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

export function fieldChanges(
  entry: Pick<AuditEntryView, 'before' | 'after'>,
): { field: string; before: string | null; after: string | null }[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((key) => ({
    field: fieldWords(key),
    before: entry.before === null ? null : valueText(before[key]),
    after: entry.after === null ? null : valueText(after[key]),
  }));
}

export function AuditChanges({ entry }: { entry: AuditEntryView }) {
  const changes = fieldChanges(entry);
  if (changes.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="audit-changes">
      {changes.map((c) => (
        <li key={c.field}>
          <span className="audit-field">{c.field}:</span>{' '}
          {c.before !== null && (
            <del>
              <span className="visually-hidden">was </span>
              {c.before}
            </del>
          )}
          {c.before !== null && c.after !== null && <span aria-hidden="true"> → </span>}
          {c.after !== null && (
            <ins>
              <span className="visually-hidden">{c.before !== null ? 'now ' : ''}</span>
              {c.after}
            </ins>
          )}
        </li>
      ))}
    </ul>
  );
}
