// The ImportApi of the running app: the upload through the store host's `admin.import`, the rest
// as the import's administrative operations (`admin.call`). Never talks to the desk server itself.

import type { StoreHostApi } from '../../../shared/store-api/contract';
import { adminCall } from '../admin-client';
import type { ImportApi } from './import-api';

export function storeImportApi(store: Pick<StoreHostApi, 'act'>): ImportApi {
  return {
    upload: (kind, file, fileName) => store.act('admin.import', { kind, fileName, file }),
    run: (input) => adminCall(store, 'imports.run', input),
    status: (importId) => adminCall(store, 'imports.status', { importId }),
    cancel: (importId) => adminCall(store, 'imports.cancel', { importId }),
    list: () => adminCall(store, 'imports.list', {}),
  };
}
