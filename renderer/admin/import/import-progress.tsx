// The progress bar of a dry run or an import: rows done, rows per second, time left, and a polite
// announcement now and then (a quarter further, or every 15 s), never on every tick.

import { useEffect, useRef, useState } from 'react';
import type { ImportJob } from './import-types';
import { describeProgress, progressPercent } from './import-words';

export const ANNOUNCE_EVERY_MS = 15_000;

export interface ImportProgressProps {
  job: ImportJob;
  /** "Checking" or "Importing": the bar's name and the first word of its sentence. */
  label: string;
  now?: () => number;
}

export function ImportProgress({ job, label, now = Date.now }: ImportProgressProps) {
  const percent = progressPercent(job);
  const text = describeProgress(job, label);
  const [announced, setAnnounced] = useState('');
  const last = useRef<{ at: number; quarter: number } | null>(null);

  useEffect(() => {
    const quarter = percent === null ? -1 : Math.floor(percent / 25);
    const at = now();
    const previous = last.current;
    if (previous === null || quarter > previous.quarter || at - previous.at >= ANNOUNCE_EVERY_MS) {
      last.current = { at, quarter };
      setAnnounced(text);
    }
  }, [percent, text, now]);

  return (
    <div className="import-progress">
      <div
        role="progressbar"
        aria-label={`${label} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent === null ? {} : { 'aria-valuenow': percent })}
        aria-valuetext={text}
        className="import-progress-bar"
      >
        <div
          className="import-progress-fill"
          style={{ width: percent === null ? '100%' : `${percent}%` }}
          data-indeterminate={percent === null ? 'true' : undefined}
        />
      </div>
      <p className="import-progress-text" aria-hidden="true">
        {text}
      </p>
      <p role="status" aria-live="polite" className="visually-hidden">
        {announced}
      </p>
    </div>
  );
}
