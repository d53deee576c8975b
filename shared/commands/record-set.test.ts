// Records by kind and id: one key per record, an incident never mistaken for an interaction with
// the same id, the order first put kept, and what a keeper stores beside a record kept with it.

import { describe, expect, it } from 'vitest';
import { commandDesk } from './testing/command-desk';
import { AN_INCIDENT } from './testing/scenes';
import { RecordMap, recordKey, type Kinded } from './record-set';

function records() {
  const desk = commandDesk();
  desk.given(AN_INCIDENT);
  const interaction = desk.records.get('interaction', 'ims-1');
  const incident = desk.records.get('incident', 'inc-1');
  if (!interaction || !incident) throw new Error('the scene did not hold');
  return { interaction, incident };
}

describe('RecordMap', () => {
  it('keys a record by its kind and id, so two kinds may share an id', () => {
    const { interaction, incident } = records();
    const map = new RecordMap([
      { kind: 'interaction', record: { ...interaction, id: 'x' } },
      { kind: 'incident', record: { ...incident, id: 'x' } },
    ]);
    expect(map.size).toBe(2);
    expect(map.get('interaction', 'x')?.number).toBe(interaction.number);
    expect(map.get('incident', 'x')?.number).toBe(incident.number);
    expect(map.get('request', 'x')).toBeUndefined();
    expect(recordKey({ kind: 'incident', id: 'x' })).not.toBe(
      recordKey({ kind: 'interaction', id: 'x' }),
    );
  });

  it('keeps the order first put when a record is put again, and lists one kind', () => {
    const { interaction, incident } = records();
    const map = new RecordMap();
    map.put({ kind: 'interaction', record: interaction });
    map.put({ kind: 'incident', record: incident });
    map.put({ kind: 'interaction', record: { ...interaction, description: 'Changed.' } });
    expect([...map].map((e) => e.kind)).toEqual(['interaction', 'incident']);
    expect(map.ofKind('interaction').map((r) => r.description)).toEqual(['Changed.']);
    expect(map.delete({ kind: 'incident', id: 'inc-1' })).toBe(true);
    expect(map.has({ kind: 'incident', id: 'inc-1' })).toBe(false);
  });

  it('keeps what its keeper stores beside a record (the server’s seq and version)', () => {
    const { interaction } = records();
    const map = new RecordMap<{ seq: number }>();
    const entry: Kinded<{ seq: number }> = { kind: 'interaction', record: interaction, seq: 1001 };
    map.put(entry);
    expect(map.entry({ kind: 'interaction', id: 'ims-1' })?.seq).toBe(1001);
  });
});
