// One sync cycle, the sync loop's attempt: is the network there, does the server answer, then
// push, pull-and-rebase and the directory. Says what to do next (the loop waits and retries);
// never schedules, waits or retries on its own.

import type { SyncStatus } from '../../../shared/store-api/contract';
import type { DeskDb } from '../db';
import type { ProgressEvent } from '../directory-store';
import type { LoadedDirectory } from '../loaded-directory';
import { describeError, type Logger } from '../logger';
import type { TypedEmitter } from '../typed-emitter';
import { takeStreamFor } from './author-streams';
import type { AttemptOutcome } from './connection-loop';
import { DeskServerError, type DeskServerClient } from './desk-server-client';
import { syncDirectory } from './directory-sync';
import type { HostMessage } from './host-channel';
import type { ActiveSession } from './kept-session';
import type { PokeStream } from './poke-stream';
import { pullAndRebase } from './pull-and-rebase';
import { pushOutbox } from './push';
import { throttledProgress, type SnapshotProgress } from './snapshot-sync';
import { syncTemplates } from './template-sync';
import type { SyncAttempts } from './sync-attempts';
import { readSyncMeta, type InteractionSyncDeps, type RefusalMap } from './sync-meta';
import type { SyncSession } from './sync-session';
import type { SyncEvents } from './sync-events';

export const DEFAULT_ONLINE_CHECK_MS = 5_000;

/** What the runner knows of the connection; the hosts that do not run sync get it on the channel. */
export interface SyncState {
  connection: SyncStatus['connection'];
  lastError: string | null;
  /** Null until the first probe: then whether a desk server answers at serverUrl. */
  serverReachable: boolean | null;
  lastSyncedAt: string | null;
  /** The last cycle found navigator.onLine false: the next one that finds it true starts afresh. */
  navigatorOffline: boolean;
  /** A first sync's snapshot arriving: records stored of the total (null otherwise). */
  snapshot?: SnapshotProgress | null;
}

export interface SyncCycleDeps {
  db: DeskDb;
  client: DeskServerClient;
  now: () => Date;
  onLine: () => boolean;
  newClientId: () => string;
  directory: () => LoadedDirectory | null;
  directoryReady: () => Promise<void>;
  directoryPageSize: number;
  onlineCheckMs: number;
  session: SyncSession;
  poke: PokeStream;
  state: SyncState;
  refusals: RefusalMap;
  attempts: SyncAttempts;
  log: Logger;
  events: TypedEmitter<SyncEvents>;
  /** The status changed: this host's windows and the other hosts hear it. */
  notify: () => void;
  post: (message: HostMessage) => void;
  /** The network is back: the backoff starts over, and the server is asked again. */
  networkReturned: () => void;
  stopped: () => boolean;
  /** After a complete pull: drop what left the desk's scope (scope-eviction.ts). */
  evict?: (() => Promise<void>) | undefined;
}

