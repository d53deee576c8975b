// What every sync step reads and shares: the sync meta and clientId as stored, the refusals heard
// so far, and the dependencies of one push or pull. Never talks to the desk server.

import type { DirectoryRules } from '../../../shared/domain/interaction';
import type { StoreError } from '../../../shared/domain/result';
import { readMeta, type DeskDb, type SyncMeta } from '../db';
import type { DeskServerClient } from './desk-server-client';
import type { IncidentsWritten } from './rebase-records';
import type { SnapshotProgress } from './snapshot-sync';

export interface InteractionSyncDeps {
  db: DeskDb;
  client: DeskServerClient;
  token: string;
  /** Whose token it is: only this agent's changes are sent with it (issue 10). */
  agentId?: string;
  /** The loaded directory's rules; the replay needs them. */
  rules: DirectoryRules;
  now: () => Date;
  /** A fresh clientId, for when another installation turns out to use this desk's one. */
  newClientId: () => string;
  /** This desk took a new clientId (the stored one has changed). */
  clientIdChanged?: (clientId: string) => void;
  /** The id of this desk's open poke stream, sent with pushes so it is not poked for them. */
  pokeStream?: () => string | null;
  /** Told which incidents a pull wrote, once committed (Find existing incidents keeps its index). */
  incidentsWritten?: IncidentsWritten;
  /** How far a first sync's snapshot has come (snapshot-sync.ts); null when it is over. */
  /** A pull began catching up, page after page (true), or finished (false). */
  catchingUp?: (on: boolean) => void;
  snapshotProgress?: (progress: SnapshotProgress | null) => void;
}

/** Refusals heard from the server, by mutationId, until a pull moves them to Needs attention. */
export type RefusalMap = Map<number, StoreError>;

export const EMPTY_SYNC_META: SyncMeta = {
  interactionsCursor: null,
  directoryCursor: null,
  lastSyncedAt: null,
};

export async function readSyncMeta(db: DeskDb): Promise<SyncMeta> {
  return (await readMeta(db, 'sync')) ?? EMPTY_SYNC_META;
}

/** The desk's clientId as stored: sync reads it afresh, since a client-conflict replaces it. */
export async function readClientId(db: DeskDb): Promise<string> {
  const clientId = await readMeta(db, 'clientId');
  if (clientId === undefined) throw new Error('This desk has no client id yet.');
  return clientId;
}
