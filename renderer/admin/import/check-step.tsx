// Step 3 of the Import page: the dry run's progress, then its problems by line and column, what
// would be created, updated or left, and the opt-in to deactivate missing users. Writes nothing.

import { useEffect, useId, useState } from 'react';
import type { ImportApi } from './import-api';
import { ImportProgress } from './import-progress';
import type { ImportJob } from './import-types';
import { formatCount, plural } from './import-words';
import { useImportJob } from './use-import-job';
import { ScrollRegion } from './scroll-region';

export interface CheckStepProps {
  api: ImportApi;
  started: ImportJob;
  pollMs?: number;
  onImport: (deactivateMissing: boolean) => void;
  onChooseAgain: () => void;
  onChangeColumns: () => void;
  /** The real run is being started (its answer has not come yet). */
  importing: boolean;
  error: string | null;
  onSettled?: (job: ImportJob) => void;
}

const NOUNS = {
  users: ['user', 'users'],
  groups: ['group', 'groups'],
  'configuration-items': ['configuration item', 'configuration items'],
} as const;

export function ProblemList({ job }: { job: ImportJob }) {
  const shown = job.problems.length;
  return (
    <ScrollRegion label="Problems">
      <table className="import-table import-problems">
        <caption>
          {shown < job.problemCount
            ? `The first ${formatCount(shown)} of ${plural(job.problemCount, 'problem', 'problems')}`
            : plural(job.problemCount, 'problem', 'problems')}
        </caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {job.problems.map((p, i) => (
            <tr key={`${p.line}:${p.column ?? ''}:${i}`}>
              <td>{p.line}</td>
              <td>{p.column ?? '—'}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function CheckStep(props: CheckStepProps) {
  const { api, started, pollMs, onImport, onChooseAgain, onChangeColumns, importing } = props;
  const followed = useImportJob(api, started, pollMs);
  const [deactivate, setDeactivate] = useState(false);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const deactivateHint = useId();
  const job = followed.job ?? started;
  const [one, many] = NOUNS[job.kind];
  const running = job.state === 'uploaded' || job.state === 'checking';
  const { onSettled } = props;
  useEffect(() => {
    if (!running) onSettled?.(job);
    // Told once per state the check settles in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running, job.state]);

  const stop = async (): Promise<void> => {
    const answer = await api.cancel(job.importId);
    if (answer.ok) followed.replace(answer.value);
    else setCancelError(answer.error.message);
  };

  if (running)
    return (
      <div className="import-check">
        <ImportProgress job={job} label="Checking" />
        {followed.error && <p className="import-error">{followed.error}</p>}
        {cancelError && (
          <p role="alert" className="import-error">
            {cancelError}
          </p>
        )}
        <div className="import-actions">
          <button type="button" className="button" onClick={() => void stop()}>
            Stop checking
          </button>
        </div>
      </div>
    );

  if (job.state !== 'checked')
    return (
      <div className="import-check">
        <p role="alert" className="import-error">
          {job.state === 'cancelled'
            ? 'The check was stopped. Nothing was written.'
            : `The file could not be checked: ${job.message ?? 'the desk server did not say why.'} Nothing was written.`}
        </p>
        <div className="import-actions">
          <button type="button" className="button" onClick={onChangeColumns}>
            Change the columns
          </button>
          <button type="button" className="button" onClick={onChooseAgain}>
            Choose the file again
          </button>
        </div>
      </div>
    );

  const clean = job.problemCount === 0;
  // A server that did not count (or a file with problems it stopped counting on) says nothing here.
  const counted = job.counts.created + job.counts.updated + job.counts.unchanged;
  return (
    <div className="import-check">
      <p role="status" className="import-verdict">
        {clean
          ? `No problems in ${plural(job.rowsDone, 'row', 'rows')}. Nothing has been written yet.`
          : `${plural(job.problemCount, 'problem', 'problems')} in ${plural(job.rowsDone, 'row', 'rows')}. Nothing was written.`}
      </p>
      {counted > 0 && (
        <p className="import-counts">
          Importing this file would create {plural(job.counts.created, one, many)}, update{' '}
          {formatCount(job.counts.updated)} and leave {formatCount(job.counts.unchanged)} unchanged.
        </p>
      )}
      {!clean && <ProblemList job={job} />}
      {clean && job.kind === 'users' && (
        <div className="import-deactivate">
          <label>
            <input
              type="checkbox"
              checked={deactivate}
              aria-describedby={deactivateHint}
              onChange={(event) => setDeactivate(event.currentTarget.checked)}
            />{' '}
            Deactivate users missing from this file
          </label>
          <p id={deactivateHint} className="import-hint">
            {job.wouldDeactivate === 0
              ? 'No user is missing from this file: nobody would be deactivated.'
              : `${plural(job.wouldDeactivate, 'user', 'users')} would be deactivated. Deactivated users cannot sign in and leave the caller lookup; they are not deleted and keep their names on past records.`}
          </p>
        </div>
      )}
      {props.error && (
        <p role="alert" className="import-error">
          {props.error}
        </p>
      )}
      <div className="import-actions">
        <button type="button" className="button" onClick={onChangeColumns}>
          Change the columns
        </button>
        {!clean && (
          <button type="button" className="button" onClick={onChooseAgain}>
            Fix the file and choose it again
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          disabled={!clean || importing}
          onClick={() => onImport(deactivate && job.kind === 'users')}
        >
          {importing ? 'Starting the import…' : 'Import'}
        </button>
      </div>
    </div>
  );
}
