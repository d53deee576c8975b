// Test fixture: a desk (the real store host on fake-indexeddb) that knows walk-up locations, as the
// directory feed would have stored them in db.locations. For tests only.

import { createDeskDb } from '../../electron/store/db';
import { openStoreHost, type StoreHost } from '../../electron/store/index';
import type { WalkUpLocation } from '../../shared/domain/walk-up-location';

let opened = 0;

/** A store host with its directory loaded and `locations` on the desk; close it after the test. */
export async function openWalkUpDesk(locations: readonly WalkUpLocation[]): Promise<StoreHost> {
  opened += 1;
  const dbName = `deskpad-walk-up-${Date.now()}-${opened}`;
  const store = await openStoreHost({ dbName, demoUsers: 50, demoIncidents: 0 });
  await store.directoryReady();
  const db = createDeskDb({ name: dbName });
  await db.open();
  await db.locations.bulkPut([...locations]);
  db.close();
  return store;
}
