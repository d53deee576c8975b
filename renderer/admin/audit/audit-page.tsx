// The Audit log page of Administration: every administrative change, newest first, filtered by
// actor, action, target and date, older pages on request (keyset). Read-only.

import { useState, type FormEvent } from 'react';
import type { AuditEntryView } from '../../../shared/admin/audit';
import { useStoreHost } from '../../app/deskpad-context';
import { adminCall, useAdminQuery } from '../admin-client';
import { AdminLoadState } from '../admin-load-state';
import { AuditChanges } from './audit-changes';
import { AuditFilters, EMPTY_FILTER, filterInput, type AuditFilter } from './audit-filters';

const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function AuditPage() {
  const store = useStoreHost();
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_FILTER);
  const [applied, setApplied] = useState<AuditFilter>(EMPTY_FILTER);
  const newest = useAdminQuery('audit.list', filterInput(applied));
  /** Older pages asked for since the filter was applied, after the newest page. */
  const [older, setOlder] = useState<{ entries: AuditEntryView[]; next: string | null } | null>(
    null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const entries = newest.value ? [...newest.value.entries, ...(older?.entries ?? [])] : null;
  const next = older ? older.next : (newest.value?.next ?? null);

  const showOlder = async (before: string): Promise<void> => {
    const answer = await adminCall(store, 'audit.list', { ...filterInput(applied), before });
    if (!answer.ok) {
      setProblem(answer.error.message);
      return;
    }
    setProblem(null);
    setOlder((was) => ({
      entries: [...(was?.entries ?? []), ...answer.value.entries],
      next: answer.value.next,
    }));
  };

  const applyFilter = (wanted: AuditFilter): void => {
    setApplied(wanted);
    setOlder(null);
    setProblem(null);
  };

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    applyFilter(filter);
  };

  return (
    <div className="org-page">
      <AuditFilters
        filter={filter}
        onChange={setFilter}
        onSubmit={apply}
        onClear={() => {
          setFilter(EMPTY_FILTER);
          applyFilter(EMPTY_FILTER);
        }}
      />
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <AdminLoadState query={newest} what="the audit log" />
      {entries === null ? null : entries.length === 0 ? (
        <p className="muted" role="status">
          No changes match.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="interaction-table admin-table audit-table">
            <caption className="visually-hidden">Administrative changes, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Before → after</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="cell-time">
                    <time dateTime={entry.at}>{when(entry.at)}</time>
                  </td>
                  <td>{entry.actorName}</td>
                  <td>{entry.action}</td>
                  <td>
                    {entry.targetName || entry.targetId}{' '}
                    <span className="muted">{entry.targetKind}</span>
                  </td>
                  <td>
                    <AuditChanges entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <div className="actions">
          <button type="button" className="button" onClick={() => void showOlder(next)}>
            Show older changes
          </button>
        </div>
      )}
    </div>
  );
}
