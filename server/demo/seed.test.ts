// The demo seed: a deterministic directory with accounts that sign in, the catalog and the walk-up
// locations in the directory feed, numbered demo incidents with the printer example first, badge
// numbers and finished visits, seeded once.

import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { generateCatalog } from '../../shared/demo/catalog-generator';
import { DEMO_AGENT_USER_NAME, SERVICE_DESK_GROUP_ID } from '../../shared/demo/directory-generator';
import {
  DEMO_PRINTER_EXAMPLE,
  findPrinterScenario,
  generateIncidents,
} from '../../shared/demo/incident-generator';
import { ComponentIncidentIndex } from '../../shared/domain/component-search';
import { Call } from '../../shared/domain/call';
import { Incident } from '../../shared/domain/incident';
import { Interaction } from '../../shared/domain/interaction';
import { DirectoryPage } from '../../shared/sync/protocol';
import { DEMO_LOCATIONS, demoBadgeNumber } from '../../shared/demo/walk-up-generator';
import { Visit } from '../../shared/domain/visit';
import { medianServiceMinutes, stationsServing } from '../../shared/domain/walk-up-queue';
import { toNumber } from '../db/values';
import { DEFAULT_PHONE_REGION, toE164 } from '../directory/phone-e164';
import { directoryFeedPage } from '../directory/directory-feed';
import { insertDirectory } from '../directory/directory-store';
import { lockVersion, saveVersion } from '../sync/versions';
import { ApiClient, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { demoAccounts, demoCatalog, demoDirectory, DEMO_PASSWORD, seedDemo } from './seed';

const NOW = new Date('2026-11-23T09:00:00.000Z');

describeOnDatabases('the demo seed', (suite) => {
  // resetDatabase (server/testing) predates these tables.
  beforeEach(async () => {
    await sql`TRUNCATE incidents, requests, catalog_items`.execute(suite.database().db);
  });

  /** The demo incidents; the ones escalated in the history (inc_hist_…) are left out. */
  const stored = async () => {
    const { db } = suite.database();
    const rows = await db
      .selectFrom('incidents')
      .select(['record', 'seq', 'number', 'version'])
      .where('id', 'not like', 'inc\\_hist\\_%')
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      record: Incident.parse(r.record),
      seq: toNumber(r.seq),
      number: r.number,
      version: toNumber(r.version),
    }));
  };
  const counter = async (kind: string) => {
    const row = await suite
      .database()
      .db.selectFrom('numbering')
      .select('last_value')
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow();
    return toNumber(row.last_value);
  };
  const kinds = ['interactions', 'calls', 'visits', 'incidents'] as const;
  const historyCounts = async () => {
    const { db } = suite.database();
    const counts: Record<(typeof kinds)[number], number> = {
      interactions: 0,
      calls: 0,
      visits: 0,
      incidents: 0,
    };
    for (const table of kinds) {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('id', 'like', '%\\_hist\\_%')
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  };

  it('seeds the deterministic directory once, and demo.agent signs in with the README password', async () => {
    const { db } = suite.database();
    expect(await seedDemo(db, { users: 200 })).toBe('seeded');
    expect(await seedDemo(db, { users: 200 })).toBe('already-seeded');
    const users = await db.selectFrom('users').select('id').execute();
    expect(users).toHaveLength(203);

    const app = await testServer(suite.database());
    try {
      const reply = await new ApiClient(app).post<{ agent: { userName: string; roles: string[] } }>(
        '/api/v1/sessions',
        {
          userName: DEMO_AGENT_USER_NAME,
          password: DEMO_PASSWORD,
        },
      );
      expect(reply.status).toBe(201);
      expect(reply.body.agent).toMatchObject({ userName: 'demo.agent', roles: ['agent'] });
      for (const userName of ['demo.technician', 'demo.manager', 'demo.admin']) {
        expect(
          (await new ApiClient(app).post('/api/v1/sessions', { userName, password: DEMO_PASSWORD }))
            .status,
        ).toBe(201);
      }
    } finally {
      await app.close();
    }
  });

  it('leaves a database that already holds another directory alone', async () => {
    const { db } = suite.database();
    await db
      .insertInto('users')
      .values({
        id: 'u',
        user_name: 'real.person',
        first_name: 'Real',
        last_name: 'Person',
        name: 'Real Person',
        email: '',
        phone: '',
        employee_id: '',
        department: '',
        location: '',
        vip: false,
        roles: [],
        version: 1,
      })
      .execute();
    expect(await seedDemo(db, { users: 50 })).toBe('directory-exists');
    expect(await stored()).toEqual([]);
  });

  it('puts the demo catalog in the directory feed, after the directory, with its own versions', async () => {
    const { db } = suite.database();
    await seedDemo(db, { users: 100, incidents: 10, now: () => NOW });
    const feed = await directoryFeedPage(db, 0, 5000);
    const page = DirectoryPage.parse({
      users: JSON.parse(feed.users) as unknown,
      groups: JSON.parse(feed.groups) as unknown,
      configurationItems: JSON.parse(feed.configurationItems) as unknown,
      catalogItems: JSON.parse(feed.catalogItems) as unknown,
      locations: JSON.parse(feed.locations) as unknown,
      cursor: 'c',
      more: feed.more,
      reset: false,
    });
    expect(page.catalogItems).toEqual(generateCatalog());
    expect(page.locations).toEqual(DEMO_LOCATIONS);
    // Every form routes its requests to a group the desks just downloaded.
    const groups = new Set(page.groups.map((g) => g.id));
    for (const item of page.catalogItems)
      expect(groups.has(item.fulfillmentGroup ?? '')).toBe(true);

    const versions = await db.selectFrom('catalog_items').select('version').execute();
    const directoryVersions = await db
      .selectFrom('configuration_items')
      .select('version')
      .execute();
    const lastDirectory = Math.max(...directoryVersions.map((r) => toNumber(r.version)));
    const catalogVersions = versions.map((r) => toNumber(r.version)).sort((a, b) => a - b);
    expect(catalogVersions[0]).toBe(lastDirectory + 1);
    expect(new Set(catalogVersions).size).toBe(catalogVersions.length);
    const head = await db.selectFrom('sync_state').select('version').executeTakeFirstOrThrow();
    // The walk-up locations come right after the catalog. Incidents and visits are records,
    // positioned apart from the directory's counter (ADR 0007).
    const locationVersions = (await db.selectFrom('locations').select('version').execute())
      .map((r) => toNumber(r.version))
      .sort((a, b) => a - b);
    const lastCatalog = catalogVersions.at(-1) ?? 0;
    expect(locationVersions).toEqual([lastCatalog + 1, lastCatalog + 2]);
    expect(toNumber(head.version)).toBe(lastCatalog + 2);
  });

  it('stores numbered demo incidents, the printer example first, and moves the counter past them', async () => {
    const { db } = suite.database();
    await seedDemo(db, { users: 200, incidents: 30, now: () => NOW });
    const incidents = await stored();
    expect(incidents).toHaveLength(30);
    expect(incidents.map((i) => i.number)).toEqual(
      Array.from({ length: 30 }, (_, i) => `INC${String(1001 + i).padStart(7, '0')}`),
    );
    for (const incident of incidents) {
      expect(incident.record.number).toBe(incident.number);
      expect(incident.record.numberProvisional).toBe(false);
    }
    // Each is a change a desk pulls: one version each, in number order (ADR 0007).
    const versions = incidents.map((i) => i.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(30);
    // The history's escalated incidents are numbered after them.
    expect(await counter('incident')).toBe(1030 + (await historyCounts()).incidents);
    expect(await counter('request')).toBe(1000);
    // The generator's incidents for this directory, as a local demo desk seeds them (electron/store/task-store.ts).
    const directory = demoDirectory({ users: 200 });
    expect(incidents.map((i) => i.record)).toEqual(
      generateIncidents(directory, { count: 30, seed: 1, now: NOW.toISOString() }),
    );

    const [first] = incidents;
    expect(first?.record).toMatchObject({
      id: DEMO_PRINTER_EXAMPLE.incident.id,
      number: DEMO_PRINTER_EXAMPLE.incident.number,
      shortDescription: DEMO_PRINTER_EXAMPLE.incident.shortDescription,
      component: DEMO_PRINTER_EXAMPLE.network.id,
      assignmentGroup: DEMO_PRINTER_EXAMPLE.incident.assignmentGroup,
      state: 'New',
    });
    // Find existing incidents from an interaction on the printer, over what a desk downloads.
    const items = await db.selectFrom('configuration_items').select(['id', 'parent_id']).execute();
    const parents = new Map(items.map((i) => [i.id, i.parent_id]));
    const index = new ComponentIncidentIndex((id) => parents.get(id));
    for (const incident of incidents) index.upsert(incident.record);
    const found = index.search(DEMO_PRINTER_EXAMPLE.printer.id, {
      callerId: DEMO_PRINTER_EXAMPLE.caller.id,
    });
    expect(found.hits[0]).toMatchObject({
      incident: { number: 'INC0001001' },
      distance: 1,
      sameCaller: false,
    });
  });

  it('gives a demo seeded before incidents existed its catalog and incidents, once', async () => {
    const { db } = suite.database();
    const directory = demoDirectory({ users: 50 });
    await db.transaction().execute(async (trx) => {
      await saveVersion(trx, await insertDirectory(trx, directory, await lockVersion(trx)));
      await trx
        .insertInto('server_meta')
        .values({ key: 'demo_seed', value: JSON.stringify({ users: 52, seed: 1 }) })
        .execute();
    });
    expect(await seedDemo(db, { incidents: 5, now: () => NOW })).toBe('tasks-added');
    expect(await seedDemo(db, { incidents: 5, now: () => NOW })).toBe('already-seeded');
    expect((await stored()).map((i) => i.record)).toEqual(
      generateIncidents(directory, { count: 5, seed: 1, now: NOW.toISOString() }),
    );
    expect(await db.selectFrom('catalog_items').select('id').execute()).toHaveLength(
      generateCatalog().length,
    );
    expect(await counter('incident')).toBe(1005 + (await historyCounts()).incidents);
    expect(await db.selectFrom('locations').select('id').execute()).toHaveLength(2);
  });

  it('seeds the walk-up desk: badge numbers, numbered finished visits that give an estimate', async () => {
    const { db } = suite.database();
    await seedDemo(db, { users: 100, incidents: 0, now: () => NOW });
    const agent = await db
      .selectFrom('users')
      .select(['employee_id', 'badge_number'])
      .where('user_name', '=', DEMO_AGENT_USER_NAME)
      .executeTakeFirstOrThrow();
    expect(agent.badge_number).toBe(demoBadgeNumber({ employeeId: agent.employee_id }));
    expect(agent.badge_number).toMatch(/^7\d+$/);
    const all = await db.selectFrom('visits').select('id').execute();
    // The walk-up generator's visits of today; the history's come after them (seed-history.ts).
    const rows = await db
      .selectFrom('visits')
      .select(['record', 'seq', 'number', 'state', 'location'])
      .where('id', 'like', 'vis\\_demo\\_%')
      .orderBy('seq')
      .execute();
    const visits = rows.map((r) => Visit.parse(r.record));
    expect(visits).toHaveLength(24);
    expect(rows[0]).toMatchObject({ seq: expect.anything() as unknown, number: 'VIS0001001' });
    expect(rows.map((r) => r.number)).toEqual(visits.map((v) => v.number));
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['Done']));
    expect(await counter('visit')).toBe(1000 + all.length);
    for (const location of DEMO_LOCATIONS) {
      const minutes = medianServiceMinutes(visits, location.id);
      expect(minutes, location.name).toBeGreaterThan(3);
      expect(minutes, location.name).toBeLessThan(17);
      // Finished an hour ago: no station looks busy now.
      expect(stationsServing(visits, location.id, NOW.getTime())).toEqual([]);
    }
  });

  it('gives a demo seeded before the walk-up desk its locations, badges and visits, once', async () => {
    const { db } = suite.database();
    await seedDemo(db, { users: 60, incidents: 0, now: () => NOW });
    await sql`TRUNCATE visits, locations, interactions, calls`.execute(db);
    await sql`UPDATE users SET badge_number = ''`.execute(db);
    await sql`UPDATE server_meta SET value = '{"users":62,"seed":1,"tasks":{"incidents":0}}' WHERE key = 'demo_seed'`.execute(
      db,
    );
    expect(await seedDemo(db, { now: () => NOW })).toBe('walk-up-added');
    expect(await seedDemo(db, { now: () => NOW })).toBe('already-seeded');
    expect(await db.selectFrom('locations').select('id').execute()).toHaveLength(2);
    expect(
      await db.selectFrom('visits').select('id').where('id', 'like', 'vis\\_demo\\_%').execute(),
    ).toHaveLength(24);
    const badged = await db
      .selectFrom('users')
      .select('id')
      .where('badge_number', '<>', '')
      .execute();
    expect(badged.length).toBe(60);
  });

  it('maps the Service Desk phone queue to the demo service desk and gives the locations wrap-up codes; an older demo gets them once', async () => {
    const { db } = suite.database();
    await seedDemo(db, { users: 60, incidents: 0, now: () => NOW });
    const queues = await db.selectFrom('phone_queues').select(['name', 'group_id']).execute();
    expect(queues).toEqual([{ name: 'Service Desk', group_id: SERVICE_DESK_GROUP_ID }]);
    const codes = async () =>
      (
        await db.selectFrom('locations').select(['id', 'wrap_up_codes']).orderBy('id').execute()
      ).map((row) => [row.id, row.wrap_up_codes]);
    const expected = [...DEMO_LOCATIONS]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((l) => [l.id, l.wrapUpCodes]);
    expect(await codes()).toEqual(expected);
    expect(expected[0]?.[1]).toContain('Advice given');
    // No integration: a token is never fixed in code.
    expect(await db.selectFrom('integrations').select('id').execute()).toEqual([]);

    await sql`TRUNCATE phone_queues, interactions, calls, visits`.execute(db);
    await sql`UPDATE locations SET wrap_up_codes = '[]'::jsonb`.execute(db);
    await sql`UPDATE server_meta SET value = '{"users":62,"seed":1,"tasks":{"incidents":0},"walkUp":true}' WHERE key = 'demo_seed'`.execute(
      db,
    );
    expect(await seedDemo(db, { now: () => NOW })).toBe('phone-added');
    expect(await seedDemo(db, { now: () => NOW })).toBe('already-seeded');
    expect(await db.selectFrom('phone_queues').select('name').execute()).toEqual([
      { name: 'Service Desk' },
    ]);
    expect(await codes()).toEqual(expected);
  });

  it('seeds the desk history once, through the record stores, numbered from the counters; a restart adds nothing', async () => {
    const { db } = suite.database();
    expect(await seedDemo(db, { users: 60, incidents: 5, historyDays: 3, now: () => NOW })).toBe(
      'seeded',
    );
    const first = await historyCounts();
    // Friday, the weekend and Monday until 9:00.
    expect(first.interactions).toBeGreaterThan(80);
    expect(first.calls).toBeGreaterThan(40);
    expect(first.visits).toBeGreaterThan(5);
    expect(first.incidents).toBeGreaterThan(15);
    expect(await seedDemo(db, { users: 60, historyDays: 3, now: () => NOW })).toBe(
      'already-seeded',
    );
    expect(await historyCounts()).toEqual(first);

    const interactions = await db
      .selectFrom('interactions')
      .select(['record', 'number', 'seq', 'state'])
      .orderBy('seq')
      .execute();
    const parsed = interactions.map((r) => Interaction.parse(r.record));
    expect(interactions[0]?.number).toBe('IMS0001001');
    expect(interactions.map((r) => r.number)).toEqual(parsed.map((i) => i.number));
    expect(interactions.map((r) => r.state)).toEqual(parsed.map((i) => i.state));
    expect(await counter('interaction')).toBe(1000 + first.interactions);
    expect(await counter('call')).toBe(1000 + first.calls);
    expect(await counter('incident')).toBe(1005 + first.incidents);
    // After the demo incidents; every call answered is linked to a stored interaction.
    const firstEscalated = await db
      .selectFrom('incidents')
      .select('number')
      .where('id', 'like', 'inc\\_hist\\_%')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    expect(firstEscalated.number).toBe('INC0001006');
    const numbers = new Set(parsed.map((i) => i.id));
    const calls = await db.selectFrom('calls').select('record').execute();
    for (const { record } of calls) {
      const call = Call.parse(record);
      if (call.interaction !== null) expect(numbers.has(call.interaction)).toBe(true);
    }
    // Each at its own change position, as push writes them.
    const versions = await db.selectFrom('interactions').select('version').execute();
    expect(new Set(versions.map((v) => String(v.version))).size).toBe(versions.length);
  });

  it('seeds no history at all with 0 days, not even today’s (the fault tests count every record)', async () => {
    const { db } = suite.database();
    expect(await seedDemo(db, { users: 60, incidents: 0, historyDays: 0, now: () => NOW })).toBe(
      'seeded',
    );
    expect(await historyCounts()).toEqual({ interactions: 0, calls: 0, visits: 0, incidents: 0 });
  });

  it('gives a demo seeded before the history its past weeks, once', async () => {
    const { db } = suite.database();
    await seedDemo(db, { users: 60, incidents: 0, historyDays: 2, now: () => NOW });
    const seeded = await historyCounts();
    await sql`TRUNCATE interactions, calls`.execute(db);
    await sql`DELETE FROM visits WHERE id LIKE 'vis\\_hist\\_%'`.execute(db);
    await sql`TRUNCATE incidents`.execute(db);
    await sql`UPDATE server_meta SET value = '{"users":62,"seed":1,"tasks":{"incidents":0},"walkUp":true,"phone":true}' WHERE key = 'demo_seed'`.execute(
      db,
    );
    expect(await seedDemo(db, { historyDays: 2, now: () => NOW })).toBe('history-added');
    expect(await seedDemo(db, { historyDays: 2, now: () => NOW })).toBe('already-seeded');
    expect(await historyCounts()).toEqual(seeded);
    // The walk-up generator's visits are kept, not doubled.
    expect(
      await db.selectFrom('visits').select('id').where('id', 'like', 'vis\\_demo\\_%').execute(),
    ).toHaveLength(24);
  });
});

