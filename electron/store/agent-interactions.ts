// The agent's own interactions, newest first, as the record index lists them (record-index.ts):
// those the agent opened, or closed, since a moment, read by id in chunks until enough match. My
// day, the known and recent callers and the template uses read them; IndexedDB keeps no index of
// who opened or closed what, which every other agent's interactions would pay for (ADR 0020).
// A live query that reads them is answered again when the index says the agent's work changed
// (`followAgentWork`): Dexie does not see what they read.

import type { Interaction } from '../../shared/domain/interaction';
import type { QueryName } from '../../shared/store-api/contract';
import type { DeskDb } from './db';
import type { LiveQueries } from './live-queries';
import type { AgentSide } from './record-index';
import { recordIndexOf } from './record-index-upkeep';

/** Ids read by one bulkGet while looking for `limit` matches. */
const CHUNK = 200;

export interface AgentInteractionsOptions {
  /** The earliest opening (or closing) wanted, ISO; all when absent. */
  since?: string;
  /** At most this many; all when absent. */
  limit?: number;
  /** Only those that match. */
  where?: (interaction: Interaction) => boolean;
}

export async function agentInteractions(
  db: DeskDb,
  side: AgentSide,
  agentId: string,
  { since = '', limit = Infinity, where }: AgentInteractionsOptions = {},
): Promise<Interaction[]> {
  const index = recordIndexOf(db);
  await index.ready();
  const ids = index.index.agentInteractions(side, agentId, since);
  const found: Interaction[] = [];
  for (let from = 0; from < ids.length && found.length < limit; from += CHUNK) {
    for (const record of await db.interactions.bulkGet(ids.slice(from, from + CHUNK))) {
      if (record === undefined || (where !== undefined && !where(record))) continue;
      found.push(record);
      if (found.length >= limit) break;
    }
  }
  return found;
}

/** The queries that read the agent's own interactions here. */
export const AGENT_WORK_QUERIES: readonly QueryName[] = [
  'figures.agentToday',
  'template.list',
  'directory.recentCallers',
  'directory.searchUsers',
  'directory.searchUsersAhead',
];

/** Refreshes those queries whenever the record index says the session's agent's work changed. */
export function followAgentWork(
  db: DeskDb,
  session: { readonly agentId: string },
  live: Pick<LiveQueries, 'refresh'>,
): void {
  recordIndexOf(db).onAgentsChanged((agents) => {
    if (agents.has(session.agentId)) live.refresh(...AGENT_WORK_QUERIES);
  });
}
