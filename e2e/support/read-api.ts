// Counts what reached the desk server through its public read API, as an integration would: sign in,
// page through GET /api/v1/interactions, /incidents, /requests, fetch one by number. Read-only; it never writes.

import { z } from 'zod';
import type { Incident } from '../../shared/domain/incident';
import type { Interaction } from '../../shared/domain/interaction';
import type { Request } from '../../shared/domain/request';
import { InteractionList, SignInResponse } from '../../shared/sync/server-api';

export const DEMO_PASSWORD = 'deskpad-demo';
const PAGE = 200;

export interface ReadApi {
  /** Every interaction on the server, newest first, all pages. */
  interactions(): Promise<Interaction[]>;
  /** One by its number, or null on 404. */
  interaction(number: string): Promise<Interaction | null>;
  /** Incidents matching the filter (all pages), as the server sent them, work notes included. */
  incidents(filter?: IncidentFilter): Promise<Incident[]>;
  /** One incident by its number (INC…), or null on 404. */
  incident(number: string): Promise<Incident | null>;
  /** Requests matching the filter (all pages), work notes included. */
  requests(filter?: RequestFilter): Promise<Request[]>;
  /** One request by its number (REQ…), or null on 404. */
  request(number: string): Promise<Request | null>;
}

/** The read API's filters for incidents (issue 4): by state, component, caller, updated since. */
export interface IncidentFilter {
  state?: string;
  component?: string;
  caller?: string;
  updatedSince?: string;
}

/** The read API's filters for requests: the person they are for stands where the caller does. */
export interface RequestFilter {
  state?: string;
  requestedFor?: string;
  updatedSince?: string;
}

/** A page of incidents or requests: checked for its outline only, records kept exactly as sent. */
const TaskPage = z.object({
  records: z.array(z.object({ number: z.string() }).loose()),
  nextCursor: z.string().nullable().optional(),
});

/** Signs in (demo.admin by default: the read API takes agent or admin tokens). */
export async function openReadApi(serverUrl: string, userName = 'demo.admin'): Promise<ReadApi> {
  const root = `${serverUrl.replace(/\/+$/, '')}/api/v1`;
  const signIn = await fetch(`${root}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName, password: DEMO_PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`sign-in as ${userName} answered ${signIn.status}`);
  const { token } = SignInResponse.parse(await signIn.json());
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };

  const listTasks = async <T>(
    key: 'incidents' | 'requests',
    filter: IncidentFilter | RequestFilter,
  ): Promise<T[]> => {
    const all: T[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(PAGE), include: 'workNotes' });
      for (const [name, value] of Object.entries(filter))
        if (typeof value === 'string') query.set(name, value);
      if (cursor !== null) query.set('cursor', cursor);
      const response = await fetch(`${root}/${key}?${query.toString()}`, { headers });
      if (!response.ok)
        throw new Error(`GET /${key} answered ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as Record<string, unknown>;
      const checked = TaskPage.safeParse({ records: body[key], nextCursor: body.nextCursor });
      if (!checked.success) throw new Error(`GET /${key} answered an unexpected shape`);
      // Kept as sent, like interactions: the tests compare every field the server stored.
      all.push(...(body[key] as T[]));
      cursor = checked.data.nextCursor ?? null;
    } while (cursor !== null);
    return all;
  };

  const getTask = async <T>(key: 'incidents' | 'requests', number: string): Promise<T | null> => {
    const response = await fetch(`${root}/${key}/${encodeURIComponent(number)}?include=workNotes`, {
      headers,
    });
    if (response.status === 404) return null;
    if (!response.ok)
      throw new Error(
        `GET /${key}/${number} answered ${response.status}: ${await response.text()}`,
      );
    return (await response.json()) as T;
  };

  return {
    async interactions() {
      const all: Interaction[] = [];
      let cursor: string | null = null;
      do {
        // Work notes are left out unless asked for; the counting compares them too.
        const query = new URLSearchParams({ limit: String(PAGE), include: 'workNotes' });
        if (cursor !== null) query.set('cursor', cursor);
        const response = await fetch(`${root}/interactions?${query.toString()}`, { headers });
        if (!response.ok)
          throw new Error(
            `GET /interactions answered ${response.status}: ${await response.text()}`,
          );
        const body: unknown = await response.json();
        // Checked against the shared schema, but kept as sent: parsing would trim text, and the
        // point is to see every field exactly as the server stored it.
        const checked = InteractionList.safeParse(body);
        if (!checked.success) throw new Error(`GET /interactions answered an unexpected shape`);
        // include=workNotes: every record carries its notes, so it is a whole Interaction.
        all.push(...((body as InteractionList).interactions as Interaction[]));
        cursor = checked.data.nextCursor;
      } while (cursor !== null);
      return all;
    },
    async interaction(number) {
      const response = await fetch(
        `${root}/interactions/${encodeURIComponent(number)}?include=workNotes`,
        { headers },
      );
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`GET /interactions/${number} answered ${response.status}`);
      return (await response.json()) as Interaction;
    },
    incidents: (filter = {}) => listTasks<Incident>('incidents', filter),
    incident: (number) => getTask<Incident>('incidents', number),
    requests: (filter = {}) => listTasks<Request>('requests', filter),
    request: (number) => getTask<Request>('requests', number),
  };
}
