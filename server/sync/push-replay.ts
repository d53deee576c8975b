// Replays a push's fresh mutations in memory over the records they touch, with the store host's
// replay (applyCommand), as the signed-in agent. Pure: it never reads or writes the database.

import {
  ratingKey,
  type ArticleRating,
  type KnowledgeRules,
} from '../../shared/domain/article-rating';
import type { User } from '../../shared/domain/directory';
import type { DirectoryRules } from '../../shared/domain/interaction';
import { serverNumber } from '../../shared/domain/numbering';
import type { CatalogRules } from '../../shared/domain/request';
import { fail, type StoreError, type StoreResult } from '../../shared/domain/result';
import {
  RecordMap,
  recordKey,
  type Kinded,
  type KindedRecord,
  type RecordKind,
  type RecordTypes,
} from '../../shared/commands/record-set';
import { recordNamedBy } from '../../shared/commands/command-module';
import { commandModule } from '../../shared/commands/registry';
import {
  applyCommand,
  commandPermitted,
  recordsOf,
  type ParsedCommand,
} from '../../shared/store-api/apply-command';
import { parsePushedMutation, type PushedMutation } from '../../shared/sync/protocol';
import type { StoredRecord } from '../db/record-tables';
import { findUnstorableText } from '../db/storable-text';
import { boundedAt, markedChanges, openedTimes, type AppliedTime } from './mutation-clock';

/** The records a push touches, each with its number's seq (what the record tables store). */
export type WorkingSet = RecordMap<{ seq: number }>;

/** A copy whose entries a replay may change without touching the original. */
const copyOf = (working: WorkingSet): WorkingSet =>
  new RecordMap([...working.values()].map((entry) => ({ ...entry })));

/** A changed record as the push writes it; `created`: this push made it (inserted, not replaced). */
export type KindedStored = Kinded<{ seq: number; created: boolean }>;

export interface MutationRun {
  /** Every record the push changed, each once, in the order of its first change. */
  changed: KindedStored[];
  refusals: Map<number, StoreError>;
  /** The last number handed out per kind, for the kinds a create used one of. */
  numbersUsed: Map<RecordKind, number>;
  /** The kinds a create asked a number of, used or not (a create may be refused after asking). */
  numbersAsked: Set<RecordKind>;
  /** The time each applied mutation was applied at (mutation-clock.ts), by mutationId. */
  appliedAt: Map<number, AppliedTime>;
  /** The agents' verdicts on articles, the last one per key (article, revision, agent). */
  ratings: ArticleRating[];
}

export interface ReplayInput {
  mutations: readonly PushedMutation[];
  parsed: readonly StoreResult<ParsedCommand>[];
  /** The records the commands name, as loaded (and locked); not changed by the replay. */
  loaded: WorkingSet;
  rules: { directory: DirectoryRules; catalog: CatalogRules; knowledge?: KnowledgeRules };
  pusher: User;
  /** The names of the assignment groups of the records loaded, for a refusal's words. */
  groupNames?: ReadonlyMap<string, string>;
  /** The last number used per kind; a kind asked for but missing here throws. */
  counters: ReadonlyMap<RecordKind, number>;
  /** The server's now: a desk's `at` is kept only within bounds of it (mutation-clock.ts). */
  serverNow: Date;
  clientId: string;
}

/** Parses a pushed mutation, refusing text PostgreSQL could not store. */
export function parseFresh(m: PushedMutation): StoreResult<ParsedCommand> {
  const field = findUnstorableText(m.args);
  if (field) {
    return fail('invalid-input', 'Text may not contain the NUL character or broken Unicode.', {
      [field]: 'Remove the NUL character or broken Unicode from this text.',
    });
  }
  return parsePushedMutation(m);
}

