// Administration → Knowledge by keyboard, against a fake desk server that keeps the review rules:
// the list searched and filtered by state; a new article's problems said by field (no title, a body
// longer than the shared schema allows) and nothing sent; saved, submitted and published with its
// revisions listed; a refused Publish says the server's reason; unsaved edits are neither published
// nor dropped without asking; an edit of a published article is the next revision; Retire. axe-clean.

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KnowledgeAdminView, KnowledgeSummary } from '../../../shared/admin/knowledge';
import {
  ARTICLE_BODY_MAX,
  type KnowledgeArticle,
  type KnowledgeState,
} from '../../../shared/domain/knowledge';
import { fail } from '../../../shared/domain/result';
import { expectNoAxeViolations, tabTo } from '../../../web/testing/agent-steps';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../../web/testing/render-deskpad';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { KnowledgePage } from './knowledge-page';

interface Kept {
  state: KnowledgeState;
  publishedRevision: number | null;
  revisions: {
    article: KnowledgeArticle;
    submittedAt: string | null;
    publishedAt: string | null;
  }[];
}

const AT = '2026-12-04T10:00:00.000Z';
const NO_FEEDBACK = {
  helpful: 0,
  notHelpful: 0,
  outdated: 0,
  outdatedComments: [],
  resolutions: 0,
};

/** A desk server's knowledge operations, in memory, with its review rules and words. */
function knowledgeServer(initial: Record<string, Kept> = {}) {
  const kept = new Map(Object.entries(initial));
  const viewOf = (id: string): KnowledgeAdminView => {
    const k = kept.get(id);
    if (!k) throw new Error(`no ${id}`);
    const newest = k.revisions.at(-1);
    if (!newest) throw new Error(`no revision of ${id}`);
    return {
      state: k.state,
      article: newest.article,
      revision: k.revisions.length,
      publishedRevision: k.publishedRevision,
      revisions: k.revisions
        .map((r, i) => ({
          revision: i + 1,
          title: r.article.title,
          authorName: 'Tess Tech',
          savedAt: AT,
          submittedAt: r.submittedAt,
          publishedAt: r.publishedAt,
          feedback: NO_FEEDBACK,
        }))
        .reverse(),
      feedback: NO_FEEDBACK,
    };
  };
  const summary = (id: string): KnowledgeSummary => {
    const v = viewOf(id);
    return {
      id,
      title: v.article.title,
      state: v.state,
      revision: v.revision,
      publishedRevision: v.publishedRevision,
      validUntil: v.article.validUntil,
      updatedAt: AT,
      feedback: NO_FEEDBACK,
    };
  };
  const fake = fakeAdminStore({
    'knowledge.list': (input) => {
      const { query = '', state } = input as { query?: string; state?: KnowledgeState };
      const articles = [...kept.keys()]
        .map(summary)
        .filter((a) => (!state || a.state === state) && a.title.toLowerCase().includes(query));
      return { articles };
    },
    'knowledge.get': (input) => viewOf((input as { id: string }).id),
    'knowledge.classes': () => ({ classes: ['Building', 'Printer'] }),
    'knowledge.save': (input) => {
      const article = input as KnowledgeArticle;
      const k = kept.get(article.id);
      const revision = { article, submittedAt: null, publishedAt: null };
      if (!k)
        kept.set(article.id, { state: 'draft', publishedRevision: null, revisions: [revision] });
      else if (k.state === 'draft' || k.state === 'in-review') {
        k.revisions[k.revisions.length - 1] = revision;
        k.state = 'draft';
      } else {
        k.revisions.push(revision);
        k.state = 'draft';
      }
      return viewOf(article.id);
    },
    'knowledge.submit': (input) => {
      const { id } = input as { id: string };
      const k = kept.get(id);
      const newest = k?.revisions.at(-1);
      if (!k || !newest) return fail('not-found', `There is no knowledge article ${id}.`);
      k.state = 'in-review';
      newest.submittedAt = AT;
      return viewOf(id);
    },
    'knowledge.publish': (input) => {
      const { id } = input as { id: string };
      const k = kept.get(id);
      const newest = k?.revisions.at(-1);
      if (!k || !newest) return fail('not-found', `There is no knowledge article ${id}.`);
      if (k.state !== 'in-review')
        return fail(
          'conflict',
          `${newest.article.title} is not in review: submit it for review before publishing.`,
        );
      k.state = 'published';
      k.publishedRevision = k.revisions.length;
      newest.publishedAt = AT;
      return viewOf(id);
    },
    'knowledge.retire': (input) => {
      const { id } = input as { id: string };
      const k = kept.get(id);
      if (!k) return fail('not-found', `There is no knowledge article ${id}.`);
      k.state = 'retired';
      k.publishedRevision = null;
      return viewOf(id);
    },
  });
  return { ...fake, kept };
}

