import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvFileError, detectDelimiter, readCsvRecords, sniffCsv } from './csv-file';

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'deskpad-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(content: string | Buffer): Promise<string> {
  const p = path.join(dir, `f${n++}.csv`);
  await writeFile(p, content);
  return p;
}

async function records(
  p: string,
  delimiter: ',' | ';' | '\t' = ',',
): Promise<[number, string[]][]> {
  const out: [number, string[]][] = [];
  for await (const r of readCsvRecords(p, delimiter)) out.push([r.line, r.fields]);
  return out;
}

async function refusal(p: string): Promise<string> {
  try {
    const shape = await sniffCsv(p);
    await records(p, shape.delimiter);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvFileError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('sniffCsv', () => {
  it('reads UTF-8 with a BOM, semicolons, quoted fields and CRLF', async () => {
    const p = await file(
      '\uFEFFEmployee ID;Name;Note\r\nE1;"Núñez; José";"said ""hi"""\r\nE2;Ana;"two\r\nlines"\r\n',
    );
    const shape = await sniffCsv(p);
    expect(shape).toEqual({
      delimiter: ';',
      hasBom: true,
      columns: ['Employee ID', 'Name', 'Note'],
      preview: [
        ['E1', 'Núñez; José', 'said "hi"'],
        ['E2', 'Ana', 'two\r\nlines'],
      ],
    });
    expect(await records(p, ';')).toEqual([
      [1, ['Employee ID', 'Name', 'Note']],
      [2, ['E1', 'Núñez; José', 'said "hi"']],
      [3, ['E2', 'Ana', 'two\r\nlines']],
    ]);
  });

  it('detects tabs and commas from the header line, quotes aside', () => {
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('refuses an empty file', async () => {
    expect(await refusal(await file(''))).toBe('The file is empty.');
    expect(await refusal(await file('\n\r\n  \n'))).toMatch(/empty/);
  });

  it('refuses a file that is not text', async () => {
    expect(await refusal(await file(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14])))).toMatch(
      /not text/,
    );
    expect(
      await refusal(await file(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xc3, 0x28, 0x0a]))),
    ).toMatch(/not UTF-8/);
    expect(await refusal(await file(Buffer.from([0xff, 0xfe, 0x61, 0x00])))).toMatch(/UTF-16/);
  });

  it('refuses broken quotes with the line', async () => {
    expect(await refusal(await file('id,name\nE1,"Ana\nE2,Bo\n'))).toMatch(/never closed/);
    expect(await refusal(await file('id,name\nE1,"Ana"x\n'))).toMatch(/Broken quotes on line 2/);
  });

  it('refuses a 50 MB line without reading it whole', async () => {
    const p = path.join(dir, 'long.csv');
    const out = createWriteStream(p);
    out.write('id,name\nE1,');
    const block = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 50; i++) out.write(block);
    out.end('\n');
    await new Promise<void>((resolve) => out.on('finish', () => resolve()));
    expect(await refusal(p)).toMatch(/line 2 is longer than 1 MiB/);
    const header = await file(`${'y'.repeat(2 * 1024 * 1024)}\n`);
    expect(await refusal(header)).toMatch(/first line is longer than 1 MiB/);
  });

  it('says so when the header is one column with another separator', async () => {
    expect(await refusal(await file('id|name|email\n1|a|b\n'))).toMatch(/single column/);
  });

  it('refuses a header with a blank or repeated column', async () => {
    expect(await refusal(await file('id,,name\n'))).toMatch(
      /Column 2 of the header line has no name/,
    );
    expect(await refusal(await file('id,name,id\n'))).toMatch(/"id" twice/);
  });
});
