// Builds the caller index while a directory download's pages arrive: each page's keys are sorted
// as the page comes and merged into longer runs, so little is left to do after the last page. Pure.
//
// The result equals buildCallerOrders on the finished columns (caller-index-builder.test.ts), as
// long as no user already indexed is changed afterwards: the caller rebuilds in that case.

import {
  CALLER_FIELDS,
  appendCallerKeys,
  type CallerColumns,
  type CallerField,
  type CallerOrders,
} from './caller-search';
import { sortRowsByKey } from './sort-by-key';

/** One field: every key so far with its entry, and the keys' positions sorted in runs. */
interface FieldIndex {
  keys: string[];
  entries: number[];
  /** Oldest first; each holds positions after those of the run before it. */
  runs: Int32Array[];
  /** Users indexed for this field: rows [0, users). */
  users: number;
}

/** Two adjacent runs as one, in key order; equal keys keep their order of arrival. */
function mergeRuns(keys: readonly string[], older: Int32Array, newer: Int32Array): Int32Array {
  const out = new Int32Array(older.length + newer.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < older.length && j < newer.length) {
    const a = older[i] as number;
    const b = newer[j] as number;
    if ((keys[b] as string) < (keys[a] as string)) {
      out[k++] = b;
      j++;
    } else {
      out[k++] = a;
      i++;
    }
  }
  out.set(older.subarray(i), k);
  out.set(newer.subarray(j), k + older.length - i);
  return out;
}

export class CallerIndexBuilder {
  private readonly fields = {} as Record<CallerField, FieldIndex>;

  constructor() {
    for (const field of CALLER_FIELDS)
      this.fields[field] = { keys: [], entries: [], runs: [], users: 0 };
  }

  /**
   * Indexes the users not yet indexed for `field`, up to row `to`, as one sorted run, then merges
   * runs of like length (as a binary counter does): n log(pages) work in all, spread over pages.
   * One field per call, so a caller can yield between fields.
   */
  add(columns: CallerColumns, field: CallerField, to: number): void {
    const index = this.fields[field];
    if (to <= index.users) return;
    const start = index.keys.length;
    appendCallerKeys(columns, field, index.users, to, index.keys, index.entries);
    index.users = to;
    const run = sortRowsByKey(index.keys.slice(start));
    for (let i = 0; i < run.length; i++) run[i] = (run[i] as number) + start;
    index.runs.push(run);
    const { runs } = index;
    while (runs.length >= 2) {
      const newer = runs[runs.length - 1] as Int32Array;
      const older = runs[runs.length - 2] as Int32Array;
      if (older.length > newer.length) break;
      runs.splice(-2, 2, mergeRuns(index.keys, older, newer));
    }
  }

  /** Users indexed so far for `field`. */
  indexed(field: CallerField): number {
    return this.fields[field].users;
  }

  /** Merges the last two runs of `field`, if it has two: a piece of settle(). */
  mergeOnce(field: CallerField): boolean {
    const index = this.fields[field];
    if (index.runs.length < 2) return false;
    const newer = index.runs.pop() as Int32Array;
    const older = index.runs.pop() as Int32Array;
    index.runs.push(mergeRuns(index.keys, older, newer));
    return true;
  }

  /** Merges every run of `field` into one: for a lull, never required. */
  settle(field: CallerField): void {
    while (this.mergeOnce(field));
  }

  /** True when `field` is one sorted run up to the users indexed so far. */
  settled(field: CallerField): boolean {
    return this.fields[field].runs.length <= 1;
  }

  /** One field's order over all users of `columns`; its keys are let go. One field per call. */
  finishField(columns: CallerColumns, field: CallerField): Int32Array {
    this.add(columns, field, columns.name.length);
    this.settle(field);
    const index = this.fields[field];
    const sorted = index.runs[0] ?? new Int32Array(0);
    const order = new Int32Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) order[i] = index.entries[sorted[i] as number] as number;
    this.fields[field] = { keys: [], entries: [], runs: [order], users: 0 };
    return order;
  }

  /** The index of `columns` (its users indexed up to the last row), ready to search and store. */
  finish(columns: CallerColumns): CallerOrders {
    const orders = {} as CallerOrders;
    for (const field of CALLER_FIELDS) orders[field] = this.finishField(columns, field);
    return orders;
  }
}
