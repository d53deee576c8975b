// Builds the one LDAP service a server process uses: the directory as its target (phones in the
// server's default region), the process's logger. Wiring only; it never runs a sync by itself.

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DEFAULT_PHONE_REGION, toE164, type PhoneRegion } from '../directory/phone-e164';
import type { PokeBus } from '../sync/poke-bus';
import { ldapDirectoryTarget } from './ldap-directory-target';
import { ldapService, type LdapLogger, type LdapService } from './ldap-service';

export interface LdapRuntimeDeps {
  db: Kysely<Database>;
  pokes: PokeBus;
  logger: LdapLogger;
  phoneRegion?: PhoneRegion;
  now?: () => Date;
}

export function createLdapService(deps: LdapRuntimeDeps): LdapService {
  const region = deps.phoneRegion ?? DEFAULT_PHONE_REGION;
  return ldapService({
    db: deps.db,
    logger: deps.logger,
    ...(deps.now ? { now: deps.now } : {}),
    target: ldapDirectoryTarget({
      db: deps.db,
      pokes: deps.pokes,
      toE164: (raw) => toE164(raw, region),
      now: deps.now ?? (() => new Date()),
      warn: (message, error) => deps.logger.warn({ err: error }, message),
    }),
  });
}
