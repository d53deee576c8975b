// Push and pull against a scripted desk server (the real one is in sync-engine.with-server.test.ts):
// a reset that arrives in pages, a crash between them, a clientId another installation shares.

import { afterEach, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../shared/demo/catalog-generator';
import { createRequestFromInteraction } from '../../../shared/domain/escalation';
import {
  closeIncident,
  reopenIncident,
  resolveIncident,
  type Incident,
} from '../../../shared/domain/incident';
import {
  addWorkNote,
  closeInteraction,
  createInteraction,
  type CreateInteractionArgs,
  type Interaction,
} from '../../../shared/domain/interaction';
import { relatedRecordsOf } from '../../../shared/domain/related-records';
import type { Request } from '../../../shared/domain/request';
import type { StoreResult } from '../../../shared/domain/result';
import type { RecordKind } from '../../../shared/store-api/apply-command';
import type { OutboxEntry } from '../../../shared/store-api/outbox';
import type {
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../../../shared/sync/protocol';
import { readMeta, writeMeta, type DeskDb } from '../db';
import { recordIndexOf } from '../record-index-upkeep';
import { runCommand } from '../store-commands';
import { DeskServerError, type DeskServerClient } from './desk-server-client';
import { retryRefused } from './needs-attention';
import { pullAndRebase } from './pull-and-rebase';
import { pushOutbox } from './push';
import { readSyncMeta, type InteractionSyncDeps } from './sync-meta';
import { rebaseRecords } from './rebase-records';
import {
  ctxAt,
  entry,
  escalated,
  incidentArgs,
  interaction,
  openTestDesk,
} from './sync-test-support';
import { rebaseTables, serverTables, viewTables } from './synced-records';

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

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A password-reset request made from the interaction, as the server would hold it. */
function requestRecord(from: Interaction): Promise<Request> {
  const catalog = generateCatalog();
  const item = catalog.find((i) => i.id === 'cat_password_reset');
  const account = item?.fields[0];
  const made = createRequestFromInteraction(
    from,
    {
      id: 'req-1',
      interactionId: from.id,
      requestedFor: 'usr_caller',
      catalogItem: 'cat_password_reset',
      answers: {
        account: account?.type === 'choice' ? (account.options[0]?.value ?? '') : '',
        identity_verified: true,
      },
    },
    'REQ0001001',
    false,
    { ...ctxAt(3), catalog: { catalogItem: (id) => catalog.find((i) => i.id === id) ?? null } },
  );
  return Promise.resolve(value(made).record);
}

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
    launch: () => Promise.reject(new Error('not scripted')),
    setup: () => Promise.reject(new Error('not scripted')),
    changePassword: () => Promise.reject(new Error('not scripted')),
    currentSession: () => Promise.reject(new Error('not scripted')),
    signOut: () => Promise.resolve(),
    directoryPage: () => Promise.reject(new Error('not scripted')),
    events: () => Promise.resolve(),
    admin: () => Promise.reject(new Error('not scripted')),
    reports: () => Promise.reject(new Error('not scripted')),
    historySearch: () => Promise.reject(new Error('not scripted')),
    recordByNumber: () => Promise.reject(new Error('not scripted')),
    templates: () => Promise.resolve({ digest: '0.0', templates: [], refused: [] }),
    // A server before snapshots: a first sync comes by pulls.
    snapshot: () => Promise.reject(new DeskServerError('http', 'Not found', { status: 404 })),
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
  incidents: [],
  requests: [],
  visits: [],
  calls: [],
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
  const db = await openTestDesk();
  opened.push(db);
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

/**
 * A desk that created `ids`, all of them acknowledged: its copy equals the server's. With
 * `copies: false`, as a pull with nothing waiting leaves it: the views alone (server-copies.ts).
 */
async function syncedDesk(ids: string[], { copies = true } = {}): Promise<DeskDb> {
  const db = await desk();
  const records = ids.map((id, i) => serverRecord(id, i + 1));
  await db.interactions.bulkPut(records);
  if (copies) await db.serverInteractions.bulkPut(records);
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

  it('re-sends what it lost of records the desk held as views alone (no server copies)', async () => {
    const db = await syncedDesk(['a', 'b', 'c'], { copies: false });
    const { client } = scriptedClient(
      [
        () => answer({ reset: true, more: true, interactions: [serverRecord('a', 1)] }),
        () => answer({ interactions: [serverRecord('b', 2)] }),
      ],
      undefined,
      () => db,
    );
    const outcome = await pullAndRebase(deps(db, client), new Map());
    expect(outcome).toMatchObject({ reset: true, requeued: 1 });
    const queued = await db.outbox.toArray();
    expect(queued.map((e) => [e.name, e.args.id])).toEqual([['interaction.create', 'c']]);
    expect((await db.interactions.toCollection().primaryKeys()).sort()).toEqual(['a', 'b', 'c']);
    // The re-sent record has no base: the server does not have it.
    expect(await db.serverInteractions.get('c')).toBeUndefined();
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
    expect((await db.outbox.toArray()).map((e) => e.args.id)).toEqual(['b']);
    expect(await db.interactions.get('b')).toMatchObject({ numberProvisional: true });
  });
});

describe('a clientId another installation shares', () => {
  it('never drops, on a pull, an entry this desk has not sent', async () => {
    const db = await desk();
    await runCommand(db, { name: 'interaction.create', args: args('mine') }, ctx, 'desk-1');
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
      await runCommand(db, { name: 'interaction.create', args: args(id) }, ctx, 'desk-1');
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
    expect(waiting.map((e) => [e.mutationId, e.clientId, e.args.id])).toEqual([
      [1, 'desk-1-again', 'own-1'],
      [2, 'desk-1-again', 'own-2'],
    ]);
    const [attention] = await db.needsAttention.toArray();
    expect(attention).toMatchObject({ mutationId: 2, reason: { message: 'No.' } });
    expect(await readMeta(db, 'mutationCounter')).toBe(2);
    expect(await readSyncMeta(db)).toMatchObject({
      sentThrough: 2,
      rebasePending: [
        { kind: 'interaction', id: 'same' },
        { kind: 'interaction', id: 'refused' },
      ],
    });
    // The next command is numbered under the new clientId.
    await runCommand(db, { name: 'interaction.create', args: args('own-3') }, ctx, 'desk-1');
    expect((await db.outbox.get(3))?.clientId).toBe('desk-1-again');
  });
});

describe('a server that lost this desk’s history', () => {
  it('forgets refusals heard under the old ids when a mutation-gap renumbers the waiting changes', async () => {
    const db = await desk();
    await writeMeta(db, 'mutationCounter', 4);
    for (const id of ['late-1', 'late-2'])
      await runCommand(db, { name: 'interaction.create', args: args(id) }, ctx, 'desk-1');
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
    expect(waiting.map((e) => [e.name, e.args.id])).toEqual([['interaction.create', 'c']]);
    // Shown with a provisional number until the server gives it a new one.
    expect((await db.interactions.get('c'))?.numberProvisional).toBe(true);
    expect(await readSyncMeta(db)).toMatchObject({ acknowledgedThrough: 2 });
    expect((await readSyncMeta(db)).historyLost).toBeUndefined();
  });
});

describe('incidents and requests', () => {
  const resolve = (incident: Incident): Incident =>
    value(
      resolveIncident(
        incident,
        { id: incident.id, resolutionCode: 'Solution provided', resolutionNotes: 'New toner' },
        ctxAt(5),
      ),
    );
  const close = (incident: Incident): Incident =>
    value(closeIncident(incident, { id: incident.id }, ctxAt(6)));
  const reopen = (incident: Incident, mutationId: number) => {
    const args = { id: incident.id, noteId: `reopen-${mutationId}`, reason: 'Still cannot print' };
    return {
      entry: entry(mutationId, 'incident.reopen', args),
      shown: value(reopenIncident(incident, args, ctxAt(mutationId))),
    };
  };

  /** The desk's view and the server's copy of a record, as a complete pull leaves them. */
  async function synced(db: DeskDb, records: { kind: RecordKind; record: { id: string } }[]) {
    const servers = serverTables(db);
    const views = viewTables(db);
    for (const { kind, record } of records) {
      await (servers[kind] as typeof servers.interaction).put(record as Interaction);
      await (views[kind] as typeof views.interaction).put(record as Interaction);
    }
  }

  async function waiting(db: DeskDb, entries: OutboxEntry[], sentThrough = 0) {
    await db.outbox.bulkAdd(entries);
    await writeMeta(db, 'mutationCounter', entries.at(-1)?.mutationId ?? 0);
    await writeMeta(db, 'sync', {
      interactionsCursor: 'db1.5',
      directoryCursor: null,
      lastSyncedAt: NOW,
      sentThrough,
    });
  }

  const revision = async (db: DeskDb) => (await readMeta(db, 'incidentsRevision')) ?? 0;

  it('stores each page’s incidents and requests with its interactions, and tells the incident index', async () => {
    const db = await desk();
    const origin = interaction('int-1', 'IMS0001001');
    const { incident, interaction: linked } = escalated(origin, 'inc-1', 'INC0001001');
    const request = { ...(await requestRecord(linked)), id: 'req-1' };
    const { client } = scriptedClient(
      [
        () =>
          answer({ more: true, cursor: 'db2.1', interactions: [linked], incidents: [incident] }),
        () => answer({ cursor: 'db2.2', requests: [request] }),
      ],
      undefined,
      () => db,
    );
    const outcome = await pullAndRebase(deps(db, client), new Map());
    expect(outcome.received).toBe(3);
    expect(await db.interactions.get('int-1')).toEqual(linked);
    expect(await db.incidents.get('inc-1')).toEqual(incident);
    expect(await db.requests.get('req-1')).toEqual(request);
    // Nothing waited: the views are the server's versions, and no server copy is kept.
    expect(await serverTables(db).incident.count()).toBe(0);
    expect(await revision(db)).toBe(1);
  });

  it('shows an escalation made offline with its provisional number until the server’s arrives on both records', async () => {
    const db = await desk();
    const origin = interaction('int-1', 'IMS0001001');
    await synced(db, [{ kind: 'interaction', record: origin }]);
    // What the store host wrote when the agent pressed Submit offline.
    const local = escalated(origin, 'inc-1', 'INC-P0001', true);
    await db.interactions.put(local.interaction);
    await db.incidents.put(local.incident);
    await writeMeta(db, 'counters', { interaction: 0, ...{ incident: 1 } });
    await waiting(db, [entry(1, 'incident.createFromInteraction', incidentArgs('inc-1', 'int-1'))]);

    // Another desk added a note to the interaction meanwhile; this desk has not pushed yet.
    const noted = value(
      addWorkNote(origin, { id: 'int-1', noteId: 'other', text: 'Caller rang again' }, ctxAt(2)),
    );
    const first = scriptedClient([() => answer({ interactions: [noted] })], undefined, () => db);
    await pullAndRebase(deps(db, first.client), new Map());
    const shown = await db.interactions.get('int-1');
    expect(shown?.workNotes.map((n) => n.id)).toEqual(['other', 'inc-1:created']);
    expect(shown && relatedRecordsOf(shown)).toMatchObject([{ number: 'INC-P0001' }]);
    expect(await db.incidents.get('inc-1')).toMatchObject({
      number: 'INC-P0001',
      numberProvisional: true,
    });

    // Pushed and applied: the server's copies name the real number.
    const server = escalated(noted, 'inc-1', 'INC0001001');
    await writeMeta(db, 'sync', { ...(await readSyncMeta(db)), sentThrough: 1 });
    const second = scriptedClient(
      [
        () =>
          answer({
            lastMutationId: 1,
            interactions: [server.interaction],
            incidents: [server.incident],
          }),
      ],
      undefined,
      () => db,
    );
    const outcome = await pullAndRebase(deps(db, second.client), new Map());
    expect(outcome.acknowledged).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.incidents.get('inc-1')).toEqual(server.incident);
    const after = await db.interactions.get('int-1');
    expect(after && relatedRecordsOf(after)).toMatchObject([
      { kind: 'incident', number: 'INC0001001' },
    ]);
    expect(after?.workNotes.at(-1)?.text).toContain('INC0001001');
  });

  it('sends a refused reopen to Needs attention with its data, and shows the incident as the server has it', async () => {
    const db = await desk();
    const { incident } = escalated(interaction('int-1', 'IMS0001001'), 'inc-1', 'INC0001001');
    const resolved = resolve(incident);
    // The server's copy is already Closed (another desk closed it); this desk reopened offline.
    const closed = close(resolved);
    await synced(db, [{ kind: 'incident', record: closed }]);
    const { entry: reopening, shown } = reopen(resolved, 1);
    await db.incidents.put(shown);
    await waiting(db, [reopening], 1);
    const before = await revision(db);
    const reason = {
      code: 'rule' as const,
      message: 'A Closed incident cannot be reopened; create a new incident.',
    };
    const { client } = scriptedClient(
      [() => answer({ lastMutationId: 1, refused: [{ mutationId: 1, reason }] })],
      undefined,
      () => db,
    );
    const outcome = await pullAndRebase(deps(db, client), new Map());
    expect(outcome).toMatchObject({ acknowledged: 1, refused: 1 });
    const [attention] = await db.needsAttention.toArray();
    expect(attention).toMatchObject({
      mutationId: 1,
      reason,
      entry: { name: 'incident.reopen', args: { reason: 'Still cannot print' } },
    });
    expect(await db.incidents.get('inc-1')).toEqual(closed);
    expect(await revision(db)).toBeGreaterThan(before);
  });

  it('re-queues a refused incident change on Retry and shows it again', async () => {
    const db = await desk();
    const { incident } = escalated(interaction('int-1', 'IMS0001001'), 'inc-1', 'INC0001001');
    await synced(db, [{ kind: 'incident', record: incident }]);
    const note = entry(3, 'incident.addWorkNote', { id: 'inc-1', noteId: 'n1', text: 'On site' });
    await db.needsAttention.add({
      mutationId: 3,
      entry: note,
      reason: { code: 'rule', message: 'No.' },
      refusedAt: NOW,
    });
    const [row] = await db.needsAttention.toArray();
    const mutationId = await retryRefused(db, row?.id ?? 0, rules, 'agent-2', () => new Date(NOW));
    expect(mutationId).toBe(1);
    expect(await db.incidents.get('inc-1')).toMatchObject({
      workNotes: [{ id: 'n1', text: 'On site', author: 'agent-2' }],
    });
    expect(await revision(db)).toBe(1);
  });

  it('replaces all three kinds on a reset, keeping what the server has not listed until its last page', async () => {
    const db = await desk();
    const origin = interaction('int-1', 'IMS0001001');
    const { incident, interaction: linked } = escalated(origin, 'inc-1', 'INC0001001');
    const other = escalated(interaction('int-2', 'IMS0001002'), 'inc-2', 'INC0001002');
    const request = { ...(await requestRecord(linked)), id: 'req-1' };
    await synced(db, [
      { kind: 'interaction', record: linked },
      { kind: 'incident', record: incident },
      { kind: 'incident', record: other.incident },
      { kind: 'request', record: request },
    ]);
    await writeMeta(db, 'sync', {
      interactionsCursor: 'db1.9',
      directoryCursor: null,
      lastSyncedAt: NOW,
      sentThrough: 0,
    });
    let between: string[] = [];
    const { client } = scriptedClient(
      [
        () => answer({ reset: true, more: true, cursor: 'db2.1', interactions: [linked] }),
        async (_request, d) => {
          between = (await d.incidents.toCollection().primaryKeys()).sort();
          return answer({ cursor: 'db2.2', incidents: [incident] });
        },
      ],
      undefined,
      () => db,
    );
    await pullAndRebase(deps(db, client), new Map());
    expect(between).toEqual(['inc-1', 'inc-2']);
    expect(await db.incidents.toCollection().primaryKeys()).toEqual(['inc-1']);
    expect(await serverTables(db).incident.toCollection().primaryKeys()).toEqual(['inc-1']);
    expect(await db.requests.count()).toBe(0);
    expect(await serverTables(db).request.count()).toBe(0);
  });

  it('looks again at records of any kind left from a client-conflict, and at bare ids from older desks', async () => {
    const db = await desk();
    const { incident, interaction: linked } = escalated(
      interaction('int-1', 'IMS0001001'),
      'inc-1',
      'INC0001001',
    );
    await synced(db, [
      { kind: 'interaction', record: linked },
      { kind: 'incident', record: incident },
    ]);
    // Shown with effects of entries that left the outbox (done under the old clientId).
    await db.interactions.put({ ...linked, description: 'stale' });
    await db.incidents.put({ ...incident, description: 'stale' });
    await writeMeta(db, 'sync', {
      interactionsCursor: 'db1.9',
      directoryCursor: null,
      lastSyncedAt: NOW,
      rebasePending: [{ kind: 'incident', id: 'inc-1' }, 'int-1'],
    });
    const { client } = scriptedClient([() => answer({})], undefined, () => db);
    await pullAndRebase(deps(db, client), new Map());
    expect(await db.interactions.get('int-1')).toEqual(linked);
    expect(await db.incidents.get('inc-1')).toEqual(incident);
    expect((await readSyncMeta(db)).rebasePending).toBeUndefined();
  });

  it('numbers an incident the desk has not shown yet from the incidents’ own counter', async () => {
    const db = await desk();
    const origin = interaction('int-1', 'IMS0001001');
    await synced(db, [{ kind: 'interaction', record: origin }]);
    await writeMeta(db, 'counters', { interaction: 7 });
    await db.outbox.add(entry(1, 'incident.createFromInteraction', incidentArgs('inc-1', 'int-1')));
    await db.transaction('rw', rebaseTables(db), async () => {
      await rebaseRecords(db, [{ kind: 'interaction', id: 'int-1' }], rules);
    });
    expect(await db.incidents.get('inc-1')).toMatchObject({ number: 'INC-P0001' });
    expect(await readMeta(db, 'counters')).toMatchObject({ interaction: 7, incident: 1 });
  });
});

