// A technician's pull: only the records it works or opened, page after page with no gap and no repeat
// (the scope drops rows, the cursor moves as it does for everyone); other desks' interactions stay out.

import { expect, it } from 'vitest';
import type { PushResponse } from '../../shared/sync/protocol';
import { DeskOutbox, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { pull, type PullScope } from './pull';
import { incidentArgs, takenInteraction } from './task-fixtures';

describeOnDatabases('pulling within a scope', (suite) => {
  it('pages through what the technician works, each once, without the desk’s interactions', async () => {
    await seedDirectory(suite.database());
    const app = await testServer(suite.database());
    try {
      const desk = await signIn(app);
      const outbox = new DeskOutbox('desk-a');
      const mutations = [];
      for (let i = 1; i <= 6; i++) {
        mutations.push(outbox.mutation('interaction.create', takenInteraction(`i-${i}`)));
        const group = i % 2 === 0 ? 'grp-net' : 'grp-desk';
        mutations.push(
          outbox.mutation(
            'incident.createFromInteraction',
            incidentArgs(`inc-${i}`, `i-${i}`, { assignmentGroup: group }),
          ),
        );
      }
      const pushed = await desk.post<PushResponse>('/api/v1/sync/push', outbox.push(mutations));
      expect(pushed.body.refused).toEqual([]);

      const scope: PullScope = { kind: 'worked', userId: 'tech-1', groupIds: ['grp-net'] };
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 10; page++) {
        const answer = await pull(suite.database().db, { clientId: 'desk-t', cursor }, 1, scope);
        expect(answer.interactions).toEqual([]);
        seen.push(...answer.incidents.map((r) => r.id));
        cursor = answer.cursor;
        if (!answer.more) break;
      }
      expect(seen).toEqual(['inc-2', 'inc-4', 'inc-6']);
      // A later change in scope is found from that cursor; one out of scope is not.
      const more = new DeskOutbox('desk-a');
      const later = await desk.post<PushResponse>('/api/v1/sync/push', {
        clientId: 'desk-a',
        mutations: [
          {
            ...more.mutation('incident.update', { id: 'inc-1', changes: { urgency: 1 } }),
            mutationId: 13,
          },
          {
            ...more.mutation('incident.update', { id: 'inc-2', changes: { urgency: 1 } }),
            mutationId: 14,
          },
        ],
      });
      expect(later.body.refused).toEqual([]);
      const next = await pull(suite.database().db, { clientId: 'desk-t', cursor }, 10, scope);
      expect(next.incidents.map((r) => r.id)).toEqual(['inc-2']);

      // An interaction the technician logs itself comes back to it, with its real number.
      const tess = await signIn(app, 'tess.tech');
      const own = new DeskOutbox('desk-t', 'tech-1');
      const logged = await tess.post<PushResponse>(
        '/api/v1/sync/push',
        own.push([own.mutation('interaction.create', takenInteraction('i-tess'))]),
      );
      expect(logged.body.refused).toEqual([]);
      const mine = await pull(
        suite.database().db,
        { clientId: 'desk-t', cursor: next.cursor },
        10,
        scope,
      );
      expect(mine.interactions.map((r) => [r.id, r.number])).toEqual([['i-tess', 'IMS0001007']]);
    } finally {
      await app.close();
    }
  });
});
