// Issue 11's import figures against real desk server processes: a CSV of 100,000 users uploaded,
// checked and imported (committed on the server on PGlite and on PostgreSQL, found by a signed-in
// desk's caller lookup through its own directory sync), 1,000,000 rows with the server's peak memory.

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { signIn, startDeskServer } from './desk-server.mjs';

/** @typedef {import('./bench-types').ImportBenchResults} ImportBenchResults */
/** @typedef {import('./bench-types').ImportRun} ImportRun */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */

/**
 * @typedef {object} ImportBenchDeps
 * @property {string} repoRoot
 * @property {string} serverMain
 * @property {string} webRoot the bench pages build (desk.html)
 * @property {(text: string) => void} say
 * @property {<T>(profile: string, work: (context: BrowserContext) => Promise<T>) => Promise<T>} session
 * @property {(context: BrowserContext, url: string) => Promise<Page>} openPage
 * @property {string} command
 */

const PASSWORD = 'deskpad-demo';
const ADMIN = 'demo.admin';
const AGENT = 'demo.agent';
const DEMO_USERS = 200;
const RUN_TIMEOUT_MS = 60 * 60_000;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bench's people: row i has key B<i>, user name bench.<i> and a London number of its own. */
const userName = (/** @type {number} */ i) => `bench.user${i}`;
/** Seven digits of i after "020 7": one number per row up to 10,000,000 rows. */
const londonDigits = (/** @type {number} */ i) => {
  const d = String(i).padStart(7, '0');
  return `7${d.slice(0, 3)} ${d.slice(3)}`;
};
const phoneOf = (/** @type {number} */ i) => `020 ${londonDigits(i)}`;

/**
 * Writes a users CSV of `rows` rows as HR exports them (semicolons, BOM, CRLF).
 * @param {string} file @param {number} rows
 */
