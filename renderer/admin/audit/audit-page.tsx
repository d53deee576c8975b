// The Audit log page of Administration: every administrative change, newest first, filtered by
// actor, action, target and date, older pages on request (keyset). Read-only.

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AuditEntryView } from '../../../shared/admin/audit';
import { useStoreHost } from '../../app/deskpad-context';
import { adminCall } from '../admin-client';
import { AuditChanges } from './audit-changes';
import { AuditFilters, EMPTY_FILTER, filterInput, type AuditFilter } from './audit-filters';

const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function AuditPage() {
  const store = useStoreHost();
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_FILTER);
  const [applied, setApplied] = useState<AuditFilter>(EMPTY_FILTER);
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(
    async (wanted: AuditFilter, before: string | null): Promise<void> => {
      const answer = await adminCall(store, 'audit.list', {
        ...filterInput(wanted),
        ...(before === null ? {} : { before }),
      });
      if (!answer.ok) {
        setProblem(answer.error.message);
        return;
      }
      setProblem(null);
      setEntries((old) => (before === null ? answer.value.entries : [...(old ?? []), ...answer.value.entries]));
      setNext(answer.value.next);
    },
    [store],
  );

  useEffect(() => {
    void load(applied, null);
  }, [load, applied]);

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    setApplied(filter);
  };

  return (
    <div className="org-page">
      <AuditFilters
        filter={filter}
        onChange={setFilter}
        onSubmit={apply}
        onClear={() => {
          setFilter(EMPTY_FILTER);
          setApplied(EMPTY_FILTER);
        }}
      />
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {entries === null ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 ? (
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
          <button type="button" className="button" onClick={() => void load(applied, next)}>
            Show older changes
          </button>
        </div>
      )}
    </div>
  );
}
