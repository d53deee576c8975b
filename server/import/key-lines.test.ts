import { describe, expect, it } from 'vitest';
import { KeyLines } from './key-lines';

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
});
