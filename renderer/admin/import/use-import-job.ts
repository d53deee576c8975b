// Follows one import's job: asks imports.status every `pollMs` until the job settles (checked, done,
// cancelled, failed). Never starts or cancels a job; an unanswered status is shown, then retried.

import { useEffect, useState } from 'react';
import { isSettled, type ImportApi } from './import-api';
import type { ImportJob } from './import-types';

export const DEFAULT_POLL_MS = 500;

export interface FollowedJob {
  job: ImportJob | null;
  /** Why the last status could not be read (the job goes on on the server); null when it was. */
  error: string | null;
}

export function useImportJob(
  api: ImportApi,
  started: ImportJob | null,
  pollMs: number = DEFAULT_POLL_MS,
): FollowedJob & { replace: (job: ImportJob) => void } {
  const [followed, setFollowed] = useState<FollowedJob>({ job: started, error: null });
  const [lastStarted, setLastStarted] = useState(started);
  if (started !== lastStarted) {
    setLastStarted(started);
    setFollowed({ job: started, error: null });
  }

  const job = followed.job;
  const importId = job?.importId ?? null;
  const settled = job === null || isSettled(job);

  useEffect(() => {
    if (settled || importId === null) return undefined;
    let active = true;
    const timer = setTimeout(() => {
      void api.status(importId).then((answer) => {
        if (!active) return;
        // A status that left before Cancel was answered must not undo the cancelled job.
        setFollowed((current) => {
          if (current.job === null || isSettled(current.job)) return current;
          return answer.ok
            ? { job: answer.value, error: null }
            : { job: current.job, error: answer.error.message };
        });
      });
    }, pollMs);
    return () => {
      active = false;
      clearTimeout(timer);
    };
    // A new status answer (even with the same figures) asks again after pollMs.
  }, [api, importId, settled, pollMs, followed]);

  return { ...followed, replace: (next: ImportJob) => setFollowed({ job: next, error: null }) };
}
