// What the walk-up e2e tests ask the desk server directly, as an administrator or an integration would:
// kiosk and lobby accounts (admin API), the location's walk-up settings, and the visits' read API.

import { adminPath } from '../../shared/admin/operation';
import type { Visit } from '../../shared/domain/visit';
import { SignInResponse } from '../../shared/sync/server-api';
import { DEMO_PASSWORD } from './read-api';

/** The walk-up location the demo seeds first (server/demo), the one the tests' desks serve. */
export const DEMO_WALK_UP_LOCATION = 'Service Desk — HQ';

/** A signed-in session against the server's API: the token's headers and the API's root. */
export interface ApiSession {
  readonly root: string;
  readonly headers: Record<string, string>;
}

export async function signInApi(
  serverUrl: string,
  userName: string,
  password = DEMO_PASSWORD,
): Promise<ApiSession & { mustChangePassword: boolean }> {
  const root = `${serverUrl.replace(/\/+$/, '')}/api/v1`;
  const response = await fetch(`${root}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName, password }),
  });
  if (!response.ok)
    throw new Error(`sign-in as ${userName} answered ${response.status}: ${await response.text()}`);
  const body = SignInResponse.parse(await response.json());
  return {
    root,
    headers: { authorization: `Bearer ${body.token}`, accept: 'application/json' },
    mustChangePassword: body.mustChangePassword === true,
  };
}

/** POST /api/v1/admin/<name> as the session; answers the JSON body or throws with the server's words. */
export async function adminCall<T>(session: ApiSession, name: string, input: object): Promise<T> {
  const root = session.root.replace(/\/api\/v1$/, '');
  const response = await fetch(`${root}${adminPath(name)}`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!response.ok)
    throw new Error(`${name} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface WalkUpAccount {
  userName: string;
  password: string;
}

/**
 * An account with only the kiosk, lobby or manager role, created by demo.admin in Administration → Agents,
 * its temporary password changed once through the API, as the administrator setting up the tablet would.
 */
export async function createWalkUpAccount(
  serverUrl: string,
  role: 'kiosk' | 'lobby' | 'manager',
  userName: string,
): Promise<WalkUpAccount> {
  const admin = await signInApi(serverUrl, 'demo.admin');
  const temporaryPassword = `temporary-${role}-password-1`;
  const names = {
    kiosk: ['Entrance', 'Kiosk'],
    lobby: ['Lobby', 'Board'],
    manager: ['Desk', 'Manager'],
  };
  await adminCall(admin, 'agents.create', {
    userName,
    firstName: names[role][0],
    lastName: names[role][1],
    email: '',
    roles: [role],
    temporaryPassword,
  });
  const password = `${role}-screen-password-2026`;
  const first = await signInApi(serverUrl, userName, temporaryPassword);
  if (first.mustChangePassword) {
    const changed = await fetch(`${first.root}/sessions/password`, {
      method: 'POST',
      headers: { ...first.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: temporaryPassword, newPassword: password }),
    });
    if (!changed.ok) throw new Error(`changing ${userName}'s password answered ${changed.status}`);
    return { userName, password };
  }
  return { userName, password: temporaryPassword };
}

interface LocationRow {
  id: string;
  name: string;
}

/**
 * The demo's walk-up location with the settings a test needs (a grace time of 0 lets No-show be
 * offered at once), set through Administration → Locations before the desks sign in. Answers its id.
 * Created when the server has no such location.
 */
export async function prepareLocation(
  serverUrl: string,
  settings: { graceMinutes?: number; vipFirst?: boolean },
  name = DEMO_WALK_UP_LOCATION,
): Promise<string> {
  const admin = await signInApi(serverUrl, 'demo.admin');
  const { locations } = await adminCall<{ locations: LocationRow[] }>(admin, 'locations.list', {});
  // The demo seeds it; an empty server gets it here, as an administrator would add it.
  const found =
    locations.find((location) => location.name === name) ??
    (await adminCall<{ location: LocationRow }>(admin, 'locations.create', { name })).location;
  if (Object.keys(settings).length > 0)
    await adminCall(admin, 'locations.update', { id: found.id, ...settings });
  return found.id;
}

/** The visits' read API (GET /api/v1/visits, /visits/{id}), as an integration reads it. */
export interface VisitsReadApi {
  visits(filter?: { location?: string; state?: string; since?: string }): Promise<Visit[]>;
  visit(idOrNumber: string): Promise<Visit | null>;
}

export async function openVisitsReadApi(serverUrl: string): Promise<VisitsReadApi> {
  const session = await signInApi(serverUrl, 'demo.admin');
  return {
    async visits(filter = {}) {
      const all: Visit[] = [];
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ limit: '200' });
        for (const [key, value] of Object.entries(filter))
          if (typeof value === 'string') query.set(key, value);
        if (cursor !== null) query.set('cursor', cursor);
        const response = await fetch(`${session.root}/visits?${query.toString()}`, {
          headers: session.headers,
        });
        if (!response.ok)
          throw new Error(`GET /visits answered ${response.status}: ${await response.text()}`);
        const body = (await response.json()) as
          Visit[] | { visits?: Visit[]; records?: Visit[]; nextCursor?: string | null };
        if (Array.isArray(body)) return body;
        all.push(...(body.visits ?? body.records ?? []));
        cursor = body.nextCursor ?? null;
      } while (cursor !== null);
      return all;
    },
    async visit(idOrNumber) {
      const response = await fetch(`${session.root}/visits/${encodeURIComponent(idOrNumber)}`, {
        headers: session.headers,
      });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`GET /visits/${idOrNumber} answered ${response.status}`);
      const body = (await response.json()) as Visit | { visit: Visit };
      return 'visit' in body ? body.visit : body;
    },
  };
}
