// Property: whatever the interleaving of creates, edits, escalations, pushes (with lost answers),
// retried batches and pulls from several desks, every mutation is applied exactly once, in its
// desk's order, numbers are unique per kind, and every desk ends with the server's state.

import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Incident } from '../../shared/domain/incident';
import type { DirectoryRules, Interaction } from '../../shared/domain/interaction';
import {
  applyCommand,
  type RecordKind,
  type RecordTypes,
} from '../../shared/store-api/apply-command';
import type { PullResponse, PushedMutation, PushResponse } from '../../shared/sync/protocol';
import { parsePushedMutation } from '../../shared/sync/protocol';
import { toNumber } from '../db/values';
import {
  createArgs,
  seedDirectory,
  signIn,
  smallDirectory,
  testServer,
  type ApiClient,
} from '../testing/fixtures';
import { describeOnDatabases, resetDatabase } from '../testing/test-databases';
import { incidentArgs } from './task-fixtures';

const DESKS = [
  { clientId: 'desk-a', actorId: 'agent-1' },
  { clientId: 'desk-b', actorId: 'agent-2' },
  { clientId: 'desk-c', actorId: 'agent-1' },
] as const;
const SHARED_ID = 'shared';

type EditOp =
  | 'update'
  | 'assign'
  | 'note'
  | 'shared-note'
  | 'close'
  | 'abandon'
  | 'escalate'
  | 'resolve'
  | 'associate';

type Step =
  | { kind: 'create'; desk: number }
  | {
      kind: 'edit';
      desk: number;
      target: number;
      op: EditOp;
    }
  | { kind: 'push'; desk: number; size: number; dropAnswer: boolean }
  | { kind: 'retry'; desk: number; back: number; size: number }
  | { kind: 'pull'; desk: number };

const desk = fc.integer({ min: 0, max: DESKS.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), desk }),
  fc.record({
    kind: fc.constant('edit' as const),
    desk,
    target: fc.nat(5),
    op: fc.constantFrom<EditOp>('update', 'assign', 'note', 'shared-note', 'close', 'abandon'),
  }),
  // Escalations need a created, open, assigned interaction first: weighted so runs reach them.
  {
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      desk,
      target: fc.nat(5),
      op: fc.constantFrom<EditOp>('escalate', 'escalate', 'resolve', 'associate'),
    }),
    weight: 2,
  },
  fc.record({
    kind: fc.constant('push' as const),
    desk,
    size: fc.integer({ min: 1, max: 4 }),
    dropAnswer: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('retry' as const),
    desk,
    back: fc.nat(4),
    size: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ kind: fc.constant('pull' as const), desk }),
);

/** A desk as its sync engine behaves: an outbox, an acknowledged id, a cursor and its copy of the server. */
class SimulatedDesk {
  readonly sent: PushedMutation[] = [];
  outbox: PushedMutation[] = [];
  acknowledged = 0;
  cursor: string | null = null;
  readonly view = new Map<string, Interaction>();
  readonly incidents = new Map<string, Incident>();
  readonly created: string[] = [];
  readonly escalated: string[] = [];
  private clock = Date.parse('2026-11-23T09:00:00.000Z');
  private notes = 0;
  readonly clientId: string;
  readonly actorId: string;
  readonly api: ApiClient;

  constructor(clientId: string, actorId: string, api: ApiClient) {
    this.clientId = clientId;
    this.actorId = actorId;
    this.api = api;
  }

  record(name: string, args: unknown): void {
    this.clock += 60_000;
    const mutation = {
      mutationId: this.sent.length + 1,
      name,
      args,
      at: new Date(this.clock).toISOString(),
      actorId: this.actorId,
    };
    this.sent.push(mutation);
    this.outbox.push(mutation);
  }

  create(): void {
    const id = `${this.clientId}-i${this.created.length + 1}`;
    // Every other one is taken at once (Assign to me), so escalations both pass and are refused.
    const assignedTo = this.created.length % 2 === 0 ? 'agent-1' : null;
    this.created.push(id);
    this.record('interaction.create', createArgs(id, { assignedTo }));
  }

