// The desk's view of records that changes still wait for: the server's copies with the waiting
// outbox entries replayed on top by the one shared replay (applyCommand). Pure; never writes.

import type { DirectoryRules } from '../../../shared/domain/interaction';
import { provisionalNumber } from '../../../shared/domain/numbering';
import type { CatalogRules } from '../../../shared/domain/request';
import type { StoreError } from '../../../shared/domain/result';
import {
  recordKey,
  RecordMap,
  type RecordKind,
  type RecordRef,
} from '../../../shared/commands/record-set';
import {
  applyCommand,
  recordsOfEntry,
  type ApplyContext,
} from '../../../shared/store-api/apply-command';
import type { OutboxEntry } from '../../../shared/store-api/outbox';
import { parseCommand } from '../../../shared/store-api/validate';
import type { CountersByKind } from './synced-records';

/** Records that must be replayed together, and the waiting entries that touch them, oldest first. */
export interface ConnectedSet {
  refs: RecordRef[];
  entries: OutboxEntry[];
}

/**
 * Splits the records to rebase into sets that share no waiting entry: a command that touched
 * two records (an escalation, an association) ties them, and so does any chain of such commands.
 * A set holds every record its entries touch, even one not asked for, since replaying an entry
 * writes all of its records. `outbox` must be in mutationId order.
 */
export function connectedSets(
  outbox: readonly OutboxEntry[],
  wanted: Iterable<RecordRef>,
): ConnectedSet[] {
  const parent = new Map<string, string>();
  const refs = new Map<string, RecordRef>();
  const root = (key: string): string => {
    let top = key;
    for (let up = parent.get(top); up !== undefined && up !== top; up = parent.get(top)) top = up;
    // Path compression: the next lookup of any of these is one step.
    for (let at = key; at !== top;) {
      const up = parent.get(at) ?? top;
      parent.set(at, top);
      at = up;
    }
    return top;
  };
  const add = (ref: RecordRef): string => {
    const key = recordKey(ref);
    if (!parent.has(key)) {
      parent.set(key, key);
      refs.set(key, ref);
    }
    return key;
  };
  const touching = outbox.map((entry) => recordsOfEntry(entry).map(add));
  for (const keys of touching) {
    const [first, ...rest] = keys;
    if (first === undefined) continue;
    for (const key of rest) {
      const a = root(first);
      const b = root(key);
      if (a !== b) parent.set(b, a);
    }
  }
  const chosen = new Set<string>();
  for (const ref of wanted) chosen.add(root(add(ref)));
  const sets = new Map<string, ConnectedSet>();
  for (const [key, ref] of refs) {
    const top = root(key);
    if (!chosen.has(top)) continue;
    const set = sets.get(top) ?? { refs: [], entries: [] };
    set.refs.push(ref);
    sets.set(top, set);
  }
  outbox.forEach((entry, i) => {
    const first = touching[i]?.[0];
    if (first !== undefined) sets.get(root(first))?.entries.push(entry);
  });
  return [...sets.values()];
}

/** Provisional numbers for records a waiting create makes and the desk has not numbered yet. */
export class ProvisionalNumbers {
  private readonly counters: CountersByKind;
  private moved = false;

  constructor(counters: CountersByKind) {
    this.counters = { ...counters };
  }

  /** The number the next record of this kind gets, if it is taken. */
  peek(kind: RecordKind): string {
    return provisionalNumber(kind, (this.counters[kind] ?? 0) + 1);
  }

  take(kind: RecordKind): void {
    this.counters[kind] = (this.counters[kind] ?? 0) + 1;
    this.moved = true;
  }

  /** The counters, when a number was taken (to store); null when none was. */
  changed(): CountersByKind | null {
    return this.moved ? { ...this.counters } : null;
  }
}

/** What the mutators check against: the loaded directory, and the catalog the desk has cached. */
export interface ReplayRules {
  directory: DirectoryRules;
  catalog: CatalogRules;
}

export interface Replayed {
  /** The set's records after the replay; a record absent here exists neither on the server nor by a waiting create. */
  records: RecordMap;
  /** Waiting changes that no longer apply to the server's copies (the server will refuse them too). */
  failed: { mutationId: number; reason: StoreError }[];
}

/**
 * Replays `entries` (oldest first, all of one connected set) over the server's copies `bases`.
 * A create keeps the provisional number the desk shows now (`shown`); only a record the desk
 * has not numbered yet takes the next one from `numbers`.
 */
export function replay(
  bases: RecordMap,
  entries: readonly OutboxEntry[],
  shown: RecordMap,
  rules: ReplayRules,
  numbers: ProvisionalNumbers,
): Replayed {
  const records = new RecordMap(bases);
  const failed: Replayed['failed'] = [];
  for (const entry of entries) {
    const mutationId = entry.mutationId ?? 0;
    const parsed = parseCommand(entry.name, entry.args);
    if (!parsed.ok) {
      failed.push({ mutationId, reason: parsed.error });
      continue;
    }
    // The kind whose counter a number came from, so it moves only if the create went through.
    const counted: { kind: RecordKind | null } = { kind: null };
    const ctx: ApplyContext = {
      now: entry.at,
      actorId: entry.actorId,
      directory: rules.directory,
      catalog: rules.catalog,
      numberFor: (kind, id) => {
        const current = shown.get(kind, id);
        if (current?.numberProvisional === true)
          return { number: current.number, provisional: true };
        counted.kind = kind;
        return { number: numbers.peek(kind), provisional: true };
      },
    };
    const applied = applyCommand(parsed.value, records, ctx);
    if (!applied.ok) {
      failed.push({ mutationId, reason: applied.error });
      continue;
    }
    for (const change of applied.value.changed) records.put(change);
    if (counted.kind !== null && applied.value.created === counted.kind) numbers.take(counted.kind);
  }
  return { records, failed };
}
