// The desk's IndexedDB database: its row types, and opening or creating it with the schema that
// db-schema.ts declares.

import type { ArticleRating } from '../../shared/domain/article-rating';
import type { Call } from '../../shared/domain/call';
import type { ContactTemplate } from '../../shared/domain/contact-template';
import type { OwnTemplateChange } from '../../shared/sync/templates-api';
import type { Visit } from '../../shared/domain/visit';
import type { WalkUpLocation } from '../../shared/domain/walk-up-location';
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Group, User } from '../../shared/domain/directory';
import type { StoreError } from '../../shared/domain/result';
import type { PublishedArticle } from '../../shared/domain/knowledge';
import type { CatalogItem } from '../../shared/domain/catalog';
import type { Incident } from '../../shared/domain/incident';
import type { Interaction } from '../../shared/domain/interaction';
import type { Request } from '../../shared/domain/request';
import type { RecordRef } from '../../shared/store-api/apply-command';
import type { OutboxEntry } from '../../shared/store-api/outbox';
import { SCHEMA, type SchemaVersion } from './db-schema';
import { installRecordIndex, recordIndexOf } from './record-index-upkeep';
import { installRecordPacks, PACKED_KINDS, packsOf, type RecordPack } from './record-packs';

export { SCHEMA, SCHEMA_VERSION, type SchemaVersion } from './db-schema';

export interface DirectoryMeta {
  /** `server`: downloaded from the desk server (seed and users then describe nothing). */
  source: 'demo' | 'server';
  seed: number;
  loadedAt: string;
  users: number;
  groups: number;
  configurationItems: number;
  chunkSize: number;
  /**
   * The first chunk seq of this directory (absent: 0). A download writes its chunks from the
   * other base while this directory stays whole, and its last transaction switches the base.
   */
  chunkBase?: number;
  /** The caller index's format; a different one (new folding rules) means rebuild it. */
  callerIndexFormat: number;
}

/** A stored directory's chunks lie in [base, base + CHUNK_SLOT); bases alternate 0 and CHUNK_SLOT. */
export const CHUNK_SLOT = 1_000_000;

/** The kept sign-in: enough to open and work offline, and to sync when the server answers. */
export interface StoredSession {
  serverUrl: string;
  /** The token as is, when the host was given no token vault (the browser build). */
  token?: string;
  /** The token as the vault sealed it (the desktop app: Electron safeStorage); never both. */
  sealedToken?: string;
  expiresAt: string;
  agent: User;
  signedInAt: string;
  /** The server gave the agent a temporary password: "Change your password" comes before the desk. */
  mustChangePassword?: boolean;
}

export interface ProvisionalCounters {
  interaction: number;
  incident?: number;
  request?: number;
  visit?: number;
  call?: number;
}

/** Where this desk is in the server's change streams. */
export interface SyncMeta {
  /** The database the cursors belong to (`<databaseId>.<version>` is opaque; kept whole). */
  interactionsCursor: string | null;
  directoryCursor: string | null;
  lastSyncedAt: string | null;
  /**
   * The highest mutationId this desk has sent under its clientId (written before the request
   * leaves). The server acknowledging more than that means another installation shares the id:
   * nothing above it is dropped from the outbox on a pull's word alone. Absent on older desks.
   */
  sentThrough?: number;
  /**
   * A pull answered `reset` (the server was restored) and its last page has not arrived yet:
   * records the server does not list are kept until then, and re-sent after (ADR 0005).
   */
  resetInProgress?: boolean;
  /**
   * Records to look at again with the next complete pull (their changes left the outbox). Desks
   * from before issue 4 kept interaction ids only; a string is an interaction's id.
   */
  rebasePending?: (string | RecordRef)[];
  /**
   * The highest mutationId the server has said it has done for this clientId. A later answer
   * below it proves the server lost this desk's history (restored from a backup that kept its
   * database id): the desk then pulls everything again and re-sends what the server lacks.
   */
  acknowledgedThrough?: number;
  /** The server lost this desk's history: the next pull starts from a null cursor as a reset. */
  historyLost?: boolean;
  /**
   * The administrator's sync-scope settings as the last pull carried them (ADR 0020); absent
   * before the first such pull, when the desk's own defaults hold.
   */
  scopeSettings?: { recentDays: number; ceilingBytes: number };
  /**
   * When a desk that held no record took its whole scope as a snapshot (ISO, the desk's clock): it
   * held its scope and nothing else then, so its first look for what left the scope is due
   * `evictEveryMs` after that (ADR 0020).
   */
  scopeTakenAt?: string;
}

