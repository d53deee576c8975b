// `npm run admin -- create-user` as a process (the built dist/admin-cli/main.js) on a temp PGlite
// data directory: the password piped on standard input, the account signs in, the audit says who.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app';
import { openDatabase } from '../db/open-database';
import { silentLogger } from '../logger';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliMain = path.join(repoRoot, 'dist', 'admin-cli', 'main.js');
const TIMEOUT_MS = 120_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function admin(args: string[], stdin: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliMain, ...args], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm run admin -- create-user', () => {
  let dataDir: string;

  beforeAll(() => {
    const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
    const build = spawnSync(
      process.execPath,
      [vite, 'build', '--config', 'server/vite.admin.config.ts'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`the admin CLI build failed:\n${build.stderr}`);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'deskpad-admin-cli-'));
  }, TIMEOUT_MS);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'creates the first administrator from a piped password, who then signs in; the audit says "Command line"',
    async () => {
      const run = await admin(
        [
          'create-user',
          '--user-name',
          'ada',
          '--role',
          'admin',
          '--first-name',
          'Ada',
          '--data',
          dataDir,
        ],
        'a long first password\n',
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Created ada (admin)');
      expect(run.stdout + run.stderr).not.toContain('a long first password');

      // Refusals change nothing: a taken name, a short password, an unknown role.
      const taken = await admin(
        ['create-user', '--user-name', 'ADA', '--role', 'agent', '--data', dataDir],
        'another long one\n',
      );
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain('already taken');
      const short = await admin(
        ['create-user', '--user-name', 'bo', '--role', 'agent', '--data', dataDir],
        'short\n',
      );
      expect(short.code).toBe(2);
      expect(short.stderr).toContain('at least 8 characters');
      const role = await admin(
        ['create-user', '--user-name', 'bo', '--role', 'boss', '--data', dataDir],
        'long enough pw\n',
      );
      expect(role.code).toBe(2);
      expect(role.stderr).toContain(
        '--role takes agent, technician, manager, admin, kiosk, lobby.',
      );
      const none = await admin(
        ['create-user', '--user-name', 'bo', '--role', 'agent', '--data', dataDir],
        '',
      );
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('No password on standard input');

      const database = await openDatabase({
        pgliteDir: path.join(dataDir, 'pglite'),
        logger: silentLogger(),
      });
      try {
        const users = await database.db
          .selectFrom('users')
          .select(['user_name', 'roles', 'must_change_password'])
          .execute();
        expect(users).toEqual([
          { user_name: 'ada', roles: ['admin'], must_change_password: false },
        ]);
        const audit = await database.db.selectFrom('audit_log').selectAll().execute();
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({
          actor_name: 'Command line',
          action: 'agent.create',
          target_name: 'ada',
        });
        const app = await buildServer({ database, signInRateLimit: false });
        const signedIn = await app.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { userName: 'ada', password: 'a long first password' },
        });
        expect(signedIn.statusCode).toBe(201);
        await app.close();
      } finally {
        await database.close();
      }

      const help = await admin(['help'], '');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('create-user');
      expect(help.stdout).toContain('import');
    },
    TIMEOUT_MS,
  );
});
