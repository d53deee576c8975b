// Tests which desk server the desktop app uses: the environment first, then the command line, then
// the local default; a value that is not an http(s) address is refused and said why.

import { describe, expect, it } from 'vitest';
import { resolveDeskServer, toDeskServerAddress } from './desk-server-url';

describe('the desk server address', () => {
  it('takes DESKPAD_SERVER_URL first, then --server-url=, then http://127.0.0.1:8787', () => {
    expect(
      resolveDeskServer({ DESKPAD_SERVER_URL: 'http://127.0.0.1:9000/' }, [
        '--server-url=https://x.example',
      ]).address,
    ).toEqual({
      url: 'http://127.0.0.1:9000',
      origin: 'http://127.0.0.1:9000',
      source: 'environment',
    });
    expect(
      resolveDeskServer({}, ['electron', '.', '--server-url=https://desk.example.org']).address,
    ).toEqual({
      url: 'https://desk.example.org',
      origin: 'https://desk.example.org',
      source: 'command line',
    });
    expect(resolveDeskServer({}, []).address).toEqual({
      url: 'http://127.0.0.1:8787',
      origin: 'http://127.0.0.1:8787',
      source: 'default',
    });
  });

  it('keeps a path for a server behind a reverse proxy; connect-src gets the origin', () => {
    expect(toDeskServerAddress('https://intranet.example/deskpad/', 'environment')).toEqual({
      url: 'https://intranet.example/deskpad',
      origin: 'https://intranet.example',
      source: 'environment',
    });
  });

  it('refuses what is not an http(s) address, and says why', () => {
    for (const bad of [
      'ftp://x.example',
      'javascript:alert(1)',
      'not a url',
      'https://u:p@x.example',
      'https://x.example/?a=1',
    ]) {
      expect(toDeskServerAddress(bad, 'environment'), bad).toBeNull();
    }
    const resolved = resolveDeskServer({ DESKPAD_SERVER_URL: 'file:///etc/passwd' }, [
      '--server-url=nope',
    ]);
    expect(resolved.address.source).toBe('default');
    expect(resolved.refused).toHaveLength(2);
    expect(resolved.refused[0]).toContain('DESKPAD_SERVER_URL');
  });
});

describe('plain http to another computer', () => {
  it('is refused, and the local default used instead, saying how to allow it', () => {
    for (const given of [
      { env: { DESKPAD_SERVER_URL: 'http://desk.example.org:8787' }, argv: [] },
      { env: {}, argv: ['--server-url=http://10.0.0.5:8787'] },
    ]) {
      const resolved = resolveDeskServer(given.env, given.argv);
      expect(resolved.address.source).toBe('default');
      expect(resolved.refused).toHaveLength(1);
      expect(resolved.refused[0]).toMatch(/plain http:\/\/ to another computer/);
      expect(resolved.refused[0]).toContain('--allow-insecure-server');
      expect(resolved.warnings).toEqual([]);
    }
  });

  it('is fine on this computer, and https anywhere', () => {
    for (const url of [
      'http://127.0.0.1:9000',
      'http://127.1.2.3:9000',
      'http://localhost:8787',
      'https://desk.example.org',
    ]) {
      const resolved = resolveDeskServer({ DESKPAD_SERVER_URL: url }, []);
      expect(resolved.address.source, url).toBe('environment');
      expect(resolved.refused, url).toEqual([]);
      expect(resolved.warnings, url).toEqual([]);
    }
  });

  it('is allowed by --allow-insecure-server or DESKPAD_ALLOW_INSECURE_SERVER=1, with a warning', () => {
    const bySwitch = resolveDeskServer({}, [
      '--server-url=http://10.0.0.5:8787',
      '--allow-insecure-server',
    ]);
    expect(bySwitch.address.url).toBe('http://10.0.0.5:8787');
    expect(bySwitch.warnings).toHaveLength(1);
    expect(bySwitch.warnings[0]).toMatch(/unencrypted/);
    const byEnv = resolveDeskServer(
      { DESKPAD_SERVER_URL: 'http://desk.lan', DESKPAD_ALLOW_INSECURE_SERVER: '1' },
      [],
    );
    expect(byEnv.address.url).toBe('http://desk.lan');
    expect(byEnv.warnings).toHaveLength(1);
  });
});
