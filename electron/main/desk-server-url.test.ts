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
