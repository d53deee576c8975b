import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsInstall } from './ensure-setup.mjs';

describe('first command on a fresh machine', () => {
  const checkout = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deskpad-setup-'));
    writeFileSync(path.join(dir, 'package-lock.json'), '{}');
    return dir;
  };

  it('installs when node_modules is missing', () => {
    expect(needsInstall(checkout())).toBe(true);
  });

  it('does not install again when node_modules is current', () => {
    const dir = checkout();
    mkdirSync(path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'node_modules', '.package-lock.json'), '{}');
    expect(needsInstall(dir)).toBe(false);
  });

  it('installs again when the lock file changed after the install', () => {
    const dir = checkout();
    mkdirSync(path.join(dir, 'node_modules'));
    const installed = path.join(dir, 'node_modules', '.package-lock.json');
    writeFileSync(installed, '{}');
    utimesSync(installed, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(needsInstall(dir)).toBe(true);
  });
});

describe('finding PostgreSQL', () => {
  it('picks the newest Debian version that has initdb', async () => {
    const { postgresBin } = await import('./ensure-setup.mjs');
    const base = mkdtempSync(path.join(tmpdir(), 'deskpad-pg-'));
    for (const v of ['13', '15', '16']) mkdirSync(path.join(base, v, 'bin'), { recursive: true });
    writeFileSync(path.join(base, '13', 'bin', 'initdb'), '');
    writeFileSync(path.join(base, '15', 'bin', 'initdb'), '');
    expect(postgresBin(base)).toBe(path.join(base, '15', 'bin'));
    expect(postgresBin(path.join(base, 'none'))).toBeNull();
  });
});
