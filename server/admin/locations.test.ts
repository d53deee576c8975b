// The Locations operations against a real server on PGlite: list and search, create, rename and
// describe, deactivate and back; audited, versioned; refusals change nothing; admins only.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LocationView } from '../../shared/admin/locations';
import { seedDirectory, signIn, testServer, type ApiClient } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { auditRows, callAdmin, directoryVersion, snapshot } from './org-fixtures';

describeOnDatabases('the Locations operations', (suite) => {
  let app: FastifyInstance;
  let admin: ApiClient;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database());
    admin = await signIn(app, 'adam.admin');
  });
  afterEach(() => app.close());

  const call = <T>(name: string, input: unknown) => callAdmin<T>(admin, name, input);
  type One = { location: LocationView };

  it('creates, lists, renames, describes, deactivates and reactivates a location', async () => {
    const database = suite.database();
    const before = await directoryVersion(database);
    const hq = await call<One>('locations.create', {
      name: 'HQ lobby',
      description: 'Ground floor',
    });
    expect(hq.status).toBe(200);
    expect(hq.body.location).toMatchObject({
      name: 'HQ lobby',
      description: 'Ground floor',
      active: true,
    });
    const id = hq.body.location.id;
    await call('locations.create', { name: 'Annex' });

    const list = await call<{ locations: LocationView[] }>('locations.list', {});
    expect(list.body.locations.map((l) => l.name)).toEqual(['Annex', 'HQ lobby']);
    const found = await call<{ locations: LocationView[] }>('locations.list', { q: 'ground' });
    expect(found.body.locations.map((l) => l.id)).toEqual([id]);

    const renamed = await call<One>('locations.update', {
      id,
      name: 'HQ walk-up',
      description: '',
    });
    expect(renamed.body.location).toMatchObject({ name: 'HQ walk-up', description: '' });
    await call('locations.set-active', { id, active: false });
    const active = await call<{ locations: LocationView[] }>('locations.list', {});
    expect(active.body.locations.map((l) => l.name)).toEqual(['Annex']);
    const every = await call<{ locations: LocationView[] }>('locations.list', {
      includeInactive: true,
    });
    expect(every.body.locations.map((l) => [l.name, l.active])).toEqual([
      ['Annex', true],
      ['HQ walk-up', false],
    ]);
    await call('locations.set-active', { id, active: true });

    expect(await directoryVersion(database)).toBe(before + 5);
    const audit = (await auditRows(database)).filter((a) => a.target_id === id);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['location.create', null, { name: 'HQ lobby', description: 'Ground floor' }],
      [
        'location.update',
        { name: 'HQ lobby', description: 'Ground floor' },
        { name: 'HQ walk-up', description: '' },
      ],
      ['location.deactivate', { active: true }, { active: false }],
      ['location.reactivate', { active: false }, { active: true }],
    ]);
    expect(audit[0]).toMatchObject({
      actor_id: 'admin-1',
      target_kind: 'location',
      target_name: 'HQ lobby',
    });
  });

  it('refuses a blank or taken name and an unknown location, changing nothing', async () => {
    await call('locations.create', { name: 'Annex' });
    const database = suite.database();
    const was = await snapshot(database);
    const blank = await call('locations.create', { name: '' });
    expect(blank.status).toBe(400);
    expect(blank.body.error?.fieldErrors?.name).toBe('Enter a name.');
    expect((await call('locations.create', { name: 'Annex', extra: 1 })).status).toBe(400);
    const taken = await call('locations.create', { name: 'ANNEX' });
    expect(taken.status).toBe(409);
    expect(taken.body.error?.message).toBe('There is already a location named ANNEX.');
    expect((await call('locations.update', { id: 'nowhere', name: 'X' })).status).toBe(404);
    expect(await snapshot(database)).toBe(was);
  });

  it('is for admins only', async () => {
    const database = suite.database();
    const was = await snapshot(database);
    const agent = await signIn(app, 'ana.agent');
    expect((await callAdmin(agent, 'locations.create', { name: 'Mine' })).status).toBe(403);
    expect((await callAdmin(agent, 'locations.list', {})).status).toBe(403);
    expect(await snapshot(database)).toBe(was);
  });
});
