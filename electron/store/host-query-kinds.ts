// How the store host treats some queries by name: those answered from its own state (they do not
// wait for the directory, and a change of that state refreshes them), and those held while a sync
// catches up (LiveQueries.hold). Names only; the queries themselves live with their handlers.

import type { QueryName } from '../../shared/store-api/contract';

/** Queries whose answer depends on host state that IndexedDB does not see change. */
export const HOST_STATE_QUERIES: ReadonlySet<QueryName> = new Set([
  'sync.status',
  'directory.status',
  'session.state',
  'sync.needsAttention',
  'sync.details',
]);

/**
 * The whole-desk lists and figures, and the agent's templates with their use: while a sync catches
 * up (a desk back after days offline) they answer every couple of seconds, or less often when
 * their answers are costly, instead of after each page it stores (LiveQueries.hold). A form's
 * record, the sync status, the walk-up queue and an incoming call stay live.
 */
export const HELD_WHILE_CATCHING_UP: readonly QueryName[] = [
  'figures.agentToday',
  'incident.callbacksDue',
  'incident.list',
  'request.list',
  'interaction.list',
  'interaction.listForUser',
  'task.listForUser',
  'call.log',
  'directory.recentCallers',
  'template.list',
];
