// The ImportApi of the running app: the upload through the store host's `admin.import`, the rest
// as administrative operations (`admin.call`). Never talks to the desk server itself.

import type { StoreResult } from '../../../shared/domain/result';
import type { StoreHostApi } from '../../../shared/store-api/contract';
import type { ImportApi } from './import-api';
import type { ImportJob } from './import-types';

export function storeImportApi(store: Pick<StoreHostApi, 'act'>): ImportApi {
  // The store host checked each answer against the operation's output schema.
  const call = async <T>(operation: string, input: unknown): Promise<StoreResult<T>> =>
    (await store.act('admin.call', { operation, input })) as StoreResult<T>;
  return {
    upload: (kind, file, fileName) => store.act('admin.import', { kind, fileName, file }),
    run: (input) => call<ImportJob>('imports.run', input),
    status: (importId) => call<ImportJob>('imports.status', { importId }),
    cancel: (importId) => call<ImportJob>('imports.cancel', { importId }),
    list: () => call<{ imports: ImportJob[] }>('imports.list', {}),
  };
}
