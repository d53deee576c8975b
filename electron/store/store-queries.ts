// Answers one validated query from IndexedDB and the in-memory directory. Runs inside Dexie's
// liveQuery, so it awaits nothing but Dexie calls (anything else would hide what it read); what the
// record index lists (interaction-lists.ts) is the exception, answered again when the index moves.

import type { CommandKind } from '../../shared/commands/command-module';
import { lookaheadOf } from '../../shared/domain/lookahead';
import {
  OPEN_STATES,
  isClosed,
  type Interaction,
  type OpenState,
} from '../../shared/domain/interaction';
import type { UserHit } from '../../shared/domain/directory';
import { fail, ok, type StoreResult } from '../../shared/domain/result';
import {
  primaryKindOf,
  recordsOfEntry,
  type RecordKind,
  type RecordRef,
} from '../../shared/store-api/apply-command';
import {
  isCommandName,
  type DirectoryStatus,
  type NeedsAttentionItem,
  type SessionState,
  type SyncDetails,
  type SyncStatus,
  type QueryArgs,
  type QueryName,
  type QueryOutput,
} from '../../shared/store-api/contract';
import type { DeskDb } from './db';
import { agentInteractions, listedInteractions } from './interaction-lists';
import { waitingForOthers } from './sync/author-streams';
import { toInteractionView, toListItem } from './interaction-views';
import type { LoadedDirectory } from './loaded-directory';
import { isTaskQuery, runTaskQuery } from './task-queries';
import { isCallQuery, runCallQuery } from './call-queries';
import { isFigureQuery, runFigureQuery } from './figure-queries';
import { isWalkUpQuery, runWalkUpQuery } from './walk-up-queries';
import { isGoToQuery, runGoToQuery } from './go-to-queries';
import { isKnowledgeQuery, runKnowledgeQuery, type KnowledgeCache } from './knowledge-queries';
import { listTemplates } from './template-store';
import type { IncidentComponentCache } from './task-store';
import type { KnownCallers, KnownCallersCache } from './known-callers';
import { getInteraction, getInteractions } from './interaction-packs';
import { readViews } from './sync/synced-records';

export type ParsedQuery = { [N in QueryName]: { name: N; args: QueryArgs<N> } }[QueryName];

export interface QueryState {
  db: DeskDb;
  clientId: string;
  agentId: string;
  online: boolean;
  /** Null until the directory is in memory. */
  directory: LoadedDirectory | null;
  /** Why the directory could not be loaded, if it could not. */
  directoryError: string | null;
  /** Open incidents by component, for Find existing incidents. */
  components: IncidentComponentCache;
  /** The published knowledge articles' index, for the suggestions beside the form. */
  knowledge: KnowledgeCache;
  /** The agent's known callers, whom the caller lookup lists first. */
  knownCallers: KnownCallersCache;
  /** The sync runner's view, when this desk has a desk server; null means local only. */
  sync: {
    status(pendingChanges: number, needsAttention: number): SyncStatus;
    sessionState(fallbackAgent: SessionState['agent']): SessionState;
    signedInAgent(): SessionState['agent'];
  } | null;
  /** Sync details: the last sync attempts and the host's recent log lines. */
  details: () => SyncDetails;
  /** The walk-up queue's estimate and "today" are read against it. */
  now: () => Date;
}

type Answer = StoreResult<QueryOutput<QueryName>>;

const NOT_LOADED: DirectoryStatus = {
  ready: false,
  users: 0,
  groups: 0,
  configurationItems: 0,
  loadedAt: null,
};

/** Why nothing syncs on a desk that has no desk server configured. */
export const LOCAL_ONLY = 'No desk server: changes are kept on this desk.';

