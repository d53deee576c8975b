// Speaks the desk server's HTTP API for the sync engine: health, sign-in, push, pull, directory
// pages, the poke stream. Every answer is checked with the shared schemas; it never touches IndexedDB.

import {
  TEMPLATES_SYNC_PATH,
  TemplatesSyncResponse,
  type TemplatesSyncRequest,
} from '../../../shared/sync/templates-api';
import type { z } from 'zod';
import {
  POKE_EVENT,
  POKE_STREAM_HEADER,
  Poke,
  PullResponse,
  PushResponse,
  IncidentRecord,
  InteractionRecord,
  RequestRecord,
  type DirectoryPage,
  type PullRequest,
  type PushRequest,
  type SnapshotRequest,
} from '../../../shared/sync/protocol';
import type { HistoryKind } from '../../../shared/domain/history-search';
import type { KindedRecord } from '../../../shared/commands/record-set';
import { HistorySearchResult } from '../../../shared/sync/history-search-api';
import {
  API_PREFIX,
  CurrentSessionResponse,
  SignInResponse,
  type PasswordChangeRequest,
  type SetupRequest,
  type SignInRequest,
} from '../../../shared/sync/server-api';
import { EventStreamParser } from '../../../shared/sync/event-stream-parser';
import { DeskServerError, errorOfAnswer as failure } from './desk-server-error';
import { checkDirectoryPage } from './directory-page-check';
import { parseSnapshotLine, readLines, type SnapshotLine } from './snapshot-stream';

/** A record of a kind the server's history holds, with its kind. */
export type HistoryRecord = Extract<KindedRecord, { kind: HistoryKind }>;

export { EventStreamParser };
export { DeskServerError };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface DeskServerClient {
  readonly baseUrl: string;
  /** True when a Deskpad desk server answers at this address (not a plain file server). */
  health(signal?: AbortSignal): Promise<boolean>;
  signIn(input: SignInRequest): Promise<SignInResponse>;
  /** Exchanges a launch code for a session; a DeskServerError with status 401 when it is no good. */
  launch(code: string): Promise<SignInResponse>;
  /** Creates the first administrator with a setup code; answered like sign-in. */
  setup(input: SetupRequest): Promise<SignInResponse>;
  /** Changes the signed-in agent's password. */
  changePassword(token: string, input: PasswordChangeRequest): Promise<void>;
  /** Whom `token` belongs to and until when; a DeskServerError with status 401 when it is no good. */
  currentSession(token: string): Promise<CurrentSessionResponse>;
  /** Ends this session, or with `everywhere` every session of its agent. */
  signOut(token: string, everywhere?: boolean): Promise<void>;
  /**
   * `pokeStream`: the id of this desk's open poke stream, so the server does not poke it for
   * this push (the desk pulls right after anyway).
   */
  push(token: string, request: PushRequest, pokeStream?: string | null): Promise<PushResponse>;
  pull(token: string, request: PullRequest): Promise<PullResponse>;
  /**
   * A first sync's snapshot, each checked line handed to `onLine` as it arrives (awaited before
   * the next). Resolves when the answer ends; whether it had its end line is the caller's to see.
   */
  snapshot(
    token: string,
    request: SnapshotRequest,
    onLine: (line: SnapshotLine) => Promise<void>,
  ): Promise<void>;
  directoryPage(token: string, cursor: string | null, limit: number): Promise<DirectoryPage>;
  /** Runs an administrative operation (POST /api/v1/admin/<name>); the answer is unchecked here. */
  admin(token: string, name: string, input: unknown): Promise<unknown>;
  /** The templates exchange: the agent's own changes up, the list down when it changed. */
  templates(token: string, request: TemplatesSyncRequest): Promise<TemplatesSyncResponse>;
  /** The desk's figures for a filter (GET /api/v1/reports?…); the answer is unchecked here. */
  reports(token: string, query: URLSearchParams): Promise<unknown>;
  /** The server's history search (GET /api/v1/search?…), checked. */
  historySearch(token: string, query: URLSearchParams): Promise<HistorySearchResult>;
  /**
   * One record by number with its work notes (GET /api/v1/{kind}s/{number}?include=workNotes),
   * checked as the pull checks records; a DeskServerError with status 404 when there is none.
   */
  recordByNumber(token: string, kind: HistoryKind, number: string): Promise<HistoryRecord>;
  /**
   * Calls `onPoke` for every poke until the stream ends or `signal` aborts; resolves then.
   * `onBytes` hears every chunk that arrives, heartbeats included (a watchdog listens to it).
   */
  events(
    token: string,
    onPoke: (poke: Poke) => void,
    signal: AbortSignal,
    onBytes?: () => void,
  ): Promise<void>;
}

