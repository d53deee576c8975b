// A small static server for the browser build (dist/web): correct MIME types, index.html
// fallback for app routes, no path outside the root, and the same strict CSP as the desktop app.
// Never serves a directory listing, never follows a path out of `root`.

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

/** @type {Readonly<Record<string, string>>} */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Mirrors electron/main/content-security-policy.ts: our own scripts only, no eval, no inline. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** @typedef {{ status: 200, file: string, size: number } | { status: 400 | 403 | 404 }} Resolved */

/** @param {string} root @param {string} file */
const isInside = (root, file) => file === root || file.startsWith(root + path.sep);

/**
 * Finds the file for a URL path: the file itself, index.html for a folder, or index.html for an
 * app route (no extension). A missing asset (with an extension) stays a 404, never HTML.
 */
/** @param {string} root @param {string} urlPath @returns {Promise<Resolved>} */
async function resolveFile(root, urlPath) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://localhost').pathname);
  } catch {
    return { status: 400 };
  }
  if (pathname.includes('\0')) return { status: 400 };
  const candidate = path.resolve(root, `.${path.posix.normalize(pathname)}`);
  if (!isInside(root, candidate)) return { status: 403 };
  const found = await fileAt(root, candidate);
  if (found) return found;
  if (path.extname(pathname) === '')
    return (await fileAt(root, path.join(root, 'index.html'))) ?? { status: 404 };
  return { status: 404 };
}

/** @param {string} root @param {string} candidate @returns {Promise<Resolved | null>} */
async function fileAt(root, candidate) {
  try {
    const real = await realpath(candidate);
    if (!isInside(root, real)) return null;
    const info = await stat(real);
    if (info.isDirectory()) return fileAt(root, path.join(real, 'index.html'));
    return info.isFile() ? { status: 200, file: real, size: info.size } : null;
  } catch {
    return null;
  }
}

/** @param {string} root @param {string} file */
function cacheControl(root, file) {
  // Vite puts content-hashed names under assets/: they never change. Pages must be revalidated.
  return isInside(path.join(root, 'assets'), file)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {string} text
 * @param {string} method
 */
function send(response, status, text, method) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  response.end(method === 'HEAD' ? undefined : text);
}

/**
 * Serves `root` on host:port (port 0 picks a free one).
 * @param {{ root: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startWebServer({ root, port = 5173, host = '127.0.0.1' }) {
  const realRoot = await realpath(path.resolve(root));
  const server = http.createServer((request, response) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      send(response, 405, 'Method not allowed.', method);
      return;
    }
    resolveFile(realRoot, request.url ?? '/').then(
      (found) => {
        if (found.status !== 200) {
          send(
            response,
            found.status,
            found.status === 404 ? 'Not found.' : 'Bad request.',
            method,
          );
          return;
        }
        response.writeHead(200, {
          ...SECURITY_HEADERS,
          'content-type':
            MIME_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
          'content-length': String(found.size),
          'cache-control': cacheControl(realRoot, found.file),
        });
        if (method === 'HEAD') {
          response.end();
          return;
        }
        const stream = createReadStream(found.file);
        stream.on('error', () => response.destroy());
        stream.pipe(response);
      },
      () => send(response, 500, 'The file could not be read.', method),
    );
  });
  await /** @type {Promise<void>} */ (
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    })
  );
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}/`,
    port: actualPort,
    close: () =>
      /** @type {Promise<void>} */ (
        new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        })
      ),
  };
}
