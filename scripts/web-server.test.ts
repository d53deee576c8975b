// The browser build's static server: the right MIME types and security headers, index.html for
// app routes, 404 for missing assets, and nothing outside the root, however the path is spelt.

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from './web-server.mjs';

let dir: string;
let server: Awaited<ReturnType<typeof startWebServer>>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'deskpad-web-'));
  const root = path.join(dir, 'web');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Deskpad</title>');
  await writeFile(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'core.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(path.join(root, 'manifest.webmanifest'), '{}');
  await writeFile(path.join(dir, 'secret.txt'), 'not for the web');
  await symlink(path.join(dir, 'secret.txt'), path.join(root, 'linked.txt'));
  server = await startWebServer({ root, port: 0 });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (pathname: string, init?: RequestInit) => fetch(new URL(pathname, server.url), init);

describe('startWebServer', () => {
  it('serves the app with a strict CSP and nosniff', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>Deskpad</title>');
  });

  it('gives each asset its MIME type, and hashed assets a long cache', async () => {
    const js = await get('/assets/app-1234.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await get('/assets/core.wasm')).headers.get('content-type')).toBe('application/wasm');
    expect((await get('/manifest.webmanifest')).headers.get('content-type')).toContain(
      'application/manifest+json',
    );
  });

  it('answers app routes with index.html but missing assets with 404', async () => {
    const route = await get('/interactions/IMS-P0001');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Deskpad');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside its root', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/linked.txt',
    ]) {
      const response = await get(attempt);
      expect(await response.text()).not.toContain('not for the web');
    }
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });

  it('only reads', async () => {
    const response = await get('/', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
