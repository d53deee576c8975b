// The dashboard's resolutions by knowledge article as a chart's table (bars: resolutions), with
// the share of all closed interactions and the agents' verdicts beside. Pure; never fetches.

import type { ArticleResolutions } from '../../shared/domain/article-figures';
import type { ChartTable } from './dashboard-data';

/** The most articles a chart shows; the CSV of the table is the whole list too. */
export const ARTICLES_SHOWN = 10;

const percent = (share: number | null): number | null =>
  share === null ? null : Math.round(share * 1000) / 10;

export function articleTable({ closed, articles }: ArticleResolutions): ChartTable {
  const top = articles.slice(0, ARTICLES_SHOWN);
  const best = top[0];
  return {
    id: 'articles',
    title: 'Resolutions by article',
    description:
      `Interactions closed with "Resolved with this", by knowledge article, of ${closed} closed in the period. ` +
      (best
        ? `The most used is ${best.title} with ${best.resolutions}.`
        : 'No interaction was resolved with an article in the period.'),
    columns: ['Article', 'Resolutions', 'Share of closed (%)', 'Helpful', 'Not helpful'],
    rows: top.map((a) => ({
      label: `${a.title} (revision ${a.revisions.join(', ')})`,
      values: [a.resolutions, percent(a.share), a.helpful, a.notHelpful],
    })),
    unit: 'count',
  };
}
