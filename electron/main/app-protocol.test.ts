// Tests the app:// handler: it serves the web build with the security headers and nothing else.
// Uses a real temporary folder; never touches Electron.

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveAppFile } from './app-protocol';
import { buildContentSecurityPolicy } from './content-security-policy';

let base: string;
let root: string;
const csp = buildContentSecurityPolicy();

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'deskpad-protocol-'));
  root = path.join(base, 'web');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.writeFile(path.join(root, 'desktop.html'), '<!doctype html><title>Deskpad</title>');
  await fs.writeFile(
    path.join(root, 'store-host.html'),
    '<!doctype html><title>Store host</title>',
  );
  await fs.writeFile(path.join(root, 'assets', 'app.js'), 'export {};');
  await fs.writeFile(path.join(base, 'secret.txt'), 'not for pages');
  await fs.mkdir(path.join(base, 'web-evil'));
  await fs.writeFile(path.join(base, 'web-evil', 'x.js'), 'evil');
});

afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

const handlerWith = (readFile = (file: string) => fs.readFile(file)) =>
  createAppProtocolHandler({
    root,
    readFile,
    contentSecurityPolicy: csp,
    indexFile: 'desktop.html',
  });

const get = (url: string, init?: RequestInit) => handlerWith()(new Request(url, init));

describe('app:// protocol', () => {
  it('registers a standard, secure scheme that does not bypass CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });

  it('serves a page of the web build with the CSP and no-sniff headers', async () => {
    const response = await get('app://deskpad/desktop.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Deskpad</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript and the index for the bare origin', async () => {
    const script = await get('app://deskpad/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const index = await get('app://deskpad/');
    expect(await index.text()).toContain('Deskpad');
  });

  it('answers 404 with the CSP for a missing file', async () => {
    const response = await get('app://deskpad/nope.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(csp);
  });

  it.each([
    'app://deskpad/../secret.txt',
    'app://deskpad/%2e%2e/secret.txt',
    'app://deskpad/..%2fsecret.txt',
    'app://deskpad/%2e%2e%2fsecret.txt',
    'app://deskpad/assets/..%2f..%2fsecret.txt',
    'app://deskpad/..%5csecret.txt',
    'app://deskpad/%2e%2e%2fweb-evil%2fx.js',
    'app://deskpad/desktop.html%00.js',
    'app://deskpad/%E0%A4%A',
  ])('refuses to leave the web root: %s', async (url) => {
    const readFile = vi.fn((file: string) => fs.readFile(file));
    const response = await handlerWith(readFile)(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for pages');
    for (const [file] of readFile.mock.calls) {
      expect(file.startsWith(root + path.sep)).toBe(true);
    }
  });

  it('serves only the deskpad host', async () => {
    expect((await get('app://elsewhere/desktop.html')).status).toBe(404);
    expect(resolveAppFile(root, 'app://deskpad:8080/desktop.html', 'desktop.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///etc/passwd', 'desktop.html')).toBeNull();
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://deskpad/desktop.html', { method: 'POST', body: 'x' })).status).toBe(
      405,
    );
    const head = await get('app://deskpad/desktop.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('gives the store host page its own policy, with the desk server in connect-src', async () => {
    const storeHostPolicy = buildContentSecurityPolicy({
      connectSources: ['http://127.0.0.1:8787'],
    });
    const handler = createAppProtocolHandler({
      root,
      readFile: (file) => fs.readFile(file),
      contentSecurityPolicy: csp,
      pagePolicies: { 'store-host.html': storeHostPolicy },
      indexFile: 'desktop.html',
    });
    const storeHost = await handler(new Request('app://deskpad/store-host.html'));
    expect(storeHost.headers.get('content-security-policy')).toBe(storeHostPolicy);
    expect(storeHostPolicy).toContain("connect-src 'self' http://127.0.0.1:8787");
    for (const url of [
      'app://deskpad/desktop.html',
      'app://deskpad/',
      'app://deskpad/assets/app.js',
    ]) {
      const response = await handler(new Request(url));
      expect(response.headers.get('content-security-policy'), url).toBe(csp);
    }
  });
});