export async function runQuery(state: QueryState, query: ParsedQuery): Promise<Answer> {
  const { db } = state;
  if (query.name === 'sync.status') {
    const [pending, attention, others] = await Promise.all([
      db.outbox.count(),
      db.needsAttention.count(),
      waitingForOthers(db, state.sync?.signedInAgent()?.id ?? state.agentId),
    ]);
    const waiting = [...others].map(([agentId, count]) => ({
      agentId,
      name: state.directory?.getUser(agentId)?.name ?? agentId,
      count,
    }));
    if (state.sync)
      return ok({
        ...state.sync.status(pending + (await db.parkedOutbox.count()), attention),
        ...(waiting.length > 0 ? { waitingForOthers: waiting } : {}),
      });
    return ok({
      connection: state.online ? 'online' : 'offline',
      pendingChanges: pending,
      lastSyncedAt: null,
      // Said in words, because "N changes not synced" alone would read as a fault.
      lastError: LOCAL_ONLY,
      serverReachable: false,
      needsAttention: attention,
    });
  }
  if (query.name === 'directory.status') return ok(state.directory?.status() ?? NOT_LOADED);
  if (query.name === 'session.state') {
    const agent = state.directory?.getUser(state.agentId) ?? null;
    const local: SessionState = {
      status: 'local',
      agent,
      serverUrl: null,
      expiresAt: null,
      endedBy: null,
    };
    return ok(state.sync ? state.sync.sessionState(agent) : local);
  }
  if (query.name === 'sync.details') return ok(state.details());
  if (query.name === 'sync.needsAttention') {
    return ok(await needsAttention(db, query.args.limit));
  }

  const directory = state.directory;
  if (!directory) {
    return fail(
      'not-ready',
      state.directoryError ?? 'The directory is still loading; try again in a moment.',
    );
  }
  if (isTaskQuery(query)) {
    return runTaskQuery(
      { db, agentId: state.agentId, directory, components: state.components },
      query,
    );
  }
  if (isWalkUpQuery(query)) return runWalkUpQuery({ db, directory, now: state.now }, query);
  if (isCallQuery(query)) return runCallQuery({ db, directory, agentId: state.agentId }, query);
  if (isFigureQuery(query))
    return runFigureQuery({ db, agentId: state.agentId, now: state.now }, query);
  if (isGoToQuery(query)) return runGoToQuery({ db, directory }, query);
  if (isKnowledgeQuery(query))
    return runKnowledgeQuery(
      { db, directory, knowledge: state.knowledge, agentId: state.agentId },
      query,
    );
  switch (query.name) {
    case 'template.list':
      return ok(
        await listTemplates(db, state.agentId, directory, query.args.location, state.now()),
      );
    case 'session.current': {
      // Signed in before the server's directory arrived: the session knows who the agent is.
      const agent = directory.getUser(state.agentId) ?? state.sync?.signedInAgent() ?? null;
      return agent
        ? ok({ agent, clientId: state.clientId })
        : fail('not-found', 'The signed-in agent is not in the directory.');
    }
    case 'directory.searchUsers': {
      const known = await knownCallers(state, directory);
      return ok(directory.searchUsers(query.args.query, query.args.limit, known));
    }
    case 'directory.searchUsersAhead': {
      const known = await knownCallers(state, directory);
      return ok(
        lookaheadOf(
          query.args.query,
          (text) => directory.searchUsers(text, query.args.limit, known),
          (hit) => hit.id,
        ),
      );
    }
    case 'directory.recentCallers':
      return ok(await recentCallers(state, query.args.limit));
    case 'directory.getUser':
      return ok(directory.getUser(query.args.id));
    case 'directory.listGroups':
      return ok([...directory.groups]);
    case 'directory.groupMembers':
      return ok(directory.groupMembers(query.args.groupId));
    case 'directory.agents':
      return ok(directory.deskAgents());
    case 'directory.searchConfigurationItems':
      return ok(directory.searchConfigurationItems(query.args.query, query.args.limit));
    case 'directory.getConfigurationItem':
      return ok(directory.getConfigurationItem(query.args.id));
    case 'interaction.get': {
      const record = await getInteraction(db, query.args.id);
      return ok(record ? toInteractionView(record, directory) : null);
    }
    case 'interaction.list': {
      const rows = await listInteractions(state, query.args);
      return ok(rows.map((r) => toListItem(r, directory)));
    }
    case 'interaction.listForUser': {
      const { userId, limit } = query.args;
      const rows = await listedInteractions(db, (index) => index.callerInteractions(userId), {
        limit,
      });
      return ok(rows.map((r) => toListItem(r, directory)));
    }
  }
}

function knownCallers(state: QueryState, directory: LoadedDirectory): Promise<KnownCallers> {
  return state.knownCallers.current(state.db, state.agentId, directory, state.now());
}

/** The agent's latest interactions read when looking for their latest callers. */
const RECENT_SCAN = 50;

/**
 * The callers of the agent's latest interactions (by when they were opened), each once: a caller
 * who rings back is ArrowDown and Enter away in an empty Opened for.
 */
async function recentCallers(state: QueryState, limit: number): Promise<UserHit[]> {
  const { db, directory, agentId } = state;
  if (directory === null) return [];
  const known = await knownCallers(state, directory);
  // The agent's own, newest first, as the record index lists them: not every state's newest,
  // filtered by agent (at a desk of a hundred agents, thousands read for fifty).
  const latest = await agentInteractions(db, 'opened', agentId, {
    limit: RECENT_SCAN,
    where: (r) => r.openedFor !== null,
  });
  const callers: UserHit[] = [];
  const seen = new Set<string>();
  for (const record of latest) {
    if (callers.length >= limit) break;
    const id = record.openedFor;
    if (id === null || seen.has(id)) continue;
    seen.add(id);
    const hit = directory.userHit(id, known);
    if (hit) callers.push(hit);
  }
  return callers;
}

