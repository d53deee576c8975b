// A desk's pull by its sync scope through the real server (ADR 0020): older closed and other groups'
// work stays out; an agent added to a group gets that group's open work on the next pull, the
// cursor going on from there with no gap and no repeat; a desk signed in by another agent too.

import { expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { callAdmin } from '../admin/org-fixtures';
import {
  createArgs,
  DeskOutbox,
  FIXTURE_NOW,
  seedDirectory,
  signIn,
  testServer,
  type ApiClient,
} from '../testing/fixtures';
import type { ServerDatabase } from '../db/open-database';
import { describeOnDatabases } from '../testing/test-databases';
import { pull } from './pull';
import { incidentArgs, takenInteraction } from './task-fixtures';
import { writeScopeSettings } from './scope-settings';

const DAY_MS = 86_400_000;
const ids = (answer: PullResponse) => answer.interactions.map((r) => r.id).sort();

describeOnDatabases('pulling by the desk’s sync scope', (suite) => {
  it('brings a group’s open work to an agent added to it, and goes on from there', async () => {
    const database = suite.database();
    // N = 1 day, and the server's clock moves on three days after the work was logged.
    const { app, clock, moveOn } = await oneDayScopeServer(database);
    try {
      const bo = await signIn(app, 'bo.agent');
      const boDesk = new DeskOutbox('desk-b', 'agent-2');
      const at = new Date(Date.parse(FIXTURE_NOW) - DAY_MS / 2).toISOString();
      const logged = await bo.post<PushResponse>(
        '/api/v1/sync/push',
        boDesk.push([
          ...['i-net-1', 'i-net-2', 'i-net-3'].map((id) =>
            boDesk.mutation(
              'interaction.create',
              createArgs(id, { assignmentGroup: 'grp-net' }),
              at,
            ),
          ),
          boDesk.mutation('interaction.create', createArgs('i-desk'), at),
          boDesk.mutation('interaction.create', createArgs('i-bo', { assignmentGroup: null }), at),
          boDesk.mutation('interaction.create', createArgs('i-done'), at),
          boDesk.mutation('interaction.close', { id: 'i-done', state: 'Closed Complete' }, at),
        ]),
      );
      expect(logged.body.refused).toEqual([]);

      // Just logged: the last day's work is everyone's recent history.
      const ana = await signIn(app, 'ana.agent');
      const fresh = await pullOver(ana, 'desk-a', null);
      expect(ids(fresh)).toEqual(['i-bo', 'i-desk', 'i-done', 'i-net-1', 'i-net-2', 'i-net-3']);

      moveOn(3 * DAY_MS);
      // A new desk three days on: only Ana's group's open work (grp-desk).
      const first = await pullOver(ana, 'desk-a2', null);
      expect(ids(first)).toEqual(['i-desk']);
      const anaDesk = new DeskOutbox('desk-a2');
      const own = await ana.post<PushResponse>(
        '/api/v1/sync/push',
        anaDesk.push([
          anaDesk.mutation('interaction.create', createArgs('i-ana', { assignmentGroup: null })),
        ]),
      );
      expect(own.body.refused).toEqual([]);
      const mine = await pullOver(ana, 'desk-a2', first.cursor);
      expect(ids(mine)).toEqual(['i-ana']);
      expect(await pullOver(ana, 'desk-a2', mine.cursor)).toMatchObject({ interactions: [] });

      // An administrator adds Ana to Network: the next pull brings Network's open work.
      const admin = await signIn(app, 'adam.admin');
      const added = await callAdmin(admin, 'groups.add-member', {
        groupId: 'grp-net',
        userId: 'agent-1',
      });
      expect(added.status).toBe(200);
      const backfill = await pullOver(ana, 'desk-a2', mine.cursor);
      expect(ids(backfill)).toEqual(['i-ana', 'i-desk', 'i-net-1', 'i-net-2', 'i-net-3']);
      // It says so: a desk that takes snapshots takes one instead (one from before ignores it).
      expect(backfill).toMatchObject({
        more: false,
        reset: false,
        lastMutationId: 1,
        rescoped: true,
      });
      // Then only what changes: nothing, and then Bo's note on one of them.
      const quiet = await pullOver(ana, 'desk-a2', backfill.cursor);
      expect(quiet.interactions).toEqual([]);
      expect(quiet.rescoped).toBeUndefined();
      const noted = await bo.post<PushResponse>('/api/v1/sync/push', {
        clientId: 'desk-b',
        mutations: [
          {
            ...boDesk.mutation('interaction.addWorkNote', {
              id: 'i-net-2',
              noteId: 'n-1',
              text: 'Still down',
            }),
            at: clock().toISOString(),
          },
        ],
      });
      expect(noted.body.refused).toEqual([]);
      expect(ids(await pullOver(ana, 'desk-a2', quiet.cursor))).toEqual(['i-net-2']);

      // Tess (a technician of Network) signs in at Ana's desk: its cursor names Ana's scope, so
      // Tess's comes whole — Network's open work, not Ana's recent history nor Service Desk's.
      const tess = await signIn(app, 'tess.tech');
      const atAnasDesk = await pullOver(tess, 'desk-a2', quiet.cursor);
      expect(ids(atAnasDesk)).toEqual(['i-net-1', 'i-net-2', 'i-net-3']);

      // A desk starting over after a restore asks for everything, to tell what the server lost;
      // its cursor then names no scope, and the scoped pulls after it go on without a restart.
      const whole = await ana.post<PullResponse>('/api/v1/sync/pull', {
        clientId: 'desk-a3',
        cursor: null,
        unscoped: true,
      });
      expect(ids(whole.body)).toEqual([
        'i-ana',
        'i-bo',
        'i-desk',
        'i-done',
        'i-net-1',
        'i-net-2',
        'i-net-3',
      ]);
      expect(await pullOver(ana, 'desk-a3', whole.body.cursor)).toMatchObject({
        interactions: [],
      });

      // Page by page (one row a page), each once, with the cursor moving as for any pull.
      const desk = { agentId: 'agent-1', groupIds: ['grp-desk', 'grp-net'], recentDays: 1 };
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 20; page++) {
        const answer = await pull(database.db, { clientId: 'desk-p', cursor }, 1, {
          kind: 'everything',
          desk: { ...desk, now: clock() },
        });
        seen.push(...answer.interactions.map((r) => r.id));
        cursor = answer.cursor;
        if (!answer.more) break;
      }
      expect([...seen].sort()).toEqual(['i-ana', 'i-desk', 'i-net-1', 'i-net-2', 'i-net-3']);
      expect(new Set(seen).size).toBe(seen.length);
    } finally {
      await app.close();
    }
  });

  it('sends an old record that a change brings into the scope by its link, once, though it did not change', async () => {
    const database = suite.database();
    const { app, clock, moveOn } = await oneDayScopeServer(database);
    try {
      // Ana logs a call, escalates it, and both are closed: work of long ago, soon out of scope.
      const ana = await signIn(app, 'ana.agent');
      const old = new DeskOutbox('desk-a');
      const at = new Date(Date.parse(FIXTURE_NOW) - DAY_MS / 2).toISOString();
      const logged = await ana.post<PushResponse>(
        '/api/v1/sync/push',
        old.push(
          (
            [
              ['interaction.create', takenInteraction('i-old')],
              [
                'incident.createFromInteraction',
                incidentArgs('inc-old', 'i-old', { assignmentGroup: 'grp-desk' }),
              ],
              ['interaction.close', { id: 'i-old', state: 'Closed Complete' }],
              [
                'incident.resolve',
                { id: 'inc-old', resolutionCode: 'Solution provided', resolutionNotes: 'Fuser.' },
              ],
              ['incident.close', { id: 'inc-old' }],
            ] as const
          ).map(([name, args]) => old.mutation(name, args, at)),
        ),
      );
      expect(logged.body.refused).toEqual([]);

      moveOn(3 * DAY_MS);
      const fresh = await pullOver(ana, 'desk-a2', null);
      expect(ids(fresh)).toEqual([]);
      expect(fresh.incidents).toEqual([]);

      // Bo notes the closed incident today: it is recent again, and its interaction is in the
      // scope by its link — though only the incident changed.
      const bo = await signIn(app, 'bo.agent');
      const boDesk = new DeskOutbox('desk-b', 'agent-2');
      const noted = await bo.post<PushResponse>(
        '/api/v1/sync/push',
        boDesk.push([
          {
            ...boDesk.mutation('incident.addWorkNote', {
              id: 'inc-old',
              noteId: 'n-late',
              text: 'The caller asked for the invoice of the fuser.',
            }),
            at: clock().toISOString(),
          },
        ]),
      );
      expect(noted.body.refused).toEqual([]);
      const next = await pullOver(ana, 'desk-a2', fresh.cursor);
      expect(next.incidents.map((r) => r.id)).toEqual(['inc-old']);
      expect(next.interactions).toEqual([
        expect.objectContaining({ id: 'i-old', state: 'Closed Complete' }),
      ]);
      // Once: the next pull has nothing, and a desk from the start has each record once.
      const quiet = await pullOver(ana, 'desk-a2', next.cursor);
      expect([...quiet.interactions, ...quiet.incidents]).toEqual([]);
      const whole = await pullOver(ana, 'desk-a3', null);
      expect(ids(whole)).toEqual(['i-old']);
      expect(whole.incidents.map((r) => r.id)).toEqual(['inc-old']);
    } finally {
      await app.close();
    }
  });
});

/**
 * A desk server on the seeded directory whose administrator set N to 1 day, with a clock that
 * runs from the fixtures' now and moves on when told.
 */
async function oneDayScopeServer(database: ServerDatabase) {
  await seedDirectory(database);
  await database.db
    .transaction()
    .execute((trx) => writeScopeSettings(trx, { recentDays: 1, ceilingMb: 200 }));
  let offset = 0;
  const start = Date.now();
  const clock = () => new Date(Date.parse(FIXTURE_NOW) + (Date.now() - start) + offset);
  const app = await testServer(database, { now: clock });
  return {
    app,
    clock,
    moveOn: (ms: number) => {
      offset = ms;
    },
  };
}

async function pullOver(
  client: ApiClient,
  clientId: string,
  cursor: string | null,
): Promise<PullResponse> {
  const reply = await client.post<PullResponse>('/api/v1/sync/pull', { clientId, cursor });
  expect(reply.status).toBe(200);
  return reply.body;
}