it('describes the printer example as the generators make it, whatever the directory size', () => {
  for (const users of [50, 200, 1000, 5000, 20_000]) {
    const directory = demoDirectory({ users });
    const scenario = findPrinterScenario(directory);
    expect(scenario?.printer).toMatchObject(DEMO_PRINTER_EXAMPLE.printer);
    expect(scenario?.network).toMatchObject(DEMO_PRINTER_EXAMPLE.network);
    const caller = directory.users.find((u) => u.id === DEMO_PRINTER_EXAMPLE.caller.id);
    expect(caller).toMatchObject({ ...DEMO_PRINTER_EXAMPLE.caller, roles: [] });
    expect(caller?.location).toBe(scenario?.printer.location);
    const [incident] = generateIncidents(directory, { count: 1 });
    expect(incident).toMatchObject({
      ...DEMO_PRINTER_EXAMPLE.incident,
      component: DEMO_PRINTER_EXAMPLE.network.id,
    });
    // Someone else reported the network problem: the example's caller is a new one.
    expect(incident?.caller).not.toBe(DEMO_PRINTER_EXAMPLE.caller.id);
  }
});

it('routes every demo catalog item to a group of the demo directory', () => {
  expect(demoCatalog(demoDirectory({ users: 50 }))).toEqual(generateCatalog());
  const directory = demoDirectory({ users: 50 });
  expect(() => demoCatalog({ ...directory, groups: directory.groups.slice(0, 1) })).toThrow(
    /missing group/,
  );
});

it('is the same directory for the same seed, with demo accounts for each role', () => {
  const one = demoDirectory({ users: 100, seed: 7 });
  expect(demoDirectory({ users: 100, seed: 7 })).toEqual(one);
  const accounts = demoAccounts(one);
  expect(accounts.map((u) => u.userName)).toEqual(
    expect.arrayContaining(['demo.agent', 'demo.technician', 'demo.manager', 'demo.admin']),
  );
  expect(new Set(accounts.flatMap((u) => u.roles))).toEqual(
    new Set(['agent', 'technician', 'manager', 'admin']),
  );
  const network = one.groups.find((g) => g.id === 'grp_network');
  expect(network?.memberIds).toContain('usr_demo_technician');
});

it('gives every demo user with a phone its E.164 form, as the server reads it, so a call finds them', () => {
  const users = demoDirectory({ users: 300 }).users.filter((u) => u.phone !== '');
  expect(users.length).toBeGreaterThan(100);
  for (const u of users) expect(u.phoneE164).toBe(toE164(u.phone, DEFAULT_PHONE_REGION));
});
