// The server's imports: uploaded files waiting in the data directory, their dry runs and real
// runs in the background, progress (rows/s, time left) and cancel. Held in memory per server
// process; a restart forgets them (their temp files are removed at the next start).

import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import {
  IMPORT_MAX_BYTES,
  type ImportJob,
  type ImportKind,
  type ImportRunInput,
  type ImportUpload,
} from '../../shared/admin/import';
import type { UpsertActor } from '../admin/directory-upsert';
import type { DirectoryWriteDeps } from '../admin/directory-write';
import type { Database } from '../db/schema';
import type { PhoneRegion } from '../directory/phone-e164';
import { guessMapping, mappingProblems } from './column-guess';
import { CsvFileError, sniffCsv, type CsvShape } from './csv-file';
import { checkImportFile } from './import-check';
import { ImportCancelled, runImport } from './import-run';

export interface ImportJobsOptions {
  db: Kysely<Database>;
  writeDeps: DirectoryWriteDeps;
  /** Where uploaded files wait (`<data>/imports`). */
  dir: string;
  region: PhoneRegion;
  now: () => Date;
  maxBytes?: number;
}

export class ImportRefused extends Error {
  readonly status: 400 | 404 | 409 | 413;
  constructor(status: 400 | 404 | 409 | 413, message: string) {
    super(message);
    this.name = 'ImportRefused';
    this.status = status;
  }
}

interface Entry {
  job: ImportJob;
  file: string;
  shape: CsvShape;
  controller: AbortController | null;
  /** The mapping of the last dry run that found no problem. */
  cleanMapping: string | null;
  startedMs: number;
  done: Promise<void>;
}

const KEPT_JOBS = 20;

export interface ImportJobs {
  upload(kind: ImportKind, fileName: string, body: Readable): Promise<ImportUpload>;
  run(input: ImportRunInput, actor: UpsertActor): ImportJob;
  status(importId: string): ImportJob;
  cancel(importId: string): Promise<ImportJob>;
  list(): ImportJob[];
  /** Resolves when the import's background work has ended (tests, the CLI). */
  settled(importId: string): Promise<ImportJob>;
}

