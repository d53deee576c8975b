// The Knowledge editor's form values and the article they make: keywords typed as one line split at
// commas, an empty Valid until as none. Checks them with the shared schema the server uses, by field.
// Pure; never calls the store host.

import {
  KnowledgeArticle,
  KNOWLEDGE_STATE_LABELS,
  type KnowledgeState,
} from '../../../shared/domain/knowledge';
import type { KnowledgeAdminView } from '../../../shared/admin/knowledge';

export interface ArticleDraft {
  id: string;
  title: string;
  body: string;
  /** As typed: "toner, streaks". */
  keywords: string;
  ciClasses: readonly string[];
  /** YYYY-MM-DD, or '' for none. */
  validUntil: string;
}

export const emptyDraft = (id: string): ArticleDraft => ({
  id,
  title: '',
  body: '',
  keywords: '',
  ciClasses: [],
  validUntil: '',
});

export const draftOf = (article: KnowledgeArticle): ArticleDraft => ({
  id: article.id,
  title: article.title,
  body: article.body,
  keywords: article.keywords.join(', '),
  ciClasses: article.ciClasses,
  validUntil: article.validUntil ?? '',
});

export const articleOf = (draft: ArticleDraft): KnowledgeArticle => ({
  id: draft.id,
  title: draft.title,
  body: draft.body,
  keywords: draft.keywords
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean),
  ciClasses: [...draft.ciClasses],
  validUntil: draft.validUntil.trim() === '' ? null : draft.validUntil.trim(),
});

export type ArticleCheck = { ok: true } | { ok: false; fieldErrors: Record<string, string> };

/** The first problem of each field (`keywords.2` is the Keywords field's), as the server says them. */
export function checkDraft(draft: ArticleDraft): ArticleCheck {
  const parsed = KnowledgeArticle.safeParse(articleOf(draft));
  if (parsed.success) return { ok: true };
  return { ok: false, fieldErrors: byField(parsed.error.issues) };
}

export function byField(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? '_')] ??= issue.message;
  return fields;
}

/** Field errors the store host or server named by path (`keywords.0`), by field. */
export const topLevel = (errors: Record<string, string> | undefined): Record<string, string> =>
  byField(
    Object.entries(errors ?? {}).map(([path, message]) => ({ path: path.split('.'), message })),
  );

/** "Published, revision 2 in draft" — what the editor and the list say of an article's state. */
export function stateText(
  state: KnowledgeState,
  revision: number,
  publishedRevision: number | null,
): string {
  const label = KNOWLEDGE_STATE_LABELS[state];
  if (publishedRevision === null || publishedRevision === revision) return label;
  return `${label} · desks have revision ${publishedRevision}`;
}

/** What Save draft did, in words, from the state before and the view after. */
export function savedText(before: KnowledgeAdminView | null, after: KnowledgeAdminView): string {
  if (!before) return `Saved as a draft (revision ${after.revision}).`;
  if (after.revision > before.revision)
    return after.publishedRevision === null
      ? `Saved as revision ${after.revision}, a draft.`
      : `Saved as revision ${after.revision}, a draft: desks keep revision ${after.publishedRevision} until this one is published.`;
  if (before.state === 'in-review')
    return 'Draft saved: it went back to draft, so submit it for review again.';
  return 'Draft saved.';
}