export async function syncCycle(deps: SyncCycleDeps): Promise<AttemptOutcome> {
  const { state, client } = deps;
  if (deps.stopped()) return { next: 'stop' };
  if (!deps.onLine()) {
    // navigator.onLine false is certain. The `online` event brings the runner back at once
    // where there is one; looking again every few seconds does where there is none.
    state.navigatorOffline = true;
    state.connection = 'offline';
    deps.notify();
    return { next: 'wait', ms: deps.onlineCheckMs };
  }
  if (state.navigatorOffline) deps.networkReturned();
  if (state.serverReachable !== true) {
    // onLine true only means "try": ask the server whether it is there at all.
    const reachable = await client.health();
    if (deps.stopped()) return { next: 'stop' };
    state.serverReachable = reachable;
    if (reachable) deps.session.markServerKnown();
    if (!reachable) {
      const signedIn = deps.session.current() !== null;
      state.connection = signedIn ? 'offline' : 'online';
      state.lastError = signedIn
        ? `The desk server at ${client.baseUrl} cannot be reached; changes wait on this desk.`
        : 'No desk server is reachable: this desk works on its own.';
      deps.log.info(`no desk server answers at ${client.baseUrl}`);
      deps.notify();
      return { next: 'retry' };
    }
  }
  let session = deps.session.current();
  if (session?.mustChangePassword) {
    // Changed at another desk meanwhile? The server says; until it is changed, nothing else works.
    try {
      const answer = await client.currentSession(session.token);
      if (!answer.mustChangePassword) {
        session = await deps.session.passwordChanged(session);
        deps.post({ type: 'state' });
        deps.notify();
      }
    } catch (error) {
      if (deps.stopped()) return { next: 'stop' };
      return failed(deps, error, session);
    }
  }
  if (!session) {
    state.connection = 'online';
    state.lastError = 'Sign in to sync this desk with the desk server.';
    deps.notify();
    return { next: 'stop' };
  }
  if (session.mustChangePassword) {
    // The server answers nothing else until the temporary password is changed (then a new cycle).
    state.connection = 'online';
    state.lastError = 'Change your password to sync this desk.';
    deps.notify();
    return { next: 'stop' };
  }
  // A check with nothing to send at a desk already online (a poke: another agent saved something)
  // keeps saying "online" unless the pull has pages to catch up on. At a busy desk pokes come every
  // few seconds, and "Syncing" would flicker with each; what it shows is work the agent waits for.
  const quiet =
    state.connection === 'online' &&
    state.lastError === null &&
    (await deps.db.outbox.count()) === 0;
  if (!quiet) {
    state.connection = 'syncing';
    deps.notify();
  }
  // The lists held while the pull's pages came are let go once the status says how this cycle
  // ended, not as the pull ends: their whole-desk reads would come before the status asked for
  // just then ("caught up" waited 0.2-0.5 s for them; ADR 0020).
  const held = { lists: false };
  const letGo = (): void => {
    if (!held.lists) return;
    held.lists = false;
    deps.events.emit('catching-up', false);
  };
  try {
    await syncWith(deps, session, held);
    state.lastSyncedAt = (await readSyncMeta(deps.db)).lastSyncedAt;
    state.lastError = null;
    state.connection = 'online';
    deps.notify();
    letGo();
    // The desk is caught up. The pull is complete and rebased, and the directory says the
    // agent's groups: what left the scope (an agent who left a group, records that aged out) goes
    // now, after the status says so. Before the directory, a fresh desk would not know the
    // agent's groups and its group work would go.
    await deps.evict?.();
    deps.poke.listen(session.token);
    return { next: 'done' };
  } catch (error) {
    if (deps.stopped()) return { next: 'stop' };
    return failed(deps, error, session);
  } finally {
    letGo();
  }
}

/**
 * Push and pull beside the directory (each recorded as an attempt of its own) and the templates.
 * `held.lists` says the host's lists are held after the pull has ended (the caller lets them go).
 */
async function syncWith(
  deps: SyncCycleDeps,
  session: ActiveSession,
  held: { lists: boolean },
): Promise<void> {
  const { attempts, events } = deps;
  await deps.directoryReady();
  const directory = deps.directory();
  if (!directory) throw new Error('The directory is not loaded, so changes cannot be replayed.');
  const work: InteractionSyncDeps = {
    db: deps.db,
    client: deps.client,
    token: session.token,
    agentId: session.agent.id,
    rules: directory.rules,
    now: deps.now,
    newClientId: deps.newClientId,
    clientIdChanged: (clientId) => {
      deps.log.warn(`another installation uses this desk's clientId: now ${clientId}`);
      events.emit('client-id-changed', clientId);
      deps.post({ type: 'state' });
    },
    pokeStream: () => deps.poke.streamId(),
    incidentsWritten: (incidents, revision, removedIds) =>
      events.emit('incidents-written', { incidents, revision, removedIds }),
    catchingUp: (on) => {
      if (!on) return;
      if (deps.state.connection !== 'syncing') {
        deps.state.connection = 'syncing';
        deps.notify();
      }
      if (!held.lists) events.emit('catching-up', true);
      held.lists = true;
    },
    snapshotProgress: throttledProgress(
      (progress) => {
        deps.state.snapshot = progress;
        deps.notify();
      },
      () => deps.now().getTime(),
    ),
  };
  // This agent's changes are the outbox's stream; anyone else's wait on the desk for them.
  const taken = await takeStreamFor(deps.db, session.agent.id, deps.newClientId);
  if (taken.parked > 0)
    deps.log.info(`${taken.parked} changes by other agents wait until they sign in again`);
  if (taken.switched) {
    // Refusals heard under the other stream's numbers belong to its entries, not these.
    deps.refusals.clear();
    events.emit('client-id-changed', taken.clientId);
    deps.post({ type: 'state' });
  }
  // The agent's work (push, then pull), the directory (after the first download, one small page)
  // and the templates go side by side: they touch different tables, and a desk back after days
  // away is not kept waiting for the others once its records are in. The pull rebases with the rules it
  // started with, as it did when the directory came after it.
  const [records, directorySync, templates] = await Promise.allSettled([
    pushAndPull(work, deps),
    attempts.track('directory', () =>
      syncDirectory({
        db: deps.db,
        client: deps.client,
        token: session.token,
        current: deps.directory(),
        emit: (event: ProgressEvent) => events.emit('progress', event),
        now: deps.now,
        pageSize: deps.directoryPageSize,
      }),
    ),
    // The agent's own contact templates up, the list down when it moved (a few rows; ADR 0019).
    syncTemplates({
      db: deps.db,
      client: deps.client,
      token: session.token,
      agentId: session.agent.id,
      log: deps.log,
    }),
  ]);
  // All have settled, so nothing of this cycle goes on writing once it has failed.
  for (const part of [records, directorySync, templates])
    if (part.status === 'rejected') throw part.reason;
  if (directorySync.status === 'fulfilled' && directorySync.value.directory) {
    events.emit('directory-replaced', directorySync.value.directory);
    deps.post({ type: 'directory' });
  }
}

