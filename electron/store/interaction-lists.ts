// The interactions the record index lists (record-index.ts), read by id in chunks until enough
// match: the agent's own, opened or closed since a moment (My day, the known and recent callers,
// the templates' use), the open ones by state and the closed ones (the interaction lists); the calls
// it lists by ring time (the call log, the agent's day), the visits by check-in and last change
// (the walk-up queue's latest, the agent's day) and the incidents by state and caller (the task
// lists, User's Tasks). IndexedDB keeps no index for these,
// which every record would pay for (ADR 0020). A live query that reads them is answered again when
// the index says they moved (`followInteractionLists`): Dexie sees only the ids it read.

import type { RecordTypes } from '../../shared/commands/record-set';
import type { Interaction } from '../../shared/domain/interaction';
import type { QueryName } from '../../shared/store-api/contract';
import type { DeskDb } from './db';
import type { LiveQueries } from './live-queries';
import type { AgentSide, RecordIndex } from './record-index';
import { recordIndexOf } from './record-index-upkeep';
import { getInteractions } from './interaction-packs';
import { readViews } from './sync/synced-records';

/** Ids read by one bulkGet while looking for `limit` matches. */
const CHUNK = 200;

export interface ListedOptions {
  /** At most this many; all when absent. */
  limit?: number;
  /** Only those that match. */
  where?: (interaction: Interaction) => boolean;
}

/** The interactions of one of the index's lists, in its order, at most `limit` that match. */
export async function listedInteractions(
  db: DeskDb,
  list: (index: RecordIndex) => readonly string[],
  { limit = Infinity, where }: ListedOptions = {},
): Promise<Interaction[]> {
  const index = recordIndexOf(db);
  await index.ready();
  const ids = list(index.index);
  const found: Interaction[] = [];
  for (let from = 0; from < ids.length && found.length < limit; from += CHUNK) {
    for (const record of await getInteractions(db, ids.slice(from, from + CHUNK))) {
      if (record === undefined || (where !== undefined && !where(record))) continue;
      found.push(record);
      if (found.length >= limit) break;
    }
  }
  return found;
}

/** The calls, visits or incidents of one of the index's lists, in its order. */
export async function listedRecords<K extends 'call' | 'visit' | 'incident'>(
  db: DeskDb,
  kind: K,
  list: (index: RecordIndex) => readonly string[],
): Promise<RecordTypes[K][]> {
  const index = recordIndexOf(db);
  await index.ready();
  const found = await readViews(db, kind, list(index.index));
  return found.filter((record): record is RecordTypes[K] => record !== undefined);
}

/** The interactions `agentId` opened (or closed) at or after `since` (ISO; all when absent), newest first. */
export function agentInteractions(
  db: DeskDb,
  side: AgentSide,
  agentId: string,
  { since = '', ...options }: ListedOptions & { since?: string } = {},
): Promise<Interaction[]> {
  return listedInteractions(db, (index) => index.agentInteractions(side, agentId, since), options);
}

/** The queries that read the agent's own interactions here. */
export const AGENT_WORK_QUERIES: readonly QueryName[] = [
  'figures.agentToday',
  'template.list',
  'directory.recentCallers',
  'directory.searchUsers',
  'directory.searchUsersAhead',
];

/**
 * Refreshes the interaction lists whenever the record index says interactions moved, the queries of
 * the agent's own work when the session's agent's did, and the lists of calls, visits or incidents
 * when those did.
 */
export function followInteractionLists(
  db: DeskDb,
  session: { readonly agentId: string },
  live: Pick<LiveQueries, 'refresh'>,
): void {
  recordIndexOf(db).onInteractionsChanged((agents) => {
    // A caller's history and an incoming call's open records are read through it too, the calls'
    // interaction numbers, and which interactions Callbacks due looks at (the open ones).
    live.refresh(
      'interaction.list',
      'interaction.listForUser',
      'call.incoming',
      'call.log',
      'call.get',
      'incident.callbacksDue',
    );
    if (agents.has(session.agentId)) live.refresh(...AGENT_WORK_QUERIES);
  });
  recordIndexOf(db).onListsMoved((kinds) => {
    if (kinds.has('call')) live.refresh('call.log', 'figures.agentToday');
    if (kinds.has('visit')) live.refresh('walkUp.queue', 'figures.agentToday');
    if (kinds.has('incident'))
      live.refresh('incident.list', 'incident.callbacksDue', 'task.listForUser', 'call.incoming');
  });
}