async function writeUsersCsv(file, rows) {
  const out = createWriteStream(file);
  const write = (/** @type {string} */ text) =>
    out.write(text)
      ? Promise.resolve()
      : /** @type {Promise<void>} */ (
          new Promise((resolve) => out.once('drain', () => resolve(undefined)))
        );
  await write(
    '\uFEFFEmployee ID;Login;First name;Last name;E-mail;Telephone;Mobile phone;Dept;Office\r\n',
  );
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    chunk += `B${i};${userName(i)};Bench;"User ${i}";${userName(i)}@bench.example;${phoneOf(i)};07700 ${String(900000 + (i % 100000)).slice(-6)};Dept ${i % 40};Site ${i % 12}\r\n`;
    if (chunk.length > 256 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise((resolve) => out.end(resolve));
}

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

/** @param {string} url @param {string} token @param {string} file */
async function upload(url, token, file) {
  const response = await fetch(
    `${url}/api/v1/admin/imports?kind=users&fileName=${path.basename(file)}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: /** @type {any} */ (Readable.toWeb(createReadStream(file))),
      // @ts-expect-error Node's fetch streams a request body only half-duplex.
      duplex: 'half',
    },
  );
  if (response.status !== 201)
    throw new Error(`The upload answered ${response.status}: ${await response.text()}`);
  return /** @type {import('../shared/admin/import').ImportUpload} */ (await response.json());
}

/** Peak and current resident memory of a process, in MiB (Linux /proc). @param {number} pid */
async function memoryOf(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (/** @type {string} */ key) =>
    Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peakMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
}

/**
 * Starts `imports.run` and polls until the job reaches one of `until`, sampling the server's
 * memory and the machine's load at each poll.
 * @param {string} url @param {string} token @param {any} input
 * @param {string[]} until @param {(text: string) => void} say @param {number} pid
 * @param {{ maxRssMiB: number; maxLoad: number }} seen
 */
async function runJob(url, token, input, until, say, pid, seen) {
  const t0 = Date.now();
  let job = await adminCall(url, token, 'imports.run', input);
  let lastSaid = Date.now();
  while (!until.includes(job.state)) {
    if (Date.now() - t0 > RUN_TIMEOUT_MS) throw new Error('The import did not end in time.');
    if (['failed', 'cancelled'].includes(job.state))
      throw new Error(`The import ended ${job.state}: ${job.message}`);
    await sleep(100);
    job = await adminCall(url, token, 'imports.status', { importId: input.importId });
    const memory = await memoryOf(pid);
    seen.maxRssMiB = Math.max(seen.maxRssMiB, memory.rssMiB);
    seen.maxLoad = Math.max(seen.maxLoad, os.loadavg()[0] ?? 0);
    if (Date.now() - lastSaid > 5000) {
      lastSaid = Date.now();
      say(
        `  ${job.state}: ${job.rowsDone.toLocaleString('en-US')} rows, ${job.rowsPerSecond} rows/s, ${job.secondsLeft === null ? '?' : Math.round(job.secondsLeft)} s left; server RSS ${memory.rssMiB.toFixed(0)} MiB; load ${(os.loadavg()[0] ?? 0).toFixed(1)}`,
      );
    }
  }
  return { job, ms: Date.now() - t0 };
}

/**
 * Uploads `file`, runs the dry run as an administrator would, then the import itself; the import
 * is timed from its own start (`onImportStart` is called right before it).
 * @param {string} url @param {string} token @param {string} file @param {number} rows
 * @param {(text: string) => void} say @param {number} pid @param {string} database
 * @param {() => void} [onImportStart]
 * @returns {Promise<ImportRun>}
 */
async function importFile(url, token, file, rows, say, pid, database, onImportStart) {
  const before = await memoryOf(pid);
  const seen = { maxRssMiB: before.rssMiB, maxLoad: os.loadavg()[0] ?? 0 };
  const tUpload = Date.now();
  const uploaded = await upload(url, token, file);
  const uploadMs = Date.now() - tUpload;
  const base = { importId: uploaded.importId, mapping: uploaded.guessedMapping };
  const checked = await runJob(
    url,
    token,
    { ...base, dryRun: true, deactivateMissing: false },
    ['checked'],
    say,
    pid,
    seen,
  );
  if (checked.job.problemCount > 0)
    throw new Error(
      `The dry run found problems: ${JSON.stringify(checked.job.problems.slice(0, 3))}`,
    );
  const loadAtStart = os.loadavg()[0] ?? 0;
  onImportStart?.();
  const imported = await runJob(
    url,
    token,
    { ...base, dryRun: false, deactivateMissing: false },
    ['done'],
    say,
    pid,
    seen,
  );
  const after = await memoryOf(pid);
  return {
    database,
    rows,
    bytes: (await stat(file)).size,
    uploadMs,
    checkMs: checked.ms,
    committedMs: imported.ms,
    rowsPerSecond: Math.round(rows / (imported.ms / 1000)),
    counts: imported.job.counts,
    rssBeforeMiB: before.rssMiB,
    rssMaxSampledMiB: seen.maxRssMiB,
    peakRssMiB: after.peakMiB,
    loadAverage: { atStart: loadAtStart, max: seen.maxLoad },
  };
}

/**
 * The PostgreSQL cluster helper (server/testing/pg-cluster.ts) built for Node, as the LDAP bench
 * builds its slapd harness. @param {string} repoRoot
 * @returns {Promise<{ startPgCluster: () => Promise<{ createDatabase(name: string): Promise<string>; stop(): Promise<void> }> }>}
 */
async function pgHarness(repoRoot) {
  const { build } = await import('vite');
  const outDir = path.join(repoRoot, 'dist', 'bench-pg');
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: path.join(repoRoot, 'server', 'testing', 'pg-cluster.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: 'pg-cluster.js', format: 'es' } },
    },
  });
  return import(pathToFileURL(path.join(outDir, 'pg-cluster.js')).href);
}

/**
 * A file into a server (no desk attached) that was seeded and restarted, so its memory is a
 * running server's, not a first start's; `env` chooses the database.
 * @param {ImportBenchDeps} deps @param {string} dataDir @param {string} file @param {number} rows
 * @param {Record<string, string>} env @param {string} database
 */
async function importWithoutDesk(deps, dataDir, file, rows, env, database) {
  const start = (/** @type {string[]} */ extra) =>
    startDeskServer({
      main: deps.serverMain,
      cwd: deps.repoRoot,
      args: ['--data', dataDir, ...extra],
      env: { LOG_LEVEL: 'warn', ...env },
    });
  // PGlite's first start (initdb) keeps ~900 MB: seed once, stop, measure a restarted server.
  await (await start(['--demo', '--demo-users', '20'])).stop();
  const server = await start([]);
  try {
    const admin = await signIn(server.url, ADMIN, PASSWORD);
    deps.say(
      `Import: ${rows.toLocaleString('en-US')} rows on ${database}, watching the server's memory…`,
    );
    const run = await importFile(
      server.url,
      admin.token,
      file,
      rows,
      deps.say,
      /** @type {number} */ (server.pid),
      database,
    );
    deps.say(`Import: ${JSON.stringify(run)}`);
    return run;
  } finally {
    await server.stop();
  }
}

/**
 * @param {ImportBenchDeps} deps
 * @param {{ users: number; bigRows: number }} options
 * @returns {Promise<ImportBenchResults>}
 */
