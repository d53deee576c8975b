// The Locations operations against a real server on PGlite: list and search, create, rename and
// describe, the walk-up settings, the phone settings (block list in E.164, wrap-up codes),
// deactivate and back; audited, versioned, in the desks' directory feed (never the block list);
// refusals change nothing; admins only.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LocationView } from '../../shared/admin/locations';
import { WALK_UP_DEFAULTS } from '../../shared/domain/walk-up-location';
import type { DirectoryPage } from '../../shared/sync/protocol';
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

  it('starts a location with the walk-up defaults, changes its settings, and the desks receive them', async () => {
    const database = suite.database();
    const created = await call<One>('locations.create', { name: 'Tech Bar' });
    expect(created.body.location).toMatchObject(WALK_UP_DEFAULTS);
    const id = created.body.location.id;
    const before = await directoryVersion(database);
    const settings = {
      reasons: ['Pick up equipment', ' Laptop problem ', 'Printer'],
      vipFirst: false,
      graceMinutes: 5,
      lobbyNames: 'initials',
      waitTargetMinutes: 15,
    };
    const saved = await call<One>('locations.update', { id, ...settings });
    expect(saved.status).toBe(200);
    const expected = {
      id,
      name: 'Tech Bar',
      description: '',
      active: true,
      ...settings,
      reasons: ['Pick up equipment', 'Laptop problem', 'Printer'],
      wrapUpCodes: [],
      blockedNumbers: [],
    };
    expect(saved.body.location).toEqual(expected);
    // Reordered: only the order changes, and the audit says so.
    const reordered = await call<One>('locations.update', {
      id,
      reasons: ['Printer', 'Pick up equipment', 'Laptop problem'],
    });
    expect(reordered.body.location.reasons).toEqual([
      'Printer',
      'Pick up equipment',
      'Laptop problem',
    ]);
    // Saving what it has already changes nothing, not even the version.
    await call<One>('locations.update', { id, graceMinutes: 5 });
    expect(await directoryVersion(database)).toBe(before + 2);

    const audit = (await auditRows(database)).filter(
      (a) => a.target_id === id && a.action === 'location.update',
    );
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [
        {
          reasons: WALK_UP_DEFAULTS.reasons,
          vipFirst: true,
          graceMinutes: 3,
          lobbyNames: 'first-name-last-initial',
          waitTargetMinutes: 10,
        },
        { ...settings, reasons: expected.reasons },
      ],
      [
        { reasons: expected.reasons },
        { reasons: ['Printer', 'Pick up equipment', 'Laptop problem'] },
      ],
    ]);

    const page = await admin.get<DirectoryPage>('/api/v1/directory');
    const { blockedNumbers: _serverOnly, ...onDesks } = expected;
    expect(page.body.locations).toEqual([
      { ...onDesks, reasons: ['Printer', 'Pick up equipment', 'Laptop problem'] },
    ]);
  });

  it('keeps the block list in E.164 and the wrap-up codes in order; the desks get the codes, never the block list', async () => {
    const database = suite.database();
    const id = (await call<One>('locations.create', { name: 'Phones' })).body.location.id;
    const before = await directoryVersion(database);
    const saved = await call<One>('locations.update', {
      id,
      blockedNumbers: ['(202) 555-0143', '+44 20 7946 0958', '+1 202-555-0143', ' 202.555.0199 '],
      wrapUpCodes: [' Password reset ', 'Hardware', 'Advice given'],
    });
    expect(saved.status).toBe(200);
    // Read in the server's region (US here); the same number twice is kept once.
    expect(saved.body.location.blockedNumbers).toEqual([
      '+12025550143',
      '+442079460958',
      '+12025550199',
    ]);
    expect(saved.body.location.wrapUpCodes).toEqual(['Password reset', 'Hardware', 'Advice given']);
    expect(await directoryVersion(database)).toBe(before + 1);

    const audit = (await auditRows(database)).filter(
      (a) => a.target_id === id && a.action === 'location.update',
    );
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [
        { blockedNumbers: [], wrapUpCodes: [] },
        {
          blockedNumbers: ['+12025550143', '+442079460958', '+12025550199'],
          wrapUpCodes: ['Password reset', 'Hardware', 'Advice given'],
        },
      ],
    ]);
    const list = await call<{ locations: LocationView[] }>('locations.list', {});
    expect(list.body.locations[0]?.blockedNumbers).toEqual([
      '+12025550143',
      '+442079460958',
      '+12025550199',
    ]);

    const page = await admin.get<DirectoryPage>('/api/v1/directory');
    const [onDesk] = page.body.locations;
    expect(onDesk?.wrapUpCodes).toEqual(['Password reset', 'Hardware', 'Advice given']);
    expect(onDesk).not.toHaveProperty('blockedNumbers');
    expect(JSON.stringify(page.body)).not.toContain('2025550143');
  });

  it('refuses a number it cannot read and bad wrap-up codes with a clear message, changing nothing', async () => {
    const id = (await call<One>('locations.create', { name: 'Phones' })).body.location.id;
    await call('locations.update', { id, blockedNumbers: ['+44 20 7946 0958'] });
    const database = suite.database();
    const was = await snapshot(database);
    const unreadable = await call('locations.update', {
      id,
      blockedNumbers: ['+1 202 555 0143', 'call me maybe'],
      wrapUpCodes: ['Hardware'],
    });
    expect(unreadable.status).toBe(409);
    expect(unreadable.body.error?.fieldErrors?.blockedNumbers).toBe(
      'call me maybe cannot be read as a phone number. Write it as the phone shows it, with its country code if it is abroad (+44 20 7946 0958).',
    );
    expect((await call('locations.update', { id, blockedNumbers: ['12'] })).status).toBe(409);
    const cases: [Record<string, unknown>, string][] = [
      [{ blockedNumbers: ['  '] }, 'A phone number cannot be blank.'],
      [{ blockedNumbers: '+12025550143' }, 'The block list must be a list of phone numbers.'],
      [
        { wrapUpCodes: ['Hardware', 'HARDWARE'] },
        'Each wrap-up code can be in the list only once.',
      ],
      [{ wrapUpCodes: [''] }, 'A wrap-up code cannot be blank.'],
      [{ wrapUpCodes: ['x'.repeat(61)] }, 'Keep each wrap-up code under 60 characters.'],
    ];
    for (const [input, message] of cases) {
      const reply = await call('locations.update', { id, ...input });
      expect(reply.status, JSON.stringify(input)).toBe(400);
      expect(JSON.stringify(reply.body.error), JSON.stringify(input)).toContain(message);
    }
    expect(await snapshot(database)).toBe(was);
  });

  it('refuses bad walk-up settings with a clear message, changing nothing', async () => {
    const id = (await call<One>('locations.create', { name: 'Annex' })).body.location.id;
    const database = suite.database();
    const was = await snapshot(database);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ reasons: ['Printer', 'printer'] }, 'reasons', 'Each reason can be in the list only once.'],
      [{ reasons: ['Printer', '  '] }, 'reasons', 'A reason cannot be blank.'],
      [{ graceMinutes: -1 }, 'graceMinutes', 'The grace time cannot be negative.'],
      [{ graceMinutes: 2.5 }, 'graceMinutes', 'Enter whole minutes.'],
      [{ waitTargetMinutes: 0 }, 'waitTargetMinutes', 'The wait target is at least 1 minute.'],
    ];
    for (const [input, field, message] of cases) {
      const reply = await call('locations.update', { id, ...input });
      expect(reply.status, JSON.stringify(input)).toBe(400);
      expect(JSON.stringify(reply.body.error), JSON.stringify(input)).toContain(message);
      expect(JSON.stringify(reply.body.error?.fieldErrors ?? {})).toContain(field);
    }
    expect((await call('locations.update', { id, lobbyNames: 'full-name' })).status).toBe(400);
    expect((await call('locations.update', { id })).status).toBe(400);
    expect(await snapshot(database)).toBe(was);
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
