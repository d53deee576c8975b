// The LDAP sync as an administrator drives it (ldap.settings.save, ldap.sync, ldap.status) from a
// real slapd of 10,000 users into the directory; changes between syncs; errors that change nothing.

import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  LDAP_PRESETS,
  type LdapSettingsInput,
  type LdapSettingsView,
  type LdapStatus,
} from '../../shared/admin/ldap-settings';
import type { ServerDatabase } from '../db/open-database';
import { toNumber } from '../db/values';
import { type ApiClient, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { ldapAdmin, type LdapAdmin } from '../testing/ldap-admin';
import { GROUPS_DN, TEST_BASE_DN, testLdapUser } from '../testing/ldap-ldif';
import {
  freeLoopbackPort,
  slapdInstalled,
  startSlapd,
  SYNC_BIND_DN,
  SYNC_BIND_PASSWORD,
  type Slapd,
} from '../testing/slapd';
import { describeOnDatabases } from '../testing/test-databases';
import { LDAP_PAGE_SIZE } from './ldap-connection';
import { WRONG_PASSWORD_MESSAGE } from './ldap-errors';

const USERS = 10_000;
const SLOW_MS = 180_000;
const run = slapdInstalled() || process.env.CI === 'true';

/** Every log line the server writes, at the most talkative level. */
function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, sink), text: () => lines.join('') };
}

