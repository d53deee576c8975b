import { describe, expect, it } from 'vitest';
import { RecordIndex } from './record-index';

const record = (
  id: string,
  number: string,
  shortDescription: string,
  updatedAt = '2026-01-01',
) => ({
  id,
  number,
  shortDescription,
  updatedAt,
});

function indexOf(...records: ReturnType<typeof record>[]): RecordIndex {
  const index = new RecordIndex();
  index.apply({ kind: 'interaction', type: 'put', records });
  return index;
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('the record index', () => {
  it('finds records whose words start with every typed word, by the rarest', () => {
    const index = indexOf(
      record('a', 'IMS1', 'Printer jams on floor 3'),
      record('b', 'IMS2', 'Printer offline'),
      record('c', 'IMS3', 'VPN drops'),
    );
    expect(ids(index.withWords(['print'], 10)).sort()).toEqual(['a', 'b']);
    expect(ids(index.withWords(['jam', 'pr'], 10))).toEqual(['a']);
    expect(index.withWords(['printers'], 10)).toEqual([]);
    expect(index.withWords([], 10)).toEqual([]);
  });

  it('keeps the newest of many hits, newest first', () => {
    const index = indexOf(
      ...Array.from({ length: 30 }, (_, i) =>
        record(`r${i}`, `IMS${i}`, 'Password reset', `2026-01-${String(i + 1).padStart(2, '0')}`),
      ),
    );
    expect(ids(index.withWords(['pass'], 3))).toEqual(['r29', 'r28', 'r27']);
  });

  it('a record written again is found by its new words and number only', () => {
    const index = indexOf(record('a', 'IMS-P0001', 'Scanner'));
    index.apply({
      kind: 'interaction',
      type: 'put',
      records: [record('a', 'IMS0000042', 'Monitor')],
    });
    expect(index.withWords(['scan'], 10)).toEqual([]);
    expect(ids(index.withWords(['moni'], 10))).toEqual(['a']);
    expect(index.withNumber('interaction', 'IMS-P0001')).toEqual([]);
    expect(index.withNumber('interaction', 'IMS0000042')).toEqual(['a']);
    expect(index.size).toBe(1);
  });

  it('finds numbers by kind, and by prefix in number order, at most `limit`', () => {
    const index = indexOf(
      record('c', 'IMS0001203', 'x'),
      record('a', 'IMS0001201', 'x'),
      record('b', 'IMS0001202', 'x'),
      record('z', 'IMS0009999', 'x'),
    );
    index.apply({ kind: 'incident', type: 'put', records: [record('i', 'INC0001201', 'x')] });
    expect(index.withNumber('interaction', 'IMS0001202')).toEqual(['b']);
    expect(index.withNumber('incident', 'IMS0001202')).toEqual([]);
    expect(index.withNumberPrefix('interaction', 'IMS00012', 2)).toEqual(['a', 'b']);
    expect(index.withNumberPrefix('incident', 'INC', 5)).toEqual(['i']);
  });

  it('removes by id, by a range of ids, and every record of one kind', () => {
    const index = indexOf(
      record('a', 'IMS1', 'Printer'),
      record('b', 'IMS2', 'Printer'),
      record('c', 'IMS3', 'Printer'),
      record('d', 'IMS4', 'Printer'),
    );
    index.apply({
      kind: 'visit',
      type: 'put',
      records: [{ id: 'b', number: 'VIS1', reason: 'Printer' }],
    });
    index.apply({ kind: 'interaction', type: 'delete', ids: ['a'] });
    expect(ids(index.withWords(['printer'], 10)).sort()).toEqual(['b', 'b', 'c', 'd']);
    index.apply({ kind: 'interaction', type: 'deleteRange', from: 'b', to: 'c' });
    expect(
      index
        .withWords(['printer'], 10)
        .map((h) => `${h.kind}:${h.id}`)
        .sort(),
    ).toEqual(['interaction:d', 'visit:b']);
    // A clear: bounds that are not strings (Dexie's MIN_KEY and MAX_KEY) are no bound.
    index.apply({ kind: 'interaction', type: 'deleteRange', from: -Infinity, to: [[]] });
    expect(index.withWords(['printer'], 10).map((h) => h.kind)).toEqual(['visit']);
    expect(index.withNumber('interaction', 'IMS4')).toEqual([]);
    expect(index.withNumber('visit', 'VIS1')).toEqual(['b']);
  });

  it('lists each agent’s interactions opened and closed, newest first, as they change', () => {
    const index = new RecordIndex();
    const worked = (id: string, openedBy: string, openedAt: string, closed?: [string, string]) => ({
      id,
      number: `IMS-${id}`,
      shortDescription: 'x',
      state: closed ? 'Closed Complete' : 'New',
      openedBy,
      openedAt,
      closedBy: closed?.[0] ?? null,
      closedAt: closed?.[1] ?? null,
    });
    index.apply({
      kind: 'interaction',
      type: 'put',
      records: [
        worked('a', 'ann', '2026-01-01T09:00'),
        worked('b', 'ann', '2026-01-03T09:00', ['bob', '2026-01-03T10:00']),
        worked('c', 'bob', '2026-01-02T09:00', ['ann', '2026-01-02T11:00']),
        worked('d', 'ann', '2026-01-03T09:00'),
      ],
    });
    // Incidents have no agent lists, whatever their fields say.
    index.apply({ kind: 'incident', type: 'put', records: [worked('i', 'ann', '2026-01-09')] });
    expect(index.takeTouched()).toEqual(new Set(['ann', 'bob']));
    // Equal times: the larger id first, as IndexedDB's reversed [openedBy+openedAt] gave them.
    expect(index.agentInteractions('opened', 'ann')).toEqual(['d', 'b', 'a']);
    expect(index.agentInteractions('opened', 'ann', '2026-01-02')).toEqual(['d', 'b']);
    expect(index.agentInteractions('closed', 'ann')).toEqual(['c']);
    expect(index.agentInteractions('closed', 'bob')).toEqual(['b']);
    expect(index.agentInteractions('opened', 'carl')).toEqual([]);
    // The lists: the open ones by state, latest opened first; the closed ones, latest closed first.
    expect(index.openInState('New')).toEqual(['d', 'a']);
    expect(index.openInState('Closed Complete')).toEqual([]);
    expect(index.closedInteractions()).toEqual(['b', 'c']);

    // Closed by ann now, then gone: each list follows, and says whose work moved.
    index.apply({
      kind: 'interaction',
      type: 'put',
      records: [worked('a', 'ann', '2026-01-01T09:00', ['ann', '2026-01-04T08:00'])],
    });
    expect(index.takeTouched()).toEqual(new Set(['ann']));
    expect(index.agentInteractions('closed', 'ann')).toEqual(['a', 'c']);
    // Lists read before keep their order as records come and go one by one.
    expect(index.openInState('New')).toEqual(['d']);
    expect(index.closedInteractions()).toEqual(['a', 'b', 'c']);
    index.apply({ kind: 'interaction', type: 'delete', ids: ['b'] });
    expect(index.closedInteractions()).toEqual(['a', 'c']);
    expect(index.takeTouched()).toEqual(new Set(['ann', 'bob']));
    expect(index.agentInteractions('opened', 'ann')).toEqual(['d', 'a']);
    expect(index.agentInteractions('closed', 'bob')).toEqual([]);
    index.apply({ kind: 'incident', type: 'delete', ids: ['i'] });
    expect(index.takeTouched()).toBeNull();
    index.clear();
    expect(index.takeTouched()).toEqual(new Set(['ann', 'bob']));
    expect(index.agentInteractions('opened', 'ann')).toEqual([]);
  });

  it('lists the calls by ring time, all and each caller’s, newest first, and says when they moved', () => {
    const index = new RecordIndex();
    const call = (id: string, rangAt: string, caller: string | null) => ({
      id,
      number: `CAL${id}`,
      rangAt,
      caller,
    });
    index.apply({
      kind: 'call',
      type: 'put',
      records: [
        call('c1', '2026-01-01T08:00:00.000Z', 'usr_1'),
        call('c2', '2026-01-02T08:00:00.000Z', null),
        call('c3', '2026-01-03T08:00:00.000Z', 'usr_1'),
      ],
    });
    expect(index.takeMoved()).toEqual(new Set(['call']));
    expect(index.takeMoved()).toEqual(new Set());
    expect(index.takeTouched()).toBeNull();
    expect(index.calls()).toEqual(['c3', 'c2', 'c1']);
    expect(index.calls('2026-01-02T00:00:00.000Z')).toEqual(['c3', 'c2']);
    expect(index.callerCalls('usr_1')).toEqual(['c3', 'c1']);
    expect(index.withNumber('call', 'CALc2')).toEqual(['c2']);
    // A caller identified later, and a call removed.
    index.apply({
      kind: 'call',
      type: 'put',
      records: [call('c2', '2026-01-02T08:00:00.000Z', 'usr_1')],
    });
    index.apply({ kind: 'call', type: 'delete', ids: ['c3'] });
    expect(index.callerCalls('usr_1')).toEqual(['c2', 'c1']);
    expect(index.calls()).toEqual(['c2', 'c1']);
    expect(index.takeMoved()).toEqual(new Set(['call']));
  });

  it('keeps each Resolved incident’s linked interactions, and forgets them once it moves on', () => {
    const index = new RecordIndex();
    const incident = (id: string, state: string, linked: string[]) => ({
      id,
      number: `INC${id}`,
      state,
      updatedAt: '2026-01-01T08:00:00.000Z',
      relatedInteractions: linked.map((i) => ({ id: i })),
    });
    index.apply({
      kind: 'incident',
      type: 'put',
      records: [incident('a', 'Resolved', ['i1', 'i2']), incident('b', 'In Progress', ['i3'])],
    });
    expect([...index.resolvedIncidentLinks()]).toEqual([['a', ['i1', 'i2']]]);
    index.apply({ kind: 'incident', type: 'put', records: [incident('a', 'Closed', ['i1'])] });
    index.apply({ kind: 'incident', type: 'put', records: [incident('b', 'Resolved', ['i3'])] });
    expect([...index.resolvedIncidentLinks()]).toEqual([['b', ['i3']]]);
    index.apply({ kind: 'incident', type: 'delete', ids: ['b'] });
    expect(index.resolvedIncidentLinks().size).toBe(0);
  });
});
