// Step 4 of the Import page: the import's progress with Cancel, then what it did (created, updated,
// unchanged, deactivated) and the way to the Audit log. Never starts a second run by itself.

import { useEffect, useState } from 'react';
import type { ImportApi } from './import-api';
import { ImportProgress } from './import-progress';
import type { ImportJob } from './import-types';
import { cancelledMessage, formatCount } from './import-words';
import { useImportJob } from './use-import-job';

export interface RunStepProps {
  api: ImportApi;
  started: ImportJob;
  pollMs?: number;
  onAnother: () => void;
  /** Opens the Audit log page; absent when the section has none to open. */
  onAuditLog?: () => void;
  onSettled?: (job: ImportJob) => void;
}

export function ImportSummary({ job }: { job: ImportJob }) {
  const rows: [string, number][] = [
    ['Created', job.counts.created],
    ['Updated', job.counts.updated],
    ['Unchanged', job.counts.unchanged],
    ['Deactivated', job.counts.deactivated],
  ];
  return (
    <dl className="import-summary">
      {rows.map(([label, n]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{formatCount(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RunStep({ api, started, pollMs, onAnother, onAuditLog, onSettled }: RunStepProps) {
  const followed = useImportJob(api, started, pollMs);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const job = followed.job ?? started;

  const running = job.state === 'importing' || job.state === 'uploaded';
  useEffect(() => {
    if (!running) onSettled?.(job);
    // Told once per state the job settles in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running, job.state]);

  const cancel = async (): Promise<void> => {
    setCancelling(true);
    setCancelError(null);
    const answer = await api.cancel(job.importId);
    setCancelling(false);
    if (answer.ok) followed.replace(answer.value);
    else setCancelError(`Cancel did not work: ${answer.error.message}`);
  };

  if (running)
    return (
      <div className="import-run">
        <ImportProgress job={job} label="Importing" />
        {followed.error && <p className="import-error">{followed.error}</p>}
        {cancelError && (
          <p role="alert" className="import-error">
            {cancelError}
          </p>
        )}
        <div className="import-actions">
          <button
            type="button"
            className="button"
            disabled={cancelling}
            onClick={() => void cancel()}
          >
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      </div>
    );

  return (
    <div className="import-run">
      <p role="status" className="import-verdict">
        {job.state === 'done'
          ? `Imported ${job.fileName}.`
          : job.state === 'cancelled'
            ? cancelledMessage(job)
            : `The import failed: ${job.message ?? 'the desk server did not say why.'} Nothing of the batch being written was kept; ${formatCount(job.rowsDone)} rows were imported before it.`}
      </p>
      <ImportSummary job={job} />
      {!onAuditLog && (
        <p className="import-hint">
          Every change it made is in the Audit log (Administration → Audit log), as “CSV import”.
        </p>
      )}
      <div className="import-actions">
        {onAuditLog && (
          <button type="button" className="button button--link" onClick={onAuditLog}>
            See the changes in the Audit log
          </button>
        )}
        <button type="button" className="button" onClick={onAnother}>
          Import another file
        </button>
      </div>
    </div>
  );
}