/** Replays the mutations in order; refusals change nothing and the ones after them go on. */
export function replayMutations(input: ReplayInput): MutationRun {
  const { mutations, parsed, rules, pusher, counters, serverNow, clientId } = input;
  const working = copyOf(input.loaded);
  const numbersUsed = new Map<RecordKind, number>();
  const numbersAsked = new Set<RecordKind>();
  const lastNumber = (kind: RecordKind): number => {
    const last = numbersUsed.get(kind) ?? counters.get(kind);
    if (last === undefined) throw new NumberNotLocked(kind);
    return last;
  };

  const refusals = new Map<number, StoreError>();
  const changed = new Map<string, KindedStored>();
  const appliedAt = new Map<number, AppliedTime>();
  const ratings = new Map<string, ArticleRating>();

  for (const [i, mutation] of mutations.entries()) {
    const command = parsed[i];
    if (!command) continue;
    if (!command.ok) {
      refusals.set(mutation.mutationId, command.error);
      continue;
    }
    const refusal = permitted(command.value, working, input);
    if (refusal) {
      refusals.set(mutation.mutationId, refusal);
      continue;
    }
    // Done by whoever the session belongs to: a desk cannot act in someone else's name. The
    // actor the desk claimed stays in the mutations log (actor_id beside pushed_by).
    const when = boundedAt(mutation.at, serverNow, openedTimes(working, recordsOf(command.value)));
    const applied = applyCommand(command.value, working, {
      now: when.at,
      actorId: pusher.id,
      directory: rules.directory,
      catalog: rules.catalog,
      ...(rules.knowledge ? { knowledge: rules.knowledge } : {}),
      numberFor: (kind) => {
        numbersAsked.add(kind);
        return { number: serverNumber(kind, lastNumber(kind) + 1), provisional: false };
      },
    });
    if (!applied.ok) {
      refusals.set(mutation.mutationId, applied.error);
      continue;
    }
    const { created } = applied.value;
    if (created) numbersUsed.set(created, lastNumber(created) + 1);
    appliedAt.set(mutation.mutationId, when);
    for (const rating of applied.value.ratings ?? []) ratings.set(ratingKey(rating), rating);
    const mark = { clientId, mutationId: mutation.mutationId, deskAt: mutation.at };
    for (const change of markedChanges(applied.value.changed, when, mark)) {
      const key = recordKey({ kind: change.kind, id: change.record.id });
      const seq = created === change.kind ? lastNumber(created) : null;
      const stored = keep(working, change, seq);
      // A record changed again keeps its place (its first change) and whether this push made it.
      const previous = changed.get(key);
      changed.set(key, previous ? { ...stored, created: previous.created } : stored);
    }
  }

  return {
    changed: [...changed.values()],
    refusals,
    numbersUsed,
    numbersAsked,
    appliedAt,
    ratings: [...ratings.values()],
  };
}

/**
 * The permission matrix for the pusher (decision 0008), on the record as this replay has it so far
 * (an earlier mutation of the push may have assigned it). The pusher's groups are asked of the
 * directory the push loaded, which holds the members of every loaded record's group.
 */
function permitted(
  command: ParsedCommand,
  working: WorkingSet,
  input: Pick<ReplayInput, 'pusher' | 'rules' | 'groupNames'>,
): StoreError | null {
  const { pusher, rules, groupNames } = input;
  const named = recordNamedBy(working, commandModule(command.name).kind, command.args.id);
  const group = named && 'assignmentGroup' in named ? named.assignmentGroup : null;
  const actor = {
    id: pusher.id,
    roles: pusher.roles,
    groupIds: group && rules.directory.isGroupMember(group, pusher.id) ? [group] : [],
  };
  const allowed = commandPermitted(command, working, actor, (id) => groupNames?.get(id));
  return allowed.ok ? null : allowed.error;
}

/** Thrown when a replay needs a number of a kind whose counter it was not given. */
export class NumberNotLocked extends Error {
  readonly kind: RecordKind;
  constructor(kind: RecordKind) {
    super(`no counter for ${kind} was locked`);
    this.kind = kind;
  }
}

/**
 * Counters for a first replay whose only use is to learn which kinds the mutations ask numbers of
 * (`numbersAsked`); when they ask none, that replay is the real one.
 */
export const DUMMY_COUNTERS: ReadonlyMap<RecordKind, number> = new Map([
  ['interaction', 0],
  ['incident', 0],
  ['request', 0],
  ['visit', 0],
  ['call', 0],
]);

/**
 * Puts a changed record in the working set (so later mutations see it) and answers its entry.
 * `seq` is the number a create just used; any other change keeps the record's own.
 */
function keep(working: WorkingSet, change: KindedRecord, seq: number | null): KindedStored {
  const current = working.entry({ kind: change.kind, id: change.record.id });
  if (current) {
    const next = { ...change, seq: current.seq };
    working.put(next);
    return { ...next, created: false };
  }
  if (seq === null)
    throw new Error(`a change to ${change.record.id}, which was neither loaded nor created`);
  const next = { ...change, seq };
  working.put(next);
  return { ...next, created: true };
}

type ByKind = {
  [K in RecordKind]: {
    created: StoredRecord<RecordTypes[K]>[];
    updated: StoredRecord<RecordTypes[K]>[];
  };
};

/** The changed records by kind, the ones this push created apart (they are inserted, not replaced). */
export function splitByKind(entries: readonly KindedStored[]): ByKind {
  const out: ByKind = {
    interaction: { created: [], updated: [] },
    incident: { created: [], updated: [] },
    request: { created: [], updated: [] },
    visit: { created: [], updated: [] },
    call: { created: [], updated: [] },
  };
  for (const entry of entries) {
    const into = entry.created ? 'created' : 'updated';
    if (entry.kind === 'interaction') out.interaction[into].push(entry);
    else if (entry.kind === 'incident') out.incident[into].push(entry);
    else if (entry.kind === 'request') out.request[into].push(entry);
    else if (entry.kind === 'visit') out.visit[into].push(entry);
    else out.call[into].push(entry);
  }
  return out;
}
