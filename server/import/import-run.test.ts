// The import on a real database: the dry run lists every problem and writes nothing, the same
// file twice changes nothing, deactivation is opt-in and counted first, and a cancel never leaves
// half a batch.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportKind } from '../../shared/admin/import';
import type { DirectoryUser } from '../admin/directory-upsert';
import type { ServerDatabase } from '../db/open-database';
import { toNumber } from '../db/values';
import { seedDirectory } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { guessMapping } from './column-guess';
import { sniffCsv } from './csv-file';
import { checkImportFile } from './import-check';
import { ImportCancelled, runImport, writeBatch } from './import-run';

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'deskpad-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function csv(text: string): Promise<string> {
  const file = path.join(dir, `f${n++}.csv`);
  await writeFile(file, text);
  return file;
}

const NOW = () => new Date('2026-12-01T12:00:00Z');
const ACTOR = { id: null, name: 'Test' };

async function check(database: ServerDatabase, kind: ImportKind, file: string) {
  const shape = await sniffCsv(file);
  return checkImportFile({
    db: database.db,
    path: file,
    kind,
    shape,
    mapping: guessMapping(kind, shape.columns),
    region: 'GB',
  });
}

async function run(
  database: ServerDatabase,
  kind: ImportKind,
  file: string,
  extra: {
    deactivateMissing?: boolean;
    batchRows?: number;
    signal?: AbortSignal;
    onProgress?: () => void;
  } = {},
) {
  const shape = await sniffCsv(file);
  return runImport({
    deps: database,
    path: file,
    kind,
    shape,
    mapping: guessMapping(kind, shape.columns),
    region: 'GB',
    actor: ACTOR,
    now: NOW,
    deactivateMissing: extra.deactivateMissing ?? false,
    ...(extra.batchRows ? { batchRows: extra.batchRows } : {}),
    ...(extra.signal ? { signal: extra.signal } : {}),
    ...(extra.onProgress ? { onProgress: extra.onProgress } : {}),
  });
}

const usersCsv = (rows: number, from = 1): string =>
  'Employee ID,Login,First name,Last name,E-mail,Telephone,Mobile phone\r\n' +
  Array.from({ length: rows }, (_, i) => {
    const k = i + from;
    return `E${k},user${k},First,Last ${k},user${k}@example.org,020 7946 ${String(k).padStart(4, '0')},07700 900${String(k).padStart(3, '0')}\r\n`;
  }).join('');

const snapshot = async (database: ServerDatabase) => {
  const rows = await database.db
    .selectFrom('users')
    .select(['external_key', 'version', 'active'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, version: toNumber(r.version) }));
};

