// A desk server with the phone desk set up, for the CTI endpoint's tests: a caller with a number,
// two callers sharing one, an agent with a desk phone, a location with a block list, an
// integration (and a revoked one) and a queue mapped to the Service Desk. Test support only.

import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../db/open-database';
import { seedDirectory, testServer } from '../testing/fixtures';
import { hashIntegrationToken } from './integration-token';

export const TOKEN = 'cti-token-hq-0123456789abcdefghijklmnopqrstu';
export const REVOKED_TOKEN = 'cti-token-old-0123456789abcdefghijklmnopqrs';
export const KNOWN = '+44 20 7946 0958';
export const SHARED = '+44 20 7946 0999';
export const BLOCKED = '+44 20 7946 0666';
export const AGENT_PHONE = '+44 20 7946 0101';
export const UNKNOWN = '+44 20 7946 0123';

export async function ctiServer(
  database: Pick<ServerDatabase, 'db' | 'pokes'>,
): Promise<FastifyInstance> {
  await seedDirectory(database);
  const phone = async (id: string, set: { phone_e164?: string; mobile_e164?: string }) =>
    database.db.updateTable('users').set(set).where('id', '=', id).execute();
  await phone('caller-1', { phone_e164: '+442079460958' });
  await phone('caller-2', { mobile_e164: '+442079460999' });
  await phone('caller-3', { phone_e164: '+442079460999' });
  await phone('agent-1', { phone_e164: '+442079460101' });
  await database.db
    .insertInto('locations')
    .values({
      id: 'loc-hq',
      name: 'Service Desk — HQ',
      version: 1,
      blocked_numbers: JSON.stringify(['+442079460666']),
    })
    .execute();
  await database.db
    .insertInto('integrations')
    .values([
      {
        id: 'int-hq',
        name: 'HQ Asterisk',
        token_hash: hashIntegrationToken(TOKEN),
        location: 'loc-hq',
        created_by: 'admin-1',
      },
      {
        id: 'int-old',
        name: 'Old PBX',
        token_hash: hashIntegrationToken(REVOKED_TOKEN),
        location: 'loc-hq',
        created_by: 'admin-1',
        revoked_at: '2026-11-01T00:00:00.000Z',
      },
    ])
    .execute();
  await database.db
    .insertInto('phone_queues')
    .values({ id: 'pq-1', name: 'Service Desk', group_id: 'grp-desk' })
    .execute();
  return testServer(database);
}
