// The Recent imports list under the Import page: file, kind, state, rows, problems, when; asked
// again whenever an import settles. Never changes an import.

import { useEffect, useId, useState } from 'react';
import type { ImportApi } from './import-api';
import type { ImportJob } from './import-types';
import { KIND_LABELS, STATE_LABELS, formatCount } from './import-words';
import { ScrollRegion } from './scroll-region';

export interface RecentImportsProps {
  api: ImportApi;
  /** Changes when the list should be asked again (an import settled). */
  refreshKey: number;
  formatTime?: (iso: string) => string;
}

const defaultTime = (iso: string): string =>
  new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });

export function RecentImports({ api, refreshKey, formatTime = defaultTime }: RecentImportsProps) {
  const headingId = useId();
  const [answer, setAnswer] = useState<{ imports: ImportJob[] } | string | null>(null);

  useEffect(() => {
    let active = true;
    void api.list().then((result) => {
      if (active) setAnswer(result.ok ? result.value : result.error.message);
    });
    return () => {
      active = false;
    };
  }, [api, refreshKey]);

  return (
    <section className="import-recent" aria-labelledby={headingId}>
      <h3 id={headingId}>Recent imports</h3>
      {answer === null ? (
        <p>Loading…</p>
      ) : typeof answer === 'string' ? (
        <p className="import-error">The recent imports could not be read: {answer}</p>
      ) : answer.imports.length === 0 ? (
        <p>No imports yet.</p>
      ) : (
        <ScrollRegion label="Recent imports table">
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">What</th>
                <th scope="col">State</th>
                <th scope="col">Rows</th>
                <th scope="col">Problems</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {answer.imports.map((job) => (
                <tr key={job.importId}>
                  <td>{job.fileName}</td>
                  <td>{KIND_LABELS[job.kind]}</td>
                  <td>
                    {STATE_LABELS[job.state]}
                    {job.dryRun && job.state === 'checked' ? ' (dry run)' : ''}
                  </td>
                  <td>{formatCount(job.rowsDone)}</td>
                  <td>{formatCount(job.problemCount)}</td>
                  <td>
                    <time dateTime={job.startedAt}>{formatTime(job.startedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
