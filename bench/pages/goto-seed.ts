// Seeds a desk database as a busy desk holds it for the Go to anything figure: the demo directory's
// callers, N interactions, incidents and requests with real short descriptions, written through the
// real schema (the app reads its record index from it when it opens); answers the texts an agent
// would type.

import { generateDirectory } from '../../shared/demo/directory-generator';
import { generateIncidents } from '../../shared/demo/incident-generator';
import { generateCatalog } from '../../shared/demo/catalog-generator';
import { interaction } from '../../shared/domain/testing/desk-records';
import { BENCH_ARTICLE_TEXT, benchArticles } from '../../shared/domain/testing/bench-articles';
import type { Request } from '../../shared/domain/request';
import { createDeskDb } from '../../electron/store/db';

export interface GoToSeedOptions {
  dbName: string;
  users: number;
  interactions: number;
  incidents: number;
  requests: number;
  /** Texts to type, of each kind (numbers, callers, words). */
  queries: number;
  /** Published knowledge articles the desk holds (the suggestions beside the form). */
  articles: number;
}

export interface GoToSeedResult {
  seedMs: number;
  records: number;
  /** Typed into Short description key by key for the knowledge suggestions' figure. */
  articleText: string;
  queries: { kind: 'number' | 'caller' | 'words'; text: string }[];
}

const CHUNK = 2000;
const DAY_MS = 86_400_000;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seed(o: GoToSeedOptions): Promise<GoToSeedResult> {
  const started = performance.now();
  const random = mulberry32(16);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const directory = generateDirectory({ users: o.users, seed: 1 });
  const callers = directory.users.filter((u) => u.roles.length === 0);
  const incidents = generateIncidents(directory, { count: o.incidents, firstNumber: 100_001 });
  const phrases = incidents.map((i) => i.shortDescription);
  const now = Date.now();
  const when = (i: number, n: number) =>
    new Date(now - Math.floor(((n - i) / n) * 60 * DAY_MS)).toISOString();
  const interactions = Array.from({ length: o.interactions }, (_, i) => {
    const at = when(i, o.interactions);
    return interaction(`bench-ims-${i}`, {
      number: `IMS${String(200_001 + i).padStart(7, '0')}`,
      openedFor: pick(callers).id,
      shortDescription: pick(phrases),
      type: pick(['Phone', 'Walk-in', 'Email', 'Chat'] as const),
      state: random() < 0.8 ? 'Closed Complete' : 'Work in Progress',
      openedAt: at,
      updatedAt: at,
    });
  });
  const catalog = generateCatalog();
  const requests: Request[] = Array.from({ length: o.requests }, (_, i) => {
    const item = pick(catalog);
    const at = when(i, o.requests);
    return {
      id: `bench-req-${i}`,
      number: `REQ${String(300_001 + i).padStart(7, '0')}`,
      numberProvisional: false,
      requestedFor: pick(callers).id,
      catalogItem: item.id,
      shortDescription: item.name,
      answers: {},
      assignmentGroup: null,
      assignedTo: null,
      state: random() < 0.7 ? 'Closed Complete' : 'Open',
      closeNotes: null,
      relatedInteractions: [],
      workNotes: [],
      openedAt: at,
      openedBy: 'bench',
      closedAt: null,
      closedBy: null,
      updatedAt: at,
      updatedBy: 'bench',
    };
  });
  const db = createDeskDb({ name: o.dbName });
  await db.open();
  const put = async <T>(table: { bulkPut(rows: T[]): Promise<unknown> }, rows: T[]) => {
    for (let i = 0; i < rows.length; i += CHUNK) await table.bulkPut(rows.slice(i, i + CHUNK));
  };
  await put(db.interactions, interactions);
  await put(db.incidents, incidents);
  await put(db.requests, requests);
  await put(db.knowledgeArticles, benchArticles(o.articles));
  db.close();

  // What agents type: a number as the caller reads it, a caller's name, two words of a problem.
  const all = [...interactions, ...incidents, ...requests];
  const queries: GoToSeedResult['queries'] = [];
  for (let i = 0; i < o.queries; i++) {
    queries.push({ kind: 'number', text: pick(all).number });
    const caller = pick(callers);
    queries.push({ kind: 'caller', text: `${caller.firstName} ${caller.lastName}` });
    const words = pick(phrases)
      .split(/\s+/)
      .filter((w) => w.length > 2);
    queries.push({ kind: 'words', text: words.slice(0, 2).join(' ').toLowerCase() });
  }
  return {
    seedMs: performance.now() - started,
    records: all.length,
    articleText: BENCH_ARTICLE_TEXT,
    queries,
  };
}

window.deskpadGoTo = { seed };
document.title = 'Deskpad bench: Go to anything';
