// The incident and request tables as push writes them and pull and the read API read them: upsert
// by id at a new change position, changes since a position, lookups by number and filtered lists.

import { expect, it } from 'vitest';
import { createIncident, type Incident } from '../../shared/domain/incident';
import { createRequest, type Request, type RequestContext } from '../../shared/domain/request';
import { serverNumber } from '../../shared/domain/numbering';
import { comparePositions, START } from '../sync/change-positions';
import { incidentArgs, LAPTOP } from '../sync/task-fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import {
  changedIncidentsSince,
  changedRequestsSince,
  findIncidentByNumber,
  findRequestByNumber,
  listIncidents,
  listRequests,
  upsertIncidents,
  upsertRequests,
  type StoredRecord,
} from './task-store';

const ctx = (now: string): RequestContext => ({
  now,
  actorId: 'agent-1',
  directory: { isGroupMember: () => true, userName: (id) => id },
  catalog: { catalogItem: (id) => (id === LAPTOP.id ? LAPTOP : null) },
});

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const incident = (
  seq: number,
  over: { caller?: string; component?: string | null; at?: string },
) => {
  const { interactionId: _unused, ...args } = incidentArgs(`inc-${seq}`, 'i-x', {
    caller: over.caller ?? 'caller-1',
    component: over.component === undefined ? 'ci-prn' : over.component,
  });
  return unwrap(
    createIncident(
      args,
      serverNumber('incident', seq),
      false,
      ctx(over.at ?? '2026-11-23T10:00:00.000Z'),
    ),
  );
};

const request = (seq: number, requestedFor: string, at = '2026-11-23T10:00:00.000Z') =>
  unwrap(
    createRequest(
      {
        id: `req-${seq}`,
        requestedFor,
        catalogItem: LAPTOP.id,
        answers: { model: 'pro', reason: 'New starter' },
      },
      serverNumber('request', seq),
      false,
      ctx(at),
    ),
  );

describeOnDatabases('the incident and request tables', (suite) => {
  const db = () => suite.database().db;
  const write = async (
    incidents: StoredRecord<Incident>[],
    requests: StoredRecord<Request>[] = [],
  ) =>
    db()
      .transaction()
      .execute(async (trx) => {
        await upsertIncidents(trx, incidents);
        await upsertRequests(trx, requests);
      });

  it('upserts incidents by id at a new position and answers changes oldest first', async () => {
    const first = incident(1001, {});
    await write([
      { record: first, seq: 1001 },
      { record: incident(1002, {}), seq: 1002 },
    ]);
    await write([{ record: { ...first, state: 'In Progress' }, seq: 1001 }]);

    const [older, newer] = await changedIncidentsSince(db(), START, 10);
    if (!older || !newer) throw new Error('two changes expected');
    expect([older.record.id, newer.record.id]).toEqual(['inc-1002', 'inc-1001']);
    // The second write is a later transaction: a later position than the first's rows.
    expect(comparePositions(older.position, newer.position)).toBeLessThan(0);
    expect(
      (await changedIncidentsSince(db(), older.position, 10)).map((c) => c.record.state),
    ).toEqual(['In Progress']);
    expect(await changedIncidentsSince(db(), START, 1)).toHaveLength(1);
    expect((await findIncidentByNumber(db(), 'INC0001001'))?.state).toBe('In Progress');
    expect(await findIncidentByNumber(db(), 'INC0009999')).toBeUndefined();
  });

  it('lists incidents newest number first, by state, component, caller, update time and page', async () => {
    await write([
      { record: incident(1001, { caller: 'caller-1' }), seq: 1001 },
      {
        record: incident(1002, { caller: 'caller-2', at: '2026-11-24T10:00:00.000Z' }),
        seq: 1002,
      },
      { record: incident(1003, { component: null }), seq: 1003 },
    ]);
    const numbers = async (filter: Parameters<typeof listIncidents>[1]) =>
      (await listIncidents(db(), filter)).map((r) => r.record.number.slice(-4));

    expect(await numbers({ limit: 10 })).toEqual(['1003', '1002', '1001']);
    expect(await numbers({ limit: 2 })).toEqual(['1003', '1002']);
    expect(await numbers({ limit: 10, beforeSeq: 1003 })).toEqual(['1002', '1001']);
    expect(await numbers({ limit: 10, caller: 'caller-2' })).toEqual(['1002']);
    expect(await numbers({ limit: 10, component: 'ci-prn' })).toEqual(['1002', '1001']);
    expect(await numbers({ limit: 10, state: 'New' })).toEqual(['1003', '1002', '1001']);
    expect(await numbers({ limit: 10, state: 'Closed' })).toEqual([]);
    expect(await numbers({ limit: 10, updatedSince: '2026-11-24T00:00:00Z' })).toEqual(['1002']);
    expect((await listIncidents(db(), { limit: 1 }))[0]?.seq).toBe(1003);
  });

  it('stores requests the same way, listed by state and Requested for', async () => {
    const first = request(1001, 'caller-1');
    await write(
      [],
      [
        { record: first, seq: 1001 },
        { record: request(1002, 'caller-2', '2026-11-24T10:00:00.000Z'), seq: 1002 },
      ],
    );
    await write([], [{ record: { ...first, state: 'Work in Progress' }, seq: 1001 }]);

    const all = await changedRequestsSince(db(), START, 10);
    expect(all.map((c) => c.record.id)).toEqual(['req-1002', 'req-1001']);
    const [firstWrite] = await changedRequestsSince(db(), START, 1);
    expect(firstWrite?.record.id).toBe('req-1002');
    expect((await findRequestByNumber(db(), 'REQ0001001'))?.state).toBe('Work in Progress');
    const numbers = async (filter: Parameters<typeof listRequests>[1]) =>
      (await listRequests(db(), filter)).map((r) => r.record.number);
    expect(await numbers({ limit: 10 })).toEqual(['REQ0001002', 'REQ0001001']);
    expect(await numbers({ limit: 10, state: 'Open' })).toEqual(['REQ0001002']);
    expect(await numbers({ limit: 10, requestedFor: 'caller-1' })).toEqual(['REQ0001001']);
    expect(await numbers({ limit: 10, updatedSince: '2026-11-24T00:00:00Z' })).toEqual([
      'REQ0001002',
    ]);
    expect(await numbers({ limit: 10, beforeSeq: 1002 })).toEqual(['REQ0001001']);
  });
});
