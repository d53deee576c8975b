// Knowledge articles as technicians and administrators write them: a new article is a draft,
// Submit sends it for review, Publish puts that revision on every desk, Retire takes it off; an
// edit after Submit or Publish is a new revision, and every revision is kept. Every change is
// audited in its own transaction; only Publish and Retire take a directory version (what desks
// receive). Never sends a draft to desks.

import { sql, type Transaction } from 'kysely';
import type { KnowledgeAdminView, KnowledgeSummary } from '../../shared/admin/knowledge';
import { KnowledgeArticle, type PublishedArticle } from '../../shared/domain/knowledge';
import { foldText } from '../../shared/domain/search-text';
import type { Database, KnowledgeState } from '../db/schema';
import { jsonb } from '../db/values';
import { ApiError } from '../http/api-error';
import { changedFields, recordAudit, type AuditActor } from './audit-log';
import { feedbackAll, feedbackAt, feedbackOf } from './knowledge-feedback';
import { writeDirectory, type DirectoryWriteDeps } from './directory-write';

export interface KnowledgeChange {
  actor: AuditActor;
  at: Date;
}

type Db = DirectoryWriteDeps['db'] | Transaction<Database>;

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** What the audit log keeps of an article: everything its author edits. */
const audited = (article: KnowledgeArticle): Record<string, unknown> => ({
  title: article.title,
  body: article.body,
  keywords: article.keywords,
  ciClasses: article.ciClasses,
  validUntil: article.validUntil,
});

const notFound = (id: string) =>
  new ApiError(404, 'not-found', `There is no knowledge article ${id}.`);

async function readArticle(db: Db, id: string, forUpdate = false) {
  let query = db
    .selectFrom('knowledge_articles')
    .select(['id', 'state', 'title', 'revision', 'published_revision'])
    .where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return await query.executeTakeFirst();
}

async function readContent(db: Db, id: string, revision: number): Promise<KnowledgeArticle> {
  const row = await db
    .selectFrom('knowledge_article_versions')
    .select('content')
    .where('article_id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirstOrThrow();
  return row.content as KnowledgeArticle;
}

async function viewOf(db: Db, id: string): Promise<KnowledgeAdminView> {
  const row = await readArticle(db, id);
  if (!row) throw notFound(id);
  const versions = await db
    .selectFrom('knowledge_article_versions')
    .select(['revision', 'content', 'author_name', 'saved_at', 'submitted_at', 'published_at'])
    .where('article_id', '=', id)
    .orderBy('revision', 'desc')
    .execute();
  const newest = versions.find((v) => v.revision === row.revision);
  if (!newest) throw new Error(`Knowledge article ${id} has lost revision ${row.revision}`);
  const feedback = (await feedbackOf(db, [id])).get(id);
  return {
    state: row.state,
    article: newest.content as KnowledgeArticle,
    revision: row.revision,
    publishedRevision: row.published_revision,
    revisions: versions.map((v) => ({
      revision: v.revision,
      title: (v.content as KnowledgeArticle).title,
      authorName: v.author_name,
      savedAt: iso(v.saved_at) ?? '',
      submittedAt: iso(v.submitted_at),
      publishedAt: iso(v.published_at),
      feedback: feedbackAt(feedback, v.revision),
    })),
    feedback: feedbackAll(feedback),
  };
}

export async function listKnowledge(
  db: DirectoryWriteDeps['db'],
  query: string,
  state: KnowledgeState | undefined,
): Promise<KnowledgeSummary[]> {
  let select = db
    .selectFrom('knowledge_articles as a')
    .innerJoin('knowledge_article_versions as v', (join) =>
      join.onRef('v.article_id', '=', 'a.id').onRef('v.revision', '=', 'a.revision'),
    )
    .select(['a.id', 'a.state', 'a.title', 'a.revision', 'a.published_revision', 'a.updated_at'])
    .select(sql<string | null>`v.content->>'validUntil'`.as('valid_until'))
    .orderBy('a.title')
    .orderBy('a.id');
  if (state) select = select.where('a.state', '=', state);
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const rows = (await select.execute()).filter((row) =>
    words.every((word) => foldText(`${row.title} ${row.id}`).includes(word)),
  );
  const feedback = await feedbackOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    state: row.state,
    revision: row.revision,
    publishedRevision: row.published_revision,
    validUntil: row.valid_until,
    updatedAt: iso(row.updated_at) ?? '',
    feedback: feedbackAll(feedback.get(row.id)),
  }));
}

