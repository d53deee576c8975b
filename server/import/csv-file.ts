// Reads a CSV file from disk as a stream of records: UTF-8 with or without BOM, the delimiter
// (, ; or tab) found on the header line, quoted fields, CRLF. Never holds the whole file in memory
// and never guesses past a problem: a file that is not text, empty or broken fails with words.

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { Delimiter } from '../../shared/admin/import';

/** The longest record (a line, or several when quoted fields hold line breaks) read. */
export const MAX_RECORD_CHARS = 1024 * 1024;
const SNIFF_BYTES = MAX_RECORD_CHARS + 4;
const PREVIEW_ROWS = 10;

/** A file the import cannot read at all; `line` when the problem has a place. */
export class CsvFileError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null = null) {
    super(message);
    this.name = 'CsvFileError';
    this.line = line;
  }
}

export interface CsvShape {
  delimiter: Delimiter;
  hasBom: boolean;
  columns: string[];
  /** The first data rows, as the file has them. */
  preview: string[][];
}

export interface CsvRecord {
  /** The line the record starts on (1 = the header). */
  line: number;
  fields: string[];
}

const NOT_TEXT =
  'The file is not text (it contains NUL bytes): save it as CSV (UTF-8) and try again.';
const NOT_UTF8 = 'The file is not UTF-8 text: save it as "CSV UTF-8" and try again.';

/** Counts each delimiter outside quotes on the first line; the most frequent wins, comma on none. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) =>
    counts[b] > counts[a] ? b : a,
  );
  return counts[best] === 0 ? ',' : best;
}

/** The first line (up to a line break outside quotes), or null when none ends within `text`. */
function firstLine(text: string, complete: boolean): string | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return complete ? text : null;
}

/** Refuses NUL bytes and invalid UTF-8 as they stream by, and hands on text without a BOM. */
class Utf8Text extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private line = 1;

  constructor() {
    super({ decodeStrings: true, readableObjectMode: false });
    this.setEncoding('utf8');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (chunk.includes(0)) return done(new CsvFileError(NOT_TEXT));
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      // Where in this chunk: the lossy decoding marks the first bad byte with U+FFFD.
      const lossy = chunk.toString('utf8');
      const bad = lossy.indexOf('\ufffd');
      const line = this.line + countBreaks(lossy.slice(0, Math.max(bad, 0)).replaceAll('\r', ''));
      return done(new CsvFileError(`${NOT_UTF8} (line ${line})`, line));
    }
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.line++;
    done(null, text);
  }

  override _flush(done: TransformCallback): void {
    try {
      done(null, this.decoder.decode());
    } catch {
      done(new CsvFileError(`${NOT_UTF8} (it ends inside a character)`, this.line));
    }
  }
}

const BROKEN_QUOTES = new Set([
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
  'INVALID_OPENING_QUOTE',
]);

/** csv-parse's errors in words a person can act on. */
export function describeCsvError(error: unknown, delimiter: Delimiter): CsvFileError {
  if (error instanceof CsvFileError) return error;
  if (error instanceof CsvError) {
    const line = typeof error.lines === 'number' ? error.lines : null;
    const at = line === null ? '' : ` on line ${line}`;
    const code: string = error.code;
    if (code === 'CSV_MAX_RECORD_SIZE')
      return new CsvFileError(
        `A record${at} is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB: the file is probably not CSV, or a quote is never closed.`,
        line,
      );
    if (code === 'CSV_QUOTE_NOT_CLOSED')
      return new CsvFileError(
        `A quoted field is never closed (the file ends inside it${at}): check the quotes (") of the lines before.`,
        line,
      );
    if (BROKEN_QUOTES.has(code))
      return new CsvFileError(
        `Broken quotes${at}: a quote (") inside a field must be doubled ("") and the field quoted as a whole.`,
        line,
      );
    return new CsvFileError(
      `The file cannot be read as CSV${at} (${delimiterName(delimiter)}): ${error.message}`,
      line,
    );
  }
  return new CsvFileError(error instanceof Error ? error.message : String(error));
}

export const delimiterName = (d: Delimiter): string =>
  d === ',' ? 'separated by commas' : d === ';' ? 'separated by semicolons' : 'separated by tabs';

/** Records of the file, header first, each with the line it starts on. */
export async function* readCsvRecords(
  path: string,
  delimiter: Delimiter,
  signal?: AbortSignal,
): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    info: true,
  });
  const source = createReadStream(path, { highWaterMark: 256 * 1024 });
  const text = new Utf8Text();
  const fail = (error: unknown): void => {
    parser.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  source.on('error', fail);
  text.on('error', fail);
  source.pipe(text).pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (signal?.aborted) return;
      const breaks = item.record.reduce((n, field) => n + countBreaks(field), 0);
      yield { line: item.info.lines - breaks, fields: item.record };
    }
  } catch (error) {
    throw describeCsvError(error, delimiter);
  } finally {
    source.destroy();
    text.destroy();
    parser.destroy();
  }
}

/** Line breaks inside a field as csv-parse counts them: \r and \n each. */
function countBreaks(field: string): number {
  let n = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    if (c === 10 || c === 13) n++;
  }
  return n;
}

/** Reads the start of the file: refuses what is not CSV text and finds delimiter and header. */
export async function sniffCsv(path: string): Promise<CsvShape> {
  const handle = await open(path, 'r');
  let bytes: Buffer;
  let complete: boolean;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    bytes = buffer.subarray(0, bytesRead);
    complete = bytesRead < SNIFF_BYTES;
  } finally {
    await handle.close();
  }
  if (bytes.length === 0) throw new CsvFileError('The file is empty.');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new CsvFileError('The file is UTF-16 text: save it as "CSV UTF-8" and try again.');
  if (bytes.includes(0)) throw new CsvFileError(NOT_TEXT);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
  } catch {
    throw new CsvFileError(NOT_UTF8, 1);
  }
  if (text.trim() === '') throw new CsvFileError('The file is empty: it has no header line.');
  const header = firstLine(text, complete);
  if (header === null)
    throw new CsvFileError(
      `The first line is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB: this is not a CSV header.`,
      1,
    );
  const delimiter = detectDelimiter(header);
  const records: string[][] = [];
  for await (const record of readCsvRecords(path, delimiter)) {
    records.push(record.fields);
    if (records.length > PREVIEW_ROWS) break;
  }
  const columns = (records[0] ?? []).map((c) => c.trim());
  if (columns.length === 0 || columns.every((c) => c === ''))
    throw new CsvFileError('The file is empty: it has no header line.');
  if (columns.length === 1 && /[|:]/.test(columns[0] ?? ''))
    throw new CsvFileError(
      `The header line has a single column ("${(columns[0] ?? '').slice(0, 80)}"): Deskpad reads columns separated by commas, semicolons or tabs.`,
      1,
    );
  const blank = columns.findIndex((c) => c === '');
  if (blank !== -1 && columns.length > 1)
    throw new CsvFileError(`Column ${blank + 1} of the header line has no name.`, 1);
  const twice = columns.find((c, i) => columns.indexOf(c) !== i);
  if (twice !== undefined)
    throw new CsvFileError(`The header names the column "${twice}" twice.`, 1);
  return { delimiter, hasBom, columns, preview: records.slice(1) };
}
