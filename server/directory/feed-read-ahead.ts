// Reads the next directory page while a desk digests the one just sent: a first download is one
// page after another, so the server's work overlaps the desk's. Never serves a page of an older head.

import type { DirectoryFeedPage } from './directory-feed';

/** A page is the same page only at the same head: every committed change moves the head. */
export interface FeedKey {
  databaseId: string;
  head: number;
  after: number;
  limit: number;
}

export interface FeedReadAhead {
  /**
   * The page read ahead for exactly this key (awaiting it if still being read), or null. Used
   * once: the desk that asks next reads ahead again, and nothing lingers between downloads.
   */
  take(key: FeedKey): Promise<DirectoryFeedPage | null>;
  /** Starts reading the page for `key` in the background, unless it is there already. */
  start(key: FeedKey, read: () => Promise<DirectoryFeedPage | null>): void;
}

const keyOf = (key: FeedKey): string => `${key.databaseId}.${key.head}.${key.after}.${key.limit}`;

/**
 * At most `capacity` pages (about 1.3 MB each at 5,000 users) wait; the oldest goes first. One
 * per desk downloading at once is enough.
 */
export function createFeedReadAhead(capacity = 8): FeedReadAhead {
  const pages = new Map<string, Promise<DirectoryFeedPage | null>>();
  return {
    take(key) {
      const id = keyOf(key);
      const page = pages.get(id);
      pages.delete(id);
      return page ?? Promise.resolve(null);
    },
    start(key, read) {
      const id = keyOf(key);
      if (pages.has(id)) return;
      // A failed read is only a missed shortcut: the request reads the page itself.
      pages.set(
        id,
        read().catch(() => null),
      );
      for (const oldest of pages.keys()) {
        if (pages.size <= capacity) break;
        pages.delete(oldest);
      }
    },
  };
}
