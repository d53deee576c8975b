// Asks the browser to keep Deskpad's database (navigator.storage.persist) and answers what it
// decided, for the notice in renderer/storage. Never throws: no StorageManager is "unknown".

import type {
  StoragePersistence,
  StoragePersistenceSource,
} from '../renderer/storage/storage-persistence';

export type StorageManagerLike = Partial<Pick<StorageManager, 'persist' | 'persisted'>>;

export function browserStoragePersistence(
  storage: StorageManagerLike | undefined,
): StoragePersistenceSource {
  const ask = async (): Promise<StoragePersistence> => {
    if (!storage?.persist) return 'unknown';
    try {
      if (storage.persisted && (await storage.persisted())) return 'persisted';
      return (await storage.persist()) ? 'persisted' : 'not-granted';
    } catch {
      return 'unknown';
    }
  };
  return { check: ask, ask };
}
