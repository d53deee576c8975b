// The kiosk page's calls to its desk server (shared/sync/walk-up-api.ts): sign-in, the location's
// summary, check-in, a visit's status and the exit survey. Answers plainly; never throws on a
// refusal or an unreachable server, and never keeps a password.

import { API_PREFIX, SignInResponse, type ApiErrorBody } from '../../shared/sync/server-api';
import {
  KioskVisitStatus,
  WalkUpLocationSummary,
  type KioskCheckInRequest,
} from '../../shared/sync/walk-up-api';
import type { SurveyAnswer } from '../../shared/domain/visit';
import type { z } from 'zod';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** What came back: the answer, a refusal with its message, the session gone, or no server at all. */
export type KioskAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'refused'; message: string; fieldErrors: Record<string, string> }
  | { ok: false; kind: 'signed-out'; message: string }
  | { ok: false; kind: 'unreachable'; message: string };

export const UNREACHABLE = 'This kiosk cannot reach the server right now. Please ask at the desk.';

export interface KioskApi {
  signIn: (userName: string, password: string) => Promise<KioskAnswer<SignInResponse>>;
  location: (id: string) => Promise<KioskAnswer<WalkUpLocationSummary>>;
  checkIn: (request: KioskCheckInRequest) => Promise<KioskAnswer<KioskVisitStatus>>;
  visit: (id: string) => Promise<KioskAnswer<KioskVisitStatus>>;
  survey: (id: string, answer: SurveyAnswer) => Promise<KioskAnswer<KioskVisitStatus>>;
}

const errorOf = (body: unknown): ApiErrorBody['error'] | undefined =>
  typeof body === 'object' && body !== null && 'error' in body
    ? (body as ApiErrorBody).error
    : undefined;

/** `base` is the server's origin ('' for the page's own); `token` is read at each call. */
export function createKioskApi(fetchFn: Fetch, token: () => string | null, base = ''): KioskApi {
  async function call<S extends z.ZodType>(
    schema: S,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<KioskAnswer<z.output<S>>> {
    const headers: Record<string, string> = {};
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchFn(`${base}${API_PREFIX}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        cache: 'no-store',
      });
    } catch {
      return { ok: false, kind: 'unreachable', message: UNREACHABLE };
    }
    let parsed: unknown = null;
    try {
      parsed = await response.json();
    } catch {
      parsed = null;
    }
    if (response.ok) {
      const value = schema.safeParse(parsed);
      return value.success
        ? { ok: true, value: value.data }
        : { ok: false, kind: 'unreachable', message: UNREACHABLE };
    }
    const error = errorOf(parsed);
    if (response.status === 401)
      return {
        ok: false,
        kind: 'signed-out',
        message: error?.message ?? 'This kiosk is signed out. Staff: sign it in again.',
      };
    if (response.status >= 500 || !error)
      return { ok: false, kind: 'unreachable', message: UNREACHABLE };
    return {
      ok: false,
      kind: 'refused',
      message: error.message,
      fieldErrors: error.fieldErrors ?? {},
    };
  }

  return {
    signIn: (userName, password) =>
      call(SignInResponse, 'POST', '/sessions', { userName, password }),
    location: (id) =>
      call(WalkUpLocationSummary, 'GET', `/walk-up/locations/${encodeURIComponent(id)}`),
    checkIn: (request) => call(KioskVisitStatus, 'POST', '/kiosk/check-ins', request),
    visit: (id) => call(KioskVisitStatus, 'GET', `/kiosk/visits/${encodeURIComponent(id)}`),
    survey: (id, answer) =>
      call(KioskVisitStatus, 'POST', `/kiosk/visits/${encodeURIComponent(id)}/survey`, answer),
  };
}
