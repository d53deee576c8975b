// Push and pull against a scripted desk server (the real one is in sync-engine.with-server.test.ts):
// a reset that arrives in pages, a crash between them, a clientId another installation shares.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeInteraction,
  createInteraction,
  type CreateInteractionArgs,
  type Interaction,
} from '../../../shared/domain/interaction';
import type { OutboxEntry } from '../../../shared/store-api/outbox';
import type {
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../../../shared/sync/protocol';
import { openDeskDb, readMeta, writeMeta, type DeskDb } from '../db';
import { applyCommand } from '../interaction-commands';
import { DeskServerError, type DeskServerClient } from './desk-server-client';
import {
  pullAndRebase,
  pushOutbox,
  readSyncMeta,
  type InteractionSyncDeps,
} from './interaction-sync';

const rules = { isGroupMember: () => true, userName: (id: string) => id };
const NOW = '2026-11-23T10:00:00.000Z';
const ctx = { now: NOW, actorId: 'agent-1', directory: rules };

const args = (id: string): CreateInteractionArgs => ({
  id,
  openedFor: null,
  contactEmail: '',
  contactPhone: '',
  type: 'Phone',
  component: null,
  assignmentGroup: null,
  assignedTo: null,
  shortDescription: `Printer jam ${id}`,
  description: '',
});

function serverRecord(id: string, seq: number): Interaction {
  const made = createInteraction(args(id), `IMS000${1000 + seq}`, false, ctx);
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

type PullScript = (request: PullRequest, db: DeskDb) => Promise<PullResponse> | PullResponse;
type PushScript = (request: PushRequest) => Promise<PushResponse> | PushResponse;

function scriptedClient(pulls: PullScript[], push?: PushScript, db?: () => DeskDb) {
  const pushes: PushRequest[] = [];
  const client: DeskServerClient = {
    baseUrl: 'http://desk.test',
    health: () => Promise.resolve(true),
    signIn: () => Promise.reject(new Error('not scripted')),
    currentSession: () => Promise.reject(new Error('not scripted')),
    signOut: () => Promise.resolve(),
    directoryPage: () => Promise.reject(new Error('not scripted')),
    events: () => Promise.resolve(),
    push: async (_token, request) => {
      pushes.push(request);
      if (!push) throw new Error('no push scripted');
      return push(request);
    },
    pull: async (_token, request) => {
      const next = pulls.shift();
      if (!next || !db) throw new Error('no pull scripted');
      return next(request, db());
    },
  };
  return { client, pushes };
}

const answer = (over: Partial<PullResponse>): PullResponse => ({
  cursor: 'db2.1',
  lastMutationId: 0,
  interactions: [],
  more: false,
  reset: false,
  refused: [],
  ...over,
});

const opened: DeskDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function desk(): Promise<DeskDb> {
  const db = await openDeskDb({ name: 'desk', indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(db);
  await writeMeta(db, 'clientId', 'desk-1');
  return db;
}

const deps = (db: DeskDb, client: DeskServerClient): InteractionSyncDeps => ({
  db,
  client,
  token: 't',
  rules,
  now: () => new Date(NOW),
  newClientId: () => 'desk-1-again',
});

/** A desk that created `ids`, all of them acknowledged: its copy equals the server's. */
async function syncedDesk(ids: string[]): Promise<DeskDb> {
  const db = await desk();
  const records = ids.map((id, i) => serverRecord(id, i + 1));
  await db.interactions.bulkPut(records);
  await db.serverInteractions.bulkPut(records);
  await writeMeta(db, 'sync', {
    interactionsCursor: 'db1.9',
    directoryCursor: null,
    lastSyncedAt: NOW,
    sentThrough: ids.length,
  });
  await writeMeta(db, 'mutationCounter', ids.length);
  return db;
}

describe('a pull that answers reset (the server was restored)', () => {
  it('keeps, while the pages arrive, the records the server has not listed, and re-sends those it no longer has', async () => {
    const db = await syncedDesk(['a', 'b', 'c']);
    const closed = closeInteraction(
      (await db.interactions.get('c')) as Interaction,
      { id: 'c', state: 'Closed Abandoned' },
      ctx,
    );
    if (!closed.ok) throw new Error(closed.error.message);
    await db.interactions.put(closed.value);
    await db.serverInteractions.put(closed.value);
    let seenBetweenPages: string[] = [];
    const { client } = scriptedClient(
      [
        () => answer({ reset: true, more: true, interactions: [serverRecord('a', 1)] }),
        async (_request, d) => {
          seenBetweenPages = (await d.interactions.toCollection().primaryKeys()).sort();
          return answer({ interactions: [serverRecord('b', 2)] });
        },
      ],
      undefined,
      () => db,
    );
    const outcome = await pullAndRebase(deps(db, client), new Map());

    expect(seenBetweenPages).toEqual(['a', 'b', 'c']);
    expect(outcome).toMatchObject({ reset: true, requeued: 2, unsent: false });
    const queued = await db.outbox.orderBy('mutationId').toArray();
    expect(queued.map((e) => [e.mutationId, e.name, e.clientId])).toEqual([
      [4, 'interaction.create', 'desk-1'],
      [5, 'interaction.close', 'desk-1'],
    ]);
    const shown = await db.interactions.get('c');
    expect(shown).toMatchObject({ state: 'Closed Abandoned', numberProvisional: true });
    expect((await readSyncMeta(db)).resetInProgress).toBeUndefined();
  });

  it('remembers a reset whose last page never came, and finishes it on the next pull', async () => {
    const db = await syncedDesk(['a', 'b']);
    const first = scriptedClient(
      [
        () => answer({ reset: true, more: true, cursor: 'db2.0', interactions: [] }),
        () => {
          throw new DeskServerError('network', 'The desk server did not answer.');
        },
      ],
      undefined,
      () => db,
    );
    await expect(pullAndRebase(deps(db, first.client), new Map())).rejects.toThrow(/not answer/);
    expect((await db.interactions.toCollection().primaryKeys()).sort()).toEqual(['a', 'b']);
    expect(await readSyncMeta(db)).toMatchObject({
      resetInProgress: true,
      interactionsCursor: 'db2.0',
    });

    const second = scriptedClient(
      [
        (request) =>
          answer({
            cursor: 'db2.1',
            interactions: request.cursor === 'db2.0' ? [serverRecord('a', 1)] : [],
          }),
      ],
      undefined,
      () => db,
    );
    const outcome = await pullAndRebase(deps(db, second.client), new Map());
    expect(outcome.requeued).toBe(1);
    expect((await db.outbox.toArray()).map((e) => (e.args as { id: string }).id)).toEqual(['b']);
    expect(await db.interactions.get('b')).toMatchObject({ numberProvisional: true });
  });
});

describe('a clientId another installation shares', () => {
  it('never drops, on a pull, an entry this desk has not sent', async () => {
    const db = await desk();
    await applyCommand(db, { name: 'interaction.create', args: args('mine') }, ctx, 'desk-1');
    // The other installation pushed 1–3 under the same clientId.
    const { client } = scriptedClient([() => answer({ lastMutationId: 3 })], undefined, () => db);
    const outcome = await pullAndRebase(deps(db, client), new Map());
    expect(outcome.unsent).toBe(true);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.interactions.get('mine')).toBeDefined();
  });

  it('asks for no push when nothing waits (a desk from before sentThrough, say)', async () => {
    const db = await desk();
    const { client } = scriptedClient([() => answer({ lastMutationId: 50 })], undefined, () => db);
    const outcome = await pullAndRebase(deps(db, client), new Map());
    expect(outcome.unsent).toBe(false);
  });

  it('takes a new clientId on client-conflict: the same entries are done, the rest go again from 1', async () => {
    const db = await desk();
    for (const id of ['same', 'refused', 'own-1', 'own-2'])
      await applyCommand(db, { name: 'interaction.create', args: args(id) }, ctx, 'desk-1');
    const { client, pushes } = scriptedClient([], (request) => {
      if (request.clientId === 'desk-1')
        throw new DeskServerError('http', 'Another installation uses this id.', {
          status: 409,
          code: 'client-conflict',
          firstConflictingMutationId: 3,
          refused: [{ mutationId: 2, reason: { code: 'rule', message: 'No.' } }],
        });
      return { lastMutationId: request.mutations.at(-1)?.mutationId ?? 0, refused: [] };
    });
    const changed: string[] = [];
    const sent = await pushOutbox(
      { ...deps(db, client), clientIdChanged: (id) => changed.push(id) },
      new Map(),
    );

    expect(sent).toBe(2);
    expect(changed).toEqual(['desk-1-again']);
    expect(await readMeta(db, 'clientId')).toBe('desk-1-again');
    expect(pushes.map((p) => [p.clientId, p.mutations.map((m) => m.mutationId)])).toEqual([
      ['desk-1', [1, 2, 3, 4]],
      ['desk-1-again', [1, 2]],
    ]);
    const waiting = (await db.outbox.orderBy('mutationId').toArray()) as (OutboxEntry & {
      mutationId: number;
    })[];
    expect(waiting.map((e) => [e.mutationId, e.clientId, (e.args as { id: string }).id])).toEqual([
      [1, 'desk-1-again', 'own-1'],
      [2, 'desk-1-again', 'own-2'],
    ]);
    const [attention] = await db.needsAttention.toArray();
    expect(attention).toMatchObject({ mutationId: 2, reason: { message: 'No.' } });
    expect(await readMeta(db, 'mutationCounter')).toBe(2);
    expect(await readSyncMeta(db)).toMatchObject({
      sentThrough: 2,
      rebasePending: ['same', 'refused'],
    });
    // The next command is numbered under the new clientId.
    await applyCommand(db, { name: 'interaction.create', args: args('own-3') }, ctx, 'desk-1');
    expect((await db.outbox.get(3))?.clientId).toBe('desk-1-again');
  });
});

describe('a server that lost this desk’s history', () => {
  it('forgets refusals heard under the old ids when a mutation-gap renumbers the waiting changes', async () => {
    const db = await desk();
    await writeMeta(db, 'mutationCounter', 4);
    for (const id of ['late-1', 'late-2'])
      await applyCommand(db, { name: 'interaction.create', args: args(id) }, ctx, 'desk-1');
    let applied = 1;
    const { client, pushes } = scriptedClient(
      [() => answer({ lastMutationId: applied })],
      (request) => {
        if (request.mutations[0]?.mutationId !== applied + 1)
          throw new DeskServerError('http', 'Expected mutation 2.', {
            status: 409,
            code: 'mutation-gap',
            expectedMutationId: applied + 1,
          });
        applied = request.mutations.at(-1)?.mutationId ?? applied;
        return { lastMutationId: applied, refused: [] };
      },
      () => db,
    );
    // Heard before the restore, about the change that had mutationId 2 then.
    const refusals = new Map([[2, { code: 'rule' as const, message: 'Stale.' }]]);
    await pushOutbox(deps(db, client), refusals);
    expect(pushes.map((p) => p.mutations.map((m) => m.mutationId))).toEqual([
      [5, 6],
      [2, 3],
    ]);
    expect(refusals.size).toBe(0);
    await pullAndRebase(deps(db, client), refusals);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.needsAttention.toArray()).toEqual([]);
  });

  it('starts over from a null cursor when a pull says less is done than the server said before', async () => {
    const db = await syncedDesk(['a', 'b', 'c']);
    await writeMeta(db, 'sync', { ...(await readSyncMeta(db)), acknowledgedThrough: 3 });
    const cursors: (string | null)[] = [];
    const { client } = scriptedClient(
      [
        (request) => {
          cursors.push(request.cursor);
          return answer({ cursor: 'db1.10', lastMutationId: 2, interactions: [] });
        },
        (request) => {
          cursors.push(request.cursor);
          // The restored server has a and b (and c's number went to another desk's record).
          return answer({
            cursor: 'db1.10',
            lastMutationId: 2,
            interactions: [serverRecord('a', 1), serverRecord('b', 2)],
          });
        },
      ],
      undefined,
      () => db,
    );
    const outcome = await pullAndRebase(deps(db, client), new Map());
    expect(cursors).toEqual(['db1.9', null]);
    expect(outcome).toMatchObject({ reset: true, requeued: 1 });
    const waiting = await db.outbox.toArray();
    expect(waiting.map((e) => [e.name, (e.args as { id: string }).id])).toEqual([
      ['interaction.create', 'c'],
    ]);
    // Shown with a provisional number until the server gives it a new one.
    expect((await db.interactions.get('c'))?.numberProvisional).toBe(true);
    expect(await readSyncMeta(db)).toMatchObject({ acknowledgedThrough: 2 });
    expect((await readSyncMeta(db)).historyLost).toBeUndefined();
  });
});
