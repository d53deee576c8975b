// Knowledge administration's contract: the operations technicians and administrators use to write,
// submit for review, publish and retire articles, and the list and view the Knowledge page shows.
// Schemas only; never stores.

import { z } from 'zod';
import { Id } from '../domain/directory';
import { KnowledgeArticle, KnowledgeState } from '../domain/knowledge';
import { adminOperation } from './operation';

export const KnowledgeListInput = z.strictObject({
  query: z.string().max(100).default(''),
  state: KnowledgeState.optional(),
});

/** An Outdated flag's comment, for the author: which revision, who, when. */
export const OutdatedComment = z.object({
  revision: z.number().int(),
  agentName: z.string(),
  comment: z.string(),
  at: z.string(),
});
export type OutdatedComment = z.infer<typeof OutdatedComment>;

/** How many comments an article's feedback carries: the latest first. */
export const OUTDATED_COMMENTS_SHOWN = 5;

/**
 * What agents made of an article: each agent's current verdict counted (one per agent and
 * revision), the latest Outdated comments, and the interactions closed with "Resolved with this".
 */
export const ArticleFeedback = z.object({
  helpful: z.number().int(),
  notHelpful: z.number().int(),
  outdated: z.number().int(),
  outdatedComments: z.array(OutdatedComment),
  resolutions: z.number().int(),
});
export type ArticleFeedback = z.infer<typeof ArticleFeedback>;

export const KnowledgeSummary = z.object({
  id: Id,
  title: z.string(),
  state: KnowledgeState,
  revision: z.number().int(),
  publishedRevision: z.number().int().nullable(),
  /** The newest revision's Valid until (YYYY-MM-DD), or null. */
  validUntil: z.string().nullable(),
  updatedAt: z.string(),
  /** Over every revision. */
  feedback: ArticleFeedback,
});
export type KnowledgeSummary = z.infer<typeof KnowledgeSummary>;

/** One kept revision: who wrote it, when it went for review and when it was published. */
export const KnowledgeRevision = z.object({
  revision: z.number().int(),
  title: z.string(),
  authorName: z.string(),
  savedAt: z.string(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** What agents made of this revision. */
  feedback: ArticleFeedback,
});
export type KnowledgeRevision = z.infer<typeof KnowledgeRevision>;

export const KnowledgeAdminView = z.object({
  state: KnowledgeState,
  /** The newest revision's content: what the editor shows. */
  article: KnowledgeArticle,
  revision: z.number().int(),
  publishedRevision: z.number().int().nullable(),
  /** Newest first. */
  revisions: z.array(KnowledgeRevision),
  /** Over every revision. */
  feedback: ArticleFeedback,
});
export type KnowledgeAdminView = z.infer<typeof KnowledgeAdminView>;

const ById = z.strictObject({ id: Id });

export const KNOWLEDGE_OPERATIONS = {
  'knowledge.list': adminOperation(
    'knowledge.list',
    KnowledgeListInput,
    z.object({ articles: z.array(KnowledgeSummary) }),
  ),
  'knowledge.get': adminOperation('knowledge.get', ById, KnowledgeAdminView),
  /** The configuration item classes the directory knows (active items), for an article to apply to. */
  'knowledge.classes': adminOperation(
    'knowledge.classes',
    z.strictObject({}),
    z.object({ classes: z.array(z.string()) }),
  ),
  /** A new article is a draft; a draft is edited in place; a submitted, published or retired one gets a new draft revision. */
  'knowledge.save': adminOperation('knowledge.save', KnowledgeArticle, KnowledgeAdminView),
  'knowledge.submit': adminOperation('knowledge.submit', ById, KnowledgeAdminView),
  'knowledge.publish': adminOperation('knowledge.publish', ById, KnowledgeAdminView),
  'knowledge.retire': adminOperation('knowledge.retire', ById, KnowledgeAdminView),
} as const;
