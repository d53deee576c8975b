// Decides which desk server the desktop app syncs with: DESKPAD_SERVER_URL, else the
// `--server-url=` switch, else the local default. Pure; never opens a connection.

import { DEFAULT_SERVER_URL } from '../../shared/store-host-bridge';

export const SERVER_URL_ENV = 'DESKPAD_SERVER_URL';
export const SERVER_URL_ARG = '--server-url=';

export interface DeskServerAddress {
  /** Base URL without a trailing slash (a path is kept for a server behind a reverse proxy). */
  readonly url: string;
  /** What connect-src of the store host page must allow. */
  readonly origin: string;
  readonly source: 'environment' | 'command line' | 'default';
}

/** An http(s) URL without credentials, query or fragment, as a base URL; null for anything else. */
export const toDeskServerAddress = (
  value: string,
  source: DeskServerAddress['source'],
): DeskServerAddress | null => {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '')
    return null;
  // A host name or IPv4 address: what the store host page's connect-src can name.
  if (!/^[a-z0-9.-]+$/i.test(url.hostname)) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return { url: `${url.origin}${path}`, origin: url.origin, source };
};

export interface ResolvedDeskServer {
  readonly address: DeskServerAddress;
  /** Why a value given was not used, for the log. */
  readonly refused: readonly string[];
}

export const resolveDeskServer = (
  env: Readonly<Record<string, string | undefined>>,
  argv: readonly string[],
): ResolvedDeskServer => {
  const refused: string[] = [];
  const fromEnv = env[SERVER_URL_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    const address = toDeskServerAddress(fromEnv, 'environment');
    if (address) return { address, refused };
    refused.push(`${SERVER_URL_ENV} is not an http(s) address: ${JSON.stringify(fromEnv)}`);
  }
  const arg = argv.find((a) => a.startsWith(SERVER_URL_ARG));
  if (arg !== undefined) {
    const value = arg.slice(SERVER_URL_ARG.length);
    const address = toDeskServerAddress(value, 'command line');
    if (address) return { address, refused };
    refused.push(`${SERVER_URL_ARG} is not an http(s) address: ${JSON.stringify(value)}`);
  }
  const address = toDeskServerAddress(DEFAULT_SERVER_URL, 'default');
  if (!address) throw new Error(`The default desk server address is broken: ${DEFAULT_SERVER_URL}`);
  return { address, refused };
};
