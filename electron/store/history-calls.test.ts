// A record opened from the server's history (history-calls.ts) with copy on write (ADR 0020): kept
// as its server copy and rebased when the desk did not hold it; left as it is when a pull brought
// it meanwhile as its view alone (the pulled version is as new or newer than the fetched one).

import { expect, it } from 'vitest';
import type { Interaction } from '../../shared/domain/interaction';
import type { AdminCallDeps } from './admin-calls';
import type { DeskDb } from './db';
import { openFromHistory } from './history-calls';
import type { DeskServerClient } from './sync/desk-server-client';
import { interaction, openTestDesk, rules } from './sync/sync-test-support';

/** A server that answers `fetched`, running `meanwhile` (a pull) before it answers. */
function serverWith(fetched: Interaction, meanwhile: () => Promise<void> = async () => {}) {
  const client = {
    recordByNumber: async () => {
      await meanwhile();
      return { kind: 'interaction' as const, record: fetched };
    },
  } as unknown as DeskServerClient;
  const sync: AdminCallDeps = { client, sessionToken: () => 't', sessionRefused: () => {} };
  return sync;
}

const open = (db: DeskDb, sync: AdminCallDeps) =>
  openFromHistory(
    {
      db,
      sync,
      rules: () => Promise.resolve(rules),
      now: () => new Date('2026-12-05T10:00:00.000Z'),
    },
    { kind: 'interaction', number: 'IMS0001001' },
  );

it('keeps a record fetched from the history as its server copy and its view', async () => {
  const db = await openTestDesk();
  const fetched = interaction('i-old', 'IMS0001001');
  expect(await open(db, serverWith(fetched))).toMatchObject({ ok: true });
  expect(await db.interactions.get('i-old')).toEqual(fetched);
  expect(await db.serverInteractions.get('i-old')).toEqual(fetched);
});

it('leaves a view a pull brought meanwhile with nothing waiting (no server copy) as it is', async () => {
  const db = await openTestDesk();
  const fetched = interaction('i-old', 'IMS0001001');
  const pulled = {
    ...fetched,
    description: 'Changed since',
    updatedAt: '2026-12-05T09:59:00.000Z',
  };
  const sync = serverWith(fetched, async () => {
    await db.interactions.put(pulled);
  });
  expect(await open(db, sync)).toMatchObject({ ok: true, value: { from: 'server' } });
  expect(await db.interactions.get('i-old')).toEqual(pulled);
  expect(await db.serverInteractions.get('i-old')).toBeUndefined();
});
