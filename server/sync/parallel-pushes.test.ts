// Property (ADR 0007): desks pushing at once — interleaved batches, whole batches sent again, some
// on the same records — while a desk polls: every mutation applied once, numbers without holes,
// every desk's pull converges on the server's state, and no cursor ever steps over a change.

import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { User } from '../../shared/domain/directory';
import type { Interaction } from '../../shared/domain/interaction';
import type { PullResponse, PushedMutation } from '../../shared/sync/protocol';
import type { ServerDatabase } from '../db/open-database';
import { toNumber } from '../db/values';
import { createArgs, DeskOutbox, seedDirectory, smallDirectory } from '../testing/fixtures';
import { describeOnDatabases, resetDatabase } from '../testing/test-databases';
import { pull } from './pull';
import { applyPush } from './push';

/** Interactions every desk may create (the first create makes it, later ones are the same record). */
const SHARED = ['shared-1', 'shared-2', 'shared-3'] as const;

type Op =
  | { kind: 'create-own' }
  | { kind: 'create-shared'; target: number }
  | { kind: 'note'; shared: boolean; target: number }
  | { kind: 'update'; shared: boolean; target: number };

interface Batch {
  ops: Op[];
  /** Sent twice in a row, as after a lost answer. */
  again: boolean;
  /** Sent with the previous batch in front, as after a lost answer found out later. */
  withPrevious: boolean;
}

const target = fc.nat({ max: 5 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'create-own' as const }) },
  fc.record({ kind: fc.constant('create-shared' as const), target }),
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('note' as const), shared: fc.boolean(), target }),
  },
  fc.record({ kind: fc.constant('update' as const), shared: fc.boolean(), target }),
);
const batch: fc.Arbitrary<Batch> = fc.record({
  ops: fc.array(op, { minLength: 1, maxLength: 8 }),
  again: fc.boolean(),
  withPrevious: fc.boolean(),
});
const desks = fc.array(fc.array(batch, { minLength: 1, maxLength: 5 }), {
  minLength: 2,
  maxLength: 6,
});

const AGENTS: User[] = smallDirectory().users.filter((u) => u.roles.includes('agent'));

/** A desk's copy of the server's interactions, folded from pull answers. */
class Replica {
  readonly records = new Map<string, Interaction>();
  cursor: string | null = null;
  lastMutationId = 0;

  /** Pulls until nothing more, as a desk does. */
  async catchUp(database: ServerDatabase, clientId: string): Promise<void> {
    for (;;) {
      const answer: PullResponse = await pull(database.db, { clientId, cursor: this.cursor });
      if (answer.reset) this.records.clear();
      for (const record of answer.interactions) this.records.set(record.id, record);
      this.cursor = answer.cursor;
      this.lastMutationId = answer.lastMutationId;
      if (!answer.more) return;
    }
  }
}

