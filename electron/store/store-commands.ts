// Runs one validated command on the desk's database: loads the records it names, checks the shared
// permission matrix (as the server will), lets the shared applyCommand decide, writes what changed
// plus ONE outbox entry in one transaction. Never decides a rule.

import type { Table } from 'dexie';
import {
  ratingKey,
  type ArticleRating,
  type KnowledgeRules,
} from '../../shared/domain/article-rating';
import { commandModule } from '../../shared/commands/registry';
import type { CatalogItem } from '../../shared/domain/catalog';
import type { Incident } from '../../shared/domain/incident';
import type { MutationContext } from '../../shared/domain/interaction';
import { provisionalNumber } from '../../shared/domain/numbering';
import { ok, type StoreResult } from '../../shared/domain/result';
import type { Actor } from '../../shared/commands/permission';
import {
  recordKey,
  RecordMap,
  type KindedRecord,
  type RecordKind,
  type RecordRef,
  type RecordSet,
} from '../../shared/commands/record-set';
import {
  applyCommand,
  commandPermitted,
  directoryNeeds,
  recordsOf,
  type ParsedCommand,
} from '../../shared/store-api/apply-command';
import type { OutboxEntry } from '../../shared/store-api/outbox';
import {
  readMeta,
  writeMeta,
  type DeskDb,
  type ProvisionalCounters,
  type StoredArticleRating,
} from './db';
import { keepServerCopies } from './sync/server-copies';
import { packTables, readViews, serverTables, viewTables } from './sync/synced-records';
import type { LoadedDirectory } from './loaded-directory';
import { bumpIncidentsRevision } from './task-store';

/** The signed-in agent as the desk's directory knows it, for the permission matrix. */
export interface DeskPermissions {
  actor: Actor;
  groupName(id: string): string | null;
}

export interface CommandContext extends MutationContext {
  /** Whether a catalog user-reference answer names a user this desk knows; absent: any id. */
  isKnownUser?: (id: string) => boolean;
  /** Checked before the command runs; absent: the agent is not in the directory, the server decides. */
  permissions?: DeskPermissions;
}

/**
 * The agent's roles and assignment groups from the directory cache, or undefined when the cache
 * does not know the agent (signed in before the directory arrived): the server still refuses.
 */
export function deskPermissions(
  directory: Pick<LoadedDirectory, 'getUser' | 'groups' | 'groupName'>,
  agentId: string,
): DeskPermissions | undefined {
  const agent = directory.getUser(agentId);
  if (!agent) return undefined;
  const groupIds = directory.groups.filter((g) => g.memberIds.includes(agentId)).map((g) => g.id);
  return {
    actor: { id: agentId, roles: agent.roles, groupIds },
    groupName: (id) => directory.groupName(id),
  };
}

export interface CommandRun {
  /** Every record the command names as it stands after it (changed or not); a missing one is absent. */
  records: RecordSet;
  /** What the command wrote, the record it is named by first; empty when it was the same change again. */
  changed: KindedRecord[];
  /** The catalog items the command was checked against, by id (a request's view needs its item). */
  catalogItems: ReadonlyMap<string, CatalogItem>;
  /** The incidents revision the write moved to, or null when no incident was written. */
  incidentsRevision: number | null;
}

/**
 * Adds an entry with the next mutationId. Must run inside a rw transaction over outbox and meta:
 * the counter and the entry commit together, so an aborted command leaves no hole in the ids.
 */
export async function appendToOutbox(db: DeskDb, entry: OutboxEntry): Promise<number> {
  const last = (await readMeta(db, 'mutationCounter')) ?? 0;
  const mutationId = last + 1;
  // The stored clientId, not the caller's copy: sync may have taken a new one (client-conflict)
  // while another host of this installation still holds the old one in memory.
  const clientId = (await readMeta(db, 'clientId')) ?? entry.clientId;
  await writeMeta(db, 'mutationCounter', mutationId);
  await db.outbox.add({ ...entry, clientId, mutationId });
  return mutationId;
}

async function loadRecord(db: DeskDb, ref: RecordRef): Promise<KindedRecord | undefined> {
  // Each kind's views are records of that kind only: the pair is one KindedRecord.
  const [record] = await readViews(db, ref.kind, [ref.id]);
  return record && ({ kind: ref.kind, record } as KindedRecord);
}

async function putRecord(db: DeskDb, kinded: KindedRecord): Promise<void> {
  await (viewTables(db)[kinded.kind] as Table<object, string>).put(kinded.record);
}

const usedSoFar = (counters: ProvisionalCounters, kind: RecordKind): number => counters[kind] ?? 0;

/**
 * The one write path of the store host, for every command. A refusal, or a command that changes
 * nothing (the same create or note again, an unchanged form), writes nothing and queues nothing.
 */