async function listInteractions(
  state: QueryState,
  args: QueryArgs<'interaction.list'>,
): Promise<Interaction[]> {
  const { db, agentId } = state;
  const { view, type, state: wanted, limit } = args;
  const matches = (r: Interaction): boolean =>
    (type === undefined || r.type === type) &&
    (wanted === undefined || r.state === wanted) &&
    (view !== 'my-open' || r.openedBy === agentId || r.assignedTo === agentId);

  // The record index lists them (interaction-lists.ts): the closed ones, latest closed first, and
  // the open ones by state, latest opened first.
  if (view === 'recently-closed')
    return listedInteractions(db, (index) => index.closedInteractions(), {
      limit,
      where: matches,
    });
  if (wanted !== undefined && isClosed(wanted)) return [];
  const states: readonly OpenState[] = wanted === undefined ? OPEN_STATES : [wanted];
  const perState = await Promise.all(
    states.map((s) =>
      listedInteractions(db, (index) => index.openInState(s), { limit, where: matches }),
    ),
  );
  return perState
    .flat()
    .sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0))
    .slice(0, limit);
}

/** What a refused change names: its record, as this desk holds it now, by kind. */
async function recordsHere(
  db: DeskDb,
  refs: readonly (RecordRef | null)[],
): Promise<Map<string, { number: string; shortDescription: string }>> {
  const idsOf = (kind: RecordKind): string[] => [
    ...new Set(refs.flatMap((ref) => (ref?.kind === kind ? [ref.id] : []))),
  ];
  const [interactions, incidents, requests, visits, calls] = await Promise.all([
    getInteractions(db, idsOf('interaction')),
    readViews(db, 'incident', idsOf('incident')),
    db.requests.bulkGet(idsOf('request')),
    readViews(db, 'visit', idsOf('visit')),
    readViews(db, 'call', idsOf('call')),
  ]);
  const here = new Map<string, { number: string; shortDescription: string }>();
  const keep = (
    kind: RecordKind,
    records: ({ id: string; number: string; shortDescription: string } | undefined)[],
  ) => {
    for (const r of records)
      if (r)
        here.set(`${kind}:${r.id}`, { number: r.number, shortDescription: r.shortDescription });
  };
  keep('interaction', interactions);
  keep('incident', incidents);
  keep('request', requests);
  // A visit is named by its number and the person with their reason.
  keep(
    'visit',
    visits.map((v) => v && { ...v, shortDescription: `${v.displayName} · ${v.reason}` }),
  );
  // A call is named by its number and the outside number.
  keep(
    'call',
    calls.map((c) => c && { ...c, shortDescription: `Call from ${c.from || 'an unknown number'}` }),
  );
  return here;
}

async function needsAttention(db: QueryState['db'], limit: number): Promise<NeedsAttentionItem[]> {
  const rows = await db.needsAttention.orderBy('id').reverse().limit(limit).toArray();
  // The record a change is named by (args.id) comes first; a change too old to read names none.
  const refs = rows.map((r) => recordsOfEntry(r.entry)[0] ?? null);
  const here = await recordsHere(db, refs);
  // A refused Create Request whose request is not here is still named by its form's name.
  const itemIds = rows.flatMap((r) => {
    const item = (r.entry.args as { catalogItem?: unknown } | null)?.catalogItem;
    return typeof item === 'string' ? [item] : [];
  });
  const items = new Map(
    (await db.catalogItems.bulkGet([...new Set(itemIds)])).flatMap((i) =>
      i ? [[i.id, i.name] as const] : [],
    ),
  );
  return rows.map((row, i) => {
    const ref = refs[i] ?? null;
    const record = ref ? here.get(`${ref.kind}:${ref.id}`) : undefined;
    const args = (row.entry.args ?? {}) as { shortDescription?: unknown; catalogItem?: unknown };
    const described =
      typeof args.shortDescription === 'string'
        ? args.shortDescription
        : typeof args.catalogItem === 'string'
          ? (items.get(args.catalogItem) ?? null)
          : null;
    return {
      id: row.id ?? 0,
      mutationId: row.mutationId,
      name: row.entry.name,
      args: row.entry.args,
      at: row.entry.at,
      actorId: row.entry.actorId,
      recordKind: ref?.kind ?? kindOfName(row.entry.name),
      recordId: ref?.id ?? null,
      recordNumber: record?.number ?? null,
      shortDescription: record?.shortDescription ?? described,
      reason: row.reason,
      refusedAt: row.refusedAt,
    };
  });
}

/** A change from an older or newer store host may name a command this one does not know. */
const kindOfName = (name: string): CommandKind =>
  isCommandName(name) ? primaryKindOf(name) : 'interaction';
