// Tests `npm start`'s decisions: the options it accepts, the one-line reason it prints when
// Electron cannot start, and the probe that never lets a failed download hang or crash it.

import type { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  fallbackLine,
  missingDisplay,
  probeElectron,
  readOptions,
  summarizeFailure,
} from './start.mjs';

const fakeSpawn = (result: object) => (() => result) as unknown as typeof spawnSync;

describe('npm start', () => {
  it('reads --port and refuses nonsense', () => {
    expect(readOptions(['--port', '6000'])).toEqual({ port: 6000 });
    expect(readOptions(['--port=7000'])).toEqual({ port: 7000 });
    expect(() => readOptions(['--port', 'abc'])).toThrow(/--port/);
    expect(() => readOptions(['--colour'])).toThrow();
  });

  it('says in one line why Electron is not used and what happens instead', () => {
    const line = fallbackLine('its binary could not be downloaded');
    expect(line).toBe(
      'Deskpad: the Electron runtime is not available on this machine (its binary could not be downloaded); serving the browser build instead.',
    );
    expect(line).not.toContain('\n');
  });

  it('turns a failed download into a short reason, without the stack', () => {
    const stderr = [
      'Downloading Electron binary...',
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:14976:13',
      'Error: Electron failed to install correctly.',
    ].join('\n');
    expect(summarizeFailure(stderr)).toBe('its binary could not be downloaded');
    expect(
      summarizeFailure('error while loading shared libraries: libnss3.so: cannot open'),
    ).toContain('libnss3');
    expect(summarizeFailure('')).toBe('it exited without saying why');
    expect(summarizeFailure(`Error: ${'x'.repeat(400)}`).length).toBeLessThanOrEqual(160);
  });

  it('probes the electron package in a child process and reports each way it can fail', () => {
    const exists = (file: string) => file === '/opt/electron/electron';
    expect(
      probeElectron({
        spawnSync: fakeSpawn({ status: 0, stdout: '/opt/electron/electron', stderr: '' }),
        exists,
      }),
    ).toEqual({ ok: true, binary: '/opt/electron/electron' });
    expect(
      probeElectron({
        spawnSync: fakeSpawn({ status: 1, stdout: '', stderr: 'TypeError: fetch failed' }),
        exists,
      }),
    ).toEqual({ ok: false, reason: 'its binary could not be downloaded' });
    const timeout = Object.assign(new Error('spawnSync node ETIMEDOUT'), { code: 'ETIMEDOUT' });
    expect(
      probeElectron({ spawnSync: fakeSpawn({ error: timeout, status: null }), exists }),
    ).toEqual({
      ok: false,
      reason: 'finding its binary timed out',
    });
    expect(
      probeElectron({
        spawnSync: fakeSpawn({ status: 0, stdout: '/gone/electron', stderr: '' }),
        exists,
      }),
    ).toEqual({ ok: false, reason: 'its binary is missing' });
  });

  it('knows Linux needs a display before launching', () => {
    expect(missingDisplay('linux', {})).toMatch(/no display/);
    expect(missingDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
    expect(missingDisplay('darwin', {})).toBeNull();
  });
});
