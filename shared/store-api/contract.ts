// The store API contract: every command, query and event a window may send to the store host,
// with the zod schema that checks it on arrival. Commands come from their registry
// (shared/commands/registry.ts); adding a query or an action starts here.

import type { DashboardFigures } from '../domain/article-figures';
import type { CommandKind } from '../commands/command-module';
import { z } from 'zod';
import { ImportKind, type ImportUpload } from '../admin/import';
import type { ConfigurationItemView, Group, User, UserHit } from '../domain/directory';
import { Id } from '../domain/directory';
import type { Lookahead } from '../domain/lookahead';
import {
  INTERACTION_STATES,
  INTERACTION_TYPES,
  type Interaction,
  type InteractionState,
  type InteractionType,
} from '../domain/interaction';
import type { StoreError, StoreResult } from '../domain/result';
import {
  commandInputs,
  isCommandName,
  type CommandName,
  type CommandOutputs,
} from '../commands/registry';
import { PasswordChangeRequest, SetupRequest, SignInRequest } from '../sync/server-api';
import { escalationQueryInputs, type EscalationQueryOutputs } from './escalation-contract';
import { callQueryInputs, type CallQueryOutputs } from './call-contract';
import { figureQueryInputs, type FigureQueryOutputs } from './figures-contract';
import { FigureFilter } from '../domain/desk-figures';
import { walkUpQueryInputs, type WalkUpQueryOutputs } from './walk-up-contract';
import {
  templateActionInputs,
  templateQueryInputs,
  type TemplateActionOutputs,
  type TemplateQueryOutputs,
} from './template-contract';
import { goToQueryInputs, type GoToQueryOutputs } from './go-to-contract';
import { knowledgeQueryInputs, type KnowledgeQueryOutputs } from './knowledge-contract';
import { historyActionInputs, type HistoryActionOutputs } from './history-contract';
import type { DirectoryStatus, SyncDetails, SyncStatus } from './sync-status-contract';

// ---- commands: the writes; each one is recorded in the outbox in the same transaction ----

/** Each command's argument schema and answer, from the registry of command modules. */
export { commandInputs, isCommandName, type CommandName, type CommandOutputs };

// ---- queries: the reads; each may also be subscribed to as a live query ----

export const INTERACTION_LIST_VIEWS = ['my-open', 'all-open', 'recently-closed'] as const;
export type InteractionListView = (typeof INTERACTION_LIST_VIEWS)[number];

const SearchText = z.string().max(100, 'Search text can be at most 100 characters.');
const Limit = z.number().int().min(1).max(200);

export const queryInputs = {
  'session.current': z.object({}),
  'sync.status': z.object({}),
  'directory.status': z.object({}),
  'directory.searchUsers': z.object({ query: SearchText, limit: Limit.max(50).default(10) }),
  /** What `directory.searchUsers` would answer for the text plus each likely next key. */
  'directory.searchUsersAhead': z.object({
    query: SearchText.max(99, 'Search text can be at most 100 characters.'),
    limit: Limit.max(50).default(10),
  }),
  /** The callers of the agent's latest interactions on this desk, newest first, each once. */
  'directory.recentCallers': z.object({ limit: Limit.max(20).default(5) }),
  'directory.getUser': z.object({ id: Id }),
  'directory.listGroups': z.object({}),
  'directory.groupMembers': z.object({ groupId: Id }),
  /** The desk's agents (agents, admins, managers in any group), by name: the dashboard's Agent filter. */
  'directory.agents': z.object({}),
  'directory.searchConfigurationItems': z.object({
    query: SearchText,
    limit: Limit.max(50).default(10),
  }),
  'directory.getConfigurationItem': z.object({ id: Id }),
  'interaction.get': z.object({ id: Id }),
  'interaction.list': z.object({
    view: z.enum(INTERACTION_LIST_VIEWS),
    type: z.enum(INTERACTION_TYPES).optional(),
    state: z.enum(INTERACTION_STATES).optional(),
    limit: Limit.default(100),
  }),
  'interaction.listForUser': z.object({ userId: Id, limit: Limit.default(50) }),
  'session.state': z.object({}),
  'sync.needsAttention': z.object({ limit: Limit.max(500).default(200) }),
  /** Sync details: the last sync attempts and the store host's recent log lines. */
  'sync.details': z.object({}),
  // Incidents, requests, User's Tasks, Callbacks due and the catalog (issue 4, ADR 0006).
  ...escalationQueryInputs,
  // The walk-up desk: its locations, a location's live queue, a visit (issue 12).
  ...walkUpQueryInputs,
  // The phone desk: the incoming-call banner, the caller log, a call (issue 13).
  ...callQueryInputs,
  // The agent's own figures for today, offline too (issue 14).
  ...figureQueryInputs,
  // Go to anything: by number, caller or words over what the desk holds, offline too (issue 16).
  ...goToQueryInputs,
  // Contact templates: the agent's own and its location's (issue 16, item 3).
  ...templateQueryInputs,
  // Knowledge articles suggested beside the interaction form, offline too (issue 16 item 4).
  ...knowledgeQueryInputs,
} as const;

