// The security suite for who may do what (issue 10, holes 1 and 6) on buildServer listening on
// 127.0.0.1: a state change by an agent who does not work the incident, and what a technician pulls.

import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { incidentArgs, takenInteraction } from '../sync/task-fixtures';
import {
  DeskOutbox,
  seedDirectory,
  smallDirectory,
  TEST_PASSWORD,
  testServer,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

describeOnDatabases('who may do what, on a listening server', (suite) => {
  let app: FastifyInstance | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  const start = async (): Promise<string> => {
    const directory = smallDirectory();
    const ana = directory.users[0];
    if (!ana) throw new Error('the small directory has no agent');
    directory.users.push({ ...ana, id: 'kiosk-1', userName: 'kiosk.lobby', roles: ['kiosk'] });
    await seedDirectory(suite.database(), directory);
    app = await testServer(suite.database());
    return app.listen({ port: 0, host: '127.0.0.1' });
  };

  const as = async (url: string, userName: string) => {
    const signIn = await fetch(`${url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userName, password: TEST_PASSWORD }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const post = async <T>(path: string, body: unknown) => {
      const reply = await fetch(`${url}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return { status: reply.status, body: (await reply.json()) as T };
    };
    return { post };
  };

  const resolve = { id: 'inc-1', resolutionCode: 'Solution provided', resolutionNotes: 'Done.' };

  it('hole 1: an agent who is not the assignee nor in its group cannot resolve an incident', async () => {
    const url = await start();
    const ana = await as(url, 'ana.agent');
    const desk = new DeskOutbox('desk-ana', 'agent-1');
    // Network's incident (tech-1's group); Ana is on the Service Desk.
    const made = await ana.post<PushResponse>(
      '/sync/push',
      desk.push([
        desk.mutation('interaction.create', takenInteraction('i-1')),
        desk.mutation('incident.createFromInteraction', incidentArgs('inc-1', 'i-1')),
      ]),
    );
    expect(made.body.refused).toEqual([]);

    const refused = await ana.post<PushResponse>(
      '/sync/push',
      desk.push([desk.mutation('incident.resolve', resolve)]),
    );
    expect(refused.status).toBe(200);
    expect(refused.body.refused).toEqual([
      {
        mutationId: 3,
        reason: {
          code: 'not-permitted',
          message: 'Only members of Network, technicians and admins may resolve INC0001001.',
        },
      },
    ]);
    const pulled = await ana.post<PullResponse>('/sync/pull', { clientId: 'desk-x', cursor: null });
    expect(pulled.body.incidents[0]).toMatchObject({ id: 'inc-1', state: 'New', resolvedBy: null });
    // The refusal waits for the desk with its data, as every refusal does.
    const log = await suite
      .database()
      .db.selectFrom('mutations')
      .select(['status', 'args'])
      .where('client_id', '=', 'desk-ana')
      .where('mutation_id', '=', 3)
      .executeTakeFirst();
    expect(log).toMatchObject({ status: 'refused', args: resolve });

    // The technician of the group may; so may an admin, who now gives something extra.
    const tess = await as(url, 'tess.tech');
    const tech = new DeskOutbox('desk-tess', 'tech-1');
    const done = await tess.post<PushResponse>(
      '/sync/push',
      tech.push([tech.mutation('incident.resolve', resolve)]),
    );
    expect(done.body.refused).toEqual([]);
  });

  it('hole 6: a technician pulls only the incidents it works and no interactions; kiosk nothing', async () => {
    const url = await start();
    const ana = await as(url, 'ana.agent');
    const desk = new DeskOutbox('desk-ana', 'agent-1');
    await ana.post<PushResponse>(
      '/sync/push',
      desk.push([
        desk.mutation('interaction.create', takenInteraction('i-1')),
        desk.mutation('incident.createFromInteraction', incidentArgs('inc-net', 'i-1')),
        desk.mutation('interaction.create', takenInteraction('i-2')),
        desk.mutation(
          'incident.createFromInteraction',
          incidentArgs('inc-desk', 'i-2', { assignmentGroup: 'grp-desk' }),
        ),
      ]),
    );

    const tess = await as(url, 'tess.tech');
    const pulled = await tess.post<PullResponse>('/sync/pull', {
      clientId: 'desk-tess',
      cursor: null,
    });
    expect(pulled.status).toBe(200);
    expect(pulled.body.interactions).toEqual([]);
    expect(pulled.body.incidents.map((i) => i.id)).toEqual(['inc-net']);
    expect(pulled.body.more).toBe(false);

    // The read API stays closed to technicians, and kiosk accounts neither pull nor push.
    const kiosk = await as(url, 'kiosk.lobby');
    expect((await kiosk.post('/sync/pull', { clientId: 'kiosk', cursor: null })).status).toBe(403);
    const anyPush = new DeskOutbox('kiosk', 'kiosk-1');
    expect(
      (
        await kiosk.post(
          '/sync/push',
          anyPush.push([anyPush.mutation('interaction.create', takenInteraction('i-3'))]),
        )
      ).status,
    ).toBe(403);
  });
});
