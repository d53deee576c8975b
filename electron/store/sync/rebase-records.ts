// Recomputes the desk's view of records from the server's copies and the waiting outbox, and
// writes what changed. Runs inside its caller's transaction (rebaseTables); never pushes or pulls.

import Dexie from 'dexie';
import type { CatalogItem } from '../../../shared/domain/catalog';
import type { Incident } from '../../../shared/domain/incident';
import type { DirectoryRules } from '../../../shared/domain/interaction';
import { parkedEntries } from './author-streams';
import {
  RECORD_KINDS,
  RecordMap,
  type KindedRecord,
  type RecordKind,
  type RecordRef,
  type RecordTypes,
} from '../../../shared/commands/record-set';
import { readMeta, type DeskDb } from '../db';
import { putPulledPacked } from '../packed-records';
import { isPackedKind } from '../record-packs';
import { bumpIncidentsRevision } from '../task-store';
import { connectedSets, ProvisionalNumbers, replay } from './rebase';
import { dropServerCopies } from './server-copies';
import {
  readCounters,
  readViews,
  serverTables,
  type RecordTables,
  viewTables,
  writeCounters,
} from './synced-records';

type RecordLists = { [K in RecordKind]: RecordTypes[K][] };

function collect(lists: RecordLists, kinded: KindedRecord): void {
  switch (kinded.kind) {
    case 'interaction':
      lists.interaction.push(kinded.record);
      return;
    case 'incident':
      lists.incident.push(kinded.record);
      return;
    case 'request':
      lists.request.push(kinded.record);
      return;
    case 'visit':
      lists.visit.push(kinded.record);
      return;
    case 'call':
      lists.call.push(kinded.record);
      return;
  }
}

async function write<K extends RecordKind>(
  tables: RecordTables,
  lists: RecordLists,
  kind: K,
): Promise<void> {
  const rows = lists[kind];
  if (rows.length > 0) await tables[kind].bulkPut(rows);
}

/** Reads records of every kind by ref: the desk's views, or the server's copies (`tables`). */
async function readRecords(
  db: DeskDb,
  tables: RecordTables | 'views',
  refs: readonly RecordRef[],
): Promise<RecordMap> {
  const found = new RecordMap();
  await Promise.all(
    RECORD_KINDS.map(async (kind) => {
      const ids = refs.filter((r) => r.kind === kind).map((r) => r.id);
      if (ids.length === 0) return;
      const rows =
        tables === 'views' ? await readViews(db, kind, ids) : await tables[kind].bulkGet(ids);
      rows.forEach((record, i) => {
        const id = ids[i];
        if (record && id !== undefined) found.put({ kind, record } as KindedRecord);
      });
    }),
  );
  return found;
}

/** Hears which incidents a committed rebase wrote and removed, and the revision it moved to. */
export type IncidentsWritten = (
  incidents: readonly Incident[],
  revision: number,
  removedIds: readonly string[],
) => void;

/**
 * The desk's view of `refs` (and of every record a waiting entry ties to them) = the server's
 * copy + the waiting entries replayed. Must run inside a rw transaction over rebaseTables(db).
 * `keepMissing` (while a reset's pages arrive; read from the sync meta when not given) keeps a
 * record the server's copy does not have yet instead of removing it. Answers how many records
 * were written or removed.
 */
