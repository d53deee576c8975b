// Every cell of the permission matrix on the server's push: each command × each role (× assignee,
// group member, neither), generated from the registry. Allowed runs apply; refused ones change nothing.

import { expect, it } from 'vitest';
import { generateCatalog } from '../../shared/demo/catalog-generator';
import { ROLES } from '../../shared/commands/permission';
import { caseTitle, permissionCases } from '../../shared/commands/testing/permission-cells';
import {
  CELLS_GROUP,
  cellsDirectory,
  SCENE_SETTER,
  sceneOf,
  type CaseScene,
} from '../../shared/commands/testing/permission-scenes';
import { seedPublishedArticle } from '../testing/knowledge-fixtures';
import type { PushResponse } from '../../shared/sync/protocol';
import { toNumber } from '../db/values';
import { upsertCalls } from '../phone/call-store';
import { type ApiClient, DeskOutbox, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { seedCatalog } from './task-fixtures';

const TABLE = {
  interaction: 'interactions',
  incident: 'incidents',
  request: 'requests',
  visit: 'visits',
  call: 'calls',
} as const;

describeOnDatabases('the permission matrix on push', (suite) => {
  it('allows and refuses every cell as the matrix states', async () => {
    const database = suite.database();
    await seedDirectory(database, cellsDirectory(ROLES));
    await seedCatalog(database, generateCatalog());
    await seedPublishedArticle(database.db, 'kb-1', 'Printer shows offline');
    const app = await testServer(database);
    try {
      const desks = new Map<string, { client: ApiClient; outbox: DeskOutbox }>();
      const deskOf = async (userId: string) => {
        const known = desks.get(userId);
        if (known) return known;
        const desk = {
          client: await signIn(app, userId),
          outbox: new DeskOutbox(`desk-${userId}`, userId),
        };
        desks.set(userId, desk);
        return desk;
      };
      const push = async (userId: string, steps: readonly { name: string; input: unknown }[]) => {
        const { client, outbox } = await deskOf(userId);
        return client.post<PushResponse>(
          '/api/v1/sync/push',
          outbox.push(steps.map((s) => outbox.mutation(s.name, s.input))),
        );
      };
      const version = async (ref: CaseScene['target']) => {
        if (ref.kind === 'article') {
          const rated = await database.db
            .selectFrom('knowledge_ratings')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .where('article_id', '=', ref.id)
            .executeTakeFirstOrThrow();
          return toNumber(rated.n);
        }
        const row = await database.db
          .selectFrom(TABLE[ref.kind])
          .select('version')
          .where('id', '=', ref.id)
          .executeTakeFirst();
        return row ? toNumber(row.version) : null;
      };

      const cases = permissionCases().map((c, i) => ({ c, scene: sceneOf(c, i) }));
      // The calls the phone system announced (the server makes them, never a push).
      const calls = cases.flatMap(({ scene }) =>
        scene.records.flatMap((r) => (r.kind === 'call' ? [r.record] : [])),
      );
      await database.db.transaction().execute((trx) =>
        upsertCalls(
          trx,
          calls.map((record, i) => ({ record, seq: 1_000_001 + i })),
          'fail',
        ),
      );
      // Every scene first, while the assignees are still members of the group they were given…
      for (const { c, scene } of cases) {
        if (scene.steps.length === 0) continue;
        const set = await push(SCENE_SETTER, scene.steps);
        expect(set.body.refused, `scene of ${caseTitle(c)}`).toEqual([]);
      }
      // …then they leave it: an assignee is tried as the assignee alone.
      await database.db
        .deleteFrom('group_members')
        .where('group_id', '=', CELLS_GROUP)
        .where('user_id', 'like', '%-assignee')
        .execute();

      const wrong: string[] = [];
      for (const { c, scene } of cases) {
        const before = await version(scene.target);
        const reply = await push(scene.actorId, [scene.run]);
        const after = await version(scene.target);
        const refusal = reply.status === 200 ? reply.body.refused[0]?.reason : undefined;
        const outcome =
          reply.status === 403
            ? 'refused (403)'
            : refusal?.code === 'not-permitted'
              ? 'refused'
              : refusal
                ? `refused by its rules: ${refusal.message}`
                : 'allowed';
        // Kiosk and lobby accounts do not sync at all: the kiosk's allowed cells (check-in, the
        // survey) go through the kiosk's own routes (server/walk-up), never through push.
        const syncs = !['kiosk', 'lobby'].includes(c.role);
        const expected =
          c.allowed && syncs ? 'allowed' : outcome.startsWith('refused (') ? outcome : 'refused';
        if (outcome !== expected) wrong.push(`${caseTitle(c)} — but ${outcome}`);
        // Desk roles get a per-mutation refusal.
        if ((!c.allowed || !syncs) && !syncs !== (reply.status === 403))
          wrong.push(`${caseTitle(c)} — answered ${reply.status}`);
        if ((!c.allowed || !syncs) && after !== before)
          wrong.push(`${caseTitle(c)} — but the record changed`);
        if (c.allowed && syncs && after === before)
          wrong.push(`${caseTitle(c)} — but the record did not change`);
      }
      expect(wrong).toEqual([]);
      expect(cases.length).toBeGreaterThan(100);
    } finally {
      await app.close();
    }
  }, 300_000);
});
