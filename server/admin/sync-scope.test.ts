// The sync scope's settings in Administration against a real server: read, refused with a clear
// message when out of bounds (nothing changes), saved audited, and carried by every desk's pull.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/sync/protocol';
import { seedDirectory, signIn, testServer, type ApiClient } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { auditRows, callAdmin } from './org-fixtures';

describeOnDatabases('the sync scope settings', (suite) => {
  let app: FastifyInstance;
  let admin: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    admin = await signIn(app, 'adam.admin');
  });
  afterEach(() => app.close());

  const pulled = async (client: ApiClient) =>
    (await client.post<PullResponse>('/api/v1/sync/pull', { clientId: 'desk-s', cursor: null }))
      .body;

  it('are 30 days and 200 MB until saved, refuse what is out of bounds, and reach every desk', async () => {
    expect((await callAdmin(admin, 'sync-scope.get', {})).body).toEqual({
      recentDays: 30,
      ceilingMb: 200,
    });
    const ana = await signIn(app, 'ana.agent');
    expect((await pulled(ana)).scope).toEqual({ recentDays: 30, ceilingMb: 200 });

    for (const [input, field, message] of [
      [{ recentDays: 0, ceilingMb: 200 }, 'recentDays', 'Recent days must be at least 1.'],
      [{ recentDays: 3651, ceilingMb: 200 }, 'recentDays', 'at most 3650'],
      [{ recentDays: 7.5, ceilingMb: 200 }, 'recentDays', 'whole number'],
      [{ recentDays: 30, ceilingMb: 10 }, 'ceilingMb', 'at least 50 MB'],
      [{ recentDays: 30, ceilingMb: 99_999 }, 'ceilingMb', 'at most 20000 MB'],
    ] as const) {
      const refused = await callAdmin(admin, 'sync-scope.save', input);
      expect(refused.status).toBe(400);
      expect(refused.body.error?.fieldErrors?.[field]).toContain(message);
    }
    expect(
      (await callAdmin(ana, 'sync-scope.save', { recentDays: 7, ceilingMb: 100 })).status,
    ).toBe(403);
    expect((await callAdmin(admin, 'sync-scope.get', {})).body).toMatchObject({ recentDays: 30 });
    expect(await auditRows(suite.database())).toEqual([]);

    const saved = await callAdmin(admin, 'sync-scope.save', { recentDays: 7, ceilingMb: 100 });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ recentDays: 7, ceilingMb: 100 });
    expect(await auditRows(suite.database())).toMatchObject([
      {
        action: 'sync-scope.update',
        target_kind: 'sync-scope',
        before: { recentDays: 30, ceilingMb: 200 },
        after: { recentDays: 7, ceilingMb: 100 },
      },
    ]);
    const answer = await pulled(ana);
    expect(answer.scope).toEqual({ recentDays: 7, ceilingMb: 100 });
    // The cursor names the scope the pull chose by, N included (desk-scope.ts).
    expect(answer.cursor).toMatch(/~[A-Za-z0-9_-]{8}\.7$/);
  });
});
