// Issue 11's import figures against real desk server processes: a CSV of 100,000 users uploaded
// and imported (committed on the server, then found by a signed-in desk's caller lookup through
// the desks' own directory sync), and 1,000,000 rows with the server's peak memory. Measures only.

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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

/** The bench's people: row i has key B<i>, user name bench.<i> and a London number. */
const userName = (/** @type {number} */ i) => `bench.user${i}`;
const phoneOf = (/** @type {number} */ i) =>
  `020 7${String(i).padStart(3, '0').slice(-3)} ${String(i % 10_000).padStart(4, '0')}`;

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
 * Uploads and imports `file`; answers when the job is done, with timings from `t0`.
 * @param {string} url @param {string} token @param {string} file @param {number} rows
 * @param {(text: string) => void} say @param {number} pid
 * @returns {Promise<ImportRun>}
 */
async function importFile(url, token, file, rows, say, pid) {
  const before = await memoryOf(pid);
  const t0 = Date.now();
  const uploaded = await upload(url, token, file);
  const uploadMs = Date.now() - t0;
  let job = await adminCall(url, token, 'imports.run', {
    importId: uploaded.importId,
    mapping: uploaded.guessedMapping,
    dryRun: false,
    deactivateMissing: false,
  });
  let maxRssMiB = before.rssMiB;
  let checkedMs = null;
  let lastSaid = 0;
  while (!['done', 'failed', 'cancelled', 'checked'].includes(job.state)) {
    if (Date.now() - t0 > RUN_TIMEOUT_MS) throw new Error('The import did not end in time.');
    await sleep(200);
    job = await adminCall(url, token, 'imports.status', { importId: uploaded.importId });
    if (checkedMs === null && job.state === 'importing') checkedMs = Date.now() - t0;
    const memory = await memoryOf(pid);
    maxRssMiB = Math.max(maxRssMiB, memory.rssMiB);
    if (Date.now() - lastSaid > 5000) {
      lastSaid = Date.now();
      say(
        `  ${job.state}: ${job.rowsDone.toLocaleString('en-US')} rows, ${job.rowsPerSecond} rows/s, ${job.secondsLeft === null ? '?' : Math.round(job.secondsLeft)} s left; server RSS ${memory.rssMiB.toFixed(0)} MiB`,
      );
    }
  }
  if (job.state !== 'done')
    throw new Error(
      `The import ended ${job.state}: ${job.message} ${JSON.stringify(job.problems.slice(0, 3))}`,
    );
  const committedMs = Date.now() - t0;
  const after = await memoryOf(pid);
  return {
    rows,
    bytes: (await stat(file)).size,
    uploadMs,
    checkedMs: checkedMs ?? committedMs,
    committedMs,
    rowsPerSecond: Math.round(rows / (committedMs / 1000)),
    counts: job.counts,
    rssBeforeMiB: before.rssMiB,
    rssMaxSampledMiB: maxRssMiB,
    peakRssMiB: after.peakMiB,
  };
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
          'Import: 100,000 users uploaded and imported while a signed-in desk looks one up by phone digits…',
        );
        const t0 = Date.now();
        // The desk searches the way an agent would: the caller's number as they say it.
        const query = `+44 20 7${String(target).padStart(3, '0').slice(-3)} ${String(target % 10_000).padStart(4, '0')}`;
        const found = desk.evaluate(
          ([q, name, timeout]) => window.deskpadDesk.foundAt(q, name, 100, timeout),
          /** @type {const} */ ([query, userName(target), 120_000]),
        );
        hundredK = await importFile(
          server.url,
          admin.token,
          usersCsv,
          options.users,
          say,
          /** @type {number} */ (server.pid),
        );
        const at = await found;
        foundMs = at === null ? null : at - t0;
        say(`Import: ${JSON.stringify(hundredK)}; found on the desk after ${foundMs} ms`);
      });
    } finally {
      await server.stop();
    }

    const bigCsv = path.join(work, 'big.csv');
    say(`Import: writing a CSV of ${options.bigRows.toLocaleString('en-US')} users…`);
    await writeUsersCsv(bigCsv, options.bigRows);
    // The first start of an empty data directory runs PGlite's initdb, whose memory the process
    // keeps (~900 MB peak on PGlite 0.5): seed once, stop, and measure a restarted server.
    const seedArgs = ['--data', path.join(work, 'data-big'), '--demo', '--demo-users', '20'];
    await (
      await startDeskServer({
        main: deps.serverMain,
        cwd: deps.repoRoot,
        args: seedArgs,
        env: { LOG_LEVEL: 'warn' },
      })
    ).stop();
    const big = await startDeskServer({
      main: deps.serverMain,
      cwd: deps.repoRoot,
      args: ['--data', path.join(work, 'data-big')],
      env: { LOG_LEVEL: 'warn' },
    });
    /** @type {ImportRun} */
    let million;
    try {
      const admin = await signIn(big.url, ADMIN, PASSWORD);
      say(`Import: ${options.bigRows.toLocaleString('en-US')} rows, watching the server's memory…`);
      million = await importFile(
        big.url,
        admin.token,
        bigCsv,
        options.bigRows,
        say,
        /** @type {number} */ (big.pid),
      );
      say(`Import: ${JSON.stringify(million)}`);
    } finally {
      await big.stop();
    }
    const users = /** @type {ImportRun | null} */ (hundredK);
    if (users === null) throw new Error('The 100,000-user import did not run.');
    return {
      command: deps.command,
      users,
      foundOnDeskMs: foundMs,
      big: million,
      loadAverage: os.loadavg()[0] ?? 0,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
