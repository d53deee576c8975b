// The read-ahead of directory pages: one read per page and head, a bounded number kept, and a
// failed read is a miss, never an error.

import { describe, expect, it, vi } from 'vitest';
import type { DirectoryFeedPage } from './directory-feed';
import { createFeedReadAhead, type FeedKey } from './feed-read-ahead';

const key = (after: number, head = 100): FeedKey => ({ databaseId: 'db', head, after, limit: 5 });
const page = (lastVersion: number): DirectoryFeedPage => ({
  users: '[]',
  groups: '[]',
  configurationItems: '[]',
  catalogItems: '[]',
  knowledgeArticles: '[]',
  locations: '[]',
  lastVersion,
  more: true,
});

describe('the directory feed read-ahead', () => {
  it('answers the page read for exactly that key, once, reading it once', async () => {
    const readAhead = createFeedReadAhead();
    const read = vi.fn(() => Promise.resolve(page(10)));
    readAhead.start(key(5), read);
    readAhead.start(key(5), read);
    expect(read).toHaveBeenCalledTimes(1);
    expect(await readAhead.take(key(5, 101))).toBeNull();
    expect(await readAhead.take(key(6))).toBeNull();
    expect(await readAhead.take(key(5))).toEqual(page(10));
    // Used once: nothing lingers for a later download.
    expect(await readAhead.take(key(5))).toBeNull();
  });

  it('keeps the newest pages only', async () => {
    const readAhead = createFeedReadAhead(2);
    for (const after of [1, 2, 3]) readAhead.start(key(after), () => Promise.resolve(page(after)));
    expect(await readAhead.take(key(1))).toBeNull();
    expect(await readAhead.take(key(3))).toEqual(page(3));
  });

  it('turns a failed read into a miss', async () => {
    const readAhead = createFeedReadAhead();
    readAhead.start(key(5), () => Promise.reject(new Error('connection lost')));
    expect(await readAhead.take(key(5))).toBeNull();
  });
});
