// `npm run admin -- import`: problems by line and column with a non-zero exit and nothing written,
// a dry run that only reports, a real run with progress and a summary, --mapping overrides.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDirectory } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { parseMappingArg, runImportCommand } from './import-command';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'deskpad-import-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = async (name: string, text: string): Promise<string> => {
  const p = path.join(dir, name);
  await writeFile(p, text);
  return p;
};

it('reads --mapping pairs and names a wrong field', () => {
  expect(parseMappingArg('Staff no=externalKey, Login = userName', 'users')).toEqual({
    externalKey: 'Staff no',
    userName: 'Login',
  });
  expect(parseMappingArg('Tel=fax', 'users')).toMatch(/fax is not a field of users/);
  expect(parseMappingArg('-=phone', 'users')).toEqual({ phone: null });
});

describeOnDatabases('the import command', (suite) => {
  const runCli = async (args: string[]) => {
    const lines: string[] = [];
    const code = await runImportCommand(args, {
      db: suite.database().db,
      out: (line) => lines.push(line),
      now: () => new Date(),
      region: 'US',
    });
    return { code, lines, text: lines.join('\n') };
  };
  const importedUsers = async () =>
    (
      await suite
        .database()
        .db.selectFrom('users')
        .select('id')
        .where('source', '=', 'csv')
        .execute()
    ).length;

  it('prints every problem by line and column, exits 1 and writes nothing', async () => {
    await seedDirectory(suite.database());
    const bad = await file(
      'bad.csv',
      'Staff no,Login,Mail\nE1,ann,ann@example.org\nE1,bob,bob@\n,cy,cy@example.org\n',
    );
    const { code, text } = await runCli([
      bad,
      '--kind',
      'users',
      '--mapping',
      'Staff no=externalKey',
    ]);
    expect(code).toBe(1);
    expect(text).toContain('line 3, column "Staff no": The key E1 is already on line 2.');
    expect(text).toContain('line 3, column "Mail": "bob@" is not an email address.');
    expect(text).toContain('line 4, column "Staff no": externalKey is missing.');
    expect(text).toContain('3 problem(s) in 3 rows: nothing was written.');
    expect(await importedUsers()).toBe(0);
  });

  it('says what is wrong with the file itself', async () => {
    const empty = await file('empty.csv', '');
    expect(await runCli([empty, '--kind', 'users'])).toMatchObject({
      code: 1,
      lines: ['The file is empty.'],
    });
    expect((await runCli([path.join(dir, 'nope.csv'), '--kind', 'users'])).text).toContain(
      'No such file',
    );
    expect((await runCli([empty, '--kind', 'printers'])).code).toBe(2);
  });

  it('dry-runs, then imports with progress and a summary, idempotently', async () => {
    await seedDirectory(suite.database());
    const good = await file(
      'good.csv',
      'Employee ID\tLogin\tTelephone\nE1\tann\t(555) 123-4567\nE2\tbob\t\n',
    );
    const dry = await runCli([good, '--kind', 'users', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.text).toContain(
      'No problems in 2 rows. 0 user(s) imported before are not in this file',
    );
    expect(await importedUsers()).toBe(0);
    const real = await runCli([good, '--kind', 'users']);
    expect(real.code).toBe(0);
    expect(real.text).toMatch(/2 of 2 rows, [\d,]+ rows\/s, 0 s left/);
    expect(real.text).toMatch(
      /Imported 2 rows in [\d.]+ s: 2 created, 0 updated, 0 unchanged, 0 deactivated \(after a [\d.]+ s check\)\./,
    );
    const again = await runCli([good, '--kind', 'users']);
    expect(again.text).toMatch(/0 created, 0 updated, 2 unchanged/);
    const stored = await suite
      .database()
      .db.selectFrom('users')
      .select('phone_e164')
      .where('external_key', '=', 'E1')
      .executeTakeFirstOrThrow();
    expect(stored.phone_e164).toBe('+15551234567');
    const british = await file(
      'gb.csv',
      'Employee ID,Login,Telephone\nE1,ann,020 7946 0958\nE2,bob,\n',
    );
    expect((await runCli([british, '--kind', 'users', '--phone-region', 'gb'])).text).toMatch(
      /1 updated, 1 unchanged/,
    );
    const gb = await suite
      .database()
      .db.selectFrom('users')
      .select('phone_e164')
      .where('external_key', '=', 'E1')
      .executeTakeFirstOrThrow();
    expect(gb.phone_e164).toBe('+442079460958');
    expect((await runCli([british, '--kind', 'users', '--phone-region', 'Mars'])).code).toBe(2);
  });
});
