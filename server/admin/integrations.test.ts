// The Integrations operations against a real server on PGlite: a new integration answers its token
// and endpoint once and keeps only the hash; listed with its location and creator; revoked at once;
// live names unique; every change audited without the token, which no log line holds; admins only.

import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { IntegrationCreated, IntegrationView } from '../../shared/admin/integrations';
import type { LocationView } from '../../shared/admin/locations';
import { hashIntegrationToken } from '../phone/integration-token';
import { seedDirectory, signIn, testServer, type ApiClient } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { auditRows, callAdmin, directoryVersion } from './org-fixtures';

describeOnDatabases('the Integrations operations', (suite) => {
  let app: FastifyInstance;
  let admin: ApiClient;
  let logged: string;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    logged = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    app = await testServer(suite.database(), { logger: pino({ level: 'trace' }, sink) });
    admin = await signIn(app, 'adam.admin');
  });
  afterEach(() => app.close());

  const call = <T>(name: string, input: unknown) => callAdmin<T>(admin, name, input);
  type List = { integrations: IntegrationView[] };

  const integrationRows = () =>
    suite.database().db.selectFrom('integrations').selectAll().orderBy('created_at').execute();
  const allIntegrationState = async () =>
    JSON.stringify([await integrationRows(), await auditRows(suite.database())]);

  it('creates one for a location: the token and endpoint once, only the hash kept, audited without it', async () => {
    const database = suite.database();
    const hq = await call<{ location: LocationView }>('locations.create', { name: 'HQ' });
    const locationId = hq.body.location.id;
    const version = await directoryVersion(database);

    const created = await call<IntegrationCreated>('integrations.create', {
      name: ' Asterisk HQ ',
      locationId,
    });
    expect(created.status).toBe(200);
    const { integration, token, endpointUrl } = created.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(endpointUrl).toBe(`http://localhost:80/api/v1/cti/${token}`);
    expect(integration).toMatchObject({
      name: 'Asterisk HQ',
      kind: 'cti',
      locationId,
      locationName: 'HQ',
      createdBy: 'Adam Admin',
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(Date.parse(integration.createdAt)).not.toBeNaN();

    const rows = await integrationRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(hashIntegrationToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    // Server settings, not the directory: no desk is poked for it.
    expect(await directoryVersion(database)).toBe(version);

    const audit = (await auditRows(database)).filter((a) => a.target_kind === 'integration');
    expect(audit.map((a) => [a.action, a.actor_name, a.target_name, a.before, a.after])).toEqual([
      [
        'integration.create',
        'Adam Admin',
        'Asterisk HQ',
        null,
        { name: 'Asterisk HQ', kind: 'cti', location: 'HQ' },
      ],
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(audit)).not.toContain(hashIntegrationToken(token));
    expect(logged).not.toBe('');
    expect(logged).not.toContain(token);

    // Listing never shows it again.
    const list = await call<List>('integrations.list', {});
    expect(list.body.integrations).toEqual([integration]);
    expect(JSON.stringify(list.body)).not.toContain(token);
  });

  it('revokes at once, asked twice changes nothing more, and frees the name', async () => {
    const database = suite.database();
    const first = await call<IntegrationCreated>('integrations.create', { name: 'sipgate' });
    expect(first.body.integration.locationId).toBeNull();
    const id = first.body.integration.id;
    const revoked = await call<{ integration: IntegrationView }>('integrations.revoke', { id });
    expect(revoked.status).toBe(200);
    expect(Date.parse(revoked.body.integration.revokedAt ?? '')).not.toBeNaN();
    const row = (await integrationRows())[0];
    expect(row?.revoked_at).not.toBeNull();
    // The CTI endpoint looks a token up among the live ones only.
    const live = await database.db
      .selectFrom('integrations')
      .select('id')
      .where('token_hash', '=', hashIntegrationToken(first.body.token))
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toEqual([]);

    const again = await call<{ integration: IntegrationView }>('integrations.revoke', { id });
    expect(again.body.integration.revokedAt).toBe(revoked.body.integration.revokedAt);

    const second = await call<IntegrationCreated>('integrations.create', { name: 'SIPGATE' });
    expect(second.status).toBe(200);
    expect(second.body.token).not.toBe(first.body.token);

    const list = await call<List>('integrations.list', {});
    expect(list.body.integrations.map((i) => [i.name, i.revokedAt === null])).toEqual([
      ['SIPGATE', true],
      ['sipgate', false],
    ]);
    const liveOnly = await call<List>('integrations.list', { includeRevoked: false });
    expect(liveOnly.body.integrations.map((i) => i.name)).toEqual(['SIPGATE']);

    const audit = (await auditRows(database)).filter((a) => a.target_id === id);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['integration.create', null, { name: 'sipgate', kind: 'cti', location: null }],
      ['integration.revoke', { revoked: false }, { revoked: true }],
    ]);
  });

  it('refuses a blank or live name, an unknown or deactivated location and an unknown id, changing nothing', async () => {
    await call('integrations.create', { name: 'Placetel' });
    const annex = await call<{ location: LocationView }>('locations.create', { name: 'Annex' });
    await call('locations.set-active', { id: annex.body.location.id, active: false });
    const was = await allIntegrationState();

    const blank = await call('integrations.create', { name: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error?.fieldErrors?.name).toBe(
      'Enter a name, like the phone system it is for.',
    );
    const taken = await call('integrations.create', { name: 'placetel' });
    expect(taken.status).toBe(409);
    expect(taken.body.error?.fieldErrors?.name).toBe(
      'There is already an integration named placetel.',
    );
    const nowhere = await call('integrations.create', { name: 'X', locationId: 'nowhere' });
    expect(nowhere.status).toBe(409);
    expect(nowhere.body.error?.fieldErrors?.locationId).toBe(
      'There is no location with id nowhere.',
    );
    const closed = await call('integrations.create', {
      name: 'X',
      locationId: annex.body.location.id,
    });
    expect(closed.body.error?.fieldErrors?.locationId).toBe(
      'Annex is deactivated: choose an active location.',
    );
    expect((await call('integrations.create', { name: 'X', token: 'mine' })).status).toBe(400);
    expect((await call('integrations.revoke', { id: 'nope' })).status).toBe(404);
    expect(await allIntegrationState()).toBe(was);
  });

  it('is for admins only', async () => {
    const was = await allIntegrationState();
    const agent = await signIn(app, 'ana.agent');
    expect((await callAdmin(agent, 'integrations.create', { name: 'Mine' })).status).toBe(403);
    expect((await callAdmin(agent, 'integrations.list', {})).status).toBe(403);
    expect(await allIntegrationState()).toBe(was);
  });
});
