// What the runner reads from the synced desk page: sign in, save offline, wait until nothing is
// left to sync, time the first directory download, and the naive baseline. Measures; never judges.

import * as Comlink from 'comlink';
import type { StorePort } from '../../renderer/mount';
import type { CreateInteractionArgs } from '../../shared/domain/interaction';
import type { StoreResult } from '../../shared/domain/result';
import type {
  ActionInput,
  ActionName,
  ActionOutput,
  CommandInput,
  CommandName,
  CommandOutput,
  QueryInput,
  QueryName,
  QueryOutput,
  StoreEvent,
  StoreHostApi,
} from '../../shared/store-api/contract';
import type { DeskProbeApi, DirectoryDownloadResult, NaiveDirectoryResult } from '../bench-types';
import { recordLongTasks } from './long-tasks';
import type { NaiveDirectoryAnswer, NaiveDirectoryRequest } from './naive-directory-worker';

/**
 * How often the probe searches: rarely while pages still arrive (a search then can only miss, and
 * each one costs the store worker a little), often once the store host says it is storing.
 */
const SEARCH_EVERY_MS = { downloading: 100, storing: 5 };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function unwrap<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export function installDeskProbe(win: Window, openPort: () => StorePort): void {
  const remote = Comlink.wrap<StoreHostApi>(openPort());
  // Comlink's Remote type loses the contract's generics; these give them back.
  const store = {
    query: <N extends QueryName>(name: N, input: QueryInput<N>) =>
      remote.query(name, input) as Promise<StoreResult<QueryOutput<N>>>,
    command: <N extends CommandName>(name: N, input: CommandInput<N>) =>
      remote.command(name, input) as Promise<StoreResult<CommandOutput<N>>>,
    act: <N extends ActionName>(name: N, input: ActionInput<N>) =>
      remote.act(name, input) as Promise<StoreResult<ActionOutput<N>>>,
    subscribe: <N extends QueryName>(
      name: N,
      input: QueryInput<N>,
      listener: (result: StoreResult<QueryOutput<N>>) => void,
    ) =>
      remote.subscribe(
        name,
        input,
        Comlink.proxy(listener as unknown as Parameters<StoreHostApi['subscribe']>[2]),
      ) as Promise<() => Promise<void>>,
    onEvent: (listener: (event: StoreEvent) => void) =>
      remote.onEvent(Comlink.proxy(listener)) as Promise<() => Promise<void>>,
  };

  const signIn = async (userName: string, password: string): Promise<void> => {
    unwrap(await store.act('session.signIn', { userName, password }));
  };

  async function timeDirectoryDownload(
    userName: string,
    password: string,
    expectUserName: string,
    timeoutMs: number,
  ): Promise<DirectoryDownloadResult> {
    unwrap(await store.query('directory.status', {}));
    const phases: Record<string, number> = {};
    let started = 0;
    const unsubscribe = await store.onEvent((event) => {
      if (event.type !== 'directory-progress' || event.source !== 'server' || started === 0) return;
      phases[event.phase] ??= performance.now() - started;
    });
    const longTasks = recordLongTasks();
    started = performance.now();
    await signIn(userName, password);
    const signInMs = performance.now() - started;
    let searches = 0;
    let searchableMs: number | null = null;
    while (performance.now() - started < timeoutMs) {
      searches += 1;
      const hits = unwrap(
        await store.query('directory.searchUsers', { query: expectUserName, limit: 5 }),
      );
      if (hits.some((hit) => hit.userName === expectUserName)) {
        searchableMs = performance.now() - started;
        break;
      }
      await sleep(
        phases.storing === undefined ? SEARCH_EVERY_MS.downloading : SEARCH_EVERY_MS.storing,
      );
    }
    const tasks = longTasks.stop();
    await unsubscribe();
    if (searchableMs === null)
      throw new Error(`${expectUserName} was not searchable within ${timeoutMs} ms of sign-in.`);
    const status = unwrap(await store.query('directory.status', {}));
    return { searchableMs, signInMs, phases, searches, users: status.users, longTasks: tasks };
  }

  async function saveInteractions(
    count: number,
    openedFor: string,
    inFlight: number,
  ): Promise<string[]> {
    const ids = Array.from({ length: count }, () => crypto.randomUUID());
    let next = 0;
    // A few desks' worth of agents at once: the outbox fills in seconds rather than minutes.
    const agent = async (): Promise<void> => {
      for (let i = next++; i < count; i = next++) {
        const args: CreateInteractionArgs = {
          id: ids[i] ?? crypto.randomUUID(),
          openedFor,
          contactEmail: 'caller@deskpad.example',
          contactPhone: '+1 555 123 4567',
          type: 'Walk-in',
          component: null,
          assignmentGroup: null,
          assignedTo: null,
          shortDescription: `Offline walk-in ${i + 1}: printer jam`,
          description: 'Saved by the bench while the desk was offline.',
        };
        unwrap(await store.command('interaction.create', args));
      }
    };
    await Promise.all(Array.from({ length: inFlight }, agent));
    return ids;
  }

  let synced: Promise<number> | null = null;

  /** Starts watching sync.status; `syncedAt` then answers when nothing was left to sync. */
  async function watchSynced(): Promise<void> {
    let reached: (at: number) => void = () => undefined;
    const at = new Promise<number>((resolve) => (reached = resolve));
    const stop = await store.subscribe('sync.status', {}, (result) => {
      if (result.ok && result.value.pendingChanges === 0) reached(Date.now());
    });
    synced = at.finally(() => stop());
  }

  /** Date.now() the first time, since watchSynced, the desk reported no change waiting. */
  async function syncedAt(timeoutMs: number): Promise<number> {
    if (!synced) throw new Error('Call watchSynced first.');
    const timeout = sleep(timeoutMs).then(() => {
      throw new Error(`Changes were still waiting ${timeoutMs} ms later.`);
    });
    try {
      return await Promise.race([synced, timeout]);
    } finally {
      synced = null;
    }
  }

  async function naiveDirectory(token: string, pageSize: number): Promise<NaiveDirectoryResult> {
    const worker = new Worker(new URL('./naive-directory-worker.ts', import.meta.url), {
      type: 'module',
    });
    const longTasks = recordLongTasks();
    try {
      const request: NaiveDirectoryRequest = { token, pageSize, dbName: 'bench-naive-directory' };
      const answer = await new Promise<NaiveDirectoryAnswer>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<NaiveDirectoryAnswer>) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
        worker.postMessage(request);
      });
      if ('error' in answer) throw new Error(answer.error);
      return { ...answer, longTasks: longTasks.stop() };
    } finally {
      worker.terminate();
    }
  }

  async function foundAt(
    query: string,
    expectUserName: string,
    everyMs: number,
    timeoutMs: number,
  ): Promise<number | null> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const hits = unwrap(await store.query('directory.searchUsers', { query, limit: 5 }));
      if (hits.some((hit) => hit.userName === expectUserName)) return Date.now();
      await sleep(everyMs);
    }
    return null;
  }

  const api: DeskProbeApi = {
    ready: async () => {
      unwrap(await store.query('directory.status', {}));
    },
    signIn,
    timeDirectoryDownload,
    saveInteractions,
    syncStatus: async () => unwrap(await store.query('sync.status', {})),
    syncNow: async () => unwrap(await store.act('sync.now', {})),
    directoryStatus: async () => unwrap(await store.query('directory.status', {})),
    watchSynced,
    syncedAt,
    naiveDirectory,
    foundAt,
    goTo: async (query, limit) => unwrap(await store.query('goTo.search', { query, limit })),
    syncDetails: async () => unwrap(await store.query('sync.details', {})),
  };
  win.deskpadDesk = api;
}
