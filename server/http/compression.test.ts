import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cacheControlOf } from '../app';
import { seedDirectory, signIn, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

/** A script as the build writes it: long, repetitive, well worth compressing. */
const SCRIPT = 'export const words = ["interaction", "incident", "request"];\n'.repeat(200);

/** The build's own compressed copies, at settings the server never uses on the fly. */
const BUILT_BR = brotliCompressSync(SCRIPT);
const BUILT_GZ = gzipSync(SCRIPT, { level: 9 });

describeOnDatabases('compressed answers for slow links', (suite) => {
  let webRoot: string;
  let app: FastifyInstance;
  let token: string;

  beforeAll(() => {
    webRoot = mkdtempSync(path.join(tmpdir(), 'deskpad-web-'));
    mkdirSync(path.join(webRoot, 'assets'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Deskpad</title>');
    writeFileSync(path.join(webRoot, 'assets', 'app-1a2b3c.js'), SCRIPT);
    // As the build writes them (tooling/precompress.ts): the file, and beside it compressed.
    writeFileSync(path.join(webRoot, 'assets', 'kept-4d5e6f.js'), SCRIPT);
    writeFileSync(path.join(webRoot, 'assets', 'kept-4d5e6f.js.br'), BUILT_BR);
    writeFileSync(path.join(webRoot, 'assets', 'kept-4d5e6f.js.gz'), BUILT_GZ);
  });
  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));
  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database(), { webRoot });
    token = (await signIn(app)).token ?? '';
  });
  afterEach(() => app.close());

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({
      method: 'GET',
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
      },
    });

  it('sends the API’s JSON in brotli, or gzip, to a client that accepts it', async () => {
    const plain = await get('/api/v1/directory');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await get('/api/v1/directory', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const gzip = await get('/api/v1/directory', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());
  });

  it('sends the browser build’s files compressed, and as they are without Accept-Encoding', async () => {
    const plain = await get('/assets/app-1a2b3c.js');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);

    const br = await get('/assets/app-1a2b3c.js', 'br, gzip');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
  });

  it('sends the build’s own compressed copy of a file as it is, never compressed again', async () => {
    const br = await get('/assets/kept-4d5e6f.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Buffer.compare(br.rawPayload, BUILT_BR)).toBe(0);

    const gzip = await get('/assets/kept-4d5e6f.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(Buffer.compare(gzip.rawPayload, BUILT_GZ)).toBe(0);

    // A client that accepts neither gets the file itself, never the compressed copy.
    const plain = await get('/assets/kept-4d5e6f.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('lets a browser keep the build’s content-named files, and ask again for the page', async () => {
    const year = 'public, max-age=31536000, immutable';
    expect((await get('/assets/app-1a2b3c.js')).headers['cache-control']).toBe(year);
    // The compressed copy is the same file to a browser.
    expect((await get('/assets/kept-4d5e6f.js', 'br')).headers['cache-control']).toBe(year);
    for (const url of ['/', '/index.html', '/some/desk/route']) {
      const page = await get(url);
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });

  it('never holds back the event stream’s pokes in a compressor', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const response = await fetch(`${address}/api/v1/sync/events`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' },
      signal: controller.signal,
    });
    try {
      expect(response.headers.get('content-encoding')).toBeNull();
      if (!response.body) throw new Error('The event stream has no body.');
      // The connect poke arrives at once, readable as it is.
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      expect((await reader.read()).value).toMatch(/^event: poke/m);
    } finally {
      controller.abort();
    }
  });
});

describe('how long a browser keeps a file of the build', () => {
  it('keeps only what is under assets/, where names change with the content', () => {
    expect(cacheControlOf('assets/workspace-BgclILr_.js')).toMatch(/immutable/);
    expect(cacheControlOf(path.join('assets', 'base-7v-USzrj.css'))).toMatch(/immutable/);
    for (const named of ['index.html', 'sw.js', 'start-ahead.js', 'assets', 'assetsx/a.js', ''])
      expect(cacheControlOf(named)).toBe('no-cache');
  });
});
