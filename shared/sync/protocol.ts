// The sync protocol between a desk and the desk server: push, pull, poke and directory pages.
// Shapes and pure checks only; it never talks to the network and never touches a database.

import { Call } from '../domain/call';
import { Visit } from '../domain/visit';
import { z } from 'zod';
import { CatalogItem } from '../domain/catalog';
import { PublishedArticle } from '../domain/knowledge';
import { ConfigurationItem, Group, Id, User } from '../domain/directory';
import { WalkUpLocation } from '../domain/walk-up-location';
import type { StoreResult } from '../domain/result';
import { ok } from '../domain/result';
import type { CommandArgs, CommandName } from '../store-api/contract';
import type { OutboxEntry } from '../store-api/outbox';
import { parseCommand } from '../store-api/validate';
import {
  ClientId,
  IncidentRecord,
  InteractionRecord,
  IsoTimestamp,
  MutationId,
  nestsDeeperThan,
  RequestRecord,
  StoreErrorShape,
  SYNC_LIMITS,
  SyncCursor,
} from './wire';

export {
  ClientId,
  IncidentRecord,
  InteractionRecord,
  IsoTimestamp,
  MutationId,
  nestsDeeperThan,
  RequestRecord,
  StoreErrorShape,
  SYNC_LIMITS,
  SyncCursor,
} from './wire';

// ---- push ----

/**
 * One outbox entry as it travels. `name` and `args` are checked per mutation on arrival (see
 * `parsePushedMutation`): a mutation the server cannot read is refused with the reason, it does
 * not fail the whole push, so one bad entry never blocks the entries behind it. Only args nested
 * deeper than any command's refuse the push whole: no desk writes them, and the server could not
 * even record them.
 */
export const PushedMutation = z.strictObject({
  mutationId: MutationId,
  name: z.string().min(1).max(100),
  args: z
    .unknown()
    .refine(
      (args) => !nestsDeeperThan(args, SYNC_LIMITS.argsDepth),
      `args may not be nested more than ${SYNC_LIMITS.argsDepth} levels deep.`,
    ),
  at: IsoTimestamp('at'),
  actorId: Id,
});
export type PushedMutation = z.infer<typeof PushedMutation>;

export const PushRequest = z
  .strictObject({
    clientId: ClientId,
    mutations: z
      .array(PushedMutation)
      .min(1, 'A push carries at least one mutation.')
      .max(
        SYNC_LIMITS.mutationsPerPush,
        `A push carries at most ${SYNC_LIMITS.mutationsPerPush} mutations.`,
      ),
  })
  .superRefine((push, context) => {
    // In outbox order with no holes: the server checks the first id against what it has seen.
    push.mutations.forEach((m, i) => {
      const previous = push.mutations[i - 1];
      if (previous && m.mutationId !== previous.mutationId + 1) {
        context.addIssue({
          code: 'custom',
          path: ['mutations', i, 'mutationId'],
          message: 'The mutations of a push must have consecutive mutationIds, in order.',
        });
      }
    });
  });
export type PushRequest = z.infer<typeof PushRequest>;

/** A mutation the server recorded but did not apply: the desk keeps its data and shows why. */
export const MutationRefusal = z.object({ mutationId: MutationId, reason: StoreErrorShape });
export type MutationRefusal = z.infer<typeof MutationRefusal>;

export const PushResponse = z.object({
  /** Every mutation up to this one is done: applied, or refused and listed in `refused`. */
  lastMutationId: z.int().nonnegative(),
  /** The refused mutations among this push's ids, including ones refused by an earlier try. */
  refused: z.array(MutationRefusal),
});
export type PushResponse = z.infer<typeof PushResponse>;

// ---- pull ----

export const PullRequest = z.strictObject({
  clientId: ClientId,
  cursor: SyncCursor.nullable(),
  /**
   * The oldest mutationId still in the desk's outbox. The answer then lists the refusals from
   * there on, so a desk whose push answer was lost still learns which entries need attention.
   */
  firstPendingMutationId: MutationId.optional(),
  /**
   * The desk is starting over (after a restored server): list every record it may see, not only
   * its sync scope, so it can tell which of its records the server lost and send them again.
   */
  unscoped: z.literal(true).optional(),
});
export type PullRequest = z.infer<typeof PullRequest>;

