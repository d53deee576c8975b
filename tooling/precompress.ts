// A Vite plugin for the browser build: every file a browser fetches is also written compressed
// beside itself, once, at the best settings, for the desk server to send as it is.

import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** What a browser fetches and compression shrinks; never the source maps, which are not served. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|webmanifest|svg|txt)$/;
/** Below this a compressed file saves less than its headers (the server's own threshold). */
export const PRECOMPRESS_MIN_BYTES = 1024;

/**
 * The desk server compresses each answer as it sends it, at a speed fit for every request (brotli
 * quality 4). The build's files never change, so they are compressed here once at brotli's best
 * (quality 11) and gzip's (level 9): the opening scripts shrink by about a seventh more, which on a
 * slow link is that much sooner on screen. The server sends `name.br` or `name.gz` when the
 * browser accepts it (`preCompressed`, server/app.ts) and the file itself otherwise.
 */
export async function compressFile(file: string): Promise<string[]> {
  const source = await readFile(file);
  if (source.length < PRECOMPRESS_MIN_BYTES) return [];
  const [br, gz] = await Promise.all([
    brotli(source, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
    gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  const written: string[] = [];
  for (const [suffix, bytes] of [
    ['.br', br],
    ['.gz', gz],
  ] as const) {
    // A file that does not shrink is sent as it is.
    if (bytes.length >= source.length) continue;
    await writeFile(file + suffix, bytes);
    written.push(file + suffix);
  }
  return written;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Compresses every servable file of a finished build directory; answers the files written. */
export async function precompressDirectory(dir: string): Promise<string[]> {
  const files = await filesUnder(dir);
  const written: string[] = [];
  // Two at a time: brotli's best is CPU-bound, and a build machine has few cores to spare.
  for (let i = 0; i < files.length; i += 2) {
    for (const done of await Promise.all(files.slice(i, i + 2).map(compressFile)))
      written.push(...done);
  }
  return written;
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'deskpad-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // Last: after the compile hints are in the chunks and the service worker is written.
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if ((await stat(outDir).catch(() => null))?.isDirectory())
          await precompressDirectory(outDir);
      },
    },
  };
}
