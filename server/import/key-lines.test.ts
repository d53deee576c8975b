import { describe, expect, it } from 'vitest';
import { KeyLines, estimateRows } from './key-lines';

describe('KeyLines', () => {
  it('keeps the first number for each key and grows as keys come', () => {
    const lines = new KeyLines(2);
    expect(lines.add('E1', 2)).toBe(2);
    expect(lines.add('E2', 3)).toBe(3);
    expect(lines.add('E1', 9)).toBe(2);
    expect(lines.get('E2')).toBe(3);
    expect(lines.get('E3')).toBeUndefined();
    expect(lines.has('E1')).toBe(true);
    for (let i = 0; i < 100_000; i++) lines.add(`K${i}`, i);
    expect(lines.size).toBe(100_002);
    expect(lines.get('K99999')).toBe(99_999);
    expect(lines.get('K100000')).toBeUndefined();
    expect(lines.add('', 0)).toBe(0);
  });

  it('holds as many keys as it was sized for without growing, and more when they come', () => {
    const lines = new KeyLines(1000);
    for (let i = 0; i < 3000; i++) expect(lines.add(`E${i}`, i)).toBe(i);
    for (let i = 0; i < 3000; i++) expect(lines.get(`E${i}`)).toBe(i);
    expect(lines.size).toBe(3000);
  });

  it("estimates a file's rows from its size and first rows, a little over", () => {
    const preview = [
      ['E1', 'ann', 'ann@example.org'],
      ['E2', 'bob', 'bob@example.org'],
    ];
    // Each row: 2 + 3 + 15 bytes, 3 delimiters or line ends, and one more: 24 bytes.
    expect(estimateRows(24_000, preview)).toBe(1066);
    expect(estimateRows(24_000, [])).toBe(1024);
  });
});