/**
 * A change stream put aside while another agent is signed in: where it was in the server's count
 * of this agent's clientId. Its waiting entries are in `parkedOutbox`.
 */
export interface ParkedStream {
  clientId: string;
  /** The last mutationId used under clientId. */
  mutationCounter: number;
  sentThrough: number;
  acknowledgedThrough: number;
}

/** Whose stream the outbox holds now, and the streams of the other agents who used this desk. */
export interface OutboxStreams {
  /** The agent the outbox's clientId and counter belong to; null before anyone synced. */
  agentId: string | null;
  parked: Record<string, ParkedStream>;
}

/**
 * Another agent's waiting change. `entry.mutationId` is kept while it is the number the change has
 * (maybe was sent with) in its agent's parked stream; absent, it is numbered when put back.
 */
export interface ParkedEntry {
  seq?: number;
  actorId: string;
  entry: OutboxEntry;
}

/** A record fetched from the server's history because the agent opened it. */
export interface HistoryOpened {
  kind: 'interaction' | 'incident' | 'request';
  id: string;
  number: string;
  at: string;
}

/** A change the server refused, with the data the agent made it with. */
export interface NeedsAttentionRow {
  /** Its own key: a server reset can make mutationIds repeat on one desk. */
  id?: number;
  mutationId: number;
  entry: OutboxEntry;
  reason: StoreError;
  refusedAt: string;
}

/** An own template's change waiting on the desk, with the agent who made it (sent only as them). */
export type StoredTemplateChange = OwnTemplateChange & { owner: string };

export type MetaRow =
  | { key: 'clientId'; value: string }
  /** The digest of the templates list this desk holds (templates-api.ts); absent before the first. */
  | { key: 'templatesDigest'; value: string }
  | { key: 'mutationCounter'; value: number }
  /** Each agent's change stream on this desk (issue 10); absent before the schema 5 upgrade. */
  | { key: 'streams'; value: OutboxStreams }
  | { key: 'session'; value: StoredSession }
  /** How the last session ended (`SessionState.endedBy`); absent while one is kept or none was. */
  | { key: 'sessionEnd'; value: 'sign-out' | 'expired' }
  | { key: 'sync'; value: SyncMeta }
  | { key: 'agentId'; value: string }
  /**
   * The last provisional number used per kind (IMS-P0001, INC-P0001, REQ-P0001). Desks from
   * before issue 4 stored only `interaction`: a kind that is absent has used none yet.
   */
  | { key: 'counters'; value: ProvisionalCounters }
  | { key: 'directory'; value: DirectoryMeta }
  /** The demo incidents and catalog were seeded (local desks only; a server desk syncs them). */
  | { key: 'demoTasks'; value: { seed: number; incidents: number; seededAt: string } }
  /**
   * Bumped in the same transaction as every write to `incidents`: the in-memory component index
   * reads it (a tracked read) to know whether it is stale, in this window or another.
   */
  | { key: 'incidentsRevision'; value: number }
  /**
   * Records the agent opened from the server's history (issue 15), newest first: kept on the
   * desk as any synced record; whatever bounds the desk's storage later keeps these as opened.
   */
  | { key: 'historyOpened'; value: HistoryOpened[] };
export type MetaKey = MetaRow['key'];
export type MetaValue<K extends MetaKey> = Extract<MetaRow, { key: K }>['value'];

/** Column-oriented slice of the directory: one string array per field, `count` entries each. */
export interface DirectoryChunk {
  kind: 'users' | 'configurationItems';
  seq: number;
  count: number;
  columns: Record<string, string[]>;
  /** One byte per entry for boolean fields (users: VIP_FLAG | INACTIVE_FLAG, directory-table.ts). */
  flags?: Uint8Array;
}

export interface CallerIndexRow {
  field: string;
  /** Entries sorted by their folded key (see caller-search.ts). */
  order: Int32Array;
}