export function createImportJobs(options: ImportJobsOptions): ImportJobs {
  const { dir, now } = options;
  const maxBytes = options.maxBytes ?? IMPORT_MAX_BYTES;
  let ready: Promise<void> | null = null;
  // Files of a previous process: nobody can run them any more. Done at the first upload.
  const prepare = async (): Promise<void> => {
    await mkdir(dir, { recursive: true });
    for (const name of await readdir(dir))
      if (name.endsWith('.csv')) await rm(path.join(dir, name), { force: true });
  };
  const entries = new Map<string, Entry>();

  const entry = (importId: string): Entry => {
    const found = entries.get(importId);
    if (!found) throw new ImportRefused(404, 'No such import: upload the file again.');
    return found;
  };
  const copy = (e: Entry): ImportJob => structuredClone(e.job);
  const progress = (e: Entry, rowsDone: number): void => {
    const seconds = Math.max((now().getTime() - e.startedMs) / 1000, 0.001);
    const rate = rowsDone / seconds;
    e.job.rowsDone = rowsDone;
    e.job.rowsPerSecond = Math.round(rate);
    e.job.secondsLeft =
      e.job.rowsTotal === null || rate === 0
        ? null
        : Math.max(0, (e.job.rowsTotal - rowsDone) / rate);
  };
  const prune = async (): Promise<void> => {
    const old = [...entries.values()].filter((e) => e.controller === null).slice(0, -KEPT_JOBS);
    for (const e of old) {
      entries.delete(e.job.importId);
      await rm(e.file, { force: true });
    }
  };

  async function work(e: Entry, input: ImportRunInput, actor: UpsertActor): Promise<void> {
    const { job } = e;
    const signal = e.controller?.signal;
    const mappingKey = JSON.stringify(input.mapping);
    try {
      if (input.dryRun || e.cleanMapping !== mappingKey) {
        job.state = 'checking';
        const checked = await checkImportFile({
          db: options.db,
          path: e.file,
          kind: job.kind,
          shape: e.shape,
          mapping: input.mapping,
          region: options.region,
          signal,
          onProgress: (rows) => progress(e, rows),
        });
        if (signal?.aborted) throw new ImportCancelled();
        Object.assign(job, {
          rowsTotal: checked.rowsTotal,
          problems: checked.problems,
          problemCount: checked.problemCount,
          wouldDeactivate: checked.wouldDeactivate,
        });
        progress(e, checked.rowsTotal);
        e.cleanMapping = checked.problemCount === 0 ? mappingKey : null;
        if (input.dryRun || checked.problemCount > 0) {
          job.state = 'checked';
          job.message =
            checked.problemCount === 0
              ? `No problems in ${checked.rowsTotal} rows.`
              : `${checked.problemCount} problem(s) in ${checked.rowsTotal} rows: nothing was written.`;
          return;
        }
      }
      job.state = 'importing';
      e.startedMs = now().getTime();
      job.counts = await runImport({
        deps: options.writeDeps,
        path: e.file,
        kind: job.kind,
        shape: e.shape,
        mapping: input.mapping,
        region: options.region,
        actor,
        now,
        deactivateMissing: input.deactivateMissing,
        signal,
        onProgress: (rows, counts) => {
          progress(e, rows);
          job.counts = { ...counts };
        },
      });
      job.state = 'done';
      const c = job.counts;
      job.message = `Imported ${job.rowsDone} rows: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.deactivated} deactivated.`;
    } catch (error) {
      if (error instanceof CsvFileError && job.state === 'checking') {
        // A file broken past its first lines (quotes, bytes): the dry run's one problem.
        Object.assign(job, {
          state: 'checked',
          problems: [{ line: error.line ?? 0, column: null, message: error.message }],
          problemCount: 1,
          message: `${error.message} Nothing was written.`,
        });
        e.cleanMapping = null;
        return;
      }
      job.state = error instanceof ImportCancelled ? 'cancelled' : 'failed';
      job.message = error instanceof Error ? error.message : String(error);
    } finally {
      job.finishedAt = now().toISOString();
      job.secondsLeft = job.state === 'done' ? 0 : null;
      e.controller = null;
    }
  }

  return {
    async upload(kind, fileName, body) {
      ready ??= prepare();
      await ready;
      await prune();
      const importId = randomBytes(12).toString('base64url');
      const file = path.join(dir, `${importId}.csv`);
      let bytes = 0;
      try {
        await pipeline(
          body,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              bytes += chunk.length;
              if (bytes > maxBytes)
                throw new ImportRefused(
                  413,
                  `The file is larger than ${maxBytes / 1024 / 1024} MiB.`,
                );
              yield chunk;
            }
          },
          createWriteStream(file),
        );
        const shape = await sniffCsv(file);
        const job: ImportJob = {
          importId,
          kind,
          fileName,
          state: 'uploaded',
          dryRun: true,
          rowsDone: 0,
          rowsTotal: null,
          rowsPerSecond: 0,
          secondsLeft: null,
          problems: [],
          problemCount: 0,
          counts: { created: 0, updated: 0, unchanged: 0, deactivated: 0 },
          wouldDeactivate: 0,
          startedAt: now().toISOString(),
          finishedAt: null,
          message: null,
        };
        entries.set(importId, {
          job,
          file,
          shape,
          controller: null,
          cleanMapping: null,
          startedMs: now().getTime(),
          done: Promise.resolve(),
        });
        return {
          importId,
          kind,
          fileName,
          bytes,
          delimiter: shape.delimiter,
          hasBom: shape.hasBom,
          columns: shape.columns,
          preview: shape.preview,
          guessedMapping: guessMapping(kind, shape.columns),
        };
      } catch (error) {
        await rm(file, { force: true });
        if (error instanceof CsvFileError) throw new ImportRefused(400, error.message);
        throw error;
      }
    },

    run(input, actor) {
      const e = entry(input.importId);
      if (e.controller !== null) throw new ImportRefused(409, 'This import is already running.');
      if (e.job.state === 'done' || e.job.state === 'importing')
        throw new ImportRefused(
          409,
          'This file was imported already: upload it again to import it again.',
        );
      const wrong = mappingProblems(e.job.kind, input.mapping, e.shape.columns);
      if (wrong.length > 0) throw new ImportRefused(400, wrong.join(' '));
      e.controller = new AbortController();
      Object.assign(e.job, {
        dryRun: input.dryRun,
        state: 'checking',
        rowsDone: 0,
        rowsPerSecond: 0,
        secondsLeft: null,
        counts: { created: 0, updated: 0, unchanged: 0, deactivated: 0 },
        startedAt: now().toISOString(),
        finishedAt: null,
        message: null,
      });
      e.startedMs = now().getTime();
      e.done = work(e, input, actor);
      return copy(e);
    },

    status: (importId) => copy(entry(importId)),

    async cancel(importId) {
      const e = entry(importId);
      e.controller?.abort();
      await e.done;
      return copy(e);
    },

    list: () => [...entries.values()].reverse().map(copy),

    async settled(importId) {
      const e = entry(importId);
      await e.done;
      return copy(e);
    },
  };
}