export async function rebaseRecords(
  db: DeskDb,
  refs: Iterable<RecordRef>,
  directory: DirectoryRules,
  options: { keepMissing?: boolean; incidentsWritten?: IncidentsWritten | undefined } = {},
): Promise<number> {
  const wanted = [...refs];
  if (wanted.length === 0) return 0;
  const keepMissing = options.keepMissing ?? (await readMeta(db, 'sync'))?.resetInProgress === true;
  // The outbox is what is waiting on this desk: small unless the desk was offline a long time.
  // Other agents' parked changes were made before the signed-in agent's: they are replayed first.
  const outbox = [
    ...(await parkedEntries(db)),
    ...(await db.outbox.orderBy('mutationId').toArray()),
  ];
  const sets = connectedSets(outbox, wanted);
  const all = sets.flatMap((s) => s.refs);
  const [bases, shown, counters, catalog] = await Promise.all([
    readRecords(db, serverTables(db), all),
    readRecords(db, 'views', all),
    readCounters(db),
    // Request commands check answers against the cached catalog: a few dozen forms.
    sets.some((s) => s.entries.some((e) => e.name.startsWith('request.')))
      ? db.catalogItems.toArray()
      : Promise.resolve([] as CatalogItem[]),
  ]);
  const items = new Map(catalog.map((item) => [item.id, item]));
  const rules = { directory, catalog: { catalogItem: (id: string) => items.get(id) ?? null } };
  const numbers = new ProvisionalNumbers(counters);
  const puts: RecordLists = { interaction: [], incident: [], request: [], visit: [], call: [] };
  const deletes: Record<RecordKind, string[]> = {
    interaction: [],
    incident: [],
    request: [],
    visit: [],
    call: [],
  };
  for (const set of sets) {
    const setBases = new RecordMap();
    for (const ref of set.refs) {
      const base = bases.entry(ref);
      if (base) setBases.put(base);
    }
    const { records } = replay(setBases, set.entries, shown, rules, numbers);
    for (const ref of set.refs) {
      const after = records.entry(ref);
      const current = shown.entry(ref);
      if (!after) {
        // Neither the server nor a waiting create has it; while a reset's pages arrive, the
        // server may simply not have listed it yet.
        if (current && !(keepMissing && !bases.has(ref))) deletes[ref.kind].push(ref.id);
      } else if (!current || JSON.stringify(current.record) !== JSON.stringify(after.record)) {
        collect(puts, after);
      }
    }
  }
  const moved = numbers.changed();
  if (moved) await writeCounters(db, moved);
  const views = viewTables(db);
  let written = 0;
  for (const kind of RECORD_KINDS) {
    written += puts[kind].length + deletes[kind].length;
    await write(views, puts, kind);
    if (deletes[kind].length > 0) await views[kind].bulkDelete(deletes[kind]);
  }
  await noteIncidentsWritten(db, puts.incident, deletes.incident, options.incidentsWritten);
  return written;
}

/** The records a page brought, by kind (a pull's lists, or a snapshot page's one kind). */
export type RecordPage = Partial<{ [K in RecordKind]: readonly RecordTypes[K][] }>;

/**
 * Whether nothing waits to be replayed on this desk (a new desk's usual case, and a desk back
 * online with nothing typed meanwhile): then each record's view is its server version.
 */
export async function nothingWaits(db: DeskDb): Promise<boolean> {
  return (await db.outbox.count()) === 0 && (await db.parkedOutbox.count()) === 0;
}

/**
 * Stores a page as the views only, since nothing waits (`nothingWaits`, no rebase pending, no
 * reset; checked by the caller inside the same transaction): what rebaseRecords would write,
 * without reading back what was just put. No rebase needs a base then, so no server copy is kept
 * (server-copies.ts): any left from changes that waited earlier are dropped, which keeps every
 * copy the desk holds its record's latest pulled version. Inside a rw transaction over
 * rebaseTables(db).
 */
export async function putAsView(
  db: DeskDb,
  page: RecordPage,
  incidentsWritten: IncidentsWritten | undefined,
): Promise<void> {
  await dropServerCopies(db);
  const views = viewTables(db);
  for (const kind of RECORD_KINDS) {
    const rows = page[kind];
    if (!rows || rows.length === 0) continue;
    // Closed interactions and ended calls go a hundred to a row (record-packs.ts).
    if (isPackedKind(kind)) await putPulledPacked<{ id: string }>(db, kind, rows);
    else
      await (
        views[kind] as unknown as { bulkPut(r: readonly unknown[]): Promise<unknown> }
      ).bulkPut(rows);
  }
  await noteIncidentsWritten(db, page.incident ?? [], [], incidentsWritten);
}

/**
 * Moves the incidents' revision when a rebase wrote or removed incidents, and tells `told` once the
 * transaction commits, so Find existing incidents updates in place rather than rebuilding.
 */
export async function noteIncidentsWritten(
  db: DeskDb,
  written: readonly Incident[],
  removedIds: readonly string[],
  told: IncidentsWritten | undefined,
): Promise<void> {
  if (written.length + removedIds.length === 0) return;
  const revision = await bumpIncidentsRevision(db);
  if (told) Dexie.currentTransaction?.on('complete', () => told(written, revision, removedIds));
}
