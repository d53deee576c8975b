// The server's copy of a record is kept only while the desk needs it as a rebase's base ("copy on
// write", ADR 0020): taken from the view when a change is about to be queued on a record that has
// none, and dropped, all at once, when a pull stores a page with nothing waiting. The invariant
// these keep is written beside serverTables (synced-records.ts). Never pushes or pulls.

import type { Table } from 'dexie';
import { recordKey, type KindedRecord } from '../../../shared/commands/record-set';
import { recordsOfEntry, RECORD_KINDS } from '../../../shared/store-api/apply-command';
import type { DeskDb } from '../db';
import { parkedEntries } from './author-streams';
import { serverTables } from './synced-records';

/**
 * Takes the server's copy of each record in `views` (as they stand before a change is queued on
 * them) that has none: with nothing waiting on it, its view is its latest pulled server version.
 * A record a waiting entry touches that has no copy is one the server does not know yet (created
 * by a waiting entry, or queued again after a restore): it gets none. Inside a rw transaction over
 * the server tables, outbox and parkedOutbox. Answers how many copies it took.
 */
export async function keepServerCopies(
  db: DeskDb,
  views: readonly KindedRecord[],
): Promise<number> {
  const servers = serverTables(db);
  const wanted: KindedRecord[] = [];
  for (const view of views) {
    // A provisional number: made on this desk, its create still waiting.
    if (view.record.numberProvisional) continue;
    const table = servers[view.kind] as Table<object, string>;
    if ((await table.get(view.record.id)) === undefined) wanted.push(view);
  }
  if (wanted.length === 0) return 0;
  const touched = await waitingRecordKeys(db);
  let taken = 0;
  for (const view of wanted) {
    if (touched.has(recordKey({ kind: view.kind, id: view.record.id }))) continue;
    await (servers[view.kind] as Table<object, string>).put(view.record);
    taken += 1;
  }
  return taken;
}

/** The recordKeys every waiting entry (the outbox's and the parked ones) touches. */
async function waitingRecordKeys(db: DeskDb): Promise<Set<string>> {
  const keys = new Set<string>();
  if ((await db.outbox.count()) === 0 && (await db.parkedOutbox.count()) === 0) return keys;
  const waiting = [...(await parkedEntries(db)), ...(await db.outbox.toArray())];
  for (const entry of waiting) for (const ref of recordsOfEntry(entry)) keys.add(recordKey(ref));
  return keys;
}

/**
 * Drops every server copy, when nothing waits on the whole desk (checked by the caller in the same
 * transaction): no rebase needs a base, and each view is its server version. Reads one key a kind
 * first, so a desk that holds none (the usual case) writes nothing.
 */
export async function dropServerCopies(db: DeskDb): Promise<void> {
  const servers = serverTables(db);
  await Promise.all(
    RECORD_KINDS.map(async (kind) => {
      const table = servers[kind] as Table<object, string>;
      if ((await table.limit(1).primaryKeys()).length > 0) await table.clear();
    }),
  );
}
