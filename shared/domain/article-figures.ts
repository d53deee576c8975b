// The dashboard's resolutions by knowledge article (issue 16 item 4; ADR 0015's filter): of the
// interactions closed in the period, how many were closed with each article ("Resolved with
// this"), their share of all closed, and the agents' verdicts given in the period. Pure.

import type { ArticleRating } from './article-rating';
import type { DeskFigures, FigureFilter } from './desk-figures';
import { CLOSED_STATES, type Interaction } from './interaction';

export interface ArticleResolutionRow {
  id: string;
  title: string;
  /** The revisions the interactions were resolved with, ascending. */
  revisions: number[];
  resolutions: number;
  /** resolutions / every interaction closed in the period (either closed state); null when none. */
  share: number | null;
  /** Current verdicts given in the period (one per agent and revision). */
  helpful: number;
  notHelpful: number;
}

export interface ArticleResolutions {
  /** Interactions closed in the period, Closed Complete or Closed Abandoned. */
  closed: number;
  /** Most resolutions first, then by title and id. */
  articles: ArticleResolutionRow[];
}

/** What GET /api/v1/reports answers: the desk figures and the resolutions by article. */
export type DashboardFigures = DeskFigures & { articles?: ArticleResolutions };

export const ARTICLE_FIGURE_HELP = {
  title: 'Resolutions by article',
  definition:
    'Of the interactions closed in the period (by Closed, filtered by location, queue, channel and ' +
    'agent as Volume is), those closed Closed Complete with "Resolved with this", by article: how ' +
    'many, in which revisions, their share of every interaction closed in the period, and the ' +
    'Helpful and Not helpful verdicts agents gave it in the period (each agent’s latest per revision).',
} as const;

const inPeriod = (at: string | null | undefined, f: Pick<FigureFilter, 'from' | 'to'>): boolean =>
  typeof at === 'string' &&
  Date.parse(at) >= Date.parse(f.from) &&
  Date.parse(at) < Date.parse(f.to);

/**
 * The definition over records: `closed` are the interactions that pass the filter's dimensions
 * (the caller applies them, as every figure's records do); `titles` names the articles.
 */
export function articleResolutions(
  interactions: readonly Pick<Interaction, 'state' | 'closedAt' | 'resolvedWith' | 'openedBy'>[],
  ratings: readonly ArticleRating[],
  titles: ReadonlyMap<string, string>,
  f: Pick<FigureFilter, 'from' | 'to' | 'agent'>,
): ArticleResolutions {
  const closed = interactions.filter(
    (i) => (CLOSED_STATES as readonly string[]).includes(i.state) && inPeriod(i.closedAt, f),
  );
  const rows = new Map<string, ArticleResolutionRow>();
  for (const i of closed) {
    if (i.state !== 'Closed Complete' || !i.resolvedWith) continue;
    const { id, revision } = i.resolvedWith;
    const row = rows.get(id) ?? {
      id,
      title: titles.get(id) ?? id,
      revisions: [],
      resolutions: 0,
      share: null,
      helpful: 0,
      notHelpful: 0,
    };
    row.resolutions += 1;
    if (!row.revisions.includes(revision)) row.revisions.push(revision);
    rows.set(id, row);
  }
  for (const r of ratings) {
    const row = rows.get(r.article);
    if (!row || !inPeriod(r.at, f) || (f.agent !== undefined && r.agent !== f.agent)) continue;
    if (r.verdict === 'helpful') row.helpful += 1;
    else if (r.verdict === 'not-helpful') row.notHelpful += 1;
  }
  const articles = [...rows.values()].map((row) => ({
    ...row,
    revisions: [...row.revisions].sort((a, b) => a - b),
    share: closed.length === 0 ? null : row.resolutions / closed.length,
  }));
  articles.sort(
    (a, b) =>
      b.resolutions - a.resolutions ||
      a.title.localeCompare(b.title) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { closed: closed.length, articles };
}