describeOnDatabases('CSV import', (suite) => {
  it('lists every problem of a users file by line and column and writes nothing', async () => {
    const db = suite.database();
    await seedDirectory(db);
    const before = await snapshot(db);
    const file = await csv(
      'Employee ID;Login;E-mail\n' +
        'E1;ann;ann@example.org\n' +
        ';bob;bob@example.org\n' + // missing key
        'E3;cy;not-an-email\n' + // bad email
        'E1;dee;dee@example.org\n' + // duplicate key
        'E5;ANN;ann2@example.org\n' + // duplicate user name
        'E6;adam.admin;a@example.org\n' + // taken by a user on the server
        'E7,eve,eve@example.org\n', // wrong delimiter
    );
    const result = await check(db, 'users', file);
    expect(result.problems).toEqual([
      { line: 3, column: 'Employee ID', message: 'externalKey is missing.' },
      { line: 4, column: 'E-mail', message: '"not-an-email" is not an email address.' },
      { line: 5, column: 'Employee ID', message: 'The key E1 is already on line 2.' },
      { line: 6, column: 'Login', message: 'The user name ANN is already on line 2.' },
      {
        line: 7,
        column: 'Login',
        message: 'The user name adam.admin belongs to another user already on the server.',
      },
      {
        line: 8,
        column: null,
        message:
          'Line 8 has one field where the header has 3 columns: the line looks separated by commas, the header separated by semicolons.',
      },
    ]);
    expect(result.problemCount).toBe(6);
    expect(result.rowsTotal).toBe(7);
    expect(await snapshot(db)).toEqual(before);
  });

  it('finds unknown parents and parent cycles in configuration items, and unknown members in groups', async () => {
    const db = suite.database();
    await seedDirectory(db);
    const items = await csv(
      'CI ID,Name,Class,Parent\nS,Site,Site,\nA,A,Building,C\nB,B,Floor,A\nC,C,Floor,B\nD,D,Printer,NOPE\n',
    );
    const checked = await check(db, 'configuration-items', items);
    expect(checked.problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'The parents form a cycle: A → C → B → A.'],
      [6, 'No configuration item has the key NOPE (the parent of D).'],
    ]);
    const groups = await csv('id,name,members\nG1,Desk,ana.agent;E404\n');
    expect((await check(db, 'groups', groups)).problems).toEqual([
      { line: 2, column: 'members', message: 'No user has the key or user name E404.' },
    ]);
  });

  it('imports idempotently: the same file twice changes nothing, versions untouched', async () => {
    const db = suite.database();
    await seedDirectory(db);
    const file = await csv(usersCsv(25));
    expect(await run(db, 'users', file, { batchRows: 10 })).toEqual({
      created: 25,
      updated: 0,
      unchanged: 0,
      deactivated: 0,
    });
    const stored = await db.db
      .selectFrom('users')
      .selectAll()
      .where('external_key', '=', 'E7')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      user_name: 'user7',
      name: 'First Last 7',
      employee_id: 'E7',
      source: 'csv',
      active: true,
      phone: '020 7946 0007',
      phone_e164: '+442079460007',
      mobile: '07700 900007',
      mobile_e164: '+447700900007',
    });
    const once = await snapshot(db);
    const audits = (await db.db.selectFrom('audit_log').select('id').execute()).length;
    expect(audits).toBe(3);
    expect(await run(db, 'users', file, { batchRows: 10 })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 25,
      deactivated: 0,
    });
    expect(await snapshot(db)).toEqual(once);
    expect(await db.db.selectFrom('audit_log').select('id').execute()).toHaveLength(audits);
  });

  it('deactivates users missing from a full run only when asked, counted by the dry run first', async () => {
    const db = suite.database();
    await seedDirectory(db);
    await run(db, 'users', await csv(usersCsv(5)));
    const fewer = await csv(usersCsv(3));
    expect((await check(db, 'users', fewer)).wouldDeactivate).toBe(2);
    expect((await run(db, 'users', fewer)).deactivated).toBe(0);
    expect((await snapshot(db)).filter((u) => !u.active)).toHaveLength(0);
    expect((await run(db, 'users', fewer, { deactivateMissing: true })).deactivated).toBe(2);
    const inactive = (await snapshot(db)).filter((u) => !u.active).map((u) => u.external_key);
    expect(inactive.sort()).toEqual(['E4', 'E5']);
    expect(
      await db.db.selectFrom('users').select('id').where('external_key', '=', 'E4').execute(),
    ).toHaveLength(1);
  });

  it('rolls back the batch being written when cancelled, keeping the batches before', async () => {
    const db = suite.database();
    await seedDirectory(db);
    const controller = new AbortController();
    const cancelled = run(db, 'users', await csv(usersCsv(35)), {
      batchRows: 10,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(cancelled).rejects.toBeInstanceOf(ImportCancelled);
    expect((await snapshot(db)).filter((u) => u.external_key !== null)).toHaveLength(10);

    // A cancel that lands while a batch is being written: the whole batch is rolled back.
    const person = (k: string): DirectoryUser => ({
      externalKey: k,
      userName: k,
      firstName: '',
      lastName: '',
      email: '',
      phone: '',
      phoneE164: '',
      mobile: '',
      mobileE164: '',
      employeeId: k,
      department: '',
      location: '',
      vip: false,
      active: true,
    });
    const versionBefore = await db.db
      .selectFrom('sync_state')
      .select('version')
      .executeTakeFirstOrThrow();
    const aborted = AbortSignal.abort();
    await expect(
      writeBatch(
        { deps: db, kind: 'users', actor: ACTOR, now: NOW },
        [person('H1'), person('H2')],
        aborted,
      ),
    ).rejects.toBeInstanceOf(ImportCancelled);
    expect(
      await db.db
        .selectFrom('users')
        .select('id')
        .where('external_key', 'in', ['H1', 'H2'])
        .execute(),
    ).toEqual([]);
    expect(
      await db.db.selectFrom('sync_state').select('version').executeTakeFirstOrThrow(),
    ).toEqual(versionBefore);
  });
});
