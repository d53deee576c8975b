// The import's HTTP shapes as the Import page reads them (/work/import-shape.md), until
// shared/admin/import.ts lands from IMPORT-SERVER. Never adds a field the server does not send.

export const IMPORT_KINDS = ['users', 'groups', 'configuration-items'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportMapping = Record<string, string | null>;

export interface ImportUpload {
  importId: string;
  kind: ImportKind;
  fileName: string;
  bytes: number;
  delimiter: ',' | ';' | '\t';
  hasBom: boolean;
  columns: string[];
  /** The first data rows (up to 10), each cell as the file has it. */
  preview: string[][];
  guessedMapping: ImportMapping;
}

export type ImportState =
  'uploaded' | 'checking' | 'checked' | 'importing' | 'done' | 'cancelled' | 'failed';

export interface ImportProblem {
  line: number;
  column: string | null;
  message: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
}

export interface ImportJob {
  importId: string;
  kind: ImportKind;
  fileName: string;
  state: ImportState;
  dryRun: boolean;
  rowsDone: number;
  rowsTotal: number | null;
  rowsPerSecond: number;
  secondsLeft: number | null;
  /** The first 500 problems; problemCount is all of them. */
  problems: ImportProblem[];
  problemCount: number;
  counts: ImportCounts;
  wouldDeactivate: number;
  startedAt: string;
  finishedAt: string | null;
  message: string | null;
}

export interface ImportRunInput {
  importId: string;
  mapping: ImportMapping;
  dryRun: boolean;
  deactivateMissing: boolean;
}