  edit(target: number, op: EditOp): void {
    const id =
      op === 'shared-note' ? SHARED_ID : this.created[target % Math.max(1, this.created.length)];
    if (id === undefined) return;
    const noteId = `${this.clientId}-n${++this.notes}`;
    if (op === 'update')
      this.record('interaction.update', { id, changes: { description: `edit ${this.notes}` } });
    if (op === 'assign')
      this.record('interaction.update', { id, changes: { assignedTo: 'agent-2' } });
    if (op === 'note' || op === 'shared-note')
      this.record('interaction.addWorkNote', { id, noteId, text: `note ${this.notes}` });
    if (op === 'close') this.record('interaction.close', { id, state: 'Closed Complete' });
    if (op === 'abandon') this.record('interaction.close', { id, state: 'Closed Abandoned' });
    // Each interaction may get one incident, `<id>-inc`; refused until the interaction is assigned.
    if (op === 'escalate') {
      this.escalated.push(`${id}-inc`);
      // Service Desk's work: both agents are members, so either may resolve it (decision 0008).
      this.record(
        'incident.createFromInteraction',
        incidentArgs(`${id}-inc`, id, { assignmentGroup: 'grp-desk' }),
      );
    }
    if (op === 'resolve') {
      this.record('incident.resolve', {
        id: `${id}-inc`,
        resolutionCode: 'Solution provided',
        resolutionNotes: `fixed ${this.notes}`,
      });
    }
    // With the incident this desk escalated last (refused when that was refused, or is Resolved).
    // The desk's newest interaction, with the incident it escalated last: most often two different
    // records, and refused when that escalation was refused or the incident is Resolved.
    const incidentId = this.escalated.at(-1);
    const newest = this.created.at(-1);
    if (op === 'associate' && incidentId && newest)
      this.record('interaction.associateIncident', { id: newest, incidentId });
  }

  private acknowledge(lastMutationId: number): void {
    this.acknowledged = Math.max(this.acknowledged, lastMutationId);
    this.outbox = this.outbox.filter((m) => m.mutationId > this.acknowledged);
  }

  async push(size: number, dropAnswer: boolean): Promise<void> {
    const batch = this.outbox.slice(0, size);
    if (batch.length === 0) return;
    const reply = await this.api.post<PushResponse>('/api/v1/sync/push', {
      clientId: this.clientId,
      mutations: batch,
    });
    expect(reply.status).toBe(200);
    if (!dropAnswer) this.acknowledge(reply.body.lastMutationId);
  }

  /** Sends again a window that may start before what the server acknowledged: never a gap. */
  async retry(back: number, size: number): Promise<void> {
    const start = Math.max(1, this.acknowledged + 1 - back);
    const batch = this.sent.slice(start - 1, start - 1 + size);
    if (batch.length === 0) return;
    const reply = await this.api.post<PushResponse>('/api/v1/sync/push', {
      clientId: this.clientId,
      mutations: batch,
    });
    expect(reply.status).toBe(200);
    this.acknowledge(reply.body.lastMutationId);
  }

  async pull(): Promise<void> {
    for (;;) {
      const reply = await this.api.post<PullResponse>('/api/v1/sync/pull', {
        clientId: this.clientId,
        cursor: this.cursor,
      });
      expect(reply.status).toBe(200);
      if (reply.body.reset) {
        this.view.clear();
        this.incidents.clear();
      }
      for (const record of reply.body.interactions) this.view.set(record.id, record);
      for (const record of reply.body.incidents) this.incidents.set(record.id, record);
      this.cursor = reply.body.cursor;
      if (!reply.body.more) {
        this.acknowledge(reply.body.lastMutationId);
        return;
      }
    }
  }

  async flush(): Promise<void> {
    while (this.outbox.length > 0) await this.push(50, false);
    await this.pull();
  }
}

const directory = smallDirectory();
const rules: DirectoryRules = {
  isGroupMember: (g, u) => directory.groups.find((x) => x.id === g)?.memberIds.includes(u) ?? false,
  userName: (u) => directory.users.find((x) => x.id === u)?.name ?? u,
};

/**
 * The same desk's mutations applied once, in order, with the one shared replay: what the server
 * must hold. Numbers are the ones the server gave (they depend on the other desks' pushes).
 */
function expectedRecords(
  mutations: readonly PushedMutation[],
  serverNumbers: ReadonlyMap<string, string>,
): { records: Map<string, RecordTypes[RecordKind]>; refused: number[] } {
  const records = new Map<string, RecordTypes[RecordKind]>();
  const refused: number[] = [];
  const recordSet = {
    get: <K extends RecordKind>(kind: K, id: string) =>
      records.get(`${kind}:${id}`) as RecordTypes[K] | undefined,
  };
  for (const m of mutations) {
    const parsed = parsePushedMutation(m);
    if (!parsed.ok) throw new Error('the simulation made an unreadable mutation');
    if (parsed.value.args.id === SHARED_ID) continue;
    const applied = applyCommand(parsed.value, recordSet, {
      now: m.at,
      actorId: m.actorId,
      directory: rules,
      catalog: { catalogItem: () => null },
      numberFor: (_kind, id) => ({ number: serverNumbers.get(id) ?? 'none', provisional: false }),
    });
    if (!applied.ok) {
      refused.push(m.mutationId);
      continue;
    }
    for (const { kind, record } of applied.value.changed)
      records.set(`${kind}:${record.id}`, record);
  }
  return { records, refused };
}

