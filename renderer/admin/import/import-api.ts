// What the Import page asks of the desk server, as one small interface the page receives: upload a
// file, run (dry or real), ask the status, cancel, list recent imports. Never talks HTTP itself.

import type { StoreResult } from '../../../shared/domain/result';
import type { ImportJob, ImportKind, ImportRunInput, ImportUpload } from './import-types';

export interface ImportApi {
  /** Sends the file through the store host to the desk server, which reads its header. */
  upload(kind: ImportKind, file: Blob, fileName: string): Promise<StoreResult<ImportUpload>>;
  run(input: ImportRunInput): Promise<StoreResult<ImportJob>>;
  status(importId: string): Promise<StoreResult<ImportJob>>;
  cancel(importId: string): Promise<StoreResult<ImportJob>>;
  list(): Promise<StoreResult<{ imports: ImportJob[] }>>;
}

/** The states after which an import's job no longer moves. */
export const isSettled = (job: ImportJob): boolean =>
  job.state === 'checked' ||
  job.state === 'done' ||
  job.state === 'cancelled' ||
  job.state === 'failed';
