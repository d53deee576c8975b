// Article search ranking on a fixed corpus: what the agent types → the articles expected on top,
// the Component's class first, expired articles never; and the 5,000-article keystroke figure.

import { describe, expect, it } from 'vitest';
import type { PublishedArticle } from '../../shared/domain/knowledge';
import { BENCH_ARTICLE_TEXT, benchArticles } from '../../shared/domain/testing/bench-articles';
import { KnowledgeIndex } from './knowledge-index';

const article = (
  id: string,
  title: string,
  body: string,
  more: Partial<PublishedArticle> = {},
): PublishedArticle => ({
  id,
  title,
  body,
  keywords: [],
  ciClasses: [],
  validUntil: null,
  revision: 1,
  publishedAt: '2026-11-01T09:00:00.000Z',
  ...more,
});

const CORPUS: PublishedArticle[] = [
  article(
    'kb-printer-queue',
    'Printer shows offline: clear the print queue',
    'Open **Devices and printers**, right-click the printer, *See what is printing*, cancel all documents.',
    { keywords: ['spooler', 'stuck job'], ciClasses: ['Printer'] },
  ),
  article(
    'kb-printer-jam',
    'Paper jam on floor printers',
    'Open tray 2, pull the sheet towards you; never use scissors.',
    { keywords: ['printer', 'tray'], ciClasses: ['Printer'] },
  ),
  article(
    'kb-vpn',
    'VPN drops every hour',
    'Update the VPN client to 5.2; the old one renews its lease badly. A printer at home is not affected.',
    { keywords: ['remote', 'tunnel'], ciClasses: ['Network'] },
  ),
  article(
    'kb-password',
    'Reset your password',
    'Use the self service page; lockouts clear after 15 minutes.',
    {
      keywords: ['locked out', 'account'],
    },
  ),
  article(
    'kb-outlook',
    'Outlook will not open',
    'Start Outlook in safe mode and disable add-ins. Printing from Outlook is covered elsewhere.',
    { keywords: ['mail', 'email'], ciClasses: ['Application'] },
  ),
  article('kb-old-printer', 'Printer driver for the 2019 fleet', 'Install driver 3.1.', {
    keywords: ['printer'],
    ciClasses: ['Printer'],
    validUntil: '2026-06-30',
  }),
  article(
    'kb-toner',
    'Ordering toner',
    'Toner for any printer is ordered from the catalog, not by the service desk.',
    { keywords: ['cartridge', 'ink'], ciClasses: ['Printer'] },
  ),
  article('kb-slow-laptop', 'Slow laptop after the update', 'Restart twice.', {
    ciClasses: ['Computer'],
  }),
  article('kb-slow-network', 'Slow network after the update', 'Move closer to the access point.', {
    ciClasses: ['Network'],
  }),
];

const index = () => {
  const knowledge = new KnowledgeIndex(() => '2026-12-04');
  knowledge.replaceAll(CORPUS);
  return knowledge;
};
const ids = (knowledge: KnowledgeIndex, text: string, ciClass?: string) =>
  knowledge.suggest({ text, ciClass }).map((s) => s.id);

describe('knowledge article suggestions', () => {
  it('ranks a word in the title above a keyword above the body', () => {
    // Both titles say printer; the jam article has it as a keyword too; toner only in its body.
    expect(ids(index(), 'printer')).toEqual(['kb-printer-jam', 'kb-printer-queue', 'kb-toner']);
    expect(ids(index(), 'tunnel')).toEqual(['kb-vpn']);
    expect(ids(index(), 'paper jam')[0]).toBe('kb-printer-jam');
  });

  it('suggests as the agent types, half-typed last word included', () => {
    expect(ids(index(), 'pri')[0]).toBe('kb-printer-queue');
    expect(ids(index(), 'my printer is offl')[0]).toBe('kb-printer-queue');
    expect(ids(index(), 'locked ou')[0]).toBe('kb-password');
    expect(ids(index(), 'outlok')[0]).toBe('kb-outlook');
    expect(ids(index(), 'p')).toEqual([]);
    expect(ids(index(), 'the and is not')).toEqual([]);
  });

  it('puts the articles for the Component’s class first', () => {
    expect(ids(index(), 'hour')[0]).toBe('kb-vpn');
    expect(ids(index(), 'running slow', 'Computer')).toEqual(['kb-slow-laptop', 'kb-slow-network']);
    expect(ids(index(), 'running slow', 'Network')).toEqual(['kb-slow-network', 'kb-slow-laptop']);
    // A Component picked before anything is typed: its class's articles, expired ones never.
    expect(ids(index(), '', 'Printer')).toEqual(['kb-printer-jam', 'kb-printer-queue', 'kb-toner']);
    // The class orders close matches; it never lifts a body mention over a title.
    expect(ids(index(), 'printer', 'Network')[0]).toBe('kb-printer-jam');
  });

  it('never offers an article past its valid-until date, and forgets retired ones', () => {
    const knowledge = index();
    expect(ids(knowledge, 'driver')).toEqual([]);
    knowledge.remove('kb-printer-queue');
    expect(ids(knowledge, 'printer')).not.toContain('kb-printer-queue');
    knowledge.put({ ...CORPUS[0]!, title: 'Printer offline after the update', revision: 2 });
    expect(knowledge.suggest({ text: 'printer offline' })[0]).toMatchObject({
      id: 'kb-printer-queue',
      title: 'Printer offline after the update',
      revision: 2,
    });
  });

  it('answers each keystroke over 5,000 articles in a few ms at the 95th percentile', () => {
    const knowledge = new KnowledgeIndex(() => '2026-12-04');
    const articles = benchArticles(5000);
    knowledge.replaceAll(articles);
    const typed = BENCH_ARTICLE_TEXT;
    const times: number[] = [];
    for (let round = 0; round < 3; round++)
      for (let end = 1; end <= typed.length; end++) {
        const start = performance.now();
        knowledge.suggest({ text: typed.slice(0, end), ciClass: 'Printer' });
        times.push(performance.now() - start);
      }
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)]!;
    console.info(
      `knowledge.suggest over 5,000 articles: p95 ${p95.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`,
    );
    // The target is 30 ms from keystroke to suggestions shown; this index answers in 9–17
    // ms on a quiet 2-core machine. The bound here is looser because the whole suite shares those
    // cores: it catches a search that went linear, not a busy neighbour.
    expect(p95).toBeLessThanOrEqual(60);
  });
});