const article = (
  id: string,
  title: string,
  validUntil: string | null = null,
): KnowledgeArticle => ({
  id,
  title,
  body: `How to fix: ${title}.`,
  keywords: [],
  ciClasses: [],
  validUntil,
});

const changes = (calls: { operation: string; input: unknown }[]) =>
  calls.filter(
    (c) => !['knowledge.list', 'knowledge.get', 'knowledge.classes'].includes(c.operation),
  );

describe('the Knowledge page', () => {
  it(
    'lists the articles with their state, revision and valid until, searched and filtered by state',
    async () => {
      const { store, calls } = knowledgeServer({
        'kb-vpn': {
          state: 'published',
          publishedRevision: 1,
          revisions: [
            {
              article: article('kb-vpn', 'VPN will not connect', '2099-01-31'),
              submittedAt: AT,
              publishedAt: AT,
            },
          ],
        },
        'kb-old': {
          state: 'draft',
          publishedRevision: 1,
          revisions: [
            {
              article: article('kb-old', 'Old printer driver', '2020-01-01'),
              submittedAt: AT,
              publishedAt: AT,
            },
            {
              article: article('kb-old', 'Old printer driver', '2020-01-01'),
              submittedAt: null,
              publishedAt: null,
            },
          ],
        },
      });
      const { user, container } = renderOnDesk(store, <KnowledgePage />);
      const table = await screen.findByRole('table', { name: 'Knowledge articles' });
      const vpn = within(table).getByRole('row', { name: /VPN will not connect/ });
      expect([...vpn.querySelectorAll('td')].map((td) => td.textContent).slice(0, 4)).toEqual([
        'VPN will not connect',
        'Published',
        '1',
        '2099-01-31',
      ]);
      const old = within(table).getByRole('row', { name: /Old printer driver/ });
      expect([...old.querySelectorAll('td')].map((td) => td.textContent).slice(0, 4)).toEqual([
        'Old printer driver',
        'Draft · desks have revision 1',
        '2',
        '2020-01-01 (expired: not suggested)',
      ]);
      await expectNoAxeViolations(container);

      await tabTo(user, screen.getByRole('combobox', { name: 'State' }));
      await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'Published');
      await waitFor(() =>
        expect(within(table).queryByRole('row', { name: /Old printer driver/ })).toBeNull(),
      );
      expect(calls.at(-1)).toEqual({
        operation: 'knowledge.list',
        input: { query: '', state: 'published' },
      });

      await tabTo(user, screen.getByRole('searchbox', { name: 'Search the articles' }));
      await user.keyboard('printer');
      await screen.findByText('No article matches.');
      expect(calls.at(-1)).toEqual({
        operation: 'knowledge.list',
        input: { query: 'printer', state: 'published' },
      });
    },
    STORE_TEST_TIMEOUT_MS,
  );

  it(
    'writes an article by keyboard: says what to fix and sends nothing, then saves, submits and publishes it',
    async () => {
      const { store, calls } = knowledgeServer();
      const { user, container } = renderOnDesk(store, <KnowledgePage />);
      await screen.findByText('No knowledge articles yet.');
      await tabTo(user, screen.getByRole('button', { name: 'Write an article' }));
      await user.keyboard('{Enter}');
      const form = screen.getByRole('form', { name: 'New article' });
      await within(form).findByRole('checkbox', { name: 'Printer' });
      expect(within(form).queryByRole('button', { name: 'Publish' })).toBeNull();

      // Nothing typed: Save draft says what to fix, by field, and focuses the first.
      await tabTo(user, within(form).getByRole('button', { name: 'Save draft' }));
      await user.keyboard('{Enter}');
      expect((await within(form).findByRole('alert')).textContent).toBe(
        'Not saved. Check the article: 2 things need fixing.',
      );
      const title = within(form).getByRole('textbox', { name: 'Title' });
      expect(document.activeElement).toBe(title);
      expect(within(form).getByText('Give the article a title.')).toBeDefined();
      expect(within(form).getByText('Write the article: the body is empty.')).toBeDefined();
      await expectNoAxeViolations(container);

      // A body longer than the shared schema allows is refused the same way.
      await user.keyboard('Printer smudges every page');
      const body = within(form).getByRole('textbox', { name: 'Body' });
      await user.click(body);
      await user.paste('x'.repeat(ARTICLE_BODY_MAX + 1));
      await tabTo(user, within(form).getByRole('button', { name: 'Save draft' }));
      await user.keyboard('{Enter}');
      expect(
        await within(form).findByText(
          'Keep the body to 20,000 characters: desks hold every article.',
        ),
      ).toBeDefined();
      expect(document.activeElement).toBe(body);
      expect(changes(calls)).toEqual([]);

      await user.clear(body);
      await user.keyboard(
        '## Clean the fuser{Enter}1. Switch it off.{Enter}2. Print the **cleaning page**.',
      );
      const preview = screen.getByRole('region', { name: 'Preview' });
      expect(within(preview).getByRole('heading', { name: 'Clean the fuser' })).toBeDefined();
      expect(within(preview).getByText('cleaning page').tagName).toBe('STRONG');
      await tabTo(user, within(form).getByRole('textbox', { name: 'Keywords' }));
      await user.keyboard('toner, streaks');
      await tabTo(user, within(form).getByRole('checkbox', { name: 'Printer' }));
      await user.keyboard(' ');
      await tabTo(user, within(form).getByRole('button', { name: 'Save draft' }));
      await user.keyboard('{Enter}');
      expect((await within(form).findByRole('status')).textContent).toBe(
        'Saved as a draft (revision 1).',
      );
      const saved = screen.getByRole('form', { name: 'Printer smudges every page' });
      expect(saved).toBe(form);
      expect(within(form).getByText(/^State: Draft/)).toBeDefined();

      await tabTo(user, within(form).getByRole('button', { name: 'Submit for review' }));
      await user.keyboard('{Enter}');
      await within(form).findByText(
        'Submitted for review: a technician or administrator can publish it now.',
      );
      await tabTo(user, within(form).getByRole('button', { name: 'Publish' }));
      await user.keyboard('{Enter}');
      await within(form).findByText(
        'Published revision 1: desks suggest it from their next directory sync.',
      );
      const revisions = screen.getByRole('table', { name: 'Revisions' });
      expect(within(revisions).getAllByRole('row')[1]?.textContent).toMatch(
        /^1 \(on the desks\)Printer smudges every pageTess Tech/,
      );
      expect(within(form).getByRole('button', { name: 'Retire' })).toBeDefined();
      await expectNoAxeViolations(container);

      const sent = changes(calls);
      expect(sent.map((c) => c.operation)).toEqual([
        'knowledge.save',
        'knowledge.submit',
        'knowledge.publish',
      ]);
      expect(sent[0]?.input).toMatchObject({
        title: 'Printer smudges every page',
        body: '## Clean the fuser\n1. Switch it off.\n2. Print the **cleaning page**.',
        keywords: ['toner', 'streaks'],
        ciClasses: ['Printer'],
        validUntil: null,
      });

      await tabTo(user, within(form).getByRole('button', { name: 'Back to the articles' }));
      await user.keyboard('{Enter}');
      const table = await screen.findByRole('table', { name: 'Knowledge articles' });
      expect(within(table).getByRole('row', { name: /Printer smudges/ }).textContent).toContain(
        'Published',
      );
    },
    STORE_TEST_TIMEOUT_MS,
  );

  it(
    'says why Publish was refused, keeps the published revision while the next is written, and retires',
    async () => {
      const printer = article('kb-printer', 'Printer shows offline');
      const server = knowledgeServer({
        'kb-printer': {
          state: 'in-review',
          publishedRevision: null,
          revisions: [{ article: printer, submittedAt: AT, publishedAt: null }],
        },
      });
      const { user } = renderOnDesk(server.store, <KnowledgePage />);
      await user.click(await screen.findByRole('button', { name: 'Printer shows offline' }));
      const form = await screen.findByRole('form', { name: 'Printer shows offline' });

      // Someone else edits it meanwhile: it is back in draft, and the server refuses Publish.
      const kept = server.kept.get('kb-printer');
      if (kept) kept.state = 'draft';
      await tabTo(user, within(form).getByRole('button', { name: 'Publish' }));
      await user.keyboard('{Enter}');
      expect((await within(form).findByRole('alert')).textContent).toBe(
        'Printer shows offline is not in review: submit it for review before publishing.',
      );

      // Unsaved changes are never published: the editor says so and sends nothing.
      if (kept) kept.state = 'in-review';
      const title = within(form).getByRole('textbox', { name: 'Title' });
      await user.clear(title);
      await user.keyboard('Printer shows offline after an update');
      const before = changes(server.calls).length;
      await tabTo(user, within(form).getByRole('button', { name: 'Publish' }));
      await user.keyboard('{Enter}');
      expect((await within(form).findByRole('alert')).textContent).toBe(
        'Not published: this article has changes that are not saved. Save draft and submit them for review first.',
      );
      expect(changes(server.calls)).toHaveLength(before);
      // Nor dropped without asking: Back asks, and Escape keeps editing.
      await tabTo(user, within(form).getByRole('button', { name: 'Back to the articles' }));
      await user.keyboard('{Enter}');
      const leave = await screen.findByRole('dialog', { name: 'Unsaved changes' });
      expect(document.activeElement).toBe(
        within(leave).getByRole('button', { name: 'Keep editing' }),
      );
      await expectNoAxeViolations(leave);
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(title).toHaveProperty('value', 'Printer shows offline after an update');

      await tabTo(user, within(form).getByRole('button', { name: 'Submit for review' }));
      await user.keyboard('{Enter}');
      await within(form).findByText(/^Submitted for review/);
      await tabTo(user, within(form).getByRole('button', { name: 'Publish' }));
      await user.keyboard('{Enter}');
      await within(form).findByText(/^Published revision 1/);

      // An edit of a published article is the next revision; desks keep revision 1.
      await tabTo(user, within(form).getByRole('textbox', { name: 'Keywords' }));
      await user.keyboard('spooler{Enter}');
      await within(form).findByText(
        'Saved as revision 2, a draft: desks keep revision 1 until this one is published.',
      );
      expect(
        within(form).getByText(/^State: Draft · desks have revision 1 · revision 2/),
      ).toBeDefined();
      const rows = within(screen.getByRole('table', { name: 'Revisions' })).getAllByRole('row');
      expect(rows.map((r) => r.querySelector('td')?.textContent ?? null)).toEqual([
        null,
        '2',
        '1 (on the desks)',
      ]);

      await tabTo(user, within(form).getByRole('button', { name: 'Retire' }));
      await user.keyboard('{Enter}');
      await within(form).findByText(
        'Retired: desks stop suggesting it at their next directory sync. Its revisions are kept.',
      );
      expect(within(form).queryByRole('button', { name: 'Retire' })).toBeNull();
    },
    STORE_TEST_TIMEOUT_MS,
  );
});
