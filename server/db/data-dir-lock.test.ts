import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';

describe('locking the data directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'deskpad-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets one server in and keeps a second one out', () => {
    const release = lockDataDir(dir, process.pid);
    // A live process other than ours holds it: the parent of this test runner.
    writeFileSync(path.join(dir, 'server.pid'), String(process.ppid));
    expect(() => lockDataDir(dir, process.pid)).toThrow(DataDirInUseError);
    release();
    expect(existsSync(path.join(dir, 'server.pid'))).toBe(false);
  });

  it('takes over a lock left by a process that died', () => {
    writeFileSync(path.join(dir, 'server.pid'), '999999999');
    const release = lockDataDir(dir, process.pid);
    release();
  });
});
