// Records by kind and id: the kinds a command may touch, how a record is named (one key function),
// and the one map of records the store host, the desk's rebase and the desk server read and write.
// Pure; never loads or stores a record itself.

import type { Call } from '../domain/call';
import type { Incident } from '../domain/incident';
import type { Interaction } from '../domain/interaction';
import type { Request } from '../domain/request';
import type { Visit } from '../domain/visit';

export const RECORD_KINDS = ['interaction', 'incident', 'request', 'visit', 'call'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordTypes {
  interaction: Interaction;
  incident: Incident;
  request: Request;
  visit: Visit;
  call: Call;
}

export interface RecordRef {
  kind: RecordKind;
  id: string;
}

/** A record with its kind (and, for whoever keeps them, more facts `E`, e.g. the server's seq). */
export type Kinded<E extends object = Record<never, never>> = {
  [K in RecordKind]: { kind: K; record: RecordTypes[K] } & E;
}[RecordKind];

/** A record with its kind, as a command's changes and the sync wire carry it. */
export type KindedRecord = Kinded;

/** The records a command may read, as its caller loaded them (a missing one is `undefined`). */
export interface RecordSet {
  get<K extends RecordKind>(kind: K, id: string): RecordTypes[K] | undefined;
}

/** The one key of a record, wherever records are kept by kind and id. */
export const recordKey = (ref: RecordRef): string => `${ref.kind}:${ref.id}`;

export const isRecordKind = (value: unknown): value is RecordKind =>
  typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);

/** Records by kind and id, in the order first put; what a command reads and its caller writes back. */
export class RecordMap<E extends object = Record<never, never>> implements RecordSet {
  private readonly byKey = new Map<string, Kinded<E>>();

  constructor(entries: Iterable<Kinded<E>> = []) {
    for (const entry of entries) this.put(entry);
  }

  get<K extends RecordKind>(kind: K, id: string): RecordTypes[K] | undefined {
    // The map only ever holds a record under its own kind's key.
    return this.byKey.get(recordKey({ kind, id }))?.record as RecordTypes[K] | undefined;
  }

  /** The record with what its keeper stored beside it. */
  entry(ref: RecordRef): Kinded<E> | undefined {
    return this.byKey.get(recordKey(ref));
  }

  has(ref: RecordRef): boolean {
    return this.byKey.has(recordKey(ref));
  }

  /** Keeps the entry under its record's key; a record already kept moves to the new entry in place. */
  put(entry: Kinded<E>): void {
    this.byKey.set(recordKey({ kind: entry.kind, id: entry.record.id }), entry);
  }

  delete(ref: RecordRef): boolean {
    return this.byKey.delete(recordKey(ref));
  }

  get size(): number {
    return this.byKey.size;
  }

  values(): IterableIterator<Kinded<E>> {
    return this.byKey.values();
  }

  [Symbol.iterator](): IterableIterator<Kinded<E>> {
    return this.byKey.values();
  }

  /** The records of one kind, in the order first put. */
  ofKind<K extends RecordKind>(kind: K): RecordTypes[K][] {
    const found: RecordTypes[K][] = [];
    for (const entry of this.byKey.values())
      if (entry.kind === kind) found.push(entry.record as RecordTypes[K]);
    return found;
  }
}
