// The published knowledge articles a desk holds, searched offline as the agent types: an in-memory
// MiniSearch index ranked title > keywords > body, articles for the Component's class first,
// expired articles never. Owns the index and its ranking; never reads or writes the database.

import MiniSearch, { type SearchResult } from 'minisearch';
import type { PublishedArticle } from '../../shared/domain/knowledge';
import { foldText } from '../../shared/domain/search-text';
import type { ArticleSuggestion } from '../../shared/store-api/knowledge-contract';

export interface KnowledgeQuery {
  /** What the agent typed (the Short description); the last word may be half typed. */
  text: string;
  /** The class of the Component picked on the form, if any. */
  ciClass?: string | null;
  limit?: number;
}

/** Words that say nothing about the problem: "my printer is not printing" searches printer, printing. */
const STOP_WORDS = new Set(
  'a an and are as at be but by can cannot do does for from has have i in is it its me my no not of on or our please the their there this to was we when will with won wont you your'.split(
    ' ',
  ),
);

/** The field weights: a word in the title says more than a keyword, a keyword more than the body. */
export const KNOWLEDGE_BOOST = { title: 4, keywords: 2.5, body: 1 } as const;
/** How much an article written for the Component's class counts over one that is not. */
export const CI_CLASS_BOOST = 1.6;

const tokenize = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u);

const processTerm = (term: string): string | null => {
  const folded = foldText(term);
  return folded.length < 2 || STOP_WORDS.has(folded) ? null : folded;
};

interface IndexedArticle {
  id: string;
  title: string;
  keywords: string;
  body: string;
}

export class KnowledgeIndex {
  readonly #articles = new Map<string, PublishedArticle>();
  readonly #search = new MiniSearch<IndexedArticle>({
    fields: ['title', 'keywords', 'body'],
    tokenize,
    processTerm,
  });

  /** `today` is the desk's calendar date (YYYY-MM-DD): an article valid until yesterday is not offered. */
  readonly #today: () => string;

  constructor(today: () => string) {
    this.#today = today;
  }

  get size(): number {
    return this.#articles.size;
  }

  get(id: string): PublishedArticle | undefined {
    return this.#articles.get(id);
  }

  replaceAll(articles: Iterable<PublishedArticle>): void {
    this.#articles.clear();
    this.#search.removeAll();
    for (const article of articles) this.put(article);
  }

  /** Adds or replaces an article (a newer published revision). */
  put(article: PublishedArticle): void {
    this.remove(article.id);
    this.#articles.set(article.id, article);
    this.#search.add({
      id: article.id,
      title: article.title,
      keywords: article.keywords.join(' '),
      body: article.body,
    });
  }

  remove(id: string): void {
    if (!this.#articles.delete(id)) return;
    this.#search.discard(id);
  }

  /** The best articles for what was typed, best first; nothing for fewer than two letters. */
  suggest(query: KnowledgeQuery): ArticleSuggestion[] {
    const text = query.text.trim();
    const today = this.#today();
    const ciClass = query.ciClass ? foldText(query.ciClass) : null;
    const limit = query.limit ?? 3;
    if (text.length < 2) return ciClass ? this.#forClass(ciClass, today, limit) : [];
    const words = tokenize(text).filter((word) => word !== '');
    const last = words.at(-1) ?? '';
    // A half-typed last word matches as a prefix ("print" → printer); a finished one does too,
    // so "printer" also finds "printers". Longer words forgive one slip.
    const results: SearchResult[] = this.#search.search(text, {
      boost: KNOWLEDGE_BOOST,
      combineWith: 'OR',
      prefix: (term) => term.length >= 3 || term === foldText(last),
      fuzzy: (term) => (term.length >= 6 ? 1 : false),
      weights: { fuzzy: 0.3, prefix: 0.6 },
      boostDocument: (id) => {
        const article = this.#articles.get(String(id));
        if (!article) return 0;
        if (article.validUntil !== null && article.validUntil < today) return 0;
        if (ciClass && article.ciClasses.some((c) => foldText(c) === ciClass))
          return CI_CLASS_BOOST;
        return 1;
      },
    });
    const found: ArticleSuggestion[] = [];
    for (const result of results) {
      if (result.score <= 0) continue;
      const article = this.#articles.get(String(result.id));
      if (!article) continue;
      found.push({
        id: article.id,
        title: article.title,
        revision: article.revision,
        score: result.score,
      });
      if (found.length === limit) break;
    }
    return found;
  }

  /** Nothing typed yet but a Component picked: the articles for its class, newest first. */
  #forClass(ciClass: string, today: string, limit: number): ArticleSuggestion[] {
    return [...this.#articles.values()]
      .filter(
        (a) =>
          (a.validUntil === null || a.validUntil >= today) &&
          a.ciClasses.some((c) => foldText(c) === ciClass),
      )
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map((a) => ({ id: a.id, title: a.title, revision: a.revision, score: 0 }));
  }
}
