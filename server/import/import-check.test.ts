import { describe, expect, it } from 'vitest';
import { likelyRows } from './import-check';

describe('likelyRows', () => {
  const shape = { columns: ['key', 'name'], preview: [['E1', 'Ada Lovelace']] };

  it('answers somewhat fewer rows than the file holds, judged by its first lines', () => {
    // Lines of about 13.5 characters (with their separators): 1,350,000 bytes hold 100,000.
    expect(likelyRows(1_350_000, shape)).toBeGreaterThan(85_000);
    expect(likelyRows(1_350_000, shape)).toBeLessThan(100_000);
  });

  it('never sizes for more than two million rows', () => {
    expect(likelyRows(10_000_000_000, shape)).toBe(2_000_000);
  });
});
