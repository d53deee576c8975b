// The store host's upload of an import file: POSTs the file's bytes to the desk server
// (`/api/v1/admin/imports?kind=&fileName=`) with the session token and answers the ImportUpload.
// Never reads or keeps the file, and never throws across the port: every failure is a StoreResult.

import { IMPORT_MAX_BYTES, IMPORT_UPLOAD_PATH, ImportUpload } from '../../shared/admin/import';
import type { ImportKind } from '../../shared/admin/import';
import { fail, ok, type StoreResult } from '../../shared/domain/result';
import type { FetchLike } from './sync/desk-server-client';

export interface AdminUploadDeps {
  fetch: FetchLike;
  /** Where timeouts come from (tests pass their own). */
  timers?: { set(callback: () => void, ms: number): () => void };
}

/** What the upload needs of the sync engine, as admin.call does: the server and the session. */
export interface UploadSession {
  readonly client: { readonly baseUrl: string };
  sessionToken(): string | null;
  sessionRefused(token: string): void;
}

export interface ImportUploadRequest {
  kind: ImportKind;
  fileName: string;
  file: Blob;
}

/** An answer may take this long plus a second per MiB sent before the upload is given up. */
export const UPLOAD_BASE_TIMEOUT_MS = 30_000;
const MS_PER_MIB = 1000;

const realTimers = {
  set(callback: () => void, ms: number): () => void {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

const NOT_SENT = 'The file was not sent; choose Send again when it answers.';

async function serverWords(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message : null;
  } catch {
    return null;
  }
}

async function refusal(response: Response): Promise<StoreResult<never>> {
  const words = await serverWords(response);
  switch (response.status) {
    case 401:
      return fail(
        'not-ready',
        'The session with the desk server has ended: sign in again, then send the file again.',
      );
    case 403:
      return fail('not-permitted', 'Only an administrator can import files.');
    case 413:
      return fail(
        'invalid-input',
        `The file is larger than the ${IMPORT_MAX_BYTES / (1024 * 1024)} MB an import takes.`,
      );
    default:
      if (response.status >= 400 && response.status < 500)
        return fail(
          'invalid-input',
          words ?? `The desk server refused the file (${response.status}).`,
        );
      return fail(
        'internal',
        `The desk server could not take the file (${words ?? `it answered ${response.status} ${response.statusText}`}). ${NOT_SENT}`,
      );
  }
}

export async function uploadImportFile(
  deps: AdminUploadDeps,
  sync: UploadSession | null,
  request: ImportUploadRequest,
): Promise<StoreResult<ImportUpload>> {
  if (!sync)
    return fail('not-ready', 'This desk has no desk server: Administration is on the desk server.');
  const token = sync.sessionToken();
  if (!token) return fail('not-ready', 'Sign in to the desk server to import files.');
  if (request.file.size > IMPORT_MAX_BYTES)
    return fail(
      'invalid-input',
      `The file is larger than the ${IMPORT_MAX_BYTES / (1024 * 1024)} MB an import takes.`,
    );
  const root = sync.client.baseUrl.replace(/\/+$/, '');
  const query = new URLSearchParams({ kind: request.kind, fileName: request.fileName });
  const url = `${root}${IMPORT_UPLOAD_PATH}?${query.toString()}`;
  const timeoutMs =
    UPLOAD_BASE_TIMEOUT_MS + Math.ceil(request.file.size / (1024 * 1024)) * MS_PER_MIB;
  const deadline = new AbortController();
  const cancel = (deps.timers ?? realTimers).set(() => deadline.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await deps.fetch(url, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          'content-type': 'application/octet-stream',
        },
        body: request.file,
        signal: deadline.signal,
      });
    } catch {
      return fail(
        'not-ready',
        deadline.signal.aborted
          ? `The desk server at ${root} did not answer in time. ${NOT_SENT}`
          : `The desk server at ${root} cannot be reached. ${NOT_SENT}`,
      );
    }
    if (response.status === 401) sync.sessionRefused(token);
    if (!response.ok) return await refusal(response);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return fail('internal', 'The desk server’s answer to the upload was not understood.');
    }
    const parsed = ImportUpload.safeParse(body);
    return parsed.success
      ? ok(parsed.data)
      : fail('internal', 'The desk server’s answer to the upload was not understood.');
  } finally {
    cancel();
  }
}