describe('a desk far behind: page after page', () => {
  const pages = (count: number, perPage: number) =>
    Array.from({ length: count }, (_, p) =>
      Array.from({ length: perPage }, (_, i) => serverRecord(`far-${p}-${i}`, p * perPage + i + 1)),
    );

  it('asks for the next page while it stores this one, stores each as the view alone (nothing waits), and holds the host’s queries until the last', async () => {
    const db = await desk();
    const sent = pages(3, 4);
    /** Interactions created on this desk when each pull was asked for. */
    const storedWhenAsked: number[] = [];
    let created = 0;
    db.interactions.hook('creating', () => {
      created += 1;
    });
    const cursors: (string | null)[] = [];
    const { client } = scriptedClient(
      sent.map((records, p) => (request) => {
        storedWhenAsked.push(created);
        cursors.push(request.cursor);
        return answer({ cursor: `db2.${p + 1}`, interactions: records, more: p < 2 });
      }),
      undefined,
      () => db,
    );
    const catchingUp: boolean[] = [];
    const outcome = await pullAndRebase(
      { ...deps(db, client), catchingUp: (on) => catchingUp.push(on) },
      new Map(),
    );
    expect(outcome.received).toBe(12);
    // Page 2 was asked for before page 1 was stored, page 3 before page 2: the desk waits on one.
    expect(storedWhenAsked).toEqual([0, 0, 4]);
    expect(cursors).toEqual([null, 'db2.1', 'db2.2']);
    expect(catchingUp).toEqual([true, false]);
    const all = sent.flat();
    expect(await db.interactions.bulkGet(all.map((r) => r.id))).toEqual(all);
    // Nothing waited: no server copy is kept (copy on write, server-copies.ts).
    expect(await db.serverInteractions.count()).toBe(0);
    // Go to anything finds them: each view's words are in the word index once it is stored.
    expect(recordIndexOf(db).index.wordsOf('interaction', all[5]?.id ?? '')).toEqual(
      expect.arrayContaining(['printer', 'jam']),
    );
    expect((await readSyncMeta(db)).interactionsCursor).toBe('db2.3');
  });

  it('reads the snapshot’s next page while it stores this one, and stores every page before the cursor is set', async () => {
    const db = await desk();
    const sent = pages(3, 4);
    let created = 0;
    db.interactions.hook('creating', () => {
      created += 1;
    });
    /** Interactions created on this desk when each page was handed over. */
    const storedWhenRead: number[] = [];
    const { client } = scriptedClient([() => answer({ cursor: 'db2.9' })], undefined, () => db);
    client.snapshot = async (_token, _request, onLine) => {
      await onLine({ type: 'start', total: 12, counts: { interactions: 12 } });
      for (const records of sent) {
        storedWhenRead.push(created);
        await onLine({ type: 'page', kind: 'interactions', records });
      }
      await onLine({ type: 'end', cursor: 'db2.8', lastMutationId: 0, refused: [] });
    };
    const cursors: (string | null)[] = [];
    const pull = client.pull.bind(client);
    client.pull = (token, request) => {
      cursors.push(request.cursor);
      return pull(token, request);
    };
    await pullAndRebase(deps(db, client), new Map());
    // Page 2 was read before page 1 was stored, page 3 before page 2: one page waits at most.
    expect(storedWhenRead).toEqual([0, 0, 4]);
    expect(await db.interactions.count()).toBe(12);
    expect(await db.serverInteractions.count()).toBe(0);
    // The pulls went on from the snapshot's cursor, set once every page was stored.
    expect(cursors).toEqual(['db2.8']);
    expect((await readSyncMeta(db)).interactionsCursor).toBe('db2.9');
  });

  it('replays a change waiting on the desk over the pages as before (no direct write), and tells the host once it is done even when a page fails', async () => {
    const db = await syncedDesk(['int-1']);
    const note = { id: 'int-1', noteId: 'n-1', text: 'Called back' };
    await runCommand(db, { name: 'interaction.addWorkNote', args: note }, ctxAt(4), 'desk-1');
    const fromServer = {
      ...(await db.serverInteractions.get('int-1'))!,
      shortDescription: 'Printer jam, tray 2',
    };
    const { client } = scriptedClient(
      [
        () => answer({ cursor: 'db2.1', interactions: [fromServer], more: true }),
        () => {
          throw new DeskServerError('network', 'The desk server stopped answering.');
        },
      ],
      undefined,
      () => db,
    );
    const catchingUp: boolean[] = [];
    await expect(
      pullAndRebase({ ...deps(db, client), catchingUp: (on) => catchingUp.push(on) }, new Map()),
    ).rejects.toThrow('stopped answering');
    expect(catchingUp).toEqual([true, false]);
    const shown = await db.interactions.get('int-1');
    // The server's change and the agent's note, both: the page was rebased, not written over.
    expect(shown?.shortDescription).toBe('Printer jam, tray 2');
    expect(shown?.workNotes.map((n) => n.text)).toContain('Called back');
    // The page that came is kept with its cursor; the next pull goes on from it.
    expect((await readSyncMeta(db)).interactionsCursor).toBe('db2.1');
    expect(await db.outbox.count()).toBe(1);
  });
});
