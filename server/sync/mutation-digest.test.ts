import { describe, expect, it } from 'vitest';
import type { PushedMutation } from '../../shared/sync/protocol';
import { canonicalJson, mutationDigest } from './mutation-digest';

const mutation = (over: Partial<PushedMutation> = {}): PushedMutation => ({
  mutationId: 1,
  name: 'interaction.update',
  args: { id: 'i-1', changes: { description: 'x', state: 'On Hold' } },
  at: '2026-11-23T10:00:00.000Z',
  actorId: 'agent-1',
  ...over,
});

describe('mutation digest', () => {
  it('is the same for the same mutation whatever the key order', () => {
    const reordered = mutation({
      args: { changes: { state: 'On Hold', description: 'x' }, id: 'i-1' },
    });
    expect(mutationDigest(reordered)).toBe(mutationDigest(mutation()));
    expect(canonicalJson({ b: [1, { d: 1, c: undefined }], a: null })).toBe(
      '{"a":null,"b":[1,{"d":1}]}',
    );
  });

  it('differs when anything but the mutationId differs', () => {
    const base = mutationDigest(mutation());
    expect(mutationDigest(mutation({ mutationId: 7 }))).toBe(base);
    for (const other of [
      mutation({ name: 'interaction.close' }),
      mutation({ args: { id: 'i-1', changes: { description: 'y' } } }),
      mutation({ at: '2026-11-23T10:00:01.000Z' }),
      mutation({ actorId: 'agent-2' }),
    ])
      expect(mutationDigest(other)).not.toBe(base);
  });
});