export type DeskDb = Dexie & {
  meta: Table<MetaRow, MetaKey>;
  interactions: EntityTable<Interaction, 'id'>;
  interactionPacks: Table<RecordPack, number>;
  outbox: EntityTable<OutboxEntry, 'mutationId'>;
  directoryChunks: Table<DirectoryChunk, [string, number]>;
  groups: EntityTable<Group, 'id'>;
  callerIndex: EntityTable<CallerIndexRow, 'field'>;
  serverInteractions: EntityTable<Interaction, 'id'>;
  needsAttention: EntityTable<NeedsAttentionRow, 'id'>;
  incidents: EntityTable<Incident, 'id'>;
  requests: EntityTable<Request, 'id'>;
  catalogItems: EntityTable<CatalogItem, 'id'>;
  serverIncidents: EntityTable<Incident, 'id'>;
  serverRequests: EntityTable<Request, 'id'>;
  parkedOutbox: EntityTable<ParkedEntry, 'seq'>;
  visits: EntityTable<Visit, 'id'>;
  serverVisits: EntityTable<Visit, 'id'>;
  locations: EntityTable<WalkUpLocation, 'id'>;
  calls: EntityTable<Call, 'id'>;
  serverCalls: EntityTable<Call, 'id'>;
  callPacks: Table<RecordPack, number>;
  visitPacks: Table<RecordPack, number>;
  incidentPacks: Table<RecordPack, number>;
  templates: EntityTable<ContactTemplate, 'id'>;
  templateChanges: EntityTable<StoredTemplateChange, 'id'>;
  knowledgeArticles: EntityTable<PublishedArticle, 'id'>;
  articleRatings: EntityTable<StoredArticleRating, 'key'>;
};

/** A verdict given on this desk, under its key (`ratingKey`: article, revision, agent). */
export interface StoredArticleRating extends ArticleRating {
  key: string;
}

export interface DeskDbOptions {
  name: string;
  /** For tests (fake-indexeddb); the global ones otherwise. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** For migration tests: open with this history instead of the current one. */
  schema?: readonly SchemaVersion[];
}

/** The database on disk was written by a newer Deskpad; nothing was changed. */
export class NewerDatabaseError extends Error {
  readonly onDisk: number;
  readonly supported: number;

  constructor(onDisk: number, supported: number) {
    super(
      `This desk's local database was written by a newer Deskpad (schema ${onDisk}); this is schema ${supported}. ` +
        'Install the newer Deskpad to open it. Nothing on this desk has been changed or deleted.',
    );
    this.name = 'NewerDatabaseError';
    this.onDisk = onDisk;
    this.supported = supported;
  }
}

function dexieOptions(options: DeskDbOptions) {
  return {
    // Every commit is flushed to disk before it resolves: a confirmed save survives a power cut.
    chromeTransactionDurability: 'strict' as const,
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  };
}

export function createDeskDb(options: DeskDbOptions): DeskDb {
  const db = new Dexie(options.name, dexieOptions(options)) as DeskDb;
  const schema = options.schema ?? SCHEMA;
  for (const v of schema) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  // Go to anything's words, in memory, kept in step with every write (record-index-upkeep.ts).
  installRecordIndex(db);
  // Closed interactions and incidents, ended calls and visits a hundred to a row, above the index
  // so it sees the packs' writes.
  installRecordPacks(db);
  return db;
}

/** Stops what createDeskDb installed on `db` (it hears other windows' writes), then closes it. */
export function closeDeskDb(db: DeskDb): void {
  recordIndexOf(db).close();
  for (const kind of PACKED_KINDS) packsOf(db, kind).close();
  db.close();
}

/**
 * The schema version on disk, 0 when there is no database. Dexie 4 silently opens a newer
 * database as it is; this probe lets us refuse first, before Dexie could touch it.
 */
export async function installedSchemaVersion(options: DeskDbOptions): Promise<number> {
  // Without declared versions Dexie opens whatever is there, read-only in effect.
  const probe = new Dexie(options.name, dexieOptions(options));
  try {
    await probe.open();
    return Math.floor(probe.verno);
  } catch (e) {
    if (e instanceof Dexie.NoSuchDatabaseError) return 0;
    throw e;
  } finally {
    probe.close();
  }
}

export async function openDeskDb(options: DeskDbOptions): Promise<DeskDb> {
  const schema = options.schema ?? SCHEMA;
  const supported = schema.reduce((max, v) => Math.max(max, v.version), 0);
  const onDisk = await installedSchemaVersion(options);
  if (onDisk > supported) throw new NewerDatabaseError(onDisk, supported);
  const db = createDeskDb({ ...options, schema });
  await db.open();
  // Another window of a newer Deskpad may have upgraded it between the probe and the open.
  const opened = Math.floor(db.backendDB().version / 10);
  if (opened > supported) {
    db.close();
    throw new NewerDatabaseError(opened, supported);
  }
  return db;
}

export async function readMeta<K extends MetaKey>(
  db: DeskDb,
  key: K,
): Promise<MetaValue<K> | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValue<K> | undefined;
}

export async function writeMeta<K extends MetaKey>(
  db: DeskDb,
  key: K,
  value: MetaValue<K>,
): Promise<void> {
  await db.meta.put({ key, value } as MetaRow);
}
