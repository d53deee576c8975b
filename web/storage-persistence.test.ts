// Tests how the browser build asks to keep its database: persisted already, granted, refused, no
// StorageManager, or a StorageManager that throws.

import { describe, expect, it } from 'vitest';
import { browserStoragePersistence } from './storage-persistence';

describe('asking the browser to keep the database', () => {
  it('answers persisted when it already is, without asking again', async () => {
    let asked = 0;
    const source = browserStoragePersistence({
      persisted: () => Promise.resolve(true),
      persist: () => {
        asked += 1;
        return Promise.resolve(true);
      },
    });
    expect(await source.check()).toBe('persisted');
    expect(asked).toBe(0);
  });

  it('asks with persist() and answers what the browser decided', async () => {
    const granted = browserStoragePersistence({
      persisted: () => Promise.resolve(false),
      persist: () => Promise.resolve(true),
    });
    expect(await granted.check()).toBe('persisted');
    const refused = browserStoragePersistence({
      persisted: () => Promise.resolve(false),
      persist: () => Promise.resolve(false),
    });
    expect(await refused.check()).toBe('not-granted');
    expect(await refused.ask()).toBe('not-granted');
  });

  it('answers unknown without a StorageManager or when it throws', async () => {
    expect(await browserStoragePersistence(undefined).check()).toBe('unknown');
    expect(await browserStoragePersistence({}).check()).toBe('unknown');
    const broken = browserStoragePersistence({
      persisted: () => Promise.reject(new Error('no')),
      persist: () => Promise.reject(new Error('no')),
    });
    expect(await broken.check()).toBe('unknown');
  });
});
