// The LDAP sync inside the server process: Sync now (in the background), the schedule, Test
// connection. One run at a time across instances (the row lease). Never logs the bind password.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LdapSettings, LdapTestResult } from '../../shared/admin/ldap-settings';
import type { Database } from '../db/schema';
import type { Logger } from '../logger';

/** The part of a pino logger the service uses (Fastify's app.log is one too). */
export type LdapLogger = Pick<Logger, 'info' | 'warn' | 'error'>;
import { LDAP_PAGE_SIZE, openLdapConnection } from './ldap-connection';
import { mapUser, userAttributes } from './ldap-entry-mapping';
import { filterProblem, LdapSyncError, describeLdapError } from './ldap-errors';
import {
  claimLdapRun,
  finishLdapRun,
  ldapRunDue,
  reportLdapProgress,
  type ClaimedLdapRun,
} from './ldap-settings-store';
import { runLdapSync, type LdapDirectoryTarget } from './ldap-sync';
import { CHANGE_ATTRIBUTE } from '../../shared/admin/ldap-settings';

export interface LdapServiceDeps {
  db: Kysely<Database>;
  /** Where entries land: the directory through directory-upsert. */
  target: LdapDirectoryTarget;
  logger: LdapLogger;
  now?: () => Date;
  /** Progress is written at most this often (it also renews the lease). */
  progressIntervalMs?: number;
  timeouts?: { connectMs?: number; operationMs?: number };
}

export type SyncStart = { started: true } | { started: false; message: string };

export interface LdapService {
  /** Claims the run and starts it in the background; answers at once. */
  syncNow(): Promise<SyncStart>;
  /** Bind and count a sample with these settings (the stored password when none is given). */
  test(settings: LdapSettings, password: string): Promise<LdapTestResult>;
  /** Starts a run when the schedule says one is due. */
  tick(): Promise<void>;
  /** Resolves when this instance's background run (if any) has finished. */
  idle(): Promise<void>;
  /** Ticks every `everyMs` until the returned function is called. */
  schedule(everyMs?: number): () => Promise<void>;
}

const SAMPLE_SIZE = 5;

export function ldapService(deps: LdapServiceDeps): LdapService {
  const now = deps.now ?? (() => new Date());
  const instance = randomUUID();
  let running: Promise<void> | null = null;

  const run = async (owner: string, claimed: ClaimedLdapRun): Promise<void> => {
    let lastReport = 0;
    let reporting: Promise<void> = Promise.resolve();
    const outcome = await runLdapSync({
      settings: claimed.settings,
      password: claimed.password,
      cursor: claimed.cursor,
      target: deps.target,
      now,
      ...(deps.timeouts ? { timeouts: deps.timeouts } : {}),
      onProgress: (progress) => {
        const at = now();
        if (at.getTime() - lastReport < (deps.progressIntervalMs ?? 500)) return;
        lastReport = at.getTime();
        reporting = reporting
          .then(() => reportLdapProgress(deps.db, owner, progress, at))
          .catch((error: unknown) =>
            deps.logger.warn({ err: error }, 'LDAP sync progress not recorded'),
          );
      },
    });
    await reporting;
    await finishLdapRun(deps.db, owner, outcome.result, outcome.cursor, now());
    const { result } = outcome;
    const summary = {
      mode: result.mode,
      entriesRead: result.entriesRead,
      usersWritten: result.usersWritten,
      groupsWritten: result.groupsWritten,
      deactivated: result.deactivated,
      errors: result.errors,
    };
    if (result.ok) deps.logger.info(summary, 'LDAP sync finished');
    else deps.logger.warn(summary, 'LDAP sync failed');
  };

  const syncNow = async (): Promise<SyncStart> => {
    if (running) return { started: false, message: 'A sync is already running.' };
    const owner = `${instance}:${randomUUID()}`;
    const claim = await claimLdapRun(deps.db, owner, now());
    if (!claim.ok)
      return {
        started: false,
        message:
          claim.reason === 'running'
            ? 'A sync is already running.'
            : 'Save the LDAP settings before syncing.',
      };
    running = run(owner, claim.run)
      .catch((error: unknown) => {
        deps.logger.error({ err: error }, 'LDAP sync stopped');
      })
      .finally(() => {
        running = null;
      });
    return { started: true };
  };

  const test = async (settings: LdapSettings, password: string): Promise<LdapTestResult> => {
    const fail = (message: string): LdapTestResult => ({
      ok: false,
      message,
      sampleCount: 0,
      sample: [],
    });
    const problem = filterProblem(settings.userFilter, 'user filter');
    if (problem) return fail(problem);
    let connection;
    try {
      connection = await openLdapConnection({
        settings,
        password,
        ...(deps.timeouts ? { timeouts: deps.timeouts } : {}),
      });
    } catch (error) {
      return fail(describeLdapError(error, settings.url, 'the bind').message);
    }
    try {
      const pages = connection.pages({
        base: settings.baseDn,
        filter: settings.userFilter,
        attributes: userAttributes(settings, CHANGE_ATTRIBUTE[settings.kind]),
        binary: settings.mapping.externalKey.toLowerCase() === 'objectguid' ? ['objectGUID'] : [],
        context: 'the user search',
      });
      const first = await pages.next();
      await pages.return(undefined);
      const entries = first.done ? [] : first.value;
      const sample = entries
        .map((entry) => mapUser(entry, settings))
        .flatMap((u) => (u ? [{ userName: u.userName, name: u.name, email: u.email }] : []))
        .slice(0, SAMPLE_SIZE);
      const more = entries.length >= LDAP_PAGE_SIZE ? ' or more' : '';
      return {
        ok: true,
        message: `Connected and signed in as ${settings.bindDn}: the user filter found ${entries.length}${more} users.`,
        sampleCount: entries.length,
        sample,
      };
    } catch (error) {
      return fail(
        error instanceof LdapSyncError
          ? error.message
          : describeLdapError(error, settings.url, 'the user search').message,
      );
    } finally {
      await connection.close();
    }
  };

  const tick = async (): Promise<void> => {
    if (running) return;
    if (await ldapRunDue(deps.db, now())) await syncNow();
  };

  return {
    syncNow,
    test,
    tick,
    idle: async () => {
      await running;
    },
    schedule: (everyMs = 30_000) => {
      const timer = setInterval(() => {
        tick().catch((error: unknown) =>
          deps.logger.warn({ err: error }, 'LDAP schedule check failed'),
        );
      }, everyMs);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await running;
      };
    },
  };
}
