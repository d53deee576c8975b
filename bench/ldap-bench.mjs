// Issue 11's LDAP figures against real processes: a slapd with N generated users (loopback), a
// desk server (PGlite), Sync now through the admin API; first sync, then 10 changes and another.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { signIn, startDeskServer } from './desk-server.mjs';

/** @typedef {import('./bench-types').LdapBenchResults} LdapBenchResults */
/** @typedef {import('./bench-types').LdapSyncFigure} LdapSyncFigure */

/**
 * @typedef {object} LdapBenchDeps
 * @property {string} repoRoot
 * @property {string} serverMain the built desk server (main.js)
 * @property {(text: string) => void} say
 * @property {string} command
 */

const PASSWORD = 'deskpad-demo';
const ADMIN = 'demo.admin';
const RUN_TIMEOUT_MS = 10 * 60_000;
const GROUPS = 8;

/**
 * @param {string} url @param {string} token @param {string} name @param {unknown} input
 * @returns {Promise<any>}
 */
async function adminCall(url, token, name, input) {
  const response = await fetch(`${url}/api/v1/admin/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!response.ok)
    throw new Error(`${name} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/**
 * Sync now, then the status until the result is there.
 * @param {string} url @param {string} token
 * @returns {Promise<LdapSyncFigure>}
 */
async function timedSync(url, token) {
  const started = performance.now();
  const start = await adminCall(url, token, 'ldap.sync', {});
  if (!start.started) throw new Error(`Sync now did not start: ${start.message}`);
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  for (;;) {
    const status = await adminCall(url, token, 'ldap.status', {});
    if (status.running === null && status.lastResult) {
      const wallMs = performance.now() - started;
      const r = status.lastResult;
      if (!r.ok) throw new Error(`The LDAP sync failed: ${r.errors.join(' ')}`);
      return {
        serverMs: Date.parse(r.finishedAt) - Date.parse(r.startedAt),
        wallMs,
        entriesRead: r.entriesRead,
        usersWritten: r.usersWritten,
        deactivated: r.deactivated,
      };
    }
    if (Date.now() > deadline) throw new Error('The LDAP sync did not finish in time.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * @param {LdapBenchDeps} deps
 * @param {{ users: number }} options
 * @returns {Promise<LdapBenchResults>}
 */
export async function runLdapBench(deps, options) {
  const wallStart = performance.now();
  const loads = [os.loadavg()[0] ?? 0];
  const { build } = await import('vite');
  const outDir = path.join(deps.repoRoot, 'dist', 'bench-ldap');
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: path.join(deps.repoRoot, 'server', 'testing', 'ldap-bench-harness.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: 'ldap-harness.js', format: 'es' } },
    },
  });
  const harness = await import(pathToFileURL(path.join(outDir, 'ldap-harness.js')).href);

  deps.say(`LDAP: slapd with ${options.users.toLocaleString('en-US')} users (slapadd)…`);
  const slapd = await harness.startSlapd({ users: options.users });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskpad-ldap-bench-'));
  const server = await startDeskServer({
    main: deps.serverMain,
    cwd: deps.repoRoot,
    args: ['--data', dataDir, '--demo', '--demo-users', '200'],
    env: { LOG_LEVEL: 'warn' },
  });
  const changes = await harness.ldapAdmin(slapd);
  try {
    const { token } = await signIn(server.url, ADMIN, PASSWORD);
    await adminCall(server.url, token, 'ldap.settings.save', {
      kind: 'openldap',
      url: slapd.url,
      startTls: false,
      allowUntrustedCertificate: false,
      bindDn: harness.SYNC_BIND_DN,
      bindPassword: harness.SYNC_BIND_PASSWORD,
      baseDn: harness.TEST_BASE_DN,
      userFilter: '(objectClass=inetOrgPerson)',
      groupBaseDn: harness.GROUPS_DN,
      groupFilter: '(objectClass=groupOfNames)',
      membership: 'member',
      mapping: {
        externalKey: 'entryUUID',
        userName: 'uid',
        firstName: 'givenName',
        lastName: 'sn',
        displayName: 'cn',
        email: 'mail',
        phone: 'telephoneNumber',
        mobile: 'mobile',
        department: 'ou',
        location: 'l',
        employeeId: 'employeeNumber',
        disabled: 'pwdAccountLockedTime',
      },
      scheduleMinutes: 0,
    });
    deps.say('LDAP: first sync (Sync now)…');
    const first = await timedSync(server.url, token);
    deps.say(`LDAP: first sync ${(first.serverMs / 1000).toFixed(2)} s; 10 changes in slapd…`);

    const u = (/** @type {number} */ n) => harness.testLdapUser(n);
    await changes.addUser(u(options.users + 1));
    await changes.addUser(u(options.users + 2));
    for (const n of [20, 21, 22])
      await changes.replace(u(n).dn, 'telephoneNumber', `+44 20 7946 55${n}`);
    await changes.move(u(23).dn, 'rome', 'legal');
    await changes.move(u(24).dn, 'paris', 'sales');
    await changes.lock(u(25).dn);
    await changes.remove(u(26).dn);
    await changes.remove(u(27).dn);
    deps.say('LDAP: incremental sync (Sync now)…');
    loads.push(os.loadavg()[0] ?? 0);
    const incremental = await timedSync(server.url, token);
    loads.push(os.loadavg()[0] ?? 0);
    deps.say(`LDAP: incremental sync ${(incremental.serverMs / 1000).toFixed(2)} s.`);
    return {
      date: new Date().toISOString(),
      command: deps.command,
      database: 'PGlite (the desk server’s default)',
      users: options.users,
      groups: GROUPS,
      changes: 10,
      loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
      first,
      incremental,
      wallSeconds: (performance.now() - wallStart) / 1000,
    };
  } finally {
    await changes.close().catch(() => undefined);
    await server.stop();
    await slapd.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
