// Test fixture: opens the real store host on fake-indexeddb with a small demo directory, under a
// unique database name. For tests only; renderer tests reach the store host through this file.

import { afterEach, beforeEach } from 'vitest';
import { openStoreHost, type StoreHost } from '../../electron/store/index';

export interface TestStoreOptions {
  demoUsers?: number;
  /** Demo incidents seeded at first start, the printer example's first (200 by default). */
  demoIncidents?: number;
  now?: () => Date;
}

let opened = 0;

/** A store host with its directory loaded; close it after the test. */
export async function openTestStore(options: TestStoreOptions = {}): Promise<StoreHost> {
  opened += 1;
  const store = await openStoreHost({
    dbName: `deskpad-test-${Date.now()}-${opened}`,
    demoUsers: options.demoUsers ?? 300,
    ...(options.demoIncidents === undefined ? {} : { demoIncidents: options.demoIncidents }),
    ...(options.now ? { now: options.now } : {}),
  });
  await store.directoryReady();
  return store;
}

/**
 * For a test file: a fresh store host before each test, closed after it. Answers the store of the
 * test that runs.
 */
export function storeForEachTest(options: TestStoreOptions = {}): () => StoreHost {
  let store: StoreHost | null = null;
  beforeEach(async () => {
    store = await openTestStore(options);
  });
  afterEach(async () => {
    await store?.close();
    store = null;
  });
  return () => {
    if (!store) throw new Error('The test store is there only while a test runs.');
    return store;
  };
}