/** The classes of the directory's active configuration items, by name: what an article may apply to. */
export async function listKnowledgeClasses(db: DirectoryWriteDeps['db']): Promise<string[]> {
  const rows = await db
    .selectFrom('configuration_items')
    .select('class_name')
    .distinct()
    .where('active', '=', true)
    .orderBy('class_name')
    .execute();
  return rows.map((r) => r.class_name).filter((name) => name.trim() !== '');
}

export const getKnowledgeArticle = (db: DirectoryWriteDeps['db'], id: string) => viewOf(db, id);

export async function saveKnowledgeArticle(
  deps: DirectoryWriteDeps,
  article: KnowledgeArticle,
  change: KnowledgeChange,
): Promise<KnowledgeAdminView> {
  return writeDirectory(deps, async (trx) => {
    const row = await readArticle(trx, article.id, true);
    const entry = {
      at: change.at,
      actor: change.actor,
      targetKind: 'knowledge-article',
      targetId: article.id,
      targetName: article.title,
    };
    const newRevision = (revision: number) =>
      trx
        .insertInto('knowledge_article_versions')
        .values({
          article_id: article.id,
          revision,
          content: jsonb(article),
          author_id: change.actor.id,
          author_name: change.actor.name,
          saved_at: change.at,
        })
        .execute();
    if (!row) {
      await trx
        .insertInto('knowledge_articles')
        .values({
          id: article.id,
          state: 'draft',
          title: article.title,
          revision: 1,
          published_revision: null,
          version: 0,
          published: null,
          updated_at: change.at,
        })
        .execute();
      await newRevision(1);
      await recordAudit(trx, {
        ...entry,
        action: 'knowledge-article.create',
        before: null,
        after: audited(article),
      });
      return viewOf(trx, article.id);
    }
    const current = await readContent(trx, row.id, row.revision);
    const { before, after } = changedFields(audited(current), audited(article));
    if (Object.keys(after).length === 0) return viewOf(trx, article.id);
    if (row.state === 'draft' || row.state === 'in-review') {
      // Edited in place; an article in review goes back to draft (it must be submitted again).
      await trx
        .updateTable('knowledge_article_versions')
        .set({
          content: jsonb(article),
          author_id: change.actor.id,
          author_name: change.actor.name,
          saved_at: change.at,
          submitted_at: null,
        })
        .where('article_id', '=', row.id)
        .where('revision', '=', row.revision)
        .execute();
      await trx
        .updateTable('knowledge_articles')
        .set({ state: 'draft', title: article.title, updated_at: change.at })
        .where('id', '=', row.id)
        .execute();
      await recordAudit(trx, { ...entry, action: 'knowledge-article.update', before, after });
      return viewOf(trx, article.id);
    }
    // Published or retired: desks keep what they hold; the edit is the next revision's draft.
    const revision = row.revision + 1;
    await newRevision(revision);
    await trx
      .updateTable('knowledge_articles')
      .set({ state: 'draft', title: article.title, revision, updated_at: change.at })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, {
      ...entry,
      action: 'knowledge-article.new-revision',
      before: { revision: row.revision, ...before },
      after: { revision, ...after },
    });
    return viewOf(trx, article.id);
  });
}

