// The administration foundation on a real server: only admins reach an operation, bad input is a
// 400 that changes nothing, the overview counts the directory, and audit and directory writes work.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AdminOverview } from '../../shared/admin/overview';
import type { ApiErrorBody } from '../../shared/sync/server-api';
import { toNumber } from '../db/values';
import { ApiClient, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { changedFields, recordAudit } from './audit-log';
import { writeDirectory } from './directory-write';

describeOnDatabases('the administration foundation', (suite) => {
  let app: FastifyInstance;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
  });
  afterEach(() => app.close());

  it('answers admins only: 401 without a session, 403 for an agent', async () => {
    const anonymous = await new ApiClient(app).post<ApiErrorBody>('/api/v1/admin/overview.get', {});
    expect(anonymous.status).toBe(401);
    const agent = await signIn(app, 'ana.agent');
    const refused = await agent.post<ApiErrorBody>('/api/v1/admin/overview.get', {});
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });

  it('refuses an unknown input field and an unknown operation with clear answers', async () => {
    const admin = await signIn(app, 'adam.admin');
    const bad = await admin.post<ApiErrorBody>('/api/v1/admin/overview.get', { what: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid-input');
    const unknown = await admin.post<ApiErrorBody>('/api/v1/admin/nothing.here', {});
    expect(unknown.status).toBe(404);
  });

  it('counts the organization on the overview', async () => {
    const admin = await signIn(app, 'adam.admin');
    const reply = await admin.post<AdminOverview>('/api/v1/admin/overview.get', {});
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      users: { active: 7, deactivated: 0 },
      agents: { active: 4, disabled: 0 },
      groups: 2,
      configurationItems: { active: 3, retired: 0 },
      catalogItems: { draft: 0, published: 0, retired: 0 },
      locations: 0,
      lastChangeAt: null,
    });
  });

  it('writes the directory under the version lock, one version per change, and pokes once', async () => {
    const { db, pokes } = suite.database();
    const seen: unknown[] = [];
    const stop = pokes.subscribe((poke) => seen.push(poke));
    const before = toNumber(
      (await db.selectFrom('sync_state').select('version').executeTakeFirstOrThrow()).version,
    );
    const at = new Date('2026-12-04T09:00:00.000Z');
    await writeDirectory({ db, pokes }, async (trx, nextVersion) => {
      await trx
        .updateTable('users')
        .set({ active: false, version: nextVersion() })
        .where('id', '=', 'caller-2')
        .execute();
      await trx
        .insertInto('locations')
        .values({ id: 'loc-1', name: 'Walk-up, HQ', version: nextVersion() })
        .execute();
      await recordAudit(trx, {
        at,
        actor: { id: 'admin-1', name: 'Adam Admin' },
        action: 'user.deactivate',
        targetKind: 'user',
        targetId: 'caller-2',
        targetName: 'Cyril Caller',
        ...changedFields({ active: true, passwordHash: 'x' }, { active: false, passwordHash: 'y' }),
      });
    });
    // Nothing changed, nothing numbered, nobody poked.
    await writeDirectory({ db, pokes }, () => Promise.resolve(undefined));
    // A PostgreSQL poke bus delivers through LISTEN/NOTIFY: a moment later.
    await vi.waitFor(() => expect(seen).toEqual([{ topic: 'directory' }]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual([{ topic: 'directory' }]);
    stop();
    const after = toNumber(
      (await db.selectFrom('sync_state').select('version').executeTakeFirstOrThrow()).version,
    );
    expect(after).toBe(before + 2);
    const audit = await db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_name: 'Adam Admin',
      action: 'user.deactivate',
      before: { active: true },
      after: { active: false },
    });

    const admin = await signIn(app, 'adam.admin');
    const overview = await admin.post<AdminOverview>('/api/v1/admin/overview.get', {});
    expect(overview.body.users).toEqual({ active: 6, deactivated: 1 });
    expect(overview.body.locations).toBe(1);
    expect(overview.body.lastChangeAt).toBe(at.toISOString());
  });

  it('rolls a failed directory write back whole, its versions too', async () => {
    const { db, pokes } = suite.database();
    const version = async () =>
      toNumber(
        (await db.selectFrom('sync_state').select('version').executeTakeFirstOrThrow()).version,
      );
    const before = await version();
    await expect(
      writeDirectory({ db, pokes }, async (trx, nextVersion) => {
        await trx
          .insertInto('locations')
          .values({ id: 'loc-1', name: 'Walk-up, HQ', version: nextVersion() })
          .execute();
        throw new Error('half way');
      }),
    ).rejects.toThrow('half way');
    expect(await version()).toBe(before);
    expect(await db.selectFrom('locations').selectAll().execute()).toEqual([]);
  });
});