export interface DeskServerClientOptions {
  /**
   * How long a request (answer body included) may go unanswered before it is given up as a
   * network failure: a connection can stay open and silent forever. 30 s by default. The poke
   * stream has no such bound; its watchdog is the sync engine's.
   */
  requestTimeoutMs?: number;
  /** Where the timeouts come from (tests pass their own clock). */
  timers?: { set(callback: () => void, ms: number): () => void };
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

const realTimers = {
  set(callback: () => void, ms: number): () => void {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

export function createDeskServerClient(
  baseUrl: string,
  fetchFn: FetchLike,
  options: DeskServerClientOptions = {},
): DeskServerClient {
  const root = baseUrl.replace(/\/+$/, '');
  const url = (path: string): string => `${root}${API_PREFIX}${path}`;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const timers = options.timers ?? realTimers;

  /** Runs `work` with a signal that aborts after the timeout; a timeout is a network failure. */
  async function bounded<T>(
    outer: AbortSignal | null | undefined,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const deadline = new AbortController();
    let expired = false;
    const cancel = timers.set(() => {
      expired = true;
      deadline.abort();
    }, timeoutMs);
    const signal = outer ? AbortSignal.any([outer, deadline.signal]) : deadline.signal;
    try {
      return await work(signal);
    } catch (error) {
      if (expired && !outer?.aborted)
        throw new DeskServerError(
          'network',
          `The desk server at ${root} did not answer within ${Math.round(timeoutMs / 1000)} s.`,
        );
      throw error;
    } finally {
      cancel();
    }
  }

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetchFn(url(path), init);
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new DeskServerError(
        'network',
        `The desk server at ${root} did not answer (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }

  /** The answer's body as JSON, unchecked; an error answer or no JSON throws. */
  async function body(path: string, init: RequestInit): Promise<unknown> {
    return bounded(init.signal, async (signal) => {
      const response = await send(path, { ...init, signal });
      if (!response.ok) throw await failure(response);
      try {
        return (await response.json()) as unknown;
      } catch (error) {
        if (signal.aborted) throw error;
        throw new DeskServerError(
          'bad-answer',
          `The desk server's answer to ${path} was not JSON.`,
        );
      }
    });
  }

  async function json<S extends z.ZodType>(
    schema: S,
    path: string,
    init: RequestInit,
  ): Promise<z.output<S>> {
    const parsed = schema.safeParse(await body(path, init));
    if (!parsed.success)
      throw new DeskServerError(
        'bad-answer',
        `The desk server's answer to ${path} was not understood.`,
      );
    return parsed.data;
  }

  const headers = (token: string | null, body: boolean): Record<string, string> => ({
    accept: 'application/json',
    ...(body ? { 'content-type': 'application/json' } : {}),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });

  const posting = (token: string | null, input: unknown): RequestInit => ({
    method: 'POST',
    headers: headers(token, true),
    body: JSON.stringify(input),
  });

  return {
    baseUrl: root,
    async health(outer) {
      try {
        return await bounded(outer, async (signal) => {
          const response = await fetchFn(url('/health'), {
            headers: headers(null, false),
            signal,
          });
          if (!response.ok) return false;
          const body = (await response.json()) as { ok?: unknown };
          return body.ok === true;
        });
      } catch {
        return false;
      }
    },
    signIn: (input) => json(SignInResponse, '/sessions', posting(null, input)),
    launch: (code) => json(SignInResponse, '/sessions/launch', posting(null, { code })),
    setup: (input) => json(SignInResponse, '/setup', posting(null, input)),
    async changePassword(token, input) {
      await bounded(null, async (signal) => {
        const response = await send('/sessions/password', { ...posting(token, input), signal });
        if (!response.ok) throw await failure(response);
      });
    },
    currentSession: (token) =>
      json(CurrentSessionResponse, '/sessions/current', { headers: headers(token, false) }),
    async signOut(token, everywhere = false) {
      await bounded(null, async (signal) => {
        const response = await send(everywhere ? '/sessions' : '/sessions/current', {
          method: 'DELETE',
          headers: headers(token, false),
          signal,
        });
        // Already ended on the server is as good as ended.
        if (!response.ok && response.status !== 401) throw await failure(response);
      });
    },
    push: (token, request, pokeStream) =>
      json(PushResponse, '/sync/push', {
        method: 'POST',
        headers: {
          ...headers(token, true),
          ...(pokeStream ? { [POKE_STREAM_HEADER]: pokeStream } : {}),
        },
        body: JSON.stringify(request),
      }),
    admin: (token, name, input) =>
      body(`/admin/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: headers(token, true),
        body: JSON.stringify(input),
      }),
    templates: (token, request) =>
      json(TemplatesSyncResponse, TEMPLATES_SYNC_PATH, posting(token, request)),
    reports: (token, query) =>
      body(`/reports?${query.toString()}`, { headers: headers(token, false) }),
    historySearch: (token, query) =>
      json(HistorySearchResult, `/search?${query.toString()}`, { headers: headers(token, false) }),
    async recordByNumber(token, kind, number) {
      const path = (plural: string) => `/${plural}/${encodeURIComponent(number)}?include=workNotes`;
      const init = { headers: headers(token, false) };
      switch (kind) {
        case 'interaction':
          return { kind, record: await json(InteractionRecord, path('interactions'), init) };
        case 'incident':
          return { kind, record: await json(IncidentRecord, path('incidents'), init) };
        case 'request':
          return { kind, record: await json(RequestRecord, path('requests'), init) };
      }
    },
    pull: (token, request) =>
      json(PullResponse, '/sync/pull', {
        method: 'POST',
        headers: headers(token, true),
        body: JSON.stringify(request),
      }),
    async snapshot(token, request, onLine) {
      const path = '/sync/snapshot';
      const silent = new AbortController();
      const response = await bounded(silent.signal, (signal) =>
        send(path, {
          ...posting(token, request),
          headers: { ...headers(token, true), accept: 'application/x-ndjson' },
          signal,
        }),
      );
      if (!response.ok) throw await failure(response);
      if (!response.body)
        throw new DeskServerError('bad-answer', `The desk server's answer to ${path} was empty.`);
      try {
        await readLines(
          response.body,
          async (text) => {
            const line = parseSnapshotLine(text);
            if (!line)
              throw new DeskServerError(
                'bad-answer',
                `The desk server's answer to ${path} was not understood.`,
              );
            await onLine(line);
          },
          {
            ms: timeoutMs,
            set: (callback, ms) => timers.set(callback, ms),
            expired: () => silent.abort(),
          },
        );
      } catch (error) {
        if (error instanceof DeskServerError) throw error;
        // Cut off (the network, the server, or silence): the desk asks again later.
        throw new DeskServerError(
          'network',
          `The desk server at ${root} stopped sending this desk's records (${error instanceof Error ? error.message : String(error)}).`,
        );
      }
    },
    async directoryPage(token, cursor, limit) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor !== null) query.set('cursor', cursor);
      const path = `/directory?${query.toString()}`;
      // Checked by hand, not with the schema: the same verdict for a fraction of the time.
      const checked = checkDirectoryPage(await body(path, { headers: headers(token, false) }));
      if (!checked.ok)
        throw new DeskServerError(
          'bad-answer',
          `The desk server sent a directory page this desk cannot use (${checked.problem}); the directory on this desk was left as it was.`,
        );
      return checked.page;
    },
    async events(token, onPoke, signal, onBytes) {
      // EventSource cannot send Authorization: the stream is read with fetch.
      const response = await send('/sync/events', {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
        signal,
      });
      if (!response.ok) throw await failure(response);
      if (!response.body) return;
      const parser = new EventStreamParser((event, data) => {
        if (event !== POKE_EVENT) return;
        try {
          const poke = Poke.safeParse(JSON.parse(data));
          if (poke.success) onPoke(poke.data);
        } catch {
          // A poke we cannot read is just a reason to pull; ignore its body.
        }
      });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          onBytes?.();
          parser.feed(decoder.decode(value, { stream: true }));
        }
      } catch (error) {
        if (!signal.aborted) throw error;
      } finally {
        reader.releaseLock();
      }
    },
  };
}