describeOnDatabases('pushes from many desks at once', (suite) => {
  it('applies every mutation once, numbers without holes, and no pull skips a change', async () => {
    await fc.assert(
      fc.asyncProperty(desks, async (scripts) => {
        const database = suite.database();
        await resetDatabase(database);
        await seedDirectory(database);
        const sent: { clientId: string; mutation: PushedMutation }[] = [];

        const runDesk = async (script: Batch[], i: number): Promise<Replica> => {
          const clientId = `desk-${i}`;
          const pusher = AGENTS[i % AGENTS.length] as User;
          const outbox = new DeskOutbox(clientId, pusher.id);
          const replica = new Replica();
          let own = 0;
          let previous: PushedMutation[] = [];
          const ownId = (n: number) => `${clientId}-i${n}`;
          const idOf = (o: { shared: boolean; target: number }) =>
            o.shared || own === 0 ? SHARED[o.target % SHARED.length] : ownId(1 + (o.target % own));
          for (const { ops, again, withPrevious } of script) {
            const mutations = ops.map((o, n) => {
              const made = (() => {
                switch (o.kind) {
                  case 'create-own':
                    return outbox.mutation('interaction.create', createArgs(ownId(++own)));
                  case 'create-shared':
                    return outbox.mutation(
                      'interaction.create',
                      createArgs(SHARED[o.target % SHARED.length] as string),
                    );
                  case 'note':
                    return outbox.mutation('interaction.addWorkNote', {
                      id: idOf(o),
                      noteId: `${clientId}-note-${sent.length}-${n}`,
                      text: `Note from ${clientId}`,
                    });
                  case 'update':
                    return outbox.mutation('interaction.update', {
                      id: idOf(o),
                      changes: { description: `Edited by ${clientId} (${n})` },
                    });
                }
              })();
              sent.push({ clientId, mutation: made });
              return made;
            });
            const last = mutations.at(-1)?.mutationId ?? 0;
            const sends = [
              withPrevious ? [...previous, ...mutations] : mutations,
              ...(again ? [mutations] : []),
            ];
            for (const send of sends) {
              const answer = await applyPush(
                database.db,
                { clientId, mutations: send },
                pusher,
                () => new Date(),
              );
              expect(answer.lastMutationId).toBe(last);
            }
            previous = mutations;
            await replica.catchUp(database, clientId);
          }
          return replica;
        };

        // A desk that only polls, while the others push: what it folds must be the server's state.
        let pushing = true;
        const poller = new Replica();
        const polling = (async () => {
          while (pushing) {
            await poller.catchUp(database, 'desk-poller');
            await new Promise((resolve) => setImmediate(resolve));
          }
        })();
        // Settled, not raced: a failing desk must not leave others pushing into the next run.
        const settled = await Promise.allSettled(scripts.map(runDesk));
        pushing = false;
        await polling;
        const replicas = settled.map((s) => {
          if (s.status === 'rejected') throw s.reason;
          return s.value;
        });
        await polling;
        await poller.catchUp(database, 'desk-poller');
        for (const [i, replica] of replicas.entries()) await replica.catchUp(database, `desk-${i}`);

        const rows = await database.db
          .selectFrom('interactions')
          .select(['id', 'seq', 'number', 'record'])
          .execute();
        const server = new Map(rows.map((r) => [r.id, r.record as Interaction]));

        // Exactly once: one log row per mutation sent, however often it was sent.
        const logged = await database.db
          .selectFrom('mutations')
          .select(['client_id', 'mutation_id', 'name', 'args', 'status'])
          .execute();
        const sentIds = new Set(sent.map((s) => `${s.clientId}/${s.mutation.mutationId}`));
        expect(logged).toHaveLength(sentIds.size);
        // Every applied work note is on its interaction once; a refused one is nowhere.
        const notes = new Map<string, number>();
        for (const record of server.values())
          for (const note of record.workNotes) notes.set(note.id, (notes.get(note.id) ?? 0) + 1);
        for (const row of logged) {
          if (row.name !== 'interaction.addWorkNote') continue;
          const { noteId } = row.args as { noteId: string };
          expect(notes.get(noteId) ?? 0).toBe(row.status === 'applied' ? 1 : 0);
        }
        // Every create is there once, with a number; numbers have no holes and no repeats.
        for (const { mutation } of sent)
          if (mutation.name === 'interaction.create')
            expect(server.has((mutation.args as { id: string }).id)).toBe(true);
        const seqs = rows.map((r) => toNumber(r.seq)).sort((a, b) => a - b);
        expect(seqs).toEqual(seqs.map((_, n) => 1001 + n));
        for (const row of rows) expect((row.record as Interaction).number).toBe(row.number);
        const counter = await sql<{
          last_value: string | number;
        }>`SELECT last_value FROM numbering WHERE kind = 'interaction'`.execute(database.db);
        expect(toNumber(counter.rows[0]?.last_value ?? 0)).toBe(1000 + rows.length);

        // Convergence: every desk, and the desk that polled while they pushed, holds the server's state.
        for (const [i, replica] of replicas.entries()) {
          expect(replica.records).toEqual(server);
          expect(replica.lastMutationId).toBe(
            Math.max(
              0,
              ...sent.filter((s) => s.clientId === `desk-${i}`).map((s) => s.mutation.mutationId),
            ),
          );
        }
        expect(poller.records).toEqual(server);
      }),
      { numRuns: suite.backend === 'postgres' ? 25 : 10 },
    );
  }, 600_000);
});