export async function runCommand(
  db: DeskDb,
  command: ParsedCommand,
  ctx: CommandContext,
  clientId: string,
): Promise<StoreResult<CommandRun>> {
  const tables = [
    ...Object.values(viewTables(db)),
    ...packTables(db),
    ...Object.values(serverTables(db)),
    db.catalogItems,
    db.knowledgeArticles,
    db.articleRatings,
    db.outbox,
    db.parkedOutbox,
    db.meta,
  ];
  return db.transaction('rw', tables, async () => {
    const records = new RecordMap();
    const loaded = await Promise.all(recordsOf(command).map((ref) => loadRecord(db, ref)));
    for (const kinded of loaded) if (kinded) records.put(kinded);
    const { permissions } = ctx;
    if (permissions) {
      const allowed = commandPermitted(command, records, permissions.actor, (id) =>
        permissions.groupName(id),
      );
      if (!allowed.ok) return allowed;
    }

    // The mutators are synchronous: every catalog item they may ask about is read first.
    const { catalogItemIds } = directoryNeeds([command], [...records.values()]);
    const items = await db.catalogItems.bulkGet(catalogItemIds);
    const catalogItems = new Map<string, CatalogItem>();
    for (const item of items) if (item) catalogItems.set(item.id, item);

    const knowledge = await knowledgeRulesFor(db, command);
    const counters = (await readMeta(db, 'counters')) ?? { interaction: 0 };
    // Who is signed in as stored, not this host's copy: another host of the installation may have
    // signed someone else in a moment ago, and a change is sent only with its author's token.
    const actorId = (await readMeta(db, 'agentId')) ?? ctx.actorId;
    const { isKnownUser, permissions: _checked, ...mutation } = ctx;
    const applied = applyCommand(command, records, {
      ...mutation,
      actorId,
      catalog: {
        catalogItem: (id) => catalogItems.get(id) ?? null,
        ...(isKnownUser ? { isKnownUser } : {}),
      },
      numberFor: (kind) => ({
        number: provisionalNumber(kind, usedSoFar(counters, kind) + 1),
        provisional: true,
      }),
      ...(knowledge ? { knowledge } : {}),
    });
    if (!applied.ok) return applied;
    const { changed, created } = applied.value;
    const run = (incidentsRevision: number | null): StoreResult<CommandRun> =>
      ok({ records, changed, catalogItems, incidentsRevision });
    const ratings = await newRatings(db, applied.value.ratings ?? []);
    if (changed.length === 0 && ratings.length === 0) return run(null);
    if (ratings.length > 0) await db.articleRatings.bulkPut(ratings);

    // A change is about to wait on these records: each the server knows keeps its server version
    // as the base a rebase replays the change on (copy on write, server-copies.ts).
    const changedKeys = new Set(changed.map((c) => recordKey({ kind: c.kind, id: c.record.id })));
    await keepServerCopies(
      db,
      loaded.filter(
        (view): view is KindedRecord =>
          view !== undefined && changedKeys.has(recordKey({ kind: view.kind, id: view.record.id })),
      ),
    );
    for (const kinded of changed) {
      await putRecord(db, kinded);
      records.put(kinded);
    }
    if (created !== null)
      await writeMeta(db, 'counters', { ...counters, [created]: usedSoFar(counters, created) + 1 });
    const entry: OutboxEntry = {
      clientId,
      name: command.name,
      args: command.args,
      at: ctx.now,
      actorId,
    };
    await appendToOutbox(db, entry);
    // The component index in memory reads this revision to know it is stale (task-store.ts).
    const wroteIncident = changed.some((c) => c.kind === 'incident');
    return run(wroteIncident ? await bumpIncidentsRevision(db) : null);
  });
}

/** The incidents a run wrote, for the in-memory component index. */
export const changedIncidents = (run: Pick<CommandRun, 'changed'>): Incident[] =>
  run.changed.flatMap((c) => (c.kind === 'incident' ? [c.record] : []));

/**
 * What the desk holds of the article a command is named by, for the rating's check: the revision
 * it holds is the one the agent read. None for a command named by a record.
 */
async function knowledgeRulesFor(
  db: DeskDb,
  command: ParsedCommand,
): Promise<KnowledgeRules | undefined> {
  if (commandModule(command.name).kind !== 'article') return undefined;
  const held = await db.knowledgeArticles.get(command.args.id);
  return {
    isPublishedRevision: (id, revision) => held?.id === id && held.revision === revision,
  };
}

/** The ratings that differ from what the desk keeps under their key (the same verdict again is none). */
async function newRatings(
  db: DeskDb,
  ratings: readonly ArticleRating[],
): Promise<StoredArticleRating[]> {
  const fresh: StoredArticleRating[] = [];
  for (const rating of ratings) {
    const key = ratingKey(rating);
    const kept = await db.articleRatings.get(key);
    if (kept?.verdict === rating.verdict && kept.comment === rating.comment) continue;
    fresh.push({ ...rating, key });
  }
  return fresh;
}
