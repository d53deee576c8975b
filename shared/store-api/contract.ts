// The store API contract: every command, query and event a window may send to the store host,
// with the zod schema that checks it on arrival. Adding an operation starts here.

import { z } from 'zod';
import type { ConfigurationItemView, Group, User, UserHit } from '../domain/directory';
import { Id } from '../domain/directory';
import {
  AddWorkNoteArgs,
  CloseInteractionArgs,
  CreateInteractionArgs,
  INTERACTION_STATES,
  INTERACTION_TYPES,
  UpdateInteractionArgs,
  type Interaction,
  type InteractionState,
  type InteractionType,
} from '../domain/interaction';
import type { StoreResult } from '../domain/result';

// ---- commands: the writes; each one is recorded in the outbox in the same transaction ----

export const commandInputs = {
  'interaction.create': CreateInteractionArgs,
  'interaction.update': UpdateInteractionArgs,
  'interaction.addWorkNote': AddWorkNoteArgs,
  'interaction.close': CloseInteractionArgs,
} as const;

export interface CommandOutputs {
  'interaction.create': InteractionView;
  'interaction.update': InteractionView;
  'interaction.addWorkNote': InteractionView;
  'interaction.close': InteractionView;
}

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
  'directory.getUser': z.object({ id: Id }),
  'directory.listGroups': z.object({}),
  'directory.groupMembers': z.object({ groupId: Id }),
  'directory.searchConfigurationItems': z.object({ query: SearchText, limit: Limit.max(50).default(10) }),
  'directory.getConfigurationItem': z.object({ id: Id }),
  'interaction.get': z.object({ id: Id }),
  'interaction.list': z.object({
    view: z.enum(INTERACTION_LIST_VIEWS),
    type: z.enum(INTERACTION_TYPES).optional(),
    state: z.enum(INTERACTION_STATES).optional(),
    limit: Limit.default(100),
  }),
  'interaction.listForUser': z.object({ userId: Id, limit: Limit.default(50) }),
} as const;

export interface Session {
  agent: User;
  clientId: string;
}

export interface SyncStatus {
  /** What the desk believes right now: it never waits on the network to answer. */
  connection: 'online' | 'offline' | 'syncing';
  /** Changes saved on this desk and not yet acknowledged by the desk server. */
  pendingChanges: number;
  lastSyncedAt: string | null;
  /** The last sync problem in words, or null. */
  lastError: string | null;
}

export interface DirectoryStatus {
  ready: boolean;
  users: number;
  groups: number;
  configurationItems: number;
  /** The directory's own version, so a window can tell when it changed. */
  loadedAt: string | null;
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

export interface QueryOutputs {
  'session.current': Session;
  'sync.status': SyncStatus;
  'directory.status': DirectoryStatus;
  'directory.searchUsers': UserHit[];
  'directory.getUser': User | null;
  'directory.listGroups': Group[];
  'directory.groupMembers': User[];
  'directory.searchConfigurationItems': ConfigurationItemView[];
  'directory.getConfigurationItem': ConfigurationItemView | null;
  'interaction.get': InteractionView | null;
  'interaction.list': InteractionListItem[];
  'interaction.listForUser': InteractionListItem[];
}

// ---- events pushed from the store host ----

export type StoreEvent =
  | { type: 'directory-progress'; phase: 'generating' | 'storing' | 'indexing' | 'ready'; done: number; total: number }
  | { type: 'store-error'; message: string };

// ---- the typed surface ----

export type CommandName = keyof typeof commandInputs;
export type QueryName = keyof typeof queryInputs;
/** What a caller passes (defaults may be omitted). */
export type CommandInput<N extends CommandName> = z.input<(typeof commandInputs)[N]>;
export type QueryInput<N extends QueryName> = z.input<(typeof queryInputs)[N]>;
/** What a handler receives after validation. */
export type CommandArgs<N extends CommandName> = z.output<(typeof commandInputs)[N]>;
export type QueryArgs<N extends QueryName> = z.output<(typeof queryInputs)[N]>;
export type CommandOutput<N extends CommandName> = CommandOutputs[N];
export type QueryOutput<N extends QueryName> = QueryOutputs[N];

export type Unsubscribe = () => void;

/**
 * What the store host serves on each window's port (via Comlink). Every argument is checked on
 * arrival: a name not listed here, or an input its schema refuses, gets a StoreError back.
 */
export interface StoreHostApi {
  command<N extends CommandName>(name: N, input: CommandInput<N>): Promise<StoreResult<CommandOutput<N>>>;
  query<N extends QueryName>(name: N, input: QueryInput<N>): Promise<StoreResult<QueryOutput<N>>>;
  /** A live query: `listener` gets the first result at once and a fresh one whenever its data changes. */
  subscribe<N extends QueryName>(
    name: N,
    input: QueryInput<N>,
    listener: (result: StoreResult<QueryOutput<N>>) => void,
  ): Promise<Unsubscribe>;
  onEvent(listener: (event: StoreEvent) => void): Promise<Unsubscribe>;
}

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && Object.hasOwn(commandInputs, name);
export const isQueryName = (name: unknown): name is QueryName =>
  typeof name === 'string' && Object.hasOwn(queryInputs, name);
