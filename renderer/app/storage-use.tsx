// Sync details' storage line: what this desk's storage holds (the browser's estimate, the records
// held) against the ceiling eviction keeps it under (ADR 0020). Shows; never measures or evicts.

import type { StorageUse } from '../../shared/store-api/contract';
import { storageWords } from './storage-words';

export function StorageLine({ storage }: { storage: StorageUse | undefined }) {
  return (
    <>
      <h3>Storage</h3>
      <p className="sync-storage">{storage ? storageWords(storage) : 'Not measured yet.'}</p>
    </>
  );
}
