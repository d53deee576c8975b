// Tests `directory.searchUsersAhead` on a real store host: for every next key it answers exactly
// what `directory.searchUsers` answers for that text, so an answer shown ahead is never wrong.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOKAHEAD_KEYS, hitsAhead } from '../../shared/domain/lookahead';
import type { UserHit } from '../../shared/domain/directory';
import type { StoreResult } from '../../shared/domain/result';
import { openStoreHost, type StoreHost } from './store-host';

let host: StoreHost;

beforeAll(async () => {
  host = await openStoreHost({
    dbName: 'lookahead',
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    demoUsers: 2_000,
    newId: () => 'client-1',
    onLine: () => true,
    connectivityEvents: new EventTarget(),
  });
  await host.directoryReady();
});

afterAll(() => host.close());

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const search = async (query: string): Promise<UserHit[]> =>
  value(await host.query('directory.searchUsers', { query, limit: 10 }));

describe('directory.searchUsersAhead', () => {
  it.each(['', 'a', 'jo', 'demo', 'demo.', 'ka ', '07'])(
    'answers for "%s" plus every key what the search itself answers',
    async (query) => {
      const ahead = value(await host.query('directory.searchUsersAhead', { query, limit: 10 }));
      expect(ahead.query).toBe(query);
      for (const key of LOOKAHEAD_KEYS) {
        const expected = (await search(query + key)).map((u) => u.id);
        expect(hitsAhead(ahead, query + key)?.map((u) => u.id)).toEqual(expected);
        // Upper case is read as lower case; the search must agree, or the shortcut would lie.
        if (key !== key.toUpperCase())
          expect((await search(query + key.toUpperCase())).map((u) => u.id)).toEqual(expected);
      }
    },
  );

  it('sends each caller once however many keys find them', async () => {
    const ahead = value(await host.query('directory.searchUsersAhead', { query: 'a', limit: 10 }));
    expect(new Set(ahead.hits.map((u) => u.id)).size).toBe(ahead.hits.length);
  });

  it('refuses a text that would be too long once a key is added, and changes nothing', async () => {
    const refused = await host.query('directory.searchUsersAhead', { query: 'x'.repeat(100) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
