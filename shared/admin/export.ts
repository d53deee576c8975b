// The CSV export's contract: the kinds of record, the date range (dates in UTC, both days
// included, at most a year), and the download link the Export page asks for. Schemas only.

import { z } from 'zod';
import { adminOperation } from './operation';

export const EXPORT_KINDS = ['interactions', 'incidents', 'requests'] as const;
export const ExportKind = z.enum(EXPORT_KINDS, 'Pick interactions, incidents or requests.');
export type ExportKind = z.infer<typeof ExportKind>;

export const EXPORT_KIND_LABELS: Readonly<Record<ExportKind, string>> = {
  interactions: 'Interactions',
  incidents: 'Incidents',
  requests: 'Requests',
};

/** One year, leap day included: long enough for a yearly report, short enough to stream briskly. */
export const EXPORT_RANGE_MAX_DAYS = 366;

const DAY_MS = 24 * 60 * 60 * 1000;

const ExportDate = (which: 'From' | 'To') =>
  z.iso.date({ error: `${which} must be a date like 2026-12-31.` });

/** Days from `from` to `to`, both included (1 for a single day). */
export const rangeDays = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

function checkRange({ from, to }: { from: string; to: string }, context: z.RefinementCtx): void {
  const days = rangeDays(from, to);
  if (days < 1)
    context.addIssue({ code: 'custom', path: ['to'], message: 'To must not be before From.' });
  else if (days > EXPORT_RANGE_MAX_DAYS)
    context.addIssue({
      code: 'custom',
      path: ['to'],
      message: `An export covers at most ${EXPORT_RANGE_MAX_DAYS} days; this range has ${days}.`,
    });
}

const rangeShape = { from: ExportDate('From'), to: ExportDate('To') };

/** Records opened on `from` … `to` (UTC days, both included). */
export const ExportRange = z.strictObject(rangeShape).superRefine(checkRange);
export type ExportRange = z.infer<typeof ExportRange>;

/** `GET /api/v1/export/{kind}.csv?from=&to=`, with `link` when a download link stands for the token. */
export const ExportQuery = z
  .strictObject({ ...rangeShape, link: z.string().min(20).max(100).optional() })
  .superRefine(checkRange);

/** The export's file name in the path: `interactions.csv`, … */
export const ExportFile = z.enum(
  ['interactions.csv', 'incidents.csv', 'requests.csv'],
  'Export interactions.csv, incidents.csv or requests.csv.',
);
export const kindOfFile = (file: z.infer<typeof ExportFile>): ExportKind =>
  ExportKind.parse(file.slice(0, -'.csv'.length));

/** The half-open instant range [start, end) of a date range, as ISO timestamps. */
export function rangeInstants(range: ExportRange): { start: string; end: string } {
  const end = new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS);
  return { start: `${range.from}T00:00:00.000Z`, end: end.toISOString() };
}

/** What the Export page asks a download link for. */
export const ExportLinkInput = z
  .strictObject({ kind: ExportKind, ...rangeShape })
  .superRefine(checkRange);
export type ExportLinkInput = z.infer<typeof ExportLinkInput>;

/** A link that downloads the export once, within a minute, without the session's token. */
export const ExportLink = z.strictObject({
  /** Server-relative (`/api/v1/export/…`): the page puts it after the server's address. */
  path: z.string().startsWith('/api/v1/export/'),
  fileName: z.string(),
  expiresAt: z.string(),
});
export type ExportLink = z.infer<typeof ExportLink>;

export const EXPORT_OPERATIONS = {
  /** A single-use link the Export page downloads the CSV from (the read API's roles). */
  'export.link': adminOperation('export.link', ExportLinkInput, ExportLink),
} as const;
