// The store host's upload of an import file, against a fake fetch: the token and the file sent,
// kind and file name in the address, and every refusal or silence turned into plain words.

import { describe, expect, it } from 'vitest';
import type { ImportUpload } from '../../shared/admin/import';
import { parseAction } from '../../shared/store-api/validate';
import { uploadImportFile, type AdminUploadDeps } from './admin-upload';

const UPLOAD: ImportUpload = {
  importId: 'imp_0001abcd',
  kind: 'users',
  fileName: 'people; 2026.csv',
  bytes: 24,
  delimiter: ';',
  hasBom: false,
  columns: ['Employee ID', 'Login'],
  preview: [['E100', 'ada']],
  guessedMapping: { externalKey: 'Employee ID', userName: 'Login' },
};

const TOKEN = 'token-of-an-admin-0123456789';
function session(token: string | null = TOKEN) {
  const refused: string[] = [];
  return {
    refused,
    client: { baseUrl: 'http://desk.example:8080/' },
    sessionToken: () => token,
    sessionRefused: (t: string) => void refused.push(t),
  };
}
const TARGET = session();
const request = (file = new Blob(['Employee ID;Login\nE100;ada\n'])) => ({
  kind: 'users' as const,
  fileName: 'people; 2026.csv',
  file,
});

function fakeFetch(answer: () => Promise<Response>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const deps: AdminUploadDeps = {
    fetch: (url, init) => {
      calls.push({ url, init });
      return answer();
    },
  };
  return { deps, calls };
}

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

describe('uploadImportFile', () => {
  it('POSTs the file with the session token, kind and file name in the address', async () => {
    const { deps, calls } = fakeFetch(() => json(201, UPLOAD));
    const file = new Blob(['Employee ID;Login\nE100;ada\n']);
    expect(await uploadImportFile(deps, TARGET, request(file))).toEqual({
      ok: true,
      value: UPLOAD,
    });
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0]!.url);
    expect(url.origin + url.pathname).toBe('http://desk.example:8080/api/v1/admin/imports');
    expect(url.searchParams.get('kind')).toBe('users');
    expect(url.searchParams.get('fileName')).toBe('people; 2026.csv');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(calls[0]!.init?.body).toBe(file);
    expect(calls[0]!.init?.headers).toMatchObject({
      authorization: 'Bearer token-of-an-admin-0123456789',
      'content-type': 'application/octet-stream',
    });
  });

  it('gives the server’s words for a file it refuses', async () => {
    const { deps } = fakeFetch(() =>
      json(400, { error: { code: 'invalid-input', message: 'The file is empty.' } }),
    );
    expect(await uploadImportFile(deps, TARGET, request())).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'The file is empty.' },
    });
  });

  it('says what to do when signed out, not an admin, the file too large, or the server broke', async () => {
    const cases: [number, string, RegExp][] = [
      [401, 'not-ready', /^The session with the desk server has ended: sign in again/],
      [403, 'not-permitted', /^Only an administrator can import files\.$/],
      [413, 'invalid-input', /larger than the 512 MB an import takes/],
      [500, 'internal', /could not take the file \(Disk full\.\)\. The file was not sent/],
    ];
    for (const [status, code, words] of cases) {
      const { deps } = fakeFetch(() => json(status, { error: { message: 'Disk full.' } }));
      const held = session();
      const answer = await uploadImportFile(deps, held, request());
      expect(held.refused).toEqual(status === 401 ? [TOKEN] : []);
      expect(answer.ok).toBe(false);
      if (answer.ok) continue;
      expect(answer.error.code).toBe(code);
      expect(answer.error.message).toMatch(words);
    }
  });

  it('is offline in plain words when the server cannot be reached, or without a session', async () => {
    const { deps } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    expect(await uploadImportFile(deps, TARGET, request())).toEqual({
      ok: false,
      error: {
        code: 'not-ready',
        message:
          'The desk server at http://desk.example:8080 cannot be reached. The file was not sent; choose Send again when it answers.',
      },
    });
    const none = fakeFetch(() => json(201, UPLOAD));
    const answer = await uploadImportFile(none.deps, session(null), request());
    expect(answer).toEqual({
      ok: false,
      error: { code: 'not-ready', message: 'Sign in to the desk server to import files.' },
    });
    expect(await uploadImportFile(none.deps, null, request())).toMatchObject({
      ok: false,
      error: { code: 'not-ready' },
    });
    expect(none.calls).toHaveLength(0);
  });

  it('gives up on a silent server after its timeout', async () => {
    let fire: () => void = () => undefined;
    const deps: AdminUploadDeps = {
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
      timers: {
        set: (callback) => {
          fire = callback;
          return () => undefined;
        },
      },
    };
    const pending = uploadImportFile(deps, TARGET, request());
    fire();
    const answer = await pending;
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toMatch(/did not answer in time/);
  });

  it('refuses an answer that is not an ImportUpload, and a file over 512 MB before sending', async () => {
    const { deps } = fakeFetch(() => json(201, { importId: 1 }));
    const odd = await uploadImportFile(deps, TARGET, request());
    expect(odd).toMatchObject({ ok: false, error: { code: 'internal' } });
    const big = fakeFetch(() => json(201, UPLOAD));
    const huge = { size: 513 * 1024 * 1024 } as Blob;
    const answer = await uploadImportFile(big.deps, TARGET, request(huge));
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(big.calls).toHaveLength(0);
  });
});

describe('the admin.import action on arrival', () => {
  it('takes a file with its kind and name, and refuses anything else in words', () => {
    const file = new Blob(['a,b\n1,2\n']);
    const good = parseAction('admin.import', { kind: 'groups', fileName: 'teams.csv', file });
    expect(good).toMatchObject({ ok: true, value: { name: 'admin.import', args: { file } } });
    expect(good.ok && good.value.name === 'admin.import' && good.value.args.file).toBe(file);
    expect(
      parseAction('admin.import', { kind: 'groups', fileName: 'teams.csv', file: 'a,b\n' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'Check file.' } });
    expect(
      parseAction('admin.import', { kind: 'printers', fileName: 'x.csv', file }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