export const PullResponse = z.object({
  cursor: SyncCursor,
  /**
   * The client's last done mutation, read in the same snapshot as the rows. A desk drops
   * acknowledged outbox entries only from an answer with `more: false`.
   */
  lastMutationId: z.int().nonnegative(),
  /**
   * Records changed since the cursor, each list oldest change first. One change version orders
   * all three kinds, so a page is every change up to its cursor whatever the kind; a command that
   * changed two records (an escalation) lands both in the same page.
   */
  interactions: z.array(InteractionRecord),
  incidents: z.array(IncidentRecord).default([]),
  requests: z.array(RequestRecord).default([]),
  /** Walk-up visits (issue 12); absent from servers before them. */
  visits: z.array(Visit).default([]),
  /** Phone calls (issue 13); absent from servers before them. */
  calls: z.array(Call).default([]),
  /** More changes wait: pull again at once with the new cursor. */
  more: z.boolean(),
  /**
   * The cursor came from another database (the server was reset or restored): the rows start
   * from the beginning and the desk replaces its copy of the server's state.
   */
  reset: z.boolean(),
  refused: z.array(MutationRefusal),
  /**
   * The administrator's sync-scope settings (ADR 0020): the desk's eviction keeps N days and
   * evicts down to the ceiling. Absent from servers before them: the desk's defaults hold.
   */
  scope: z.object({ recentDays: z.int().positive(), ceilingMb: z.int().positive() }).optional(),
  /**
   * The desk's scope grew since its cursor (a group joined, a larger N): this answer starts its
   * whole scope over from the beginning. A desk that takes snapshots takes one instead (ADR 0020);
   * one from before snapshots ignores it and pulls on. Absent otherwise.
   */
  rescoped: z.literal(true).optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

// ---- snapshot (a first sync: POST /api/v1/sync/snapshot, ADR 0020) ----

/** The kinds a snapshot carries, in the order its pages come. */
export const SNAPSHOT_KINDS = ['interactions', 'incidents', 'requests', 'visits', 'calls'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

/** What a desk that never pulled asks: its whole scope, as the server holds it now. */
export const SnapshotRequest = z.strictObject({
  clientId: ClientId,
  /** As for a pull: the end line then lists the refusals from there on. */
  firstPendingMutationId: MutationId.optional(),
});
export type SnapshotRequest = z.infer<typeof SnapshotRequest>;

/**
 * The answer is NDJSON, one JSON object a line: first the totals (for a progress bar), then pages
 * of one kind each (`SYNC_LIMITS.recordsPerSnapshotPage` records at most), then the end — the
 * cursor a pull would have answered after the last page. The first totals count the records in
 * scope by themselves; when records linked to them follow, a second `start` line before their
 * pages gives the totals with them (a desk takes the latest; one from before this did so too). An answer without its end line was cut off: the desk keeps the
 * pages it stored and asks again.
 */
export const SnapshotStart = z.object({
  type: z.literal('start'),
  total: z.int().nonnegative(),
  counts: z.partialRecord(z.enum(SNAPSHOT_KINDS), z.int().nonnegative()),
});
export const SnapshotPage = z.discriminatedUnion('kind', [
  z.object({
    type: z.literal('page'),
    kind: z.literal('interactions'),
    records: z.array(InteractionRecord),
  }),
  z.object({
    type: z.literal('page'),
    kind: z.literal('incidents'),
    records: z.array(IncidentRecord),
  }),
  z.object({
    type: z.literal('page'),
    kind: z.literal('requests'),
    records: z.array(RequestRecord),
  }),
  z.object({ type: z.literal('page'), kind: z.literal('visits'), records: z.array(Visit) }),
  z.object({ type: z.literal('page'), kind: z.literal('calls'), records: z.array(Call) }),
]);
export type SnapshotPage = z.infer<typeof SnapshotPage>;
export const SnapshotEnd = PullResponse.pick({
  cursor: true,
  lastMutationId: true,
  refused: true,
  scope: true,
}).extend({ type: z.literal('end') });
export type SnapshotEnd = z.infer<typeof SnapshotEnd>;

// ---- poke (server-sent events on GET /api/v1/sync/events) ----

export const POKE_EVENT = 'poke';

/** The id the server gives one poke stream (URL-safe, unguessable). */
export const PokeStreamId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'A poke stream id is 8 to 64 letters, digits, _ or -.');

/**
 * The request header a desk may send its pushes with: the `stream` of its own open poke stream.
 * That stream is then not poked for the push's changes, since the desk pulls right after its
 * push anyway; every other stream is. Without it, every stream is poked.
 */
export const POKE_STREAM_HEADER = 'deskpad-poke-stream';

/** "Pull now". Sent on connect too, so a desk that reconnects catches up at once. */
export const Poke = z.object({
  /** `interactions`: any synced record changed (interactions, incidents, requests). */
  topic: z.enum(['interactions', 'directory']),
  /** Only on the poke sent on connect: this stream's id, for `POKE_STREAM_HEADER`. */
  stream: PokeStreamId.optional(),
});
export type Poke = z.infer<typeof Poke>;

// ---- directory pages (GET /api/v1/directory) ----

export const KnowledgeFeedEntry = z.object({
  id: z.string(),
  article: PublishedArticle.nullable(),
});
export type KnowledgeFeedEntry = z.infer<typeof KnowledgeFeedEntry>;

export const DirectoryPage = z.object({
  users: z.array(User),
  groups: z.array(Group),
  configurationItems: z.array(ConfigurationItem),
  /** Request forms (docs/decisions/0006); a desk keeps them for Create Request offline. */
  catalogItems: z.array(CatalogItem).default([]),
  /** Published knowledge articles (issue 16 item 4); `article: null` means retired, forget it. */
  knowledgeArticles: z.array(KnowledgeFeedEntry).default([]),
  /** Walk-up locations with their settings (issue 12); a desk keeps them for its queue offline. */
  locations: z.array(WalkUpLocation).default([]),
  cursor: SyncCursor,
  more: z.boolean(),
  reset: z.boolean(),
});
export type DirectoryPage = z.infer<typeof DirectoryPage>;

// ---- helpers both sides use ----

/** The wire form of an outbox entry that the store has given its id. */
export function toPushedMutation(entry: OutboxEntry & { mutationId: number }): PushedMutation {
  return {
    mutationId: entry.mutationId,
    name: entry.name,
    args: entry.args,
    at: entry.at,
    actorId: entry.actorId,
  };
}

export type ParsedMutation = { [N in CommandName]: { name: N; args: CommandArgs<N> } }[CommandName];

/** Checks a pushed mutation's name and args against the store contract, as the store host does. */
export function parsePushedMutation(mutation: PushedMutation): StoreResult<ParsedMutation> {
  const parsed = parseCommand(mutation.name, mutation.args);
  return parsed.ok ? ok(parsed.value) : parsed;
}
