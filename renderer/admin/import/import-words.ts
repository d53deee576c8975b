// The Import page's words: each kind's fields (label, required), delimiters, durations and counts
// in plain English. Pure functions; never renders and never talks to the store host.

import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  REQUIRED_IMPORT_FIELDS,
} from '../../../shared/admin/import';
import type { ImportJob, ImportKind, ImportMapping, ImportUpload } from './import-types';

export interface ImportField {
  name: string;
  label: string;
  required: boolean;
  hint?: string;
}

const HINTS: Record<string, string> = {
  members: 'User external keys or user names, separated by ; or |',
};

function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return IMPORT_FIELDS[kind].map((name: string) => {
    const f: ImportField = {
      name,
      label: IMPORT_FIELD_LABELS[name] ?? name,
      required: REQUIRED_IMPORT_FIELDS[kind].includes(name),
    };
    const hint = HINTS[name];
    return hint === undefined ? f : { ...f, hint };
  });
}

/** Each kind's fields as the mapping screen shows them, from the shared list. */
export const KIND_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  users: fieldsOf('users'),
  groups: fieldsOf('groups'),
  'configuration-items': fieldsOf('configuration-items'),
};

export const KIND_LABELS: Record<ImportKind, string> = {
  users: 'Users',
  groups: 'Groups with memberships',
  'configuration-items': 'Configuration items with their parents',
};

const DELIMITER_NAMES: Record<ImportUpload['delimiter'], string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};

export const describeDelimiter = (delimiter: ImportUpload['delimiter']): string =>
  DELIMITER_NAMES[delimiter];

const numberFormat = new Intl.NumberFormat('en');
export const formatCount = (n: number): string => numberFormat.format(n);

export const plural = (n: number, one: string, many: string): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** "about 2 min 5 s" — null when nothing is known yet. */
export function formatTimeLeft(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  const whole = Math.ceil(seconds);
  if (whole < 60) return `about ${whole} s left`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `about ${minutes} min left` : `about ${minutes} min ${rest} s left`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte', 'bytes');
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The required fields of `kind` that have no column chosen. */
export const missingRequired = (kind: ImportKind, mapping: ImportMapping): ImportField[] =>
  KIND_FIELDS[kind].filter((f) => f.required && !mapping[f.name]);

/** The mapping the page starts from: the server's guesses, kept only where the column exists. */
export function startingMapping(upload: ImportUpload): ImportMapping {
  const mapping: ImportMapping = {};
  for (const f of KIND_FIELDS[upload.kind]) {
    const guessed = upload.guessedMapping[f.name] ?? null;
    mapping[f.name] = guessed !== null && upload.columns.includes(guessed) ? guessed : null;
  }
  return mapping;
}

/** The preview rows as the import would read them: one cell per mapped field. */
export function mappedPreview(
  upload: ImportUpload,
  mapping: ImportMapping,
): { fields: ImportField[]; rows: string[][] } {
  const fields = KIND_FIELDS[upload.kind].filter((f) => mapping[f.name]);
  const indexes = fields.map((f) => upload.columns.indexOf(mapping[f.name] ?? ''));
  const rows = upload.preview.map((row) => indexes.map((i) => (i < 0 ? '' : (row[i] ?? ''))));
  return { fields, rows };
}

/** One sentence of progress, for the bar's text and the announcements. */
export function describeProgress(job: ImportJob, verb: string): string {
  const done = formatCount(job.rowsDone);
  const rows =
    job.rowsTotal === null
      ? `${verb} ${done} rows`
      : `${verb} ${done} of ${plural(job.rowsTotal, 'row', 'rows')}`;
  const speed =
    job.rowsPerSecond > 0 ? `, ${formatCount(Math.round(job.rowsPerSecond))} rows per second` : '';
  const left = formatTimeLeft(job.secondsLeft);
  return `${rows}${speed}${left ? `, ${left}` : ''}`;
}

export const progressPercent = (job: ImportJob): number | null =>
  job.rowsTotal === null || job.rowsTotal === 0
    ? null
    : Math.min(100, Math.round((job.rowsDone / job.rowsTotal) * 100));

export const STATE_LABELS: Record<ImportJob['state'], string> = {
  uploaded: 'Uploaded',
  checking: 'Checking',
  checked: 'Checked',
  importing: 'Importing',
  done: 'Imported',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

export const cancelledMessage = (job: ImportJob): string =>
  `Cancelled: nothing of the current batch was written; ${plural(job.rowsDone, 'row', 'rows')} imported before it.`;
