// The desk's IndexedDB schema: every version ever shipped, in order, with its upgrade. The only
// place that declares tables. Never edit a shipped version: append a new one with its test.

import type { Transaction } from 'dexie';
import type { OutboxEntry } from '../../shared/store-api/outbox';
import type { MetaKey, MetaRow } from './db';
import type { RecordKind } from '../../shared/commands/record-set';
import { recordWords } from '../../shared/domain/go-to';
import { WORD_TABLES } from './record-index';
import { fromObjects, type PackOfObjects } from './record-pack-form';

/** Schema 8 to 13's word table: a record's words in a multi-entry index (gone in 14). */
const WORDS_TABLE = 'recordWords';

/** A record's row in schema 8 to 13's word table. */
function wordsRowOf(kind: RecordKind, record: object) {
  const r = record as { id: string; updatedAt?: string; openedAt?: string };
  return {
    key: `${kind}:${r.id}`,
    words: recordWords(kind, r),
    at: r.updatedAt ?? r.openedAt ?? '',
  };
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Runs inside the versionchange transaction; must only move data forward, never drop it. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      meta: '&key',
      // Lists read open states newest first, the caller's related list by openedFor; a null
      // closedAt is not a valid key, so the closedAt index holds closed interactions only.
      interactions: '&id, [state+openedAt], [openedFor+openedAt], closedAt',
      outbox: '++mutationId',
      // The directory in column chunks: IndexedDB's cost is per record, not per byte
      // (docs/decisions/0001-store-host-and-directory-layout.md).
      directoryChunks: '[kind+seq]',
      groups: '&id',
      callerIndex: '&field',
    },
  },
  {
    // Sync (issue 3): the server's copy of each interaction (the base the pending outbox is
    // replayed on), and the changes the server refused, kept with their reason.
    version: 2,
    stores: {
      serverInteractions: '&id',
      needsAttention: '++id',
    },
    // mutationIds must be consecutive from 1 (the server refuses a gap), and an auto-increment
    // key need not be: from now on a counter in meta assigns them. Nothing was ever pushed
    // before this version, so renumbering the waiting entries from 1 is safe.
    upgrade: async (tx) => {
      const outbox = tx.table<OutboxEntry, number>('outbox');
      const entries = await outbox.toArray();
      await outbox.clear();
      const renumbered = entries.map((e, i) => ({ ...e, mutationId: i + 1 }));
      await outbox.bulkAdd(renumbered);
      await tx.table('meta').put({ key: 'mutationCounter', value: renumbered.length });
    },
  },
  {
    // Escalation (issue 4): incidents and requests cached for the lists, User's Tasks and Find
    // existing incidents, and the catalog's request forms. New tables only: nothing to move.
    version: 3,
    stores: {
      incidents: '&id, state, caller, assignmentGroup, assignedTo, component, updatedAt',
      requests: '&id, state, requestedFor, assignmentGroup, assignedTo, updatedAt',
      catalogItems: '&id, category',
    },
  },
  {
    // Issue 4 sync: the server's copy of each incident and request, the base the waiting outbox
    // is replayed on (as serverInteractions is for interactions). New tables only: nothing to move.
    version: 4,
    stores: {
      serverIncidents: '&id',
      serverRequests: '&id',
    },
  },
  {
    // Issue 10: each agent's changes are their own stream (a clientId per desk and agent), sent
    // only with that agent's token. Another agent's waiting changes are parked here, in the order
    // they were made, until that agent signs in again. The outbox keeps what it holds: its entries
    // belong to their actorId, and the next sync parks those of anyone but the signed-in agent.
    version: 5,
    stores: {
      parkedOutbox: '++seq, actorId',
    },
    upgrade: async (tx) => {
      const meta = tx.table<MetaRow, MetaKey>('meta');
      const agent = await meta.get('agentId');
      const owner = agent?.key === 'agentId' ? agent.value : null;
      await meta.put({ key: 'streams', value: { agentId: owner, parked: {} } });
    },
  },
  {
    // Issue 12: the walk-up desk's visits, cached for the queue of this desk's locations (the
    // server's copy beside them, as for every synced kind), and the locations from the directory
    // feed. New tables only: nothing to move.
    version: 6,
    stores: {
      visits: '&id, [location+state], [location+checkedInAt], person, interaction, updatedAt',
      serverVisits: '&id',
      locations: '&id',
    },
  },
  {
    // Issue 13: the phone desk's calls (made by the desk server from the phone system's events),
    // with the server's copy beside them. New tables only: nothing to move.
    version: 7,
    stores: {
      calls: '&id, state, rangAt, caller, interaction, updatedAt',
      serverCalls: '&id',
    },
  },
  {
    // Issue 16, Go to anything: every record kind found by its number, and the words of each
    // record's short description in a multi-entry index of their own (kept in step with every write
    // until version 14). The upgrade indexes the records already here.
    version: 8,
    stores: {
      interactions: '&id, [state+openedAt], [openedFor+openedAt], closedAt, number',
      incidents: '&id, state, caller, assignmentGroup, assignedTo, component, updatedAt, number',
      requests: '&id, state, requestedFor, assignmentGroup, assignedTo, updatedAt, number',
      visits:
        '&id, [location+state], [location+checkedInAt], person, interaction, updatedAt, number',
      calls: '&id, state, rangAt, caller, interaction, updatedAt, number',
      [WORDS_TABLE]: '&key, *words',
    },
    upgrade: async (tx) => {
      const words = tx.table(WORDS_TABLE);
      for (const [table, kind] of Object.entries(WORD_TABLES)) {
        const records = await tx.table<object, string>(table).toArray();
        await words.bulkPut(records.map((record) => wordsRowOf(kind, record)));
      }
    },
  },
  {
    // Issue 16, contact templates: the server's list of what the agent may use, and the agent's own
    // changes made on this desk, not yet sent (the last one per template). New tables only.
    version: 9,
    stores: {
      templates: '&id',
      templateChanges: '&id',
    },
  },
  {
    // Issue 16 item 4: the published knowledge articles from the directory feed, searched in
    // memory (knowledge-index.ts). A new table only: the next directory sync fills it.
    version: 10,
    stores: {
      knowledgeArticles: '&id',
    },
  },
  {
    // Issue 16 item 4: the agents' verdicts on articles given on this desk (knowledge.rate), one
    // per article revision and agent, kept after the push so the dialog still says it. New table.
    version: 11,
    stores: {
      articleRatings: '&key, [article+agent]',
    },
  },
  {
    // Issue 16, the caller lookup's known callers (known-callers.ts): the agent's own interactions,
    // newest first, read by one index range rather than a walk over everything the desk holds.
    // IndexedDB fills the new index from the records already here.
    version: 12,
    stores: {
      interactions:
        '&id, [state+openedAt], [openedFor+openedAt], closedAt, number, [openedBy+openedAt]',
    },
  },
  {
    // My day reads the agent's own interactions: logged by [openedBy+openedAt] (version 12),
    // closed by [closedBy+closedAt], not every interaction of the last two days (thousands at a
    // busy desk, read again after every pull). An open interaction (closedBy null) is not in it.
    version: 13,
    stores: {
      interactions:
        '&id, [state+openedAt], [openedFor+openedAt], closedAt, number, [openedBy+openedAt], [closedBy+closedAt]',
    },
  },
  {
    // Issue 15: IndexedDB pays per index entry, and storing pulled records was a desk's catch-up
    // (ADR 0020, "Found in memory"). Go to anything's words and numbers are kept in memory
    // (record-index.ts): the word table and the number indexes go (calls keep theirs), and so do
    // the incident and request indexes no query reads. Each held only what the records say:
    // dropping them loses nothing.
    version: 14,
    stores: {
      [WORDS_TABLE]: null,
      interactions:
        '&id, [state+openedAt], [openedFor+openedAt], closedAt, [openedBy+openedAt], [closedBy+closedAt]',
      incidents: '&id, state, caller',
      requests: '&id, state, requestedFor',
      visits: '&id, [location+state], [location+checkedInAt], person, interaction, updatedAt',
    },
  },
  {
    // Issue 15: who opened and who closed each interaction, and when, is kept in memory too
    // (record-index.ts): only the agent's own are ever read, and every other agent's interactions
    // paid two index entries for them, a third of what storing a pulled interaction cost (ADR 0020).
    version: 15,
    stores: {
      interactions: '&id, [state+openedAt], [openedFor+openedAt], closedAt',
    },
  },
  {
    // Issue 15: the interaction lists too (record-index.ts): the open ones by state and the closed
    // ones, newest first. A closed interaction paid two index entries no query read it by; now it
    // has one, a caller's history (ADR 0020).
    version: 16,
    stores: {
      interactions: '&id, [openedFor+openedAt]',
    },
  },
  {
    // Issue 15: closed interactions pulled from the server, a hundred to a row (record-packs.ts;
    // ADR 0020, "Packs"): IndexedDB's cost is per row. A caller's history is listed in memory
    // (record-index.ts), as a packed interaction has no row to index. The rows already here stay
    // rows; the next pulls pack what they bring.
    version: 17,
    stores: {
      interactions: '&id',
      interactionPacks: '++key',
    },
  },
  {
    // Issue 15: a pack holds its interactions' ids and each one as JSON text
    // (record-pack-form.ts): reading one of them decodes that one, not the pack's hundred.
    version: 18,
    stores: {},
    upgrade: async (tx) => {
      const packs = tx.table('interactionPacks');
      const old = (await packs.toArray()) as PackOfObjects[];
      if (old.length > 0) await packs.bulkPut(old.map(fromObjects));
    },
  },
  {
    // Issue 15: a call paid six index entries and a visit five, and a first sync stores thousands
    // of each (ADR 0020, "The snapshot streams from its first ids"). No query reads calls by
    // interaction or updatedAt, nor visits by interaction: those indexes go. Each held only what
    // the records say: dropping them loses nothing.
    version: 19,
    stores: {
      calls: '&id, state, rangAt, caller, number',
      visits: '&id, [location+state], [location+checkedInAt], person, updatedAt',
    },
  },
  {
    // Issue 15: the calls are listed by ring time, all and each caller's, and found by number in
    // memory (record-index.ts), as the interactions are: their three IndexedDB indexes for those go,
    // three entries fewer for each of the thousands a first sync stores. The incoming call is still
    // read by state. Each index held only what the records say: dropping them loses nothing.
    version: 20,
    stores: {
      calls: '&id, state',
    },
  },
  {
    // Issue 15: ended calls pulled from the server, a hundred to a row, as closed interactions are
    // (record-packs.ts; ADR 0020, "Packs"): a first sync brings thousands. Every list of calls is
    // read from the record index, and each call by id from its row or its pack. The rows already
    // here stay rows; the next pulls pack what they bring.
    version: 21,
    stores: {
      callPacks: '++key',
    },
  },
  {
    // Issue 15: visits as calls are. A location's latest check-ins, a person's visits and those
    // changed since a day are listed by the record index (record-index.ts), so three of the
    // visits' four indexes go; the queue still reads the open ones by location and state. Visits
    // that are over (Done, No-show, Left) a pull brings go a hundred to a row (record-packs.ts).
    // Each index held only what the records say, and the rows already here stay rows.
    version: 22,
    stores: {
      visits: '&id, [location+state]',
      visitPacks: '++key',
    },
  },
  {
    // Issue 15: incidents as visits are. A caller's incidents and those in a state are listed by
    // the record index (record-index.ts), so the caller index goes; the open ones (Find existing,
    // Callbacks due, the queues) are still read by state. Closed and Canceled incidents a pull
    // brings go a hundred to a row (record-packs.ts). The rows already here stay rows.
    version: 23,
    stores: {
      incidents: '&id, state',
      incidentPacks: '++key',
    },
  },
];

export const SCHEMA_VERSION = SCHEMA.reduce((max, v) => Math.max(max, v.version), 0);
