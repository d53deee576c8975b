// The word index Go to anything searches: one row per interaction, incident, request and visit with
// the words of its short description (a multi-entry Dexie index), written by a DBCore middleware in
// the same transaction as the record itself, whoever writes it (a command, a pull, a rebase, the
// demo seed). Never changes a record; never read by anything but the Go to anything query.

import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { RecordKind } from '../../shared/commands/record-set';
import { recordWords } from '../../shared/domain/go-to';

export const WORDS_TABLE = 'recordWords';

/** A record's words and when it last changed (the newest first among equal matches). */
export interface RecordWordsRow {
  /** `kind:id` (wordsKey). */
  key: string;
  words: string[];
  at: string;
}

/** The tables whose records have words, by table name. Calls have none: they are found by number. */
export const WORD_TABLES: Readonly<Record<string, RecordKind>> = {
  interactions: 'interaction',
  incidents: 'incident',
  requests: 'request',
  visits: 'visit',
};

export const wordsKey = (kind: RecordKind, id: string): string => `${kind}:${id}`;

export function refOfWordsKey(key: string): { kind: RecordKind; id: string } {
  const at = key.indexOf(':');
  return { kind: key.slice(0, at) as RecordKind, id: key.slice(at + 1) };
}

export function wordsRowOf(kind: RecordKind, record: object): RecordWordsRow {
  const r = record as { id: string; updatedAt?: string; openedAt?: string };
  return {
    key: wordsKey(kind, r.id),
    words: recordWords(kind, r),
    at: r.updatedAt ?? r.openedAt ?? '',
  };
}

// DBCoreRangeType is a const enum, which isolated modules cannot read: Range is 2.
const RANGE_RANGE: DBCoreKeyRange['type'] = 2;

/** The word rows of the records `range` names (string ids keep their order behind the prefix). */
function wordsRange(kind: RecordKind, range: DBCoreKeyRange): DBCoreKeyRange {
  const prefix = `${kind}:`;
  // A clear() has no bounds (type Any): every row of the kind goes, and no other kind's.
  if (
    range.type !== RANGE_RANGE ||
    typeof range.lower !== 'string' ||
    typeof range.upper !== 'string'
  )
    return { type: RANGE_RANGE, lower: prefix, upper: `${prefix}\uffff` };
  return {
    ...range,
    lower: prefix + range.lower,
    upper: prefix + range.upper,
  };
}

function withWords(table: DBCoreTable, words: () => DBCoreTable, kind: RecordKind): DBCoreTable {
  const follow = async (req: DBCoreMutateRequest): Promise<void> => {
    if (req.type === 'add' || req.type === 'put') {
      // Dexie's bulkUpdate may send `updates` without values; nothing here uses it.
      const values = req.values.map((v: object) => wordsRowOf(kind, v));
      if (values.length > 0) await words().mutate({ type: 'put', trans: req.trans, values });
    } else if (req.type === 'delete') {
      const keys = req.keys.map((id: string) => wordsKey(kind, id));
      await words().mutate({ type: 'delete', trans: req.trans, keys });
    } else {
      await words().mutate({
        type: 'deleteRange',
        trans: req.trans,
        range: wordsRange(kind, req.range),
      });
    }
  };
  return {
    ...table,
    mutate: async (req) => {
      // An add may fail on a key that exists, and its words must not replace that record's:
      // after it. A put or a delete cannot, so the words go to IndexedDB beside it, not after.
      if (req.type === 'add') {
        const result = await table.mutate(req);
        await follow(req);
        return result;
      }
      const [result] = await Promise.all([table.mutate(req), follow(req)]);
      return result;
    },
  };
}

/**
 * Keeps `recordWords` in step with the record tables: every read-write transaction on one of them
 * also holds `recordWords`, and each put, add or delete writes the record's words beside it.
 */
export const recordWordsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'recordWords',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) => {
      const watched = mode === 'readwrite' && stores.some((s) => Object.hasOwn(WORD_TABLES, s));
      const scope = watched && !stores.includes(WORDS_TABLE) ? [...stores, WORDS_TABLE] : stores;
      return down.transaction(scope, mode, options);
    },
    // The word table is looked up when written: an upgrade's stack is made from the older schema.
    table: (name) => {
      const table = down.table(name);
      const kind = Object.hasOwn(WORD_TABLES, name) ? WORD_TABLES[name] : undefined;
      return kind ? withWords(table, () => down.table(WORDS_TABLE), kind) : table;
    },
  }),
};
