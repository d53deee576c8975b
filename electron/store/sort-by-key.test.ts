// Tests for sortRowsByKey: for any keys, the same order as sorting by `<` with ties by row.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortRowsByKey } from './sort-by-key';

function reference(keys: readonly string[]): number[] {
  return keys
    .map((_, row) => row)
    .sort((a, b) => {
      const x = keys[a] as string;
      const y = keys[b] as string;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
}

describe('sortRowsByKey', () => {
  it('orders like the string comparison for any keys, ties by row', () => {
    // Small alphabets make long shared prefixes and ties; full Unicode exercises wide units.
    const narrow = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', '\u0000', 'é', '中'),
      maxLength: 14,
    });
    const key = fc.oneof(
      narrow,
      fc.string({ unit: 'grapheme', maxLength: 10 }),
      fc.string({ maxLength: 70 }),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 400 }), (keys) => {
        expect(Array.from(sortRowsByKey(keys))).toEqual(reference(keys));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts long runs of shared prefixes (phone numbers) correctly', () => {
    const keys = Array.from(
      { length: 5000 },
      (_, i) => `1555${String((i * 7919) % 10_000_000).padStart(7, '0')}`,
    );
    keys.push('1555', '155', '1555000000000000', '1555');
    const long = 'x'.repeat(80);
    for (let i = 0; i < 200; i++)
      keys.push(`${long}${(i * 37) % 101}`, `${long.slice(0, 60 + (i % 20))}`);
    expect(Array.from(sortRowsByKey(keys))).toEqual(reference(keys));
  });
});
