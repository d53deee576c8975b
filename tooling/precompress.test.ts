// The build's files are written compressed beside themselves, at brotli's and gzip's best, and
// read back to exactly the file; never the source maps, never a file too small or that grows.

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRECOMPRESS_MIN_BYTES, precompress, precompressDirectory } from './precompress';

const SCRIPT = 'export const words = ["interaction", "incident", "request"];\n'.repeat(400);
/** Code that varies line to line, as a built chunk does: where brotli's best beats its fastest. */
const CHUNK = Array.from(
  { length: 3000 },
  (_, i) =>
    `export const f${i} = (x) => x * ${(i * 7919) % 1009} + "${['interaction', 'incident', 'request', 'caller'][i % 4]}${i % 97}";`,
).join('\n');

describe('precompress', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'deskpad-precompress-'));
    mkdirSync(path.join(dir, 'assets'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, content: string | Buffer): string => {
    writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };

  it('writes .br and .gz beside every servable file, each reading back to the file', async () => {
    const script = file('assets/workspace-abc.js', SCRIPT);
    const page = file('index.html', `<!doctype html>${'<p>Deskpad</p>'.repeat(200)}`);
    const written = await precompressDirectory(dir);
    expect(written.sort()).toEqual(
      [`${page}.br`, `${page}.gz`, `${script}.br`, `${script}.gz`].sort(),
    );
    expect(brotliDecompressSync(readFileSync(`${script}.br`)).toString()).toBe(SCRIPT);
    expect(gunzipSync(readFileSync(`${script}.gz`)).toString()).toBe(SCRIPT);
  });

  it('compresses at brotli’s best, smaller than the server’s on-the-fly setting', async () => {
    const script = file('assets/app-abc.js', CHUNK);
    await precompressDirectory(dir);
    const onTheFly = brotliCompressSync(CHUNK, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
    });
    expect(readFileSync(`${script}.br`).length).toBeLessThan(onTheFly.length);
  });

  it('leaves source maps, small files and files that would not shrink as they are', async () => {
    file('assets/app-abc.js.map', JSON.stringify({ mappings: 'AAAA;'.repeat(2000) }));
    file('assets/tiny-abc.js', 'export{}'.padEnd(PRECOMPRESS_MIN_BYTES - 1, ' '));
    file('assets/noise-abc.js', randomBytes(8192));
    file('assets/icon.png', SCRIPT);
    expect(await precompressDirectory(dir)).toEqual([]);
    expect(existsSync(path.join(dir, 'assets/app-abc.js.map.br'))).toBe(false);
  });

  it('runs once the build is written, after every other plugin', () => {
    const plugin = precompress();
    expect(plugin.apply).toBe('build');
    expect(plugin.enforce).toBe('post');
    expect(plugin.closeBundle).toMatchObject({ order: 'post', sequential: true });
  });
});
