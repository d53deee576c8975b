// The app:// scheme: its privileges and the handler that serves the built web files with the
// security headers. Never serves a file outside the web root and never proxies to the network.

import path from 'node:path';
import { APP_HOST, APP_SCHEME } from '../../shared/desktop-bridge';

/** Must be registered before `app` is ready; `standard` + `secure` give pages a real origin. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    codeCache: true,
    // Deliberately absent: bypassCSP, allowServiceWorkers, stream, allowExtensions.
  },
} as const;

export type ReadFile = (absolutePath: string) => Promise<Uint8Array>;

export interface AppProtocolOptions {
  /** Absolute path of the web build (dist/web). */
  readonly root: string;
  readonly readFile: ReadFile;
  readonly contentSecurityPolicy: string;
  /**
   * A wider policy for a page of its own, keyed by its path in the web build: the store host page
   * (`store-host.html`) may reach the desk server; app pages never need to.
   */
  readonly pagePolicies?: Readonly<Record<string, string>>;
  /** The page served for `app://deskpad/`. */
  readonly indexFile: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeFor = (filePath: string): string =>
  CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';

/**
 * Maps an app:// URL to a file under root, or null when the URL is not ours or would leave
 * root. The URL parser already folds `..`, but percent-encoded slashes and backslashes
 * survive it, so the decoded path is resolved and checked again.
 */
export const resolveAppFile = (root: string, rawUrl: string, indexFile: string): string | null => {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const relative = segments.length === 0 ? indexFile : segments.join('/');
  const absoluteRoot = path.resolve(root);
  const resolved = path.resolve(absoluteRoot, relative);
  return resolved.startsWith(absoluteRoot + path.sep) ? resolved : null;
};

export const securityHeaders = (contentSecurityPolicy: string): Record<string, string> => ({
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // The files change with every build; the V8 code cache still speeds up loads.
  'Cache-Control': 'no-cache',
});

const plain = (status: number, text: string, csp: string): Response =>
  new Response(text, {
    status,
    headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' },
  });

const isMissingFile = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
};

const policyFor = (options: AppProtocolOptions, filePath: string): string => {
  const page = path.relative(path.resolve(options.root), filePath).split(path.sep).join('/');
  const own = options.pagePolicies;
  return own !== undefined && Object.hasOwn(own, page)
    ? (own[page] ?? options.contentSecurityPolicy)
    : options.contentSecurityPolicy;
};

/** The function given to `protocol.handle('app', …)`. */
export const createAppProtocolHandler =
  (options: AppProtocolOptions) =>
  async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method not allowed', options.contentSecurityPolicy);
    }
    const filePath = resolveAppFile(options.root, request.url, options.indexFile);
    if (filePath === null) return plain(404, 'Not found', options.contentSecurityPolicy);
    const csp = policyFor(options, filePath);
    let body: Uint8Array;
    try {
      body = await options.readFile(filePath);
    } catch (error) {
      if (isMissingFile(error)) return plain(404, 'Not found', csp);
      throw error;
    }
    const headers = { ...securityHeaders(csp), 'Content-Type': contentTypeFor(filePath) };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
