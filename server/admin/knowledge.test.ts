// Knowledge administration on a real server: a technician writes a draft, submits it, an
// administrator publishes it; an edit of a published article is a new revision while desks keep
// the published one; every revision kept, every change audited; agents may not write; bad input is
// a 400 that changes nothing; Publish needs review, Retire needs a publication.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { KnowledgeAdminView, KnowledgeSummary } from '../../shared/admin/knowledge';
import type { KnowledgeArticle } from '../../shared/domain/knowledge';
import type { DirectoryPage, KnowledgeFeedEntry } from '../../shared/sync/protocol';
import type { ApiErrorBody } from '../../shared/sync/server-api';
import { type ApiClient, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

const PRINTER: KnowledgeArticle = {
  id: 'kb-printer-offline',
  title: 'Printer shows offline',
  body: 'Open **Devices and printers** and clear the queue.',
  keywords: ['spooler'],
  ciClasses: ['Printer'],
  validUntil: '2027-12-31',
};

describeOnDatabases('knowledge administration', (suite) => {
  let app: FastifyInstance;
  let admin: ApiClient;
  let tech: ApiClient;
  let agent: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    admin = await signIn(app, 'adam.admin');
    tech = await signIn(app, 'tess.tech');
    agent = await signIn(app, 'ana.agent');
  });
  afterEach(() => app.close());

  const call = <T>(name: string, input: unknown, client = tech) =>
    client.post<T & ApiErrorBody>(`/api/v1/admin/${name}`, input);
  const published = () =>
    suite
      .database()
      .db.selectFrom('knowledge_articles')
      .select(['published', 'published_revision', 'version'])
      .where('id', '=', PRINTER.id)
      .executeTakeFirstOrThrow();
  const audit = () =>
    suite
      .database()
      .db.selectFrom('audit_log')
      .select(['actor_name', 'action', 'target_id'])
      .where('target_kind', '=', 'knowledge-article')
      .orderBy('id')
      .execute();

  it('takes an article from draft through review to published, keeping every revision', async () => {
    const saved = await call<KnowledgeAdminView>('knowledge.save', PRINTER);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ state: 'draft', article: PRINTER, revision: 1 });
    expect((await published()).published).toBeNull();

    const early = await call<KnowledgeAdminView>('knowledge.publish', { id: PRINTER.id }, admin);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe(
      'Printer shows offline is not in review: submit it for review before publishing.',
    );

    expect(
      (await call<KnowledgeAdminView>('knowledge.submit', { id: PRINTER.id })).body.state,
    ).toBe('in-review');
    const live = await call<KnowledgeAdminView>('knowledge.publish', { id: PRINTER.id }, admin);
    expect(live.body).toMatchObject({ state: 'published', publishedRevision: 1 });
    const first = await published();
    expect(first.published).toMatchObject({ ...PRINTER, revision: 1 });
    expect(Number(first.version)).toBeGreaterThan(0);

    // An edit of a published article is revision 2; desks keep revision 1 until it is published.
    const edited = await call<KnowledgeAdminView>('knowledge.save', {
      ...PRINTER,
      title: 'Printer shows offline after an update',
    });
    expect(edited.body).toMatchObject({ state: 'draft', revision: 2, publishedRevision: 1 });
    expect((await published()).published).toMatchObject({ title: 'Printer shows offline' });
    await call('knowledge.submit', { id: PRINTER.id });
    await call('knowledge.publish', { id: PRINTER.id }, admin);
    const second = await published();
    expect(second.published).toMatchObject({
      title: 'Printer shows offline after an update',
      revision: 2,
    });
    expect(Number(second.version)).toBeGreaterThan(Number(first.version));

    const view = await call<KnowledgeAdminView>('knowledge.get', { id: PRINTER.id }, admin);
    expect(view.body.revisions.map((r) => [r.revision, r.title, r.authorName])).toEqual([
      [2, 'Printer shows offline after an update', 'Tess Tech'],
      [1, 'Printer shows offline', 'Tess Tech'],
    ]);
    expect(view.body.revisions.every((r) => r.publishedAt !== null && r.submittedAt !== null)).toBe(
      true,
    );

    const list = await call<{ articles: KnowledgeSummary[] }>('knowledge.list', {
      query: 'PRINTER upd',
    });
    expect(
      list.body.articles.map((a) => [a.id, a.state, a.publishedRevision, a.validUntil]),
    ).toEqual([[PRINTER.id, 'published', 2, '2027-12-31']]);

    const retired = await call<KnowledgeAdminView>('knowledge.retire', { id: PRINTER.id }, admin);
    expect(retired.body).toMatchObject({ state: 'retired', publishedRevision: null });
    const gone = await published();
    expect(gone.published).toBeNull();
    expect(Number(gone.version)).toBeGreaterThan(Number(second.version));

    expect((await audit()).map((a) => [a.actor_name, a.action])).toEqual([
      ['Tess Tech', 'knowledge-article.create'],
      ['Tess Tech', 'knowledge-article.submit'],
      ['Adam Admin', 'knowledge-article.publish'],
      ['Tess Tech', 'knowledge-article.new-revision'],
      ['Tess Tech', 'knowledge-article.submit'],
      ['Adam Admin', 'knowledge-article.publish'],
      ['Adam Admin', 'knowledge-article.retire'],
    ]);
  });

  it('sends desks the published revision through the directory feed, and retirement as null', async () => {
    /** What a desk's directory sync receives after `cursor` (every page). */
    const feed = async (cursor = '') => {
      const entries: KnowledgeFeedEntry[] = [];
      let next = cursor;
      for (;;) {
        const page = await agent.get<DirectoryPage>(
          `/api/v1/directory${next ? `?cursor=${next}` : ''}`,
        );
        entries.push(...page.body.knowledgeArticles);
        next = page.body.cursor;
        if (!page.body.more) return { entries, cursor: next };
      }
    };
    const start = await feed();
    expect(start.entries).toEqual([]);
    await call('knowledge.save', PRINTER);
    await call('knowledge.submit', { id: PRINTER.id });
    expect((await feed(start.cursor)).entries).toEqual([]);
    await call('knowledge.publish', { id: PRINTER.id }, admin);
    const published = await feed(start.cursor);
    expect(published.entries).toHaveLength(1);
    expect(published.entries[0]).toMatchObject({
      id: PRINTER.id,
      article: { ...PRINTER, revision: 1 },
    });
    // A draft of the next revision is not sent; Retire is.
    await call('knowledge.save', { ...PRINTER, body: 'Restart the spooler.' });
    expect((await feed(published.cursor)).entries).toEqual([]);
    await call('knowledge.retire', { id: PRINTER.id }, admin);
    expect((await feed(published.cursor)).entries).toEqual([{ id: PRINTER.id, article: null }]);
  });

  it('sends an article edited in review back to draft, and refuses what cannot be done', async () => {
    await call('knowledge.save', PRINTER);
    await call('knowledge.submit', { id: PRINTER.id });
    const back = await call<KnowledgeAdminView>('knowledge.save', {
      ...PRINTER,
      keywords: ['queue'],
    });
    expect(back.body).toMatchObject({
      state: 'draft',
      revision: 1,
      article: { keywords: ['queue'] },
    });
    const retire = await call<KnowledgeAdminView>('knowledge.retire', { id: PRINTER.id });
    expect(retire.status).toBe(409);
    expect(retire.body.error.message).toBe(
      'Printer shows offline was never published: there is nothing to retire.',
    );
  });

  it('lists the directory’s configuration item classes for an article to apply to', async () => {
    const classes = await call<{ classes: string[] }>('knowledge.classes', {});
    expect(classes.status).toBe(200);
    expect(classes.body.classes).toEqual(['Building', 'Floor network', 'Printer']);
  });

  it('lets only technicians and administrators write, and changes nothing on bad input', async () => {
    for (const [name, input] of [
      ['knowledge.save', PRINTER],
      ['knowledge.list', {}],
      ['knowledge.get', { id: PRINTER.id }],
      ['knowledge.classes', {}],
      ['knowledge.publish', { id: PRINTER.id }],
    ] as const)
      expect((await call(name, input, agent)).status, name).toBe(403);
    const bad = await call('knowledge.save', { ...PRINTER, title: ' ', validUntil: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('Give the article a title.');
    expect(bad.body.error.message).toContain('Enter Valid until as a date, or leave it empty.');
    const list = await call<{ articles: KnowledgeSummary[] }>('knowledge.list', {}, admin);
    expect(list.body.articles).toEqual([]);
    expect(await audit()).toEqual([]);
  });
});
