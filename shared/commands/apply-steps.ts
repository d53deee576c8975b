// The steps command modules build their apply from: a record not here, what changed, nothing
// changed, and one record run through one mutator. Pure; never names a command.

import { fail, ok, type StoreResult } from '../domain/result';
import type { Applied } from './command-module';
import type { KindedRecord, RecordKind, RecordRef, RecordSet, RecordTypes } from './record-set';

const LABEL: Record<RecordKind, string> = {
  interaction: 'interaction',
  incident: 'incident',
  request: 'request',
  visit: 'visit',
  call: 'call',
};

export const missing = (kind: RecordKind): StoreResult<never> =>
  fail('not-found', `The ${LABEL[kind]} this change belongs to is not here.`);

// Mutators answer the record itself when nothing changed; the linking ones answer a copy.
const sameRecord = (a: object, b: object): boolean =>
  a === b || JSON.stringify(a) === JSON.stringify(b);

/** What changed among `list` (a record equal to its `before` is left out), the named one first. */
export function changes(
  list: { before: object | undefined; after: KindedRecord }[],
  created: RecordKind | null = null,
): StoreResult<Applied> {
  return ok({
    changed: list
      .filter(({ before, after }) => before === undefined || !sameRecord(before, after.record))
      .map(({ after }) => after),
    created,
  });
}

export const nothing = (): StoreResult<Applied> => ok({ changed: [], created: null });

/** The records a command is named by: the one in `args.id`, of its kind. */
export const named =
  (kind: RecordKind) =>
  (args: { id: string }): RecordRef[] => [{ kind, id: args.id }];

/**
 * The changes that would really change `current`: a field set to the value it has is no change,
 * so the same edit again (a replay, a retried save) changes nothing.
 */
export function effectiveChanges<C extends object>(current: object, changes: C): Partial<C> {
  const now = current as Record<string, unknown>;
  const left: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes))
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(now[key]))
      left[key] = value;
  return left as Partial<C>;
}

export const hasChanges = (changes: object): boolean =>
  Object.values(changes).some((v) => v !== undefined);

/** Runs one record of `kind` through `mutate`: not-found when it is not here, else what changed. */
export function changeRecord<K extends RecordKind>(
  records: RecordSet,
  kind: K,
  id: string,
  mutate: (current: RecordTypes[K]) => StoreResult<RecordTypes[K]>,
): StoreResult<Applied> {
  const current = records.get(kind, id);
  if (!current) return missing(kind);
  const next = mutate(current);
  if (!next.ok) return next;
  // `kind` is the record's own kind: the pair is one KindedRecord.
  return changes([{ before: current, after: { kind, record: next.value } as KindedRecord }]);
}
