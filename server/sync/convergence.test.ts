// Property: whatever the interleaving of creates, edits, pushes (with lost answers), retried
// batches and pulls from several desks, every mutation is applied exactly once, in its desk's
// order, numbers are unique, and every desk ends with the server's state.

import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  addWorkNote,
  closeInteraction,
  createInteraction,
  updateInteraction,
  type DirectoryRules,
  type Interaction,
} from '../../shared/domain/interaction';
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

const DESKS = [
  { clientId: 'desk-a', actorId: 'agent-1' },
  { clientId: 'desk-b', actorId: 'agent-2' },
  { clientId: 'desk-c', actorId: 'agent-1' },
] as const;
const SHARED_ID = 'shared';

type Step =
  | { kind: 'create'; desk: number }
  | {
      kind: 'edit';
      desk: number;
      target: number;
      op: 'update' | 'assign' | 'note' | 'shared-note' | 'close' | 'abandon';
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
    op: fc.constantFrom(
      'update' as const,
      'assign' as const,
      'note' as const,
      'shared-note' as const,
      'close' as const,
      'abandon' as const,
    ),
  }),
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
  readonly created: string[] = [];
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
    this.created.push(id);
    this.record('interaction.create', createArgs(id));
  }

  edit(target: number, op: Extract<Step, { kind: 'edit' }>['op']): void {
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
      if (reply.body.reset) this.view.clear();
      for (const record of reply.body.interactions) this.view.set(record.id, record);
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

/** The same desk's mutations applied once, in order, with the shared mutators: what the server must hold. */
function expectedRecords(mutations: readonly PushedMutation[]): {
  records: Map<string, Interaction>;
  refused: number[];
} {
  const records = new Map<string, Interaction>();
  const refused: number[] = [];
  for (const m of mutations) {
    const parsed = parsePushedMutation(m);
    if (!parsed.ok) throw new Error('the simulation made an unreadable mutation');
    const ctx = { now: m.at, actorId: m.actorId, directory: rules };
    const { name, args } = parsed.value;
    if (args.id === SHARED_ID) continue;
    const current = records.get(args.id);
    const result =
      name === 'interaction.create'
        ? current
          ? { ok: true as const, value: current }
          : createInteraction(args, 'provisional', false, ctx)
        : !current
          ? null
          : name === 'interaction.update'
            ? updateInteraction(current, args.changes, ctx)
            : name === 'interaction.addWorkNote'
              ? addWorkNote(current, args, ctx)
              : closeInteraction(current, args, ctx);
    if (result?.ok) records.set(args.id, result.value);
    else refused.push(m.mutationId);
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

const withoutNumber = ({ number: _n, numberProvisional: _p, ...rest }: Interaction) => rest;

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

        // Numbers: unique and without holes.
        const seqs = rows.map((r) => toNumber(r.seq)).sort((x, y) => x - y);
        expect(seqs).toEqual(seqs.map((_, k) => 1001 + k));

        for (const d of desks) {
          // Every desk's copy is the server's state.
          expect(new Map([...d.view].sort())).toEqual(new Map([...server].sort()));
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
          // Its own interactions are exactly its mutations applied once, in order.
          const expected = expectedRecords(d.sent);
          expect(
            recorded.filter((r) => r.status === 'refused').map((r) => toNumber(r.mutation_id)),
          ).toEqual(expected.refused);
          for (const [id, record] of expected.records) {
            const onServer = server.get(id);
            expect(onServer && withoutNumber(onServer)).toEqual(withoutNumber(record));
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
