// Serves the built browser app on 127.0.0.1 for the e2e tests, the way a user would: `npm run web -- --port P`.
// The port stays fixed for a whole test file, because IndexedDB belongs to the origin and the origin has the port.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { freePort } from './desk-server';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const webDist = path.join(repoRoot, 'dist', 'web');
const webScript = path.join(repoRoot, 'scripts', 'web.mjs');
const READY_TIMEOUT_MS = 30_000;

export interface WebApp {
  /** e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the browser build. Prefers the project's own `scripts/web.mjs`; falls back to a static server. */
export async function startWebApp(): Promise<WebApp> {
  const buildProblem = inject('webBuildProblem');
  if (buildProblem) throw new Error(`No current browser build to test: ${buildProblem}`);
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(`No browser build in ${webDist}: run \`npm run build:web\` first.`);
  }
  return existsSync(webScript) ? startWebScript() : startStaticServer();
}

async function startWebScript(): Promise<WebApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [webScript, '--port', String(port)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitUntilServing(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(
      `scripts/web.mjs --port ${port} did not serve ${url}: ${String(error)}\n${output}`,
    );
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`it exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`nothing answered within ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** Only used while scripts/web.mjs does not exist: serves dist/web with an SPA fallback. */
async function startStaticServer(): Promise<WebApp> {
  const server = http.createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const file = path.join(webDist, path.normalize(pathname));
      const inside = file.startsWith(webDist + path.sep);
      const target =
        inside && path.extname(file) !== '' && existsSync(file)
          ? file
          : path.join(webDist, 'index.html');
      try {
        const body = await readFile(target);
        const type = MIME_TYPES[path.extname(target)] ?? 'application/octet-stream';
        response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
