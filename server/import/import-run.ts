// The real run of a checked file: rows streamed in batches, each batch one directory write (one
// transaction, one audit entry), so a cancel rolls back only the batch being written. Users of
// the file's source it does not name are deactivated only when asked.

import { stat } from 'node:fs/promises';
import type { ImportCounts, ImportKind, ImportMapping } from '../../shared/admin/import';
import {
  deactivateMissingUsers,
  emptyCounts,
  upsertConfigurationItems,
  upsertGroups,
  upsertUsers,
  type DirectoryConfigurationItem,
  type DirectoryGroup,
  type DirectoryUser,
  type UpsertActor,
  type UpsertContext,
  type UpsertResult,
} from '../admin/directory-upsert';
import { writeDirectory, type DirectoryWriteDeps } from '../admin/directory-write';
import type { PhoneRegion } from '../directory/phone-e164';
import { throttlePokes } from '../sync/poke-throttle';
import { readCsvRecords, type CsvShape } from './csv-file';
import { rowReader, type ImportItem } from './import-rows';
import { KeyLines, estimateRows } from './key-lines';

export const IMPORT_BATCH_ROWS = 2000;
/**
 * The desks are poked at most this often while batches commit (and once at the end): each poke
 * starts a directory pull on every desk, which competes with the import for the server.
 */
export const IMPORT_POKE_EVERY_MS = 2000;

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; the batch being written was rolled back.');
    this.name = 'ImportCancelled';
  }
}

export interface RunInput {
  deps: DirectoryWriteDeps;
  path: string;
  kind: ImportKind;
  shape: CsvShape;
  mapping: ImportMapping;
  region: PhoneRegion;
  actor: UpsertActor;
  now: () => Date;
  deactivateMissing: boolean;
  signal?: AbortSignal;
  onProgress?: (rowsDone: number, counts: ImportCounts) => void;
  /** Rows per batch (IMPORT_BATCH_ROWS). */
  batchRows?: number;
}

function add(into: ImportCounts, from: ImportCounts): void {
  into.created += from.created;
  into.updated += from.updated;
  into.unchanged += from.unchanged;
  into.deactivated += from.deactivated;
}

/** Parents before their children, so every parent exists when its child is written. */
export function parentsFirst(
  items: readonly DirectoryConfigurationItem[],
): DirectoryConfigurationItem[] {
  const byKey = new Map(items.map((i) => [i.externalKey, i]));
  const placed = new Set<string>();
  const out: DirectoryConfigurationItem[] = [];
  const visit = (item: DirectoryConfigurationItem, depth: number): void => {
    if (placed.has(item.externalKey)) return;
    placed.add(item.externalKey);
    const parent = item.parentKey === null ? undefined : byKey.get(item.parentKey);
    if (parent && depth < 1000) visit(parent, depth + 1);
    out.push(item);
  };
  for (const item of items) visit(item, 0);
  return out;
}

/** One batch in one directory write; a cancel seen before the commit rolls all of it back. */
export async function writeBatch(
  input: Pick<RunInput, 'deps' | 'kind' | 'actor' | 'now'>,
  batch: readonly ImportItem[],
  signal: AbortSignal | undefined,
): Promise<UpsertResult> {
  return writeDirectory(input.deps, async (trx, nextVersion) => {
    const context: UpsertContext = {
      trx,
      nextVersion,
      source: 'csv',
      actor: input.actor,
      now: input.now,
    };
    let result: UpsertResult;
    switch (input.kind) {
      case 'users':
        result = await upsertUsers(context, batch as DirectoryUser[]);
        break;
      case 'groups':
        result = await upsertGroups(context, batch as DirectoryGroup[]);
        break;
      case 'configuration-items':
        result = await upsertConfigurationItems(context, batch as DirectoryConfigurationItem[]);
        break;
    }
    // Checked last, inside the transaction: a cancel during the batch rolls all of it back.
    if (signal?.aborted) throw new ImportCancelled();
    return result;
  });
}

/** Imports the file; throws ImportCancelled when cancelled (batches before it stay written). */
export async function runImport(input: RunInput): Promise<ImportCounts> {
  const pokes = throttlePokes(input.deps.pokes, IMPORT_POKE_EVERY_MS, () => input.now().getTime());
  try {
    return await importRows({ ...input, deps: { ...input.deps, pokes } });
  } finally {
    // Done, failed or cancelled: the batches committed so far reach the desks.
    await pokes.flush().catch((error: unknown) => {
      input.deps.warn?.('could not poke the desks after an import', error);
    });
  }
}

async function importRows(input: RunInput): Promise<ImportCounts> {
  const { kind, shape, mapping, signal } = input;
  const batchRows = input.batchRows ?? IMPORT_BATCH_ROWS;
  const read = rowReader(kind, {
    columns: shape.columns,
    delimiter: shape.delimiter,
    mapping,
    region: input.region,
  });
  const counts = emptyCounts();
  // Only a run that deactivates needs every key (hashed: key-lines.ts).
  const seen = input.deactivateMissing
    ? new KeyLines(estimateRows((await stat(input.path)).size, shape.preview))
    : null;
  let rows = 0;
  let batch: ImportItem[] = [];
  const held: DirectoryConfigurationItem[] = [];
  const write = async (items: readonly ImportItem[]): Promise<void> => {
    if (signal?.aborted) throw new ImportCancelled();
    const result = await writeBatch(input, items, signal);
    if (result.refused.length > 0) {
      const first = result.refused[0];
      throw new Error(
        `The server refused ${result.refused.length} row(s) of a batch: ${first?.message ?? ''}`,
      );
    }
    add(counts, result.counts);
  };
  // One batch is written while the next is read: the database works while this thread parses.
  let writing: Promise<void> = Promise.resolve();
  const startWrite = async (items: readonly ImportItem[], upTo: number): Promise<void> => {
    await writing;
    writing = write(items).then(() => input.onProgress?.(upTo, counts));
    // Marks a failure handled until the next batch or the end awaits it (and throws it).
    writing.catch(() => {});
  };
  let header = true;
  try {
    for await (const record of readCsvRecords(input.path, shape.delimiter, signal)) {
      if (header) {
        header = false;
        continue;
      }
      const { item, problems } = read(record);
      if (item === null || problems.length > 0)
        throw new Error(
          `Line ${record.line} has a problem (${problems[0]?.message ?? 'unreadable'}): run the dry run first.`,
        );
      rows++;
      seen?.add(item.externalKey);
      if (kind === 'configuration-items') {
        held.push(item as DirectoryConfigurationItem);
        continue;
      }
      batch.push(item);
      if (batch.length >= batchRows) {
        await startWrite(batch, rows);
        batch = [];
      }
    }
  } finally {
    // Nothing of this run goes on writing after it has ended; a failure of that batch throws here.
    await writing;
  }
  if (signal?.aborted) throw new ImportCancelled();
  if (kind === 'configuration-items') {
    // Small enough to hold: a CMDB export is thousands of rows, not millions.
    const ordered = parentsFirst(held);
    for (let i = 0; i < ordered.length; i += batchRows) {
      await write(ordered.slice(i, i + batchRows));
      input.onProgress?.(Math.min(rows, i + batchRows), counts);
    }
  } else if (batch.length > 0) await write(batch);
  if (kind === 'users' && seen !== null) {
    counts.deactivated += await writeDirectory(input.deps, (trx, nextVersion) =>
      deactivateMissingUsers(
        { trx, nextVersion, source: 'csv', actor: input.actor, now: input.now },
        seen,
      ),
    );
  }
  input.onProgress?.(rows, counts);
  return counts;
}
