// The import's shapes as the Import page reads them: the shared contract (shared/admin/import.ts)
// re-exported under one roof for the page's files. Never declares a shape of its own.

export {
  IMPORT_KINDS,
  type ImportCounts,
  type ImportJob,
  type ImportKind,
  type ImportMapping,
  type ImportProblem,
  type ImportRunInput,
  type ImportState,
  type ImportUpload,
} from '../../../shared/admin/import';