// ---- actions: writes that are not domain records, so never recorded in the outbox ----

/** A file as it crosses the port (a Blob or File, structured-cloned): shared/ cannot name the DOM type. */
export interface PortFile {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}
const isPortFile = (value: unknown): value is PortFile =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { size?: unknown }).size === 'number' &&
  typeof (value as { arrayBuffer?: unknown }).arrayBuffer === 'function';

const NeedsAttentionRef = z.object({ id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

export const actionInputs = {
  /** Signs this desk in against its desk server; the session is kept so the desk opens offline. */
  'session.signIn': SignInRequest,
  /**
   * Takes a session token obtained elsewhere (the launcher signed the demo agent in); the store
   * host checks it with the desk server (`GET /api/v1/sessions/current`) before keeping it.
   */
  'session.adopt': z.strictObject({ token: z.string().min(16).max(512) }),
  /**
   * Exchanges a launch code (`/#launch=<code>`, single use, short-lived) for a session with the
   * desk server (`POST /api/v1/sessions/launch`). Like session.adopt, another agent than the one
   * signed in is only offered (SessionState.switchAsked) until session.switch answers.
   */
  // The shape of server-api's LaunchRequest, which the desk server checks in full.
  'session.launch': z.strictObject({ code: z.string().min(1).max(128) }),
  /**
   * Creates the first administrator with the setup link's code (`/#setup=<code>`) and signs this
   * desk in as them (`POST /api/v1/setup`, answered like sign-in).
   */
  'session.setup': SetupRequest,
  /** The signed-in agent changes their password (a temporary one first of all). */
  'session.changePassword': PasswordChangeRequest,
  /** Answers the switch the desk asked about: take the offered session, or keep the one signed in. */
  'session.switch': z.strictObject({ accept: z.boolean() }),
  /**
   * Forgets the session (and tells the server); changes not yet synced stay on the desk. With
   * `everywhere`, every session of the agent ends on the server first (a failure keeps this one).
   */
  'session.signOut': z.strictObject({ everywhere: z.boolean().optional() }),
  /** Sync now instead of waiting for the next poke or retry. */
  'sync.now': z.object({}),
  /**
   * The window has drawn its first screen: a desk that opened signed in waits for this (or a few
   * seconds) before its first sync, so the window's start gets the CPU and the link first
   * (decision 0016).
   */
  'sync.windowShown': z.strictObject({}),
  /** Sends a refused change again, as a new change, after the agent fixed what was wrong. */
  'sync.retry': NeedsAttentionRef,
  /** Drops a refused change for good. */
  'sync.discard': NeedsAttentionRef,
  /**
   * An administrative operation (shared/admin/operations.ts), run on the desk server as the
   * signed-in agent; the store host checks the input and the answer against the operation's schemas.
   */
  'admin.call': z.strictObject({
    operation: z.string().min(1).max(100),
    input: z.unknown(),
  }),
  /**
   * The desk's figures over every desk for a period and filters (managers and admins), computed by
   * the desk server with the same definitions as My day (docs/decisions/0015). Online only.
   */
  'reports.fetch': FigureFilter,
  /** Sends a CSV file to the desk server for an import (admins); answers its columns and preview. */
  'admin.import': z.strictObject({
    kind: ImportKind,
    fileName: z.string().trim().min(1, 'The file needs a name.').max(255),
    file: z.custom<PortFile>(isPortFile, 'Choose a file to import.'),
  }),
  // The server's history: search it and open a record this desk does not hold (issue 15).
  ...historyActionInputs,
  // The agent's own contact templates, kept on the desk and exchanged with the desk server.
  ...templateActionInputs,
} as const;

export interface ActionOutputs extends HistoryActionOutputs, TemplateActionOutputs {
  'session.signIn': SessionState;
  'session.adopt': SessionState;
  'session.launch': SessionState;
  'session.setup': SessionState;
  'session.changePassword': SessionState;
  'session.switch': SessionState;
  'session.signOut': SessionState;
  'sync.now': SyncStatus;
  'sync.windowShown': null;
  /** The new mutationId the change was queued with. */
  'sync.retry': { mutationId: number };
  'sync.discard': { id: number };
  /** The operation's output; renderer/admin/admin-client.ts types it by the operation's name. */
  'admin.call': unknown;
  'admin.import': ImportUpload;
  'reports.fetch': DashboardFigures;
}

export interface Session {
  agent: User;
  clientId: string;
}

/** Who this desk works as, and against which desk server. */
export interface SessionState {
  /**
   * `local`: no desk server is configured for this desk (the demo agent, the demo directory);
   * `signed-out`: a server is configured and nobody is signed in; `signed-in`: a session is kept;
   * `starting`: not known yet (a desk server is configured and has not answered, and this desk
   * never knew one, or a launch link is being exchanged): show neither the workspace nor Sign in.
   */
  status: 'local' | 'signed-out' | 'signed-in' | 'starting';
  agent: User | null;
  serverUrl: string | null;
  /** When the kept session stops working and the agent must sign in again. */
  expiresAt: string | null;
  /**
   * Why a `signed-out` desk has no session, kept across restarts: `sign-out` (an agent signed out,
   * in any window) or `expired` (the desk server refused the token: the agent keeps working and
   * signs in again to sync). Null or absent otherwise, and when nobody has signed in yet.
   */
  endedBy?: 'sign-out' | 'expired' | null;
  /** A session of another agent was offered (a launch link, an adopted token): ask first. */
  switchAsked?: SwitchAsked | null;
  /** Signed in with a temporary password: "Change your password" before anything else. */
  mustChangePassword?: boolean;
}

/** "Switch from A to B?": who is signed in, who was offered, and A's changes not synced yet. */
export interface SwitchAsked {
  from: User;
  to: User;
  /** A's changes waiting on this desk; they stay and are sent when A signs in again. */
  unsynced: number;
}

/** A change the desk server refused: its data stays here until the agent retries or discards it. */
export interface NeedsAttentionItem {
  /** `sync.retry` / `sync.discard` take it. */
  id: number;
  /** The mutationId it was pushed with. */
  mutationId: number;
  name: CommandName;
  args: unknown;
  /** When the agent made the change. */
  at: string;
  actorId: string;
  /** The kind of record the change is named by (`args.id`): what Open opens. */
  recordKind: CommandKind;
  /** That record as this desk shows it now (null if it is not here). */
  recordId: string | null;
  recordNumber: string | null;
  shortDescription: string | null;
  reason: StoreError;
  refusedAt: string;
}

/** An interaction with the display values the screens need, resolved in the store host. */
export interface InteractionView extends Interaction {
  openedForName: string | null;
  componentName: string | null;
  assignmentGroupName: string | null;
  assignedToName: string | null;
}

export interface InteractionListItem {
  id: string;
  number: string;
  numberProvisional: boolean;
  shortDescription: string;
  type: InteractionType;
  state: InteractionState;
  openedFor: string | null;
  openedForName: string | null;
  assignedToName: string | null;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface QueryOutputs
  extends
    EscalationQueryOutputs,
    WalkUpQueryOutputs,
    CallQueryOutputs,
    FigureQueryOutputs,
    GoToQueryOutputs,
    TemplateQueryOutputs,
    KnowledgeQueryOutputs {
  'session.current': Session;
  'sync.status': SyncStatus;
  'directory.status': DirectoryStatus;
  'directory.searchUsers': UserHit[];
  'directory.searchUsersAhead': Lookahead<UserHit>;
  'directory.recentCallers': UserHit[];
  'directory.getUser': User | null;
  'directory.listGroups': Group[];
  'directory.groupMembers': User[];
  'directory.agents': User[];
  'directory.searchConfigurationItems': ConfigurationItemView[];
  'directory.getConfigurationItem': ConfigurationItemView | null;
  'interaction.get': InteractionView | null;
  'interaction.list': InteractionListItem[];
  'interaction.listForUser': InteractionListItem[];
  'session.state': SessionState;
  'sync.needsAttention': NeedsAttentionItem[];
  'sync.details': SyncDetails;
}

// The sync status, Sync details and the directory's status (sync-status-contract.ts).
export type {
  DirectoryStatus,
  StorageUse,
  SyncAttempt,
  SyncAttemptKind,
  SyncDetails,
  SyncLogLine,
  SyncStatus,
  WaitingForAgent,
} from './sync-status-contract';

// ---- events pushed from the store host ----

export type StoreEvent =
  | {
      type: 'directory-progress';
      /**
       * `generating`: preparing the directory — made locally (the demo) or, with `source:
       * 'server'`, downloaded page by page (done/total in records; total grows while pages come).
       */
      phase: 'generating' | 'storing' | 'indexing' | 'ready';
      done: number;
      total: number;
      /** Where the directory comes from; absent means the locally generated demo. */
      source?: 'demo' | 'server';
    }
  | { type: 'store-error'; message: string };

// ---- the typed surface ----

export type QueryName = keyof typeof queryInputs;
/** What a caller passes (defaults may be omitted). */
export type CommandInput<N extends CommandName> = z.input<(typeof commandInputs)[N]>;
export type QueryInput<N extends QueryName> = z.input<(typeof queryInputs)[N]>;
/** What a handler receives after validation. */
export type CommandArgs<N extends CommandName> = z.output<(typeof commandInputs)[N]>;
export type QueryArgs<N extends QueryName> = z.output<(typeof queryInputs)[N]>;
export type CommandOutput<N extends CommandName> = CommandOutputs[N];
export type ActionName = keyof typeof actionInputs;
export type ActionInput<N extends ActionName> = z.input<(typeof actionInputs)[N]>;
export type ActionArgs<N extends ActionName> = z.output<(typeof actionInputs)[N]>;
export type ActionOutput<N extends ActionName> = ActionOutputs[N];
export type QueryOutput<N extends QueryName> = QueryOutputs[N];

export type Unsubscribe = () => void;

/**
 * What the store host serves on each window's port (via Comlink). Every argument is checked on
 * arrival: a name not listed here, or an input its schema refuses, gets a StoreError back.
 */
export interface StoreHostApi {
  command<N extends CommandName>(
    name: N,
    input: CommandInput<N>,
  ): Promise<StoreResult<CommandOutput<N>>>;
  query<N extends QueryName>(name: N, input: QueryInput<N>): Promise<StoreResult<QueryOutput<N>>>;
  /** A live query: `listener` gets the first result at once and a fresh one whenever its data changes. */
  subscribe<N extends QueryName>(
    name: N,
    input: QueryInput<N>,
    listener: (result: StoreResult<QueryOutput<N>>) => void,
  ): Promise<Unsubscribe>;
  onEvent(listener: (event: StoreEvent) => void): Promise<Unsubscribe>;
  /** Session and sync actions (sign in, sync now, retry or discard a refused change); never in the outbox. */
  act<N extends ActionName>(name: N, input: ActionInput<N>): Promise<StoreResult<ActionOutput<N>>>;
}

export const isActionName = (name: unknown): name is ActionName =>
  typeof name === 'string' && Object.hasOwn(actionInputs, name);
export const isQueryName = (name: unknown): name is QueryName =>
  typeof name === 'string' && Object.hasOwn(queryInputs, name);
