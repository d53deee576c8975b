// A first sync's snapshot through the real server (ADR 0020, issue 15 item 3): compressed NDJSON
// with totals, pages and an end cursor; the same records as a pull from the start, for an agent and
// a technician; pushes during and after it come by the pulls from its cursor, none twice, none
// lost; and the rows in scope are found by index, not by reading the history whole.

import { brotliDecompressSync } from 'node:zlib';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import {
  createArgs,
  DeskOutbox,
  FIXTURE_NOW,
  seedDirectory,
  signIn,
  testServer,
  type ApiClient,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { directlyInScope } from './desk-scope';
import { readSnapshot } from './snapshot';

interface Line {
  type: string;
  total?: number;
  kind?: string;
  records?: { id: string; updatedAt: string }[];
  cursor?: string;
  lastMutationId?: number;
}

const KINDS = ['interactions', 'incidents', 'requests', 'visits', 'calls'] as const;

/** The snapshot as the desk receives it (brotli), its lines parsed. */
async function snapshotOf(client: ApiClient, clientId: string) {
  const response = await client.app.inject({
    method: 'POST',
    url: '/api/v1/sync/snapshot',
    headers: { authorization: `Bearer ${client.token ?? ''}`, 'accept-encoding': 'br' },
    payload: { clientId },
  });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-encoding']).toBe('br');
  expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
  const text = brotliDecompressSync(response.rawPayload).toString('utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);
}

/** Every record's last version a client is given, `kind:id` → updatedAt. */
const held = (into: Map<string, string>, kind: string, records: Line['records']) => {
  for (const r of records ?? []) into.set(`${kind}:${r.id}`, r.updatedAt);
};

async function pullAll(client: ApiClient, clientId: string, from: string | null) {
  const got = new Map<string, string>();
  let cursor = from;
  let received = 0;
  for (let i = 0; i < 50; i++) {
    const { status, body } = await client.post<PullResponse>('/api/v1/sync/pull', {
      clientId,
      cursor,
    });
    expect(status).toBe(200);
    for (const kind of KINDS) {
      held(got, kind, body[kind]);
      received += body[kind].length;
    }
    cursor = body.cursor;
    if (!body.more) break;
  }
  return { got, cursor, received };
}

describeOnDatabases('a first sync’s snapshot', (suite) => {
  it('equals a pull from the start, and the pulls after it bring every later change once', async () => {
    const database = suite.database();
    await seedDirectory(database);
    const app = await testServer(database, { now: () => new Date(FIXTURE_NOW) });
    try {
      const bo = await signIn(app, 'bo.agent');
      const boDesk = new DeskOutbox('desk-b', 'agent-2');
      const logged = await bo.post<PushResponse>(
        '/api/v1/sync/push',
        boDesk.push([
          ...Array.from({ length: 12 }, (_, i) =>
            boDesk.mutation(
              'interaction.create',
              createArgs(`i-${i}`, { assignmentGroup: i % 2 === 0 ? 'grp-net' : 'grp-desk' }),
            ),
          ),
          boDesk.mutation('interaction.close', { id: 'i-3', state: 'Closed Complete' }),
        ]),
      );
      expect(logged.body.refused).toEqual([]);

      const ana = await signIn(app, 'ana.agent');
      const lines = await snapshotOf(ana, 'desk-a');
      expect(lines[0]).toMatchObject({ type: 'start', total: 12 });
      const end = lines.at(-1);
      expect(end).toMatchObject({ type: 'end', lastMutationId: 0, refused: [] });
      const snapshot = new Map<string, string>();
      for (const line of lines.slice(1, -1)) held(snapshot, line.kind ?? '', line.records);
      const fromStart = await pullAll(ana, 'desk-a', null);
      expect([...snapshot].sort()).toEqual([...fromStart.got].sort());
      // Nothing changed since: the pull from the snapshot's cursor is empty, and its cursor the pull's.
      const after = await pullAll(ana, 'desk-a', end?.cursor ?? null);
      expect(after.received).toBe(0);
      expect(after.cursor).toBe(fromStart.cursor);

      // A technician's snapshot is its worked scope, as its pull.
      const tess = await signIn(app, 'tess.tech');
      const tessLines = await snapshotOf(tess, 'desk-t');
      const tessHeld = new Map<string, string>();
      for (const line of tessLines.slice(1, -1)) held(tessHeld, line.kind ?? '', line.records);
      expect([...tessHeld].sort()).toEqual([...(await pullAll(tess, 'desk-t', null)).got].sort());
      expect(tessHeld.size).toBe(6);

      // Changes while the snapshot is read (on PostgreSQL they commit inside its transaction's
      // life; on PGlite they wait for it) and after it: the pulls from its cursor bring each once.
      const during: Promise<unknown>[] = [];
      const read: Line[] = [];
      await readSnapshot(
        database.db,
        { clientId: 'desk-c' },
        {
          kind: 'everything',
          desk: {
            agentId: 'agent-1',
            groupIds: ['grp-desk'],
            recentDays: 30,
            now: new Date(FIXTURE_NOW),
          },
        },
        undefined,
        (line) => {
          read.push(JSON.parse(line) as Line);
          if (read.length === 2)
            during.push(
              bo.post('/api/v1/sync/push', {
                clientId: 'desk-b',
                mutations: [
                  boDesk.mutation('interaction.create', createArgs('i-during')),
                  boDesk.mutation('interaction.addWorkNote', {
                    id: 'i-1',
                    noteId: 'n-1',
                    text: 'More',
                  }),
                ],
              }),
            );
        },
        5,
      );
      await Promise.all(during);
      await bo.post('/api/v1/sync/push', {
        clientId: 'desk-b',
        mutations: [boDesk.mutation('interaction.create', createArgs('i-after'))],
      });
      const stored = new Map<string, string>();
      for (const line of read.slice(1, -1)) held(stored, line.kind ?? '', line.records);
      expect(read.slice(1, -1).every((l) => (l.records?.length ?? 0) <= 5)).toBe(true);
      const then = await pullAll(ana, 'desk-c', read.at(-1)?.cursor ?? null);
      expect([...then.got.keys()].sort()).toEqual(
        expect.arrayContaining([
          'interactions:i-1',
          'interactions:i-after',
          'interactions:i-during',
        ]),
      );
      // No row comes twice: what the pulls bring is only what changed after the snapshot.
      for (const key of then.got.keys())
        expect(['interactions:i-1', 'interactions:i-after', 'interactions:i-during']).toContain(
          key,
        );
      for (const [key, at] of then.got) stored.set(key, at);
      const whole = await pullAll(ana, 'desk-d', null);
      expect([...stored].sort()).toEqual([...whole.got].sort());
    } finally {
      await app.close();
    }
  });

  it('answers only a signed-in desk role, with a clear message for bad input', async () => {
    const database = suite.database();
    await seedDirectory(database);
    const app = await testServer(database);
    try {
      const ana = await signIn(app, 'ana.agent');
      const anonymous = await app.inject({
        method: 'POST',
        url: '/api/v1/sync/snapshot',
        payload: { clientId: 'x' },
      });
      expect(anonymous.statusCode).toBe(401);
      const bad = await ana.post<{ error: { code: string } }>('/api/v1/sync/snapshot', {
        clientId: 'desk a',
        unscoped: true,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid-input');
    } finally {
      await app.close();
    }
  });

  it('finds the rows in scope by index, never reading the whole history', async () => {
    const { db } = suite.database();
    // 20,000 closed interactions of five years ago and a few open ones.
    await sql`INSERT INTO interactions (id, seq, number, state, opened_at, updated_at, version,
        change_xid, record)
      SELECT 'old-' || n, n, 'IMS' || n, 'Closed Complete', '2021-01-01Z', '2021-01-01Z',
        nextval('record_versions'), pg_current_xact_id(), '{}'::jsonb
      FROM generate_series(1, 20000) AS n`.execute(db);
    await sql`ANALYZE interactions`.execute(db);
    const desk = {
      agentId: 'agent-1',
      groupIds: ['grp-desk'],
      recentDays: 30,
      now: new Date(FIXTURE_NOW),
    };
    const planOf = async (table: (typeof KINDS)[number], indexOnly: boolean) =>
      db.transaction().execute(async (trx) => {
        // With sequential scans priced out, a plan still holding one has no index to use.
        if (indexOnly) await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT r.id
          FROM ${sql.table(table)} AS r WHERE ${directlyInScope(table, 'r', desk)}`.execute(trx);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    // The history as it is: the planner itself picks the indexes over reading 20,000 rows.
    expect(await planOf('interactions', false)).not.toMatch(/Seq Scan/);
    for (const table of KINDS) expect(await planOf(table, true)).not.toMatch(/Seq Scan/);
  });
});
