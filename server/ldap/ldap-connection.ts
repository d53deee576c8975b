// One bound connection to the directory (ldapts): ldaps://, or ldap:// with optional StartTLS,
// and paged searches page by page. Failures come out in words; it never logs the password.

import { Client, type Entry } from 'ldapts';
import type { LdapSettings } from '../../shared/admin/ldap-settings';
import { describeLdapError } from './ldap-errors';

/** Active Directory answers at most 1,000 entries a page by default (MaxPageSize). */
export const LDAP_PAGE_SIZE = 1000;
const CONNECT_TIMEOUT_MS = 5_000;
const OPERATION_TIMEOUT_MS = 60_000;

export interface LdapSearch {
  base: string;
  filter: string;
  attributes: string[];
  /** Binary attributes (AD's objectGUID) come back as Buffers. */
  binary?: string[];
  /** Named in error messages: "the user search". */
  context: string;
}

export interface LdapConnection {
  /** Pages of entries; each page is at most LDAP_PAGE_SIZE entries. */
  pages(search: LdapSearch): AsyncGenerator<Entry[]>;
  close(): Promise<void>;
}

export interface LdapConnectOptions {
  settings: Pick<LdapSettings, 'url' | 'startTls' | 'allowUntrustedCertificate' | 'bindDn'>;
  password: string;
  timeouts?: { connectMs?: number; operationMs?: number };
}

/** Connects and binds; throws LdapSyncError in words (wrong password, unreachable, TLS). */
export async function openLdapConnection(options: LdapConnectOptions): Promise<LdapConnection> {
  const { settings } = options;
  const tlsOptions = { rejectUnauthorized: !settings.allowUntrustedCertificate };
  // ldapts treats any tlsOptions as "connect with TLS": they go only with ldaps://.
  const secure = settings.url.toLowerCase().startsWith('ldaps://');
  const client = new Client({
    url: settings.url,
    connectTimeout: options.timeouts?.connectMs ?? CONNECT_TIMEOUT_MS,
    timeout: options.timeouts?.operationMs ?? OPERATION_TIMEOUT_MS,
    ...(secure ? { tlsOptions } : {}),
    strictDN: false,
  });
  const close = async (): Promise<void> => {
    await client.unbind().catch(() => undefined);
  };
  try {
    if (settings.startTls && !secure) await client.startTLS(tlsOptions);
    await client.bind(settings.bindDn, options.password);
  } catch (error) {
    await close();
    throw describeLdapError(error, settings.url, 'the bind');
  }
  return {
    async *pages(search) {
      const pages = client.searchPaginated(search.base, {
        scope: 'sub',
        filter: search.filter,
        attributes: search.attributes,
        explicitBufferAttributes: search.binary ?? [],
        paged: { pageSize: LDAP_PAGE_SIZE },
      });
      for (;;) {
        let next: IteratorResult<{ searchEntries: Entry[] }>;
        try {
          next = await pages.next();
        } catch (error) {
          throw describeLdapError(error, settings.url, search.context);
        }
        if (next.done) return;
        yield next.value.searchEntries;
      }
    },
    close,
  };
}
