// The CSV import's contract: kinds, mapping fields, the upload answer and the import job as the
// server reports it, with the admin operations that run, watch and cancel an import. Shapes only.

import { z } from 'zod';
import { ADMIN_PREFIX, adminOperation } from './operation';

export const IMPORT_KINDS = ['users', 'groups', 'configuration-items'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

/** The mapping targets of each kind, the required ones first. */
export const IMPORT_FIELDS = {
  users: [
    'externalKey',
    'userName',
    'firstName',
    'lastName',
    'email',
    'phone',
    'mobile',
    'department',
    'location',
    'vip',
    'active',
    'badgeNumber',
  ],
  groups: ['externalKey', 'name', 'description', 'members'],
  'configuration-items': ['externalKey', 'name', 'className', 'parentKey', 'location'],
} as const satisfies Record<ImportKind, readonly string[]>;

export type ImportField<K extends ImportKind = ImportKind> = (typeof IMPORT_FIELDS)[K][number];

export const REQUIRED_IMPORT_FIELDS: Record<ImportKind, readonly string[]> = {
  users: ['externalKey', 'userName'],
  groups: ['externalKey', 'name'],
  'configuration-items': ['externalKey', 'name', 'className'],
};

/** What people call each field in their headers, for the labels of the mapping screen. */
export const IMPORT_FIELD_LABELS: Record<string, string> = {
  externalKey: 'External key (employee id)',
  userName: 'User name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  mobile: 'Mobile',
  department: 'Department',
  location: 'Location',
  vip: 'VIP',
  active: 'Active',
  badgeNumber: 'Badge number',
  name: 'Name',
  description: 'Description',
  members: 'Members',
  className: 'Class',
  parentKey: 'Parent (external key)',
};

/** field → the file's column header, or null for "not imported". */
export const ImportMapping = z.record(z.string().max(100), z.string().max(500).nullable());
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not an import id.');
export type ImportId = z.infer<typeof ImportId>;

export const Delimiter = z.enum([',', ';', '\t']);
export type Delimiter = z.infer<typeof Delimiter>;

/** The 201 answer of `POST /api/v1/admin/imports?kind=…&fileName=…` (body: the file's bytes). */
export const ImportUpload = z.object({
  importId: ImportId,
  kind: ImportKind,
  fileName: z.string(),
  bytes: z.number().int().nonnegative(),
  delimiter: Delimiter,
  hasBom: z.boolean(),
  columns: z.array(z.string()),
  /** The first data rows (up to 10), as the file has them. */
  preview: z.array(z.array(z.string())),
  guessedMapping: ImportMapping,
});
export type ImportUpload = z.infer<typeof ImportUpload>;

/** The upload's path: beside the operations, but a raw body, not JSON. */
export const IMPORT_UPLOAD_PATH = `${ADMIN_PREFIX}/imports`;
/** The largest file the upload takes. */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;

/** One problem of a file: its line (1 = the header line), the column header, what is wrong. */
export const ImportProblem = z.object({
  line: z.number().int().nonnegative(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportState = z.enum([
  'uploaded',
  'checking',
  'checked',
  'importing',
  'done',
  'cancelled',
  'failed',
]);
export type ImportState = z.infer<typeof ImportState>;

export const ImportCounts = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  deactivated: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** The most problems an answer lists; `problemCount` has them all. */
export const IMPORT_PROBLEMS_LISTED = 500;

export const ImportJob = z.object({
  importId: ImportId,
  kind: ImportKind,
  fileName: z.string(),
  state: ImportState,
  dryRun: z.boolean(),
  rowsDone: z.number().int().nonnegative(),
  rowsTotal: z.number().int().nonnegative().nullable(),
  rowsPerSecond: z.number().nonnegative(),
  secondsLeft: z.number().nonnegative().nullable(),
  problems: z.array(ImportProblem),
  problemCount: z.number().int().nonnegative(),
  counts: ImportCounts,
  /** Users of this source the file does not name: deactivated if `deactivateMissing` is chosen. */
  wouldDeactivate: z.number().int().nonnegative(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  message: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportRunInput = z.strictObject({
  importId: ImportId,
  mapping: ImportMapping,
  dryRun: z.boolean(),
  deactivateMissing: z.boolean(),
});
export type ImportRunInput = z.infer<typeof ImportRunInput>;

export const ImportRef = z.strictObject({ importId: ImportId });
export const ImportList = z.object({ imports: z.array(ImportJob) });

export const IMPORT_OPERATIONS = {
  /** Starts a dry run or a real run in the background; a real run refuses a file with problems. */
  'imports.run': adminOperation('imports.run', ImportRunInput, ImportJob),
  'imports.status': adminOperation('imports.status', ImportRef, ImportJob),
  /** Stops the run; the batch being written is rolled back, those before it stay. */
  'imports.cancel': adminOperation('imports.cancel', ImportRef, ImportJob),
  'imports.list': adminOperation('imports.list', z.strictObject({}), ImportList),
} as const;
