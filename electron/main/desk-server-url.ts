// Decides which desk server the desktop app syncs with: DESKPAD_SERVER_URL, else the
// `--server-url=` switch, else the local default; plain http only to this computer unless a switch
// says otherwise. Pure; never opens a connection.

import { DEFAULT_SERVER_URL } from '../../shared/store-host-bridge';

export const SERVER_URL_ENV = 'DESKPAD_SERVER_URL';
export const SERVER_URL_ARG = '--server-url=';
/** Lets the app use plain http:// to another computer (a lab, a demo); logged as a warning. */
export const ALLOW_INSECURE_ENV = 'DESKPAD_ALLOW_INSECURE_SERVER';
export const ALLOW_INSECURE_ARG = '--allow-insecure-server';

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
  /** What the log must warn about in the address used (plain http allowed by the switch). */
  readonly warnings: readonly string[];
}

/** This computer: localhost, 127.0.0.0/8 (a token sent there never crosses a network). */
export const isLoopbackHost = (hostname: string): boolean =>
  hostname === 'localhost' ||
  hostname.endsWith('.localhost') ||
  /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

const isPlainHttpElsewhere = (address: DeskServerAddress): boolean => {
  const url = new URL(address.url);
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
};

export const resolveDeskServer = (
  env: Readonly<Record<string, string | undefined>>,
  argv: readonly string[],
): ResolvedDeskServer => {
  const refused: string[] = [];
  const warnings: string[] = [];
  const allowInsecure = env[ALLOW_INSECURE_ENV] === '1' || argv.includes(ALLOW_INSECURE_ARG);
  // Plain http to another computer would carry the password and the session token in clear.
  const acceptable = (address: DeskServerAddress, given: string): boolean => {
    if (!isPlainHttpElsewhere(address)) return true;
    if (allowInsecure) {
      warnings.push(
        `${given} is plain http:// to another computer (${address.origin}): passwords, session tokens and interactions cross the network unencrypted. Allowed by ${ALLOW_INSECURE_ARG} / ${ALLOW_INSECURE_ENV}=1; use https:// in production.`,
      );
      return true;
    }
    refused.push(
      `${given} is plain http:// to another computer (${address.origin}); only https:// is accepted except on this computer. Use https://, or start with ${ALLOW_INSECURE_ARG} (or ${ALLOW_INSECURE_ENV}=1) to allow it anyway.`,
    );
    return false;
  };
  const fromEnv = env[SERVER_URL_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    const address = toDeskServerAddress(fromEnv, 'environment');
    if (address && acceptable(address, SERVER_URL_ENV)) return { address, refused, warnings };
    if (!address)
      refused.push(`${SERVER_URL_ENV} is not an http(s) address: ${JSON.stringify(fromEnv)}`);
  }
  const arg = argv.find((a) => a.startsWith(SERVER_URL_ARG));
  if (arg !== undefined) {
    const value = arg.slice(SERVER_URL_ARG.length);
    const address = toDeskServerAddress(value, 'command line');
    if (address && acceptable(address, SERVER_URL_ARG)) return { address, refused, warnings };
    if (!address)
      refused.push(`${SERVER_URL_ARG} is not an http(s) address: ${JSON.stringify(value)}`);
  }
  const address = toDeskServerAddress(DEFAULT_SERVER_URL, 'default');
  if (!address) throw new Error(`The default desk server address is broken: ${DEFAULT_SERVER_URL}`);
  return { address, refused, warnings };
};