export async function runImportBench(deps, options) {
  const { say } = deps;
  const work = await mkdtemp(path.join(os.tmpdir(), 'deskpad-bench-import-'));
  try {
    const usersCsv = path.join(work, 'users.csv');
    say(`Import: writing a CSV of ${options.users.toLocaleString('en-US')} users…`);
    await writeUsersCsv(usersCsv, options.users);
    const server = await startDeskServer({
      main: deps.serverMain,
      cwd: deps.repoRoot,
      args: [
        '--data',
        path.join(work, 'data'),
        '--demo',
        '--demo-users',
        String(DEMO_USERS),
        '--web',
        deps.webRoot,
        '--phone-region',
        'GB',
      ],
      env: { LOG_LEVEL: 'warn' },
    });
    /** @type {ImportRun | null} */
    let hundredK = null;
    /** @type {number | null} */
    let foundMs = null;
    try {
      const admin = await signIn(server.url, ADMIN, PASSWORD);
      const target = Math.max(1, options.users - 7);
      await deps.session(path.join(work, 'profile'), async (context) => {
        const desk = await deps.openPage(
          context,
          `${server.url}/desk.html?users=${DEMO_USERS}&db=bench-import-desk`,
        );
        await desk.waitForFunction(() => 'deskpadDesk' in window);
        await desk.evaluate(() => window.deskpadDesk.ready());
        await desk.evaluate(
          ([user, password]) => window.deskpadDesk.signIn(user, password),
          /** @type {const} */ ([AGENT, PASSWORD]),
        );
        await desk.evaluate(() => window.deskpadDesk.syncNow());
        say(
          `Import: ${options.users.toLocaleString('en-US')} users uploaded, checked, then imported while a signed-in desk looks one up by phone digits…`,
        );
        // The desk searches the way an agent would: the caller's number as they say it.
        // (The caller's number is theirs alone: a number shared by more callers than the lookup
        // lists would hide them behind the others.)
        const query = `+44 20 ${londonDigits(target)}`;
        let t0 = 0;
        /** @type {Promise<number | null> | null} */
        let found = null;
        hundredK = await importFile(
          server.url,
          admin.token,
          usersCsv,
          options.users,
          say,
          /** @type {number} */ (server.pid),
          'PGlite',
          () => {
            t0 = Date.now();
            found = desk.evaluate(
              ([q, name, timeout]) => window.deskpadDesk.foundAt(q, name, 100, timeout),
              /** @type {const} */ ([query, userName(target), 120_000]),
            );
          },
        );
        const at = await /** @type {Promise<number | null>} */ (/** @type {unknown} */ (found));
        foundMs = at === null ? null : at - t0;
        say(`Import: ${JSON.stringify(hundredK)}; found on the desk after ${foundMs} ms`);
      });
    } finally {
      await server.stop();
    }

    const bigCsv = path.join(work, 'big.csv');
    say(`Import: writing a CSV of ${options.bigRows.toLocaleString('en-US')} users…`);
    await writeUsersCsv(bigCsv, options.bigRows);
    const harness = await pgHarness(deps.repoRoot);
    const cluster = await harness.startPgCluster();
    /** @type {ImportRun} */
    let onPostgres;
    /** @type {ImportRun} */
    let usersOnPostgres;
    try {
      // The same 100,000 users with the database out of the server's process (no desk attached).
      usersOnPostgres = await importWithoutDesk(
        deps,
        path.join(work, 'data-pg-users'),
        usersCsv,
        options.users,
        { DATABASE_URL: await cluster.createDatabase('deskpad_import_users') },
        'PostgreSQL',
      );
      const databaseUrl = await cluster.createDatabase('deskpad_import_bench');
      onPostgres = await importWithoutDesk(
        deps,
        path.join(work, 'data-pg'),
        bigCsv,
        options.bigRows,
        { DATABASE_URL: databaseUrl },
        'PostgreSQL',
      );
    } finally {
      await cluster.stop();
    }
    const onPglite = await importWithoutDesk(
      deps,
      path.join(work, 'data-big'),
      bigCsv,
      options.bigRows,
      {},
      'PGlite',
    );
    const users = /** @type {ImportRun | null} */ (hundredK);
    if (users === null) throw new Error('The 100,000-user import did not run.');
    return {
      command: deps.command,
      date: new Date().toISOString(),
      users,
      usersPostgres: usersOnPostgres,
      foundOnDeskMs: foundMs,
      big: onPostgres,
      bigPglite: onPglite,
      loadAverage: os.loadavg()[0] ?? 0,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
