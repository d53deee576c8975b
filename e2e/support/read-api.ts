// Counts what reached the desk server through its public read API, as an integration would:
// sign in, page through GET /api/v1/interactions, fetch one by number. Read-only; it never writes a record.

import type { Interaction } from '../../shared/domain/interaction';
import { InteractionList, SignInResponse } from '../../shared/sync/server-api';

export const DEMO_PASSWORD = 'deskpad-demo';
const PAGE = 200;

export interface ReadApi {
  /** Every interaction on the server, newest first, all pages. */
  interactions(): Promise<Interaction[]>;
  /** One by its number, or null on 404. */
  interaction(number: string): Promise<Interaction | null>;
}

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
  };
}
