// A large published knowledge base for speed figures: `count` articles over 8 topics × 8 symptoms,
// each with a title, keywords, a class and a body of about a hundred words. Deterministic.

import type { PublishedArticle } from '../knowledge';

const TOPICS = ['printer', 'vpn', 'laptop', 'monitor', 'outlook', 'badge', 'phone', 'wifi'];
const SYMPTOMS = ['offline', 'slow', 'broken', 'locked', 'missing', 'noisy', 'frozen', 'blank'];

/** What an agent types for a printer that is offline: the text the speed figures type key by key. */
export const BENCH_ARTICLE_TEXT = 'my printer is offline on floor 3 since monday';

export function benchArticles(count: number): PublishedArticle[] {
  return Array.from({ length: count }, (_, n) => {
    const topic = TOPICS[n % TOPICS.length] ?? 'printer';
    const symptom = SYMPTOMS[(n >> 3) % SYMPTOMS.length] ?? 'offline';
    return {
      id: `kb-${n}`,
      title: `${topic} ${symptom} on floor ${n % 40} case ${n}`,
      body: `Steps for a ${symptom} ${topic}: check cable ${n % 17}, restart, then call team ${n % 23}. `.repeat(
        6,
      ),
      keywords: [topic, symptom, `site${n % 50}`],
      ciClasses: [n % 2 ? 'Printer' : 'Computer'],
      validUntil: null,
      revision: 1,
      publishedAt: '2026-11-01T09:00:00.000Z',
    };
  });
}