function rounds(steps: readonly Step[]): Step[][] {
  const out: Step[][] = [];
  let round: Step[] = [];
  for (const s of steps) {
    if (round.some((r) => r.desk === s.desk)) {
      out.push(round);
      round = [];
    }
    round.push(s);
  }
  if (round.length > 0) out.push(round);
  return out;
}

describeOnDatabases('sync converges under any interleaving', (suite) => {
  let app: FastifyInstance;

  beforeEach(async () => {
    app = await testServer(suite.database());
  });
  afterEach(() => app.close());

  it('applies every mutation exactly once and leaves every desk with the server’s state', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
        await resetDatabase(suite.database());
        await seedDirectory(suite.database());
        const sessions = [await signIn(app), await signIn(app, 'bo.agent')];
        const desks = DESKS.map(
          (d, i) => new SimulatedDesk(d.clientId, d.actorId, sessions[i % 2] as ApiClient),
        );
        // One interaction every desk writes notes on, created by a setup desk.
        const setup = new SimulatedDesk('desk-setup', 'agent-1', sessions[0] as ApiClient);
        setup.record('interaction.create', createArgs(SHARED_ID));
        await setup.flush();

        // Consecutive steps of different desks run at once, as desks do.
        for (const round of rounds(steps)) {
          await Promise.all(
            round.map(async (s) => {
              const d = desks[s.desk] as SimulatedDesk;
              if (s.kind === 'create') d.create();
              else if (s.kind === 'edit') d.edit(s.target, s.op);
              else if (s.kind === 'push') await d.push(s.size, s.dropAnswer);
              else if (s.kind === 'retry') await d.retry(s.back, s.size);
              else await d.pull();
            }),
          );
        }
        for (const d of desks) await d.flush();
        for (const d of desks) await d.pull();

        const { db } = suite.database();
        const rows = await db.selectFrom('interactions').select(['id', 'record', 'seq']).execute();
        const server = new Map(rows.map((r) => [r.id, r.record as Interaction]));
        const incidentRows = await db
          .selectFrom('incidents')
          .select(['id', 'record', 'seq'])
          .execute();
        const serverIncidents = new Map(incidentRows.map((r) => [r.id, r.record as Incident]));
        const serverNumbers = new Map([
          ...[...server.values()].map((r) => [r.id, r.number] as const),
          ...[...serverIncidents.values()].map((r) => [r.id, r.number] as const),
        ]);

        // Numbers: unique and without holes, per kind.
        for (const kindRows of [rows, incidentRows]) {
          const seqs = kindRows.map((r) => toNumber(r.seq)).sort((x, y) => x - y);
          expect(seqs).toEqual(seqs.map((_, k) => 1001 + k));
        }

        for (const d of desks) {
          // Every desk's copy is the server's state.
          expect(new Map([...d.view].sort())).toEqual(new Map([...server].sort()));
          expect(new Map([...d.incidents].sort())).toEqual(new Map([...serverIncidents].sort()));
          // Each mutation recorded once, the last id acknowledged, the outbox empty.
          const recorded = await db
            .selectFrom('mutations')
            .select(['mutation_id', 'status'])
            .where('client_id', '=', d.clientId)
            .orderBy('mutation_id')
            .execute();
          expect(recorded.map((r) => toNumber(r.mutation_id))).toEqual(
            d.sent.map((m) => m.mutationId),
          );
          expect(d.acknowledged).toBe(d.sent.length);
          // Its own records are exactly its mutations applied once, in order.
          const expected = expectedRecords(d.sent, serverNumbers);
          expect(
            recorded.filter((r) => r.status === 'refused').map((r) => toNumber(r.mutation_id)),
          ).toEqual(expected.refused);
          for (const [key, record] of expected.records) {
            const onServer = key.startsWith('incident:')
              ? serverIncidents.get(record.id)
              : server.get(record.id);
            // updatedAt is the server's own now (it orders changes), never the desk's.
            expect(onServer).toEqual({ ...record, updatedAt: expect.any(String) as unknown });
          }
        }
        // The shared interaction holds each desk's note once.
        const sharedNotes = (server.get(SHARED_ID)?.workNotes ?? []).map((n) => n.id).sort();
        const sentNotes = desks
          .flatMap((d) => d.sent)
          .flatMap((m) => {
            const args = m.args as { id?: string; noteId?: string };
            return m.name === 'interaction.addWorkNote' && args.id === SHARED_ID && args.noteId
              ? [args.noteId]
              : [];
          })
          .sort();
        expect(sharedNotes).toEqual(sentNotes);
      }),
      { numRuns: suite.backend === 'pglite' ? 25 : 15 },
    );
  }, 240_000);
});
