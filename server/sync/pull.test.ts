import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { SYNC_LIMITS, type PullResponse } from '../../shared/sync/protocol';
import type { ApiErrorBody } from '../../shared/sync/server-api';
import {
  ApiClient,
  createArgs,
  DeskOutbox,
  seedDirectory,
  signIn,
  testServer,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { pull, pullJson } from './pull';
import { createRecordTexts, type RecordTexts } from './record-texts';
import { incidentArgs, LAPTOP, seedCatalog, takenInteraction } from './task-fixtures';

describeOnDatabases('pulling changes since a cursor', (suite) => {
  let app: FastifyInstance;
  let desk: ApiClient;
  const outbox = () => new DeskOutbox('desk-a');
  let a: DeskOutbox;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    await seedCatalog(suite.database());
    app = await testServer(suite.database());
    desk = await signIn(app);
    a = outbox();
  });
  afterEach(() => app.close());

  const pullFrom = async (cursor: string | null, clientId = 'desk-b') =>
    desk.post<PullResponse>('/api/v1/sync/pull', { clientId, cursor });

  const create = (...ids: string[]) =>
    desk.post(
      '/api/v1/sync/push',
      a.push(ids.map((id) => a.mutation('interaction.create', createArgs(id)))),
    );

  it('starts from nothing, then answers only what changed since the cursor', async () => {
    const empty = await pullFrom(null);
    expect(empty.body).toMatchObject({
      interactions: [],
      lastMutationId: 0,
      more: false,
      reset: false,
    });

    await create('i-1', 'i-2');
    const first = await pullFrom(empty.body.cursor);
    expect(first.body.interactions.map((i) => i.id)).toEqual(['i-1', 'i-2']);

    expect((await pullFrom(first.body.cursor)).body.interactions).toEqual([]);

    await desk.post(
      '/api/v1/sync/push',
      a.push([
        a.mutation('interaction.update', { id: 'i-1', changes: { description: 'Paper tray' } }),
      ]),
    );
    const second = await pullFrom(first.body.cursor);
    expect(second.body.interactions.map((i) => [i.id, i.description])).toEqual([
      ['i-1', 'Paper tray'],
    ]);
  });

  it('answers the pulling desk’s own last mutationId', async () => {
    await create('i-1', 'i-2', 'i-3');
    expect((await pullFrom(null, 'desk-a')).body.lastMutationId).toBe(3);
    expect((await pullFrom(null, 'desk-b')).body.lastMutationId).toBe(0);
  });

  it('pages a long history, oldest change first, with no row lost or repeated', async () => {
    await create('i-1', 'i-2', 'i-3', 'i-4', 'i-5');
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const answer: PullResponse = await pull(
        suite.database().db,
        { clientId: 'desk-b', cursor },
        2,
      );
      seen.push(...answer.interactions.map((i) => i.id));
      cursor = answer.cursor;
      if (!answer.more) break;
    }
    expect(seen).toEqual(['i-1', 'i-2', 'i-3', 'i-4', 'i-5']);
  });

  it('reads a catch-up page’s texts in its own statement, and keeps only a caught-up pull’s for other desks', async () => {
    await create('i-1', 'i-2', 'i-3', 'i-4', 'i-5', 'i-6', 'i-7', 'i-8', 'i-9');
    const kept = createRecordTexts();
    const keep = vi.spyOn(kept, 'put');
    const pages = async (texts: RecordTexts | undefined) => {
      const read: string[][] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 10; page++) {
        const json = await pullJson(suite.database().db, { clientId: 'desk-b', cursor }, 4, texts);
        const answer = JSON.parse(json) as PullResponse;
        read.push(answer.interactions.map((i) => `${i.id} ${i.shortDescription}`));
        cursor = answer.cursor;
        if (!answer.more) break;
      }
      return read;
    };
    const plain = await pages(undefined);
    expect(plain.map((page) => page.map((line) => line.split(' ')[0]))).toEqual([
      ['i-1', 'i-2', 'i-3', 'i-4'],
      ['i-5', 'i-6', 'i-7', 'i-8'],
      ['i-9'],
    ]);
    // The same records whichever way their texts were read; the first page (from the start, as
    // after a poke) kept its four texts, the pages from a page's end none.
    expect(await pages(kept)).toEqual(plain);
    expect(keep).toHaveBeenCalledTimes(4);
    // The desk server answers desks in pages of this many records.
    expect(SYNC_LIMITS.recordsPerPull).toBe(5000);
  });

  it('pages interactions, incidents and requests together by change version, none lost or repeated', async () => {
    const push = (...mutations: [string, unknown][]) =>
      desk.post(
        '/api/v1/sync/push',
        a.push(mutations.map(([name, args]) => a.mutation(name, args))),
      );
    await push(
      ['interaction.create', takenInteraction('i-1')],
      ['interaction.create', takenInteraction('i-2')],
      ['interaction.create', takenInteraction('i-3')],
    );
    const { cursor: afterCreates } = (await pullFrom(null)).body;
    await push(
      ['incident.createFromInteraction', incidentArgs('inc-1', 'i-1')],
      [
        'request.createFromInteraction',
        {
          id: 'req-1',
          interactionId: 'i-2',
          requestedFor: 'caller-1',
          catalogItem: LAPTOP.id,
          answers: { model: 'ultra', reason: 'Broken screen' },
        },
      ],
      ['interaction.update', { id: 'i-3', changes: { description: 'Tray 2' } }],
      ['incident.addWorkNote', { id: 'inc-1', noteId: 'n-1', text: 'Fuser ordered' }],
    );
    const whole = (await pullFrom(afterCreates)).body;
    const keyed = (kind: string, records: readonly { id: string }[]): [string, unknown][] =>
      records.map((r) => [`${kind}:${r.id}`, r]);
    const everything = (page: PullResponse) => [
      ...keyed('interaction', page.interactions),
      ...keyed('incident', page.incidents),
      ...keyed('request', page.requests),
    ];
    expect(whole.more).toBe(false);
    expect(new Set(everything(whole).map(([k]) => k))).toEqual(
      new Set([
        'interaction:i-1',
        'interaction:i-2',
        'interaction:i-3',
        'incident:inc-1',
        'request:req-1',
      ]),
    );

    const seen: string[] = [];
    const latest = new Map<string, unknown>();
    // The server's pulls are by the desk's scope, these in-process ones by none: the same cursor
    // without the scope it names (desk-scope.ts), or this pull would start over to list everything.
    const unscoped = (c: string) => c.split('~')[0] ?? c;
    let cursor: string | null = unscoped(afterCreates);
    let mixed = false;
    for (let page = 0; page < 10; page++) {
      const answer: PullResponse = await pull(
        suite.database().db,
        { clientId: 'desk-b', cursor },
        2,
      );
      const records = everything(answer);
      expect(records.length).toBeLessThanOrEqual(2);
      if (new Set(records.map(([k]) => k.split(':')[0])).size > 1) mixed = true;
      for (const [k, record] of records) {
        seen.push(k);
        latest.set(k, record);
      }
      cursor = answer.cursor;
      if (!answer.more) break;
    }
    expect(mixed).toBe(true);
    expect(seen).toHaveLength(new Set(seen).size);
    expect(latest).toEqual(new Map(everything(whole)));
    expect(cursor).toBe(unscoped(whole.cursor));
  });

  it('starts a desk over when its cursor is from another database or from the future', async () => {
    await create('i-1');
    const { cursor } = (await pullFrom(null)).body;
    const otherDatabase = `${'0'.repeat(32)}.1`;
    const fromOther = await pullFrom(otherDatabase);
    expect(fromOther.body.reset).toBe(true);
    expect(fromOther.body.interactions.map((i) => i.id)).toEqual(['i-1']);

    const [databaseId] = cursor.split('.');
    const future = await pullFrom(`${databaseId}.999999`);
    expect(future.body.reset).toBe(true);
    expect((await pullFrom(cursor)).body.reset).toBe(false);
  });

  it('answers 400 to a cursor it never gave out', async () => {
    for (const cursor of ['nonsense', '1.2.3', `${'g'.repeat(32)}.1`, 42]) {
      const reply = await desk.post<ApiErrorBody>('/api/v1/sync/pull', {
        clientId: 'desk-b',
        cursor,
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('invalid-input');
    }
  });

  it('moves the cursor past every ended transaction, whatever it changed', async () => {
    await create('i-1');
    // A directory change moves no record: the cursor still passes the push's transaction.
    await sql`UPDATE sync_state SET version = version + 5`.execute(suite.database().db);
    const first = await pullFrom(null);
    expect(first.body.interactions.map((i) => i.id)).toEqual(['i-1']);
    const written = await sql<{
      xid: string;
    }>`SELECT change_xid::text AS xid FROM interactions WHERE id = 'i-1'`.execute(
      suite.database().db,
    );
    const [, cursorXid] = first.body.cursor.split('.');
    expect(BigInt(cursorXid ?? 0)).toBeGreaterThan(BigInt(written.rows[0]?.xid ?? 0));
    expect((await pullFrom(first.body.cursor)).body.interactions).toEqual([]);
  });

  it('needs a signed-in desk', async () => {
    const reply = await new ApiClient(app).post('/api/v1/sync/pull', {
      clientId: 'desk-b',
      cursor: null,
    });
    expect(reply.status).toBe(401);
  });
});