/**
 * The agent's work: push, then pull. A pull may leave entries to send at once: re-created records
 * after a server restore, or ids the server says are done that this desk never sent (another desk
 * with its clientId).
 */
async function pushAndPull(work: InteractionSyncDeps, deps: SyncCycleDeps): Promise<void> {
  for (let round = 0; ; round += 1) {
    // A push with nothing waiting sends nothing: it is not an attempt worth listing.
    const push = (): Promise<number> => pushOutbox(work, deps.refusals);
    await ((await deps.db.outbox.count()) > 0 ? deps.attempts.track('push', push) : push());
    const pulled = await deps.attempts.track('pull', () => pullAndRebase(work, deps.refusals));
    if (round >= 2 || (!pulled.unsent && pulled.requeued === 0)) return;
  }
}

/**
 * The server answered 401 to `token` (a sync cycle's request, or an Administration call): the
 * session has ended. Forgets it here (the other hosts read that), and says so in the status.
 */
export function sessionEnded(
  deps: Pick<SyncCycleDeps, 'session' | 'state' | 'notify' | 'post'>,
  token: string,
): void {
  void deps.session.expire(token).then((forgot) => {
    if (forgot) deps.post({ type: 'state' });
  });
  deps.state.connection = 'online';
  deps.state.lastError = 'The session with the desk server has ended: sign in again to sync.';
  deps.notify();
}

function failed(deps: SyncCycleDeps, error: unknown, session: ActiveSession): AttemptOutcome {
  const { state, client } = deps;
  if (deps.session.current()?.token !== session.token) {
    // The agent signed out, or another one signed in, while this cycle ran with the old token:
    // its failure says nothing about the session now (a new one has its own cycle scheduled).
    state.connection = 'online';
    deps.notify();
    return { next: 'stop' };
  }
  if (error instanceof DeskServerError && error.status === 401) {
    // The token is no longer good: stop syncing until the agent signs in again. The agent's
    // work goes on offline; nothing waiting is lost.
    sessionEnded(deps, session.token);
    return { next: 'stop' };
  }
  if (error instanceof DeskServerError && error.kind === 'network') {
    state.serverReachable = null;
    state.connection = 'offline';
    state.lastError = `The desk server at ${client.baseUrl} cannot be reached; changes wait on this desk.`;
  } else {
    state.connection = 'online';
    state.lastError = `Sync did not finish: ${describeError(error)}`;
    deps.log.error('sync did not finish', error);
  }
  deps.notify();
  const retryAfter = error instanceof DeskServerError ? error.retryAfterSeconds : null;
  return { next: 'retry', ...(retryAfter !== null ? { atLeastMs: retryAfter * 1000 } : {}) };
}
