// A figure as CSV for spreadsheets: one flat table of `report, measure, value` rows, the measure
// being the figure's field path (`byChannel.Phone`, `wait.p90`), empty for null. Never reshapes the
// numbers: the JSON answer and the CSV hold the same values.

import { stringify } from 'csv-stringify/sync';

/** RFC 4180 rows (CRLF), formulas defused, as the CSV export writes them; a BOM for Excel. */
const CSV_OPTIONS = { escape_formulas: true, record_delimiter: 'windows' } as const;
const BOM = '\uFEFF';

type Cell = string | number;

function flatten(value: unknown, path: string, rows: [string, Cell][]): void {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>))
      flatten(inner, path === '' ? key : `${path}.${key}`, rows);
    return;
  }
  // What is left is a figure's leaf: a number, a string, or null (empty in the CSV).
  rows.push([path, typeof value === 'number' || typeof value === 'string' ? value : '']);
}

/** The figures named (report name → its value) as one CSV table. */
export function figuresCsv(figures: Readonly<Record<string, unknown>>): string {
  const rows: Cell[][] = [['report', 'measure', 'value']];
  for (const [report, figure] of Object.entries(figures)) {
    const flat: [string, Cell][] = [];
    flatten(figure, '', flat);
    for (const [measure, value] of flat) rows.push([report, measure, value]);
  }
  return BOM + stringify(rows, CSV_OPTIONS);
}
