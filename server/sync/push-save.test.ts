// The desk server applies interaction.save as the desk does: the first save creates the
// interaction with its real number and work note, a later one writes only the fields it names
// (another desk's edit stays), and the same save again, as a new mutation, changes nothing.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import {
  type ApiClient,
  createArgs,
  DeskOutbox,
  seedDirectory,
  signIn,
  testServer,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

describeOnDatabases('pushing interaction.save', (suite) => {
  let app: FastifyInstance;
  let desk: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    desk = await signIn(app);
  });
  afterEach(() => app.close());

  const interactions = async (clientId: string) =>
    (await desk.post<PullResponse>('/api/v1/sync/pull', { clientId, cursor: null })).body
      .interactions;

  it('creates, then updates what it names and appends the note; the same save again is nothing', async () => {
    const a = new DeskOutbox('desk-a');
    const b = new DeskOutbox('desk-b');
    // Assigned to a member of its group: the server loaded the group the save names.
    const first = {
      ...createArgs('i-1', { assignedTo: 'agent-2' }),
      noteId: 'n-1',
      workNote: 'Cleared the jam',
    };
    const reply = await desk.post<PushResponse>(
      '/api/v1/sync/push',
      a.push([a.mutation('interaction.save', first)]),
    );
    expect(reply.body).toEqual({ lastMutationId: 1, refused: [] });
    expect(await interactions('desk-a')).toEqual([
      expect.objectContaining({
        id: 'i-1',
        number: 'IMS0001001',
        numberProvisional: false,
        assignedTo: 'agent-2',
        state: 'Work in Progress',
        workNotes: [expect.objectContaining({ id: 'n-1', text: 'Cleared the jam' })],
      }),
    ]);

    // Another desk edits the description; this desk then saves its short description only.
    await desk.post(
      '/api/v1/sync/push',
      b.push([b.mutation('interaction.update', { id: 'i-1', changes: { description: 'From B' } })]),
    );
    const second = {
      ...createArgs('i-1', { assignedTo: 'agent-2', shortDescription: 'Printer jams again' }),
      changed: ['shortDescription'],
      noteId: 'n-2',
      workNote: 'Ordered a fuser',
    };
    await desk.post(
      '/api/v1/sync/push',
      a.push([a.mutation('interaction.save', second), a.mutation('interaction.save', second)]),
    );
    const [record] = await interactions('desk-a');
    expect(record).toMatchObject({
      number: 'IMS0001001',
      shortDescription: 'Printer jams again',
      description: 'From B',
    });
    expect(record?.workNotes.map((n) => n.id)).toEqual(['n-1', 'n-2']);
    // The directory facts the save names were loaded: the note's author has a name.
    expect(record?.workNotes[1]).toMatchObject({ authorName: 'Ana Agent' });
  });

  it('refuses a save whose Assigned to is not in its group, and keeps nothing of it', async () => {
    const a = new DeskOutbox('desk-a');
    const reply = await desk.post<PushResponse>(
      '/api/v1/sync/push',
      a.push([a.mutation('interaction.save', createArgs('i-1', { assignedTo: 'caller-1' }))]),
    );
    expect(reply.body.refused).toEqual([
      { mutationId: 1, reason: expect.objectContaining({ code: 'rule' }) as unknown },
    ]);
    expect(await interactions('desk-a')).toEqual([]);
  });
});
