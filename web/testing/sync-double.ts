// Test double: the real store host for records and the directory, with the session, the sync status,
// Needs attention, actions and directory events played by the test. For tests only; never the app.

import type { User } from '../../shared/domain/directory';
import { testUser } from '../../shared/domain/testing/test-user';
import { fail, ok, type StoreResult } from '../../shared/domain/result';
import type {
  ActionInput,
  ActionName,
  ActionOutput,
  NeedsAttentionItem,
  QueryInput,
  QueryName,
  QueryOutput,
  SessionState,
  StoreEvent,
  StoreHostApi,
  SyncStatus,
  Unsubscribe,
} from '../../shared/store-api/contract';

export interface SyncScene {
  session: SessionState;
  status: SyncStatus;
  needsAttention: NeedsAttentionItem[];
}

type Played = 'session.state' | 'sync.status' | 'sync.needsAttention';

export interface ActCall {
  name: ActionName;
  input: unknown;
}

export type ActAnswer = (call: ActCall) => StoreResult<unknown> | Promise<StoreResult<unknown>>;

export interface SyncDouble {
  /** What the window is given: the real host, with the played parts in front of it. */
  readonly api: StoreHostApi;
  /** Every act the window sent, in order, but its signal that it has drawn (`windowShown`). */
  readonly acts: ActCall[];
  /** How many times the window said it has drawn its first screen (`sync.windowShown`). */
  windowShown(): number;
  /** Changes the scene; every live query of it answers again, as the store host's would. */
  set(next: Partial<SyncScene>): void;
  scene(): SyncScene;
  /** How act answers from now on (by default: ok, and a session.signIn signs in). */
  answerActs(answer: ActAnswer): void;
  /** Sends an event to every window listener, as the store host does (directory progress). */
  emit(event: StoreEvent): void;
}

export const DESK_SERVER_URL = 'http://desk.test';

/** A fulfiller as the desk server answers a sign-in. */
export const testAgent = (overrides: Partial<User> = {}): User => testUser(overrides);

export const signedInAs = (
  agent: SessionState['agent'],
  serverUrl: string = DESK_SERVER_URL,
): SessionState => ({
  status: 'signed-in',
  agent,
  serverUrl,
  expiresAt: '2099-01-01T00:00:00.000Z',
  endedBy: null,
});

export const signedOut = (serverUrl: string = DESK_SERVER_URL): SessionState => ({
  status: 'signed-out',
  agent: null,
  serverUrl,
  expiresAt: null,
  endedBy: null,
});

export const syncStatus = (overrides: Partial<SyncStatus> = {}): SyncStatus => ({
  connection: 'online',
  pendingChanges: 0,
  lastSyncedAt: null,
  lastError: null,
  serverReachable: true,
  needsAttention: 0,
  ...overrides,
});

const isPlayed = (name: QueryName): name is Played =>
  name === 'session.state' || name === 'sync.status' || name === 'sync.needsAttention';

/** Wraps `real`; starts signed out against DESK_SERVER_URL unless `initial` says otherwise. */
export function createSyncDouble(real: StoreHostApi, initial: Partial<SyncScene> = {}): SyncDouble {
  let scene: SyncScene = {
    session: signedOut(),
    status: syncStatus(),
    needsAttention: [],
    ...initial,
  };
  const live = new Map<(value: StoreResult<unknown>) => void, Played>();
  const eventListeners = new Set<(event: StoreEvent) => void>();
  const acts: ActCall[] = [];
  let shown = 0;

  const answerOf = (name: Played): StoreResult<unknown> => {
    switch (name) {
      case 'session.state':
        return ok(scene.session);
      case 'sync.status':
        return ok({ ...scene.status, needsAttention: scene.needsAttention.length });
      case 'sync.needsAttention':
        return ok(scene.needsAttention);
    }
  };

  let answer: ActAnswer = ({ name, input }) => {
    if (name === 'session.signIn') {
      const { userName } = input as { userName: string };
      scene = { ...scene, session: signedInAs(testAgent({ userName })) };
      refresh();
      return ok(scene.session);
    }
    if (name === 'session.signOut') {
      scene = { ...scene, session: signedOut() };
      refresh();
      return ok(scene.session);
    }
    if (name === 'sync.now') return ok(scene.status);
    if (name === 'sync.retry') return ok({ mutationId: 99 });
    if (name === 'sync.discard') return ok({ id: (input as { id: number }).id });
    return fail('unknown-operation', `The double does not play ${name}.`);
  };

  function refresh(): void {
    for (const [listener, name] of live) listener(answerOf(name));
  }

  const api: StoreHostApi = {
    command: (name, input) => real.command(name, input),
    query<N extends QueryName>(name: N, input: QueryInput<N>) {
      if (isPlayed(name)) return Promise.resolve(answerOf(name) as StoreResult<QueryOutput<N>>);
      return real.query(name, input);
    },
    subscribe<N extends QueryName>(
      name: N,
      input: QueryInput<N>,
      listener: (result: StoreResult<QueryOutput<N>>) => void,
    ): Promise<Unsubscribe> {
      if (!isPlayed(name)) return real.subscribe(name, input, listener);
      const played = listener as (value: StoreResult<unknown>) => void;
      live.set(played, name);
      queueMicrotask(() => {
        if (live.has(played)) played(answerOf(name));
      });
      return Promise.resolve(() => {
        live.delete(played);
      });
    },
    async onEvent(listener) {
      eventListeners.add(listener);
      const stopReal = await real.onEvent(listener);
      return () => {
        eventListeners.delete(listener);
        stopReal();
      };
    },
    async act<N extends ActionName>(name: N, input: ActionInput<N>) {
      // Not the agent's doing: every window says it as it draws.
      if (name === 'sync.windowShown') {
        shown += 1;
        return ok(null) as StoreResult<ActionOutput<N>>;
      }
      acts.push({ name, input });
      return (await answer({ name, input })) as StoreResult<ActionOutput<N>>;
    },
  };

  return {
    api,
    acts,
    windowShown: () => shown,
    set(next) {
      scene = { ...scene, ...next };
      refresh();
    },
    scene: () => scene,
    answerActs(next) {
      answer = next;
    },
    emit(event) {
      for (const listener of eventListeners) listener(event);
    },
  };
}
