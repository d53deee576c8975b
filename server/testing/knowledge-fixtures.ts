// Test fixtures: a published knowledge article with its kept revisions, written straight into the
// tables as knowledge-store.ts leaves them after Publish. Test support only.

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Article `id` with revisions 1…`revisions`, each published; the last is the one desks hold. */
export async function seedPublishedArticle(
  db: Kysely<Database>,
  id: string,
  title: string,
  revisions = 1,
): Promise<void> {
  const at = new Date('2026-12-01T09:00:00.000Z');
  const content = {
    id,
    title,
    body: 'Clear the queue.',
    keywords: [],
    ciClasses: [],
    validUntil: null,
  };
  await db
    .insertInto('knowledge_articles')
    .values({
      id,
      state: 'published',
      title,
      revision: revisions,
      published_revision: revisions,
      version: 0,
      published: JSON.stringify({
        ...content,
        revision: revisions,
        publishedAt: at.toISOString(),
      }),
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('knowledge_article_versions')
    .values(
      Array.from({ length: revisions }, (_, i) => ({
        article_id: id,
        revision: i + 1,
        content: JSON.stringify(content),
        author_name: 'Tess Tech',
        saved_at: at,
        submitted_at: at,
        published_at: at,
      })),
    )
    .execute();
}