async function syncAndWait(admin: ApiClient): Promise<LdapStatus> {
  const started = await admin.post<{ started: boolean; message: string }>(
    '/api/v1/admin/ldap.sync',
    {},
  );
  expect(started.body).toEqual({ started: true, message: 'Sync started.' });
  const deadline = Date.now() + SLOW_MS;
  for (;;) {
    const status = await admin.post<LdapStatus>('/api/v1/admin/ldap.status', {});
    if (status.body.running === null && status.body.lastResult) return status.body;
    if (Date.now() > deadline) throw new Error('the LDAP sync did not finish');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const directoryState = async (database: ServerDatabase) => {
  const users = await database.db
    .selectFrom('users')
    .select(['id', 'user_name', 'phone', 'active', 'version'])
    .orderBy('id')
    .execute();
  const { rows } = await sql<{ version: string | number }>`SELECT version FROM sync_state`.execute(
    database.db,
  );
  return { users: JSON.stringify(users), version: toNumber(rows[0]?.version ?? 0) };
};

if (run)
  describeOnDatabases('LDAP sync into the directory', (suite) => {
    let slapd: Slapd;
    let changes: LdapAdmin;
    let app: FastifyInstance;
    let admin: ApiClient;
    let log: ReturnType<typeof capturedLogger>;

    const settings = (over: Partial<LdapSettingsInput> = {}): LdapSettingsInput => ({
      ...LDAP_PRESETS.openldap,
      url: slapd.url,
      startTls: false,
      allowUntrustedCertificate: false,
      bindDn: SYNC_BIND_DN,
      bindPassword: SYNC_BIND_PASSWORD,
      baseDn: TEST_BASE_DN,
      groupBaseDn: GROUPS_DN,
      scheduleMinutes: 0,
      ...over,
    });

    beforeAll(async () => {
      slapd = await startSlapd({ users: USERS });
      changes = await ldapAdmin(slapd);
    }, SLOW_MS);
    afterAll(async () => {
      await changes?.close();
      await slapd?.stop();
    }, SLOW_MS);
    beforeEach(async () => {
      await seedDirectory(suite.database());
      log = capturedLogger();
      app = await testServer(suite.database(), { logger: log.logger, now: () => new Date() });
      admin = await signIn(app, 'adam.admin');
    });
    afterEach(() => app.close());

    it(
      'syncs 10,000 users, then only an add, a changed phone, a move, a lock and a deletion',
      async () => {
        const { db } = suite.database();
        const saved = await admin.post<LdapSettingsView>(
          '/api/v1/admin/ldap.settings.save',
          settings(),
        );
        expect(saved.status).toBe(200);
        expect(saved.body.passwordSet).toBe(true);
        expect(saved.body.warnings[0]).toMatch(/ldap:\/\/ without StartTLS/);
        expect(JSON.stringify(saved.body)).not.toContain(SYNC_BIND_PASSWORD);

        const first = await syncAndWait(admin);
        expect(first.lastResult).toMatchObject({ ok: true, mode: 'full', errors: [] });
        expect(first.lastResult?.usersWritten).toBe(USERS);
        const synced = await db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('source', '=', 'ldap')
          .where('active', '=', true)
          .executeTakeFirstOrThrow();
        expect(Number(synced.n)).toBe(USERS);
        const one = testLdapUser(0);
        expect(
          await db
            .selectFrom('users')
            .select(['email', 'phone', 'phone_e164', 'mobile', 'department', 'location'])
            .where('user_name', '=', one.uid)
            .executeTakeFirstOrThrow(),
        ).toEqual({
          email: one.mail,
          phone: one.telephoneNumber,
          phone_e164: `+${one.telephoneNumber.replace(/\D/g, '')}`,
          mobile: one.mobile,
          department: one.department,
          location: one.site,
        });
        const groups = await db
          .selectFrom('groups')
          .innerJoin('group_members', 'group_members.group_id', 'groups.id')
          .select(['groups.name', (eb) => eb.fn.countAll<number>().as('members')])
          .where('groups.source', '=', 'ldap')
          .groupBy('groups.name')
          .execute();
        expect(groups).toHaveLength(8);
        expect(groups.every((g) => Number(g.members) === USERS / 8)).toBe(true);
        const before = await directoryState(suite.database());
        const idOf = async (uid: string) =>
          await db
            .selectFrom('users')
            .select(['id', 'active', 'phone', 'version'])
            .where('user_name', '=', uid)
            .executeTakeFirstOrThrow();

        const added = testLdapUser(USERS + 7);
        await changes.addUser(added);
        const phoned = testLdapUser(10);
        await changes.replace(phoned.dn, 'telephoneNumber', '+44 20 7946 1234');
        const moved = testLdapUser(11);
        const movedBefore = await idOf(moved.uid);
        await changes.move(moved.dn, 'madrid', 'sales');
        const locked = testLdapUser(12);
        await changes.lock(locked.dn);
        const deleted = testLdapUser(13);
        await changes.remove(deleted.dn);

        const second = await syncAndWait(admin);
        expect(second.lastResult).toMatchObject({ ok: true, mode: 'incremental', errors: [] });
        expect(second.lastResult?.deactivated).toBe(1);
        expect((await idOf(added.uid)).active).toBe(true);
        expect((await idOf(phoned.uid)).phone).toBe('+44 20 7946 1234');
        expect(await idOf(moved.uid)).toEqual(movedBefore);
        expect((await idOf(locked.uid)).active).toBe(false);
        expect((await idOf(deleted.uid)).active).toBe(false);
        // Only the changed rows took a new version: the desks pull exactly these.
        const changed = await db
          .selectFrom('users')
          .select('user_name')
          .where('version', '>', before.version)
          .orderBy('user_name')
          .execute();
        expect(changed.map((u) => u.user_name).sort()).toEqual(
          [added.uid, phoned.uid, locked.uid, deleted.uid].sort(),
        );

        const audit = await db.selectFrom('audit_log').select(['action', 'after']).execute();
        expect(audit.map((a) => a.action)).toContain('ldap.settings-create');
        expect(audit.map((a) => a.action)).toContain('ldap.sync-now');
        expect(JSON.stringify(audit)).not.toContain(SYNC_BIND_PASSWORD);
        expect(log.text()).toContain('LDAP sync finished');
        expect(log.text()).not.toContain(SYNC_BIND_PASSWORD);
      },
      SLOW_MS,
    );

    it(
      'a wrong password, an unreachable server and a bad filter each say what is wrong and change nothing',
      async () => {
        const before = await directoryState(suite.database());
        await admin.post('/api/v1/admin/ldap.settings.save', settings({ bindPassword: 'wrong' }));
        const wrong = await syncAndWait(admin);
        expect(wrong.lastResult).toMatchObject({ ok: false, errors: [WRONG_PASSWORD_MESSAGE] });
        const tested = await admin.post<{ ok: boolean; message: string }>(
          '/api/v1/admin/ldap.test',
          settings({ bindPassword: '' }),
        );
        expect(tested.body).toMatchObject({ ok: false, message: WRONG_PASSWORD_MESSAGE });

        const port = await freeLoopbackPort();
        await admin.post(
          '/api/v1/admin/ldap.settings.save',
          settings({ url: `ldap://127.0.0.1:${port}` }),
        );
        const unreachable = await syncAndWait(admin);
        expect(unreachable.lastResult?.errors).toEqual([
          `The LDAP server at ldap://127.0.0.1:${port} could not be reached (connection refused).`,
        ]);

        const badFilter = await admin.post<{ error: { message: string } }>(
          '/api/v1/admin/ldap.settings.save',
          settings({ userFilter: '(&(uid=a)(mail=b)' }),
        );
        expect(badFilter.status).toBe(400);
        expect(badFilter.body.error.message).toMatch(/^The user filter is not a valid LDAP filter/);
        const view = await admin.post<LdapSettingsView>('/api/v1/admin/ldap.settings.get', {});
        expect(view.body.settings?.userFilter).toBe('(objectClass=inetOrgPerson)');

        expect(await directoryState(suite.database())).toEqual(before);
        expect(log.text()).not.toContain(SYNC_BIND_PASSWORD);

        await admin.post('/api/v1/admin/ldap.settings.save', settings());
        const ok = await admin.post<{ ok: boolean; sampleCount: number }>(
          '/api/v1/admin/ldap.test',
          settings({ bindPassword: '' }),
        );
        expect(ok.body).toMatchObject({ ok: true, sampleCount: LDAP_PAGE_SIZE });
        const agent = await signIn(app, 'ana.agent');
        expect((await agent.post('/api/v1/admin/ldap.settings.get', {})).status).toBe(403);
      },
      SLOW_MS,
    );
  });