export async function submitKnowledgeArticle(
  deps: DirectoryWriteDeps,
  id: string,
  change: KnowledgeChange,
): Promise<KnowledgeAdminView> {
  return writeDirectory(deps, async (trx) => {
    const row = await readArticle(trx, id, true);
    if (!row) throw notFound(id);
    if (row.state === 'in-review') return viewOf(trx, id);
    if (row.state !== 'draft')
      throw new ApiError(
        409,
        'conflict',
        `${row.title} has no draft to submit: edit it and save first.`,
      );
    await trx
      .updateTable('knowledge_article_versions')
      .set({ submitted_at: change.at })
      .where('article_id', '=', id)
      .where('revision', '=', row.revision)
      .execute();
    await trx
      .updateTable('knowledge_articles')
      .set({ state: 'in-review', updated_at: change.at })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      at: change.at,
      actor: change.actor,
      action: 'knowledge-article.submit',
      targetKind: 'knowledge-article',
      targetId: id,
      targetName: row.title,
      before: { state: 'draft', revision: row.revision },
      after: { state: 'in-review', revision: row.revision },
    });
    return viewOf(trx, id);
  });
}

export async function publishKnowledgeArticle(
  deps: DirectoryWriteDeps,
  id: string,
  change: KnowledgeChange,
): Promise<KnowledgeAdminView> {
  return writeDirectory(deps, async (trx, nextVersion) => {
    const row = await readArticle(trx, id, true);
    if (!row) throw notFound(id);
    if (row.state === 'published') return viewOf(trx, id);
    if (row.state !== 'in-review')
      throw new ApiError(
        409,
        'conflict',
        `${row.title} is not in review: submit it for review before publishing.`,
      );
    // Stored revisions passed the same checks; parsing again keeps a hand-edited row off the desks.
    const parsed = KnowledgeArticle.safeParse(await readContent(trx, id, row.revision));
    if (!parsed.success)
      throw new ApiError(
        400,
        'invalid-input',
        'This article has problems: open it, fix them and save.',
      );
    const published: PublishedArticle = {
      ...parsed.data,
      revision: row.revision,
      publishedAt: change.at.toISOString(),
    };
    await trx
      .updateTable('knowledge_article_versions')
      .set({ published_at: change.at })
      .where('article_id', '=', id)
      .where('revision', '=', row.revision)
      .execute();
    await trx
      .updateTable('knowledge_articles')
      .set({
        state: 'published',
        title: published.title,
        published_revision: row.revision,
        published: jsonb(published),
        version: nextVersion(),
        updated_at: change.at,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      at: change.at,
      actor: change.actor,
      action: 'knowledge-article.publish',
      targetKind: 'knowledge-article',
      targetId: id,
      targetName: published.title,
      before: { state: 'in-review', publishedRevision: row.published_revision },
      after: { state: 'published', publishedRevision: row.revision },
    });
    return viewOf(trx, id);
  });
}

export async function retireKnowledgeArticle(
  deps: DirectoryWriteDeps,
  id: string,
  change: KnowledgeChange,
): Promise<KnowledgeAdminView> {
  return writeDirectory(deps, async (trx, nextVersion) => {
    const row = await readArticle(trx, id, true);
    if (!row) throw notFound(id);
    if (row.state === 'retired') return viewOf(trx, id);
    if (row.published_revision === null)
      throw new ApiError(
        409,
        'conflict',
        `${row.title} was never published: there is nothing to retire.`,
      );
    await trx
      .updateTable('knowledge_articles')
      .set({
        state: 'retired',
        published_revision: null,
        published: null,
        version: nextVersion(),
        updated_at: change.at,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      at: change.at,
      actor: change.actor,
      action: 'knowledge-article.retire',
      targetKind: 'knowledge-article',
      targetId: id,
      targetName: row.title,
      before: { state: row.state, publishedRevision: row.published_revision },
      after: { state: 'retired', publishedRevision: null },
    });
    return viewOf(trx, id);
  });
}
