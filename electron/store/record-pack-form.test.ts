import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../shared/domain/interaction';
import { fromObjects, packOf, packWithout, unpack, unpackSome } from './record-pack-form';
import { interaction } from './sync/sync-test-support';

const three = (): Interaction[] => ['a', 'b', 'c'].map((id) => interaction(id, `IMS${id}`));

/** A pack as IndexedDB gives it back: a copy, not the object that was stored. */
const stored = <T>(value: T): T => structuredClone(value);

describe('a pack of interactions', () => {
  it('holds the ids and each interaction as JSON, and gives back the same interactions', () => {
    const pack = packOf(three());
    expect(pack.ids).toEqual(['a', 'b', 'c']);
    expect(pack.texts.map((t) => (JSON.parse(t) as Interaction).id)).toEqual(['a', 'b', 'c']);
    expect(unpack<Interaction>(stored(pack))).toEqual(three());
  });

  it('decodes only the interactions asked for', () => {
    const pack = stored(packOf(three()));
    pack.texts[0] = 'not JSON: never decoded';
    expect(unpackSome<Interaction>(pack, new Set(['c', 'b', 'x'])).map((r) => r.number)).toEqual([
      'IMSb',
      'IMSc',
    ]);
  });

  it('leaves out interactions with its key kept, or is gone once none is left', () => {
    const pack = { key: 7, ...stored(packOf(three())) };
    const rest = packWithout(pack, new Set(['b']));
    expect(rest?.key).toBe(7);
    expect(rest?.ids).toEqual(['a', 'c']);
    expect(unpack(rest ?? pack).map((r) => r.id)).toEqual(['a', 'c']);
    expect(packWithout(pack, new Set(['a', 'b', 'c']))).toBeNull();
  });

  it('reads a pack as schema 17 stored it (the objects themselves), keeping its key', () => {
    const pack = fromObjects({ key: 3, records: three() });
    expect(pack.key).toBe(3);
    expect(unpack<Interaction>(stored(pack))).toEqual(three());
  });
});
